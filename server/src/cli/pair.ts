// `antwoordbrief check` with question letters: `--questions VRAGENBRIEF BESTAND...` and
// `check MAP` (every letter under a folder, each answer letter paired with its question letter
// as the language server pairs it). Output as the plain check, plus the pair findings.
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseLetter } from '../core/letter/parse';
import type { Letter } from '../core/model';
import { checkPair } from '../core/pair/check';
import { findTerm, isoToday } from '../core/pair/term';
import { applySuppressions } from '../core/suppress';
import { disabledCodes } from '../core/analyze';
import { severityOf, DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { LineIndex } from '../core/text';
import { findQuestionLetter, LetterFiles } from '../host/pairFiles';
import { checkText, summaryText, type CheckDiagnostic, type CheckFileResult } from './check';
import { displayPath, InputError, readLetterText } from './io';
import { formatFlag, parseArgs, UsageError } from './options';
import type { CommandResult } from './main';

const LETTER_EXT = /\.(md|markdown|txt)$/iu;

/** A checked file, with the question letter it was paired with (if any). */
export interface PairedFileResult extends CheckFileResult {
  questionLetter?: string;
}

/** Today for the answer term; ANTWOORDBRIEF_TODAY (YYYY-MM-DD) pins it for reproducible runs. */
function today(): string {
  const pinned = process.env.ANTWOORDBRIEF_TODAY;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : isoToday();
}

/** Letter files under a folder, recursively, sorted; hidden folders and node_modules skipped. */
export async function lettersUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, depth: number) => {
    if (depth > 20) return;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      throw new InputError(`${displayPath(d)}: kan deze map niet lezen`);
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile() && LETTER_EXT.test(e.name)) out.push(p);
    }
  };
  await walk(dir, 0);
  return out;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The pair findings of one answer letter as CLI diagnostics. */
export function pairDiagnostics(file: string, text: string, letter: Letter, questions: { name: string; letter: Letter; text: string }, settings: Settings = DEFAULT_SETTINGS): CheckDiagnostic[] {
  const found = checkPair(questions.letter, letter, { questionLetterName: questions.name, today: today(), term: findTerm(questions.text) });
  const kept = applySuppressions(text, found, disabledCodes(settings));
  const lines = new LineIndex(text);
  const out: CheckDiagnostic[] = [];
  for (const f of kept) {
    const severity = severityOf(f.code, settings);
    if (severity === 'off') continue;
    out.push({ code: f.code, severity, message: f.message, range: lines.range(f.span), question: f.question ?? null });
  }
  return out;
}

export async function runCheckWithPairs(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format', 'questions']);
  const format = formatFlag(args, ['text', 'json'], 'text');
  if (!args.files.length) throw new UsageError('geef minstens één bestand op');
  const errors: string[] = [];
  const files: string[] = [];
  for (const f of args.files) {
    if (!(await isDirectory(f))) {
      files.push(f);
      continue;
    }
    const under = await lettersUnder(f);
    if (!under.length) errors.push(`${displayPath(f)}: dit is een map zonder brieven (.md, .markdown, .txt)`);
    files.push(...under);
  }

  let fixed: { name: string; letter: Letter; text: string } | null = null;
  const q = args.flags.get('questions');
  if (typeof q === 'string') {
    const text = await readLetterText(q);
    fixed = { name: path.basename(q), letter: parseLetter(text), text };
    if (!fixed.letter.questions.length) throw new InputError(`${displayPath(q)}: in deze vragenbrief zijn geen vragen gevonden`);
  }

  const disk = new LetterFiles();
  const results: PairedFileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readLetterText(file);
    } catch (e) {
      if (e instanceof InputError) {
        errors.push(e.message);
        continue;
      }
      throw e;
    }
    const result: PairedFileResult = checkText(file, text);
    let pairWith = fixed;
    let letter: Letter | null = null;
    if (!pairWith) {
      letter = parseLetter(text);
      const outcome = await findQuestionLetter(disk, path.resolve(file), text, letter);
      if (outcome && 'error' in outcome) errors.push(`${displayPath(file)}: ${outcome.error}`);
      else if (outcome) pairWith = { name: path.relative(path.dirname(path.resolve(file)), outcome.link.path) || path.basename(outcome.link.path), letter: outcome.link.letter, text: outcome.link.text };
    }
    if (pairWith && !(typeof q === 'string' && path.resolve(q) === path.resolve(file))) {
      letter ??= parseLetter(text);
      result.questionLetter = pairWith.name;
      result.diagnostics.push(...pairDiagnostics(file, text, letter, pairWith));
      result.diagnostics.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    }
    results.push(result);
  }

  const hasError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  let stdout: string;
  if (format === 'json') {
    stdout = JSON.stringify(results, null, 2) + '\n';
  } else {
    const lines: string[] = [];
    for (const r of results) {
      if (r.questionLetter) lines.push(`${displayPath(r.file)}: vragenbrief ${displayPath(r.questionLetter)}`);
      for (const d of r.diagnostics) {
        lines.push(`${displayPath(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${d.code}  ${d.message}`);
      }
      lines.push(`${displayPath(r.file)}: ${summaryText(r.summary)}`);
    }
    const count = results.reduce((n, r) => n + r.diagnostics.length, 0);
    const n = results.length;
    if (n) lines.push(count ? `${count} ${count === 1 ? 'melding' : 'meldingen'} in ${n} ${n === 1 ? 'bestand' : 'bestanden'}` : `geen meldingen in ${n} ${n === 1 ? 'bestand' : 'bestanden'}`);
    stdout = lines.length ? lines.join('\n') + '\n' : '';
  }
  return { stdout, stderr: errors, code: errors.length ? 2 : hasError ? 1 : 0 };
}
