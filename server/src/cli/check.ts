// `antwoordbrief check [--format text|json] [--questions VRAGENBRIEF] [--cache MAP] BESTAND|MAP...`:
// every letter's findings from `diagnose`, with the context the language server gives it: the
// letters of its folder (motions linked across them), its question letter (named, or found in
// its folder; `--questions` fixes one for all) and the facts cached on disk.
import * as path from 'node:path';
import { stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import { createAnalyzer } from '../core/analyzer';
import type { Citations } from '../core/citations/types';
import { citedPapers, type PaperFacts } from '../core/facts';
import type { Finding, Severity } from '../core/model';
import type { DiagnoseContext, Diagnosis } from '../core/diagnose';
import type { QuestionLetterInput } from '../core/pair/state';
import { severityOf, DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { LineIndex, Range } from '../core/text';
import { LetterContext, userCacheDir } from '../host/context';
import { FolderListings } from '../host/read';
import { FactsCache } from '../sources/cache';
import { displayPath, InputError } from './io';
import { namedFiles, pageSuffix, provideNamedQuestionLetter, readLetterInput, withSource, type LetterInput } from './input';
import { formatFlag, parseArgs, UsageError } from './options';
import type { CommandResult } from './main';

export interface CheckDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  question: string | null;
  /** PDF only: the page of the finding's start. */
  page?: number | null;
}

/**
 * What the reader found in one file, counted as the editor's status item counts
 * (`Diagnosis.status`): every question once (a context-only parent not counted), with the
 * questions of its question letter the file does not carry.
 */
export interface CheckSummary {
  /** Questions that need an answer (on a question letter: the questions it asks). */
  questions: number;
  /** Answered in the letter's own words or by a reference that leads to an answer (or another paper). */
  answered: number;
  /** Of `answered`: answered by reference. */
  byReference: number;
  /** Without an answer, with a placeholder, referring to no answer, or missing from the file. */
  open: number;
  /** The file asks the questions (a question letter): none of them is open. */
  questionLetter: boolean;
  /** Findings at error level: with any, the letter is not complete even when nothing is open. */
  errors: number;
  /** The text looks like it holds questions, yet none was recognised (`no-questions-found`). */
  noneRecognised: boolean;
}

/** A file `check` could not read: in the JSON among the letters, in the order given (exit 2). */
export interface CheckUnreadable {
  file: string;
  /** The one-line Dutch message also written to stderr. */
  error: string;
}

export interface CheckFileResult {
  file: string;
  diagnostics: CheckDiagnostic[];
  summary: CheckSummary;
  /** The question letter the file was paired with, if any. */
  questionLetter?: string;
}

/** The summary of a letter's diagnosis (see CheckSummary); `settings` decide which findings are errors. */
export function summaryOf(d: Pick<Diagnosis, 'status' | 'findings'>, settings: Settings = DEFAULT_SETTINGS): CheckSummary {
  const s = d.status;
  return {
    questions: s.total,
    answered: s.answered,
    byReference: s.byReference,
    open: s.open.length,
    questionLetter: s.kind === 'questions',
    errors: d.findings.filter((f) => severityOf(f.code, settings) === 'error').length,
    noneRecognised: d.findings.some((f) => f.code === 'no-questions-found'),
  };
}

/** "22 vragen, 21 beantwoord, 1 open" (Dutch, for the CLI's text output); never "0 open" alone while an error remains. */
export function summaryText(s: CheckSummary): string {
  if (!s.questions) return s.noneRecognised ? 'geen vragen herkend' : 'geen vragen';
  const n = `${s.questions} ${s.questions === 1 ? 'vraag' : 'vragen'}`;
  if (s.questionLetter) return `${n} (vragenbrief: niet op antwoorden gecontroleerd)`;
  const parts = [n, `${s.answered} beantwoord`];
  if (s.byReference) parts[1] += ` (${s.byReference} door verwijzing)`;
  parts.push(`${s.open} open`);
  if (!s.open && s.errors) parts.push(`nog ${s.errors} ${s.errors === 1 ? 'fout' : 'fouten'}`);
  return parts.join(', ');
}

/** Findings as the CLI reports them: severity from the settings ('off' dropped by `diagnose` already). */
export function toCheckDiagnostics(findings: Finding[], lines: LineIndex, settings: Settings): CheckDiagnostic[] {
  const out: CheckDiagnostic[] = [];
  for (const f of findings) {
    const severity = severityOf(f.code, settings);
    if (severity === 'off') continue;
    out.push({ code: f.code, severity, message: f.message, range: lines.range(f.span), question: f.question ?? null });
  }
  return out;
}

/** The facts cached on disk for these citations, as the synchronous lookup `diagnose` takes. */
async function cachedFacts(cache: FactsCache, citations: Citations[], known: Map<string, PaperFacts | null>): Promise<(id: string) => PaperFacts | undefined> {
  for (const c of citations) {
    for (const r of citedPapers(c)) {
      if (known.has(r.id)) continue;
      known.set(r.id, (await cache.get(r.id))?.facts ?? null);
    }
  }
  return (id) => known.get(id) ?? undefined;
}

export async function runCheck(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format', 'questions', 'cache']);
  const format = formatFlag(args, ['text', 'json'], 'text');
  if (!args.files.length) throw new UsageError('geef minstens één bestand op');
  const settings = DEFAULT_SETTINGS;
  // Each folder is listed once in this run, by the walk and by every letter's context alike.
  const listings = new FolderListings();
  const { files, errors, notices } = await namedFiles(args.files, listings);

  const analyzer = createAnalyzer();
  const letters = new LetterContext(undefined, undefined, undefined, listings);
  let fixed: QuestionLetterInput = null;
  const q = args.flags.get('questions');
  if (typeof q === 'string') {
    const { text } = await readLetterInput(q);
    const letter = analyzer.parse(text);
    if (!letter.questions.length) throw new InputError(`${displayPath(q)}: in deze vragenbrief zijn geen vragen gevonden`);
    fixed = { link: { name: path.basename(q), uri: URI.file(path.resolve(q)).toString(), via: 'setting', text, letter } };
  }
  const cacheFlag = args.flags.get('cache');
  const cache = new FactsCache(typeof cacheFlag === 'string' ? cacheFlag : userCacheDir());
  const known = new Map<string, PaperFacts | null>();

  // Every letter is read first, so that PDF and Word letters among them can be paired too.
  const inputs: (LetterInput | null)[] = [];
  const unreadable = new Map<string, string>();
  for (const file of files) {
    try {
      const input = await readLetterInput(file);
      if (input.source !== 'text') letters.letters.provide(file, input, await stat(file));
      inputs.push(input);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e.message);
      unreadable.set(file, e.message);
      inputs.push(null);
    }
  }
  const results: CheckFileResult[] = [];
  try {
    const checked: { file: string; input: LetterInput; uri: string; a: ReturnType<typeof analyzer.analyze>; context: DiagnoseContext; d: Diagnosis }[] = [];
    const askedBy = new Set<string>();
    for (const [i, file] of files.entries()) {
      const input = inputs[i];
      if (!input) continue;
      const text = input.text;
      if (!fixed) await provideNamedQuestionLetter(letters.letters, file, text);
      const uri = URI.file(path.resolve(file)).toString();
      const a = analyzer.analyze(text);
      // The other letters of the folder are read only when they can change this letter's findings (issue 10).
      const workspace = await letters.workspace(uri, a);
      const others = workspace.documents();
      const facts = await cachedFacts(cache, [a.citations, ...others.map((o) => ({ ...o.citations, references: [] }))], known);
      const context: DiagnoseContext = await letters.context(uri, a, '', (r) => facts(r.id), workspace);
      if (fixed) context.questionLetter = typeof q === 'string' && path.resolve(q) === path.resolve(file) ? null : fixed;
      // A named question letter that cannot be read is a finding on the letter (question-letter-unreadable), as in the editor.
      const d = analyzer.diagnose(a, context, settings);
      if (d.pair.questionUri && d.pair.questions) askedBy.add(d.pair.questionUri);
      checked.push({ file, input, uri, a, context, d });
    }
    for (const { file, input, uri, a, context, d: first } of checked) {
      // A file another checked file uses as its question letter asks, as in the editor with both open.
      const d = askedBy.has(uri) && !first.pair.questions && !first.asQuestionLetter ? analyzer.diagnose(a, { ...context, asQuestionLetter: true }, settings) : first;
      const result: CheckFileResult = { file, diagnostics: toCheckDiagnostics(d.findings, a.lines, settings), summary: summaryOf(d, settings) };
      // On a terminal the question letter is named by its path from the letter's folder.
      if (d.pair.questionLetter && d.pair.questionUri && !d.pair.problem)
        result.questionLetter = fixed ? d.pair.questionLetter : path.relative(path.dirname(path.resolve(file)), URI.parse(d.pair.questionUri).fsPath) || d.pair.questionLetter;
      results.push(withSource(result, input, result.diagnostics));
    }
  } finally {
    analyzer.dispose();
  }

  // A letter is not done while a question is open (a placeholder "PM" is only a warning, yet the
  // summary counts it open): exit 1, as for an error, so CI stops on what the summary says.
  const hasError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error') || (!r.summary.questionLetter && r.summary.open > 0));
  let stdout: string;
  if (format === 'json') {
    // A file that could not be read stands among the letters with its message, so a script sees it.
    const entries: (CheckFileResult | CheckUnreadable)[] = [];
    let next = 0;
    for (const file of files) {
      const error = unreadable.get(file);
      if (error !== undefined) entries.push({ file, error });
      else if (results[next]?.file === file) entries.push(results[next++]);
    }
    stdout = JSON.stringify(entries, null, 2) + '\n';
  } else {
    const lines: string[] = [];
    for (const r of results) {
      if (r.questionLetter) lines.push(`${displayPath(r.file)}: vragenbrief ${displayPath(r.questionLetter)}`);
      for (const d of r.diagnostics) {
        lines.push(`${displayPath(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${d.code}  ${d.message}${pageSuffix(d.page)}`);
      }
      lines.push(`${displayPath(r.file)}: ${summaryText(r.summary)}`);
    }
    const count = results.reduce((n, r) => n + r.diagnostics.length, 0);
    const n = results.length;
    if (n) lines.push(count ? `${count} ${count === 1 ? 'melding' : 'meldingen'} in ${n} ${n === 1 ? 'bestand' : 'bestanden'}` : `geen meldingen in ${n} ${n === 1 ? 'bestand' : 'bestanden'}`);
    stdout = lines.length ? lines.join('\n') + '\n' : '';
  }
  return { stdout, stderr: [...notices, ...errors], code: errors.length ? 2 : hasError ? 1 : 0 };
}
