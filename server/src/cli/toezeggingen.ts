// `antwoordbrief toezeggingen [--format text|json|csv [--excel]] [--datum JJJJ-MM-DD] BESTAND|MAP…`: every
// commitment of each letter with its due date, as text, JSON or CSV for a ministry's register.
import { statSync } from 'node:fs';
import { findCommitments } from '../core/commitments';
import { dueLabel } from '../core/commitments/present';
import { parseIsoDate } from '../core/commitments/dates';
import { LineIndex, type Range } from '../core/text';
import { localIsoDate } from '../host/fileDate';
import { displayPath, InputError } from './io';
import { formatFlag, parseArgs, UsageError } from './options';
import { letterFiles } from '../host/read';
import { extractedFilesUnder, pageSuffix, readLetterInput, withSource, type LetterInput } from './input';
import type { CommandResult } from './main';

export interface CommitmentEntry {
  text: string;
  range: Range;
  due: { phrase: string | null; date: string | null };
  /** For a letter extracted from a PDF: the page the sentence starts on. */
  page?: number | null;
}

export interface CommitmentsResult {
  file: string;
  commitments: CommitmentEntry[];
}

/** The commitments of one letter; `fallbackDate` dates a letter without a date in its header. */
export function commitmentsOf(file: string, text: string, fallbackDate: string | null): CommitmentsResult {
  const found = findCommitments(text, { fallbackDate });
  const lines = new LineIndex(text);
  return {
    file,
    commitments: found.items.map((c) => ({ text: c.text, range: lines.range(c.span), due: { phrase: c.due.phrase, date: c.due.date } })),
  };
}

/** One CSV field (RFC 4180): quoted when it holds the separator, a quote, a semicolon, comma or line break. */
function csvField(v: string, sep: string): string {
  return v.includes(sep) || /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV for a register of toezeggingen: a header row, then one row per commitment with the file,
 * the sentence, the due phrase, the due date (`YYYY-MM-DD`, empty when none) and the line
 * (1-based); CRLF line ends (RFC 4180). `excel`: semicolons and a UTF-8 byte order mark, which
 * Excel with Dutch regional settings needs to open the file in columns with "ï" and "ë" intact.
 */
export function commitmentsCsv(results: CommitmentsResult[], excel = false): string {
  const sep = excel ? ';' : ',';
  const rows = [['bestand', 'toezegging', 'termijn', 'datum', 'regel']];
  for (const r of results) for (const c of r.commitments) rows.push([r.file, c.text, c.due.phrase ?? '', c.due.date ?? '', String(c.range.start.line + 1)]);
  return (excel ? '\ufeff' : '') + rows.map((row) => row.map((f) => csvField(f, sep)).join(sep)).join('\r\n') + '\r\n';
}

/**
 * The files the command line names: each file as given, each folder's letters as `check MAP`
 * finds them (text, PDF and Word); a folder without letters gives a Dutch message.
 */
async function namedFiles(args: string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const f of args) {
    let folder = false;
    try {
      folder = statSync(f).isDirectory();
    } catch {
      // Not there or not readable: reading it as a file says why.
    }
    if (!folder) {
      files.push(f);
      continue;
    }
    const under = [...(await letterFiles(f)), ...(await extractedFilesUnder(f))].sort();
    if (!under.length) errors.push(`${displayPath(f)}: dit is een map zonder brieven (.md, .markdown, .txt, .pdf, .docx)`);
    files.push(...under);
  }
  return { files, errors };
}

function fileMtimeDate(file: string): string | null {
  try {
    return localIsoDate(statSync(file).mtime);
  } catch {
    return null;
  }
}

export async function runToezeggingen(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format', 'datum'], ['excel']);
  const format = formatFlag(args, ['text', 'json', 'csv'], 'text');
  if (!args.files.length) throw new UsageError('geef één of meer bestanden of mappen op');
  if (args.flags.get('excel') === true && format !== 'csv') throw new UsageError('--excel geldt alleen bij --format csv');
  const datum = args.flags.get('datum');
  if (typeof datum === 'string' && !parseIsoDate(datum)) throw new UsageError(`--datum ${datum} is geen datum (gebruik JJJJ-MM-DD)`);
  const { files, errors } = await namedFiles(args.files);
  const stderr = errors.map((e) => `antwoordbrief: ${e}`);
  const results: CommitmentsResult[] = [];
  for (const file of files) {
    let input: LetterInput;
    try {
      input = await readLetterInput(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      stderr.push(`antwoordbrief: ${e.message}`);
      continue;
    }
    // Without a date in its header, a letter is dated by --datum, else by its file.
    const fallback = typeof datum === 'string' ? datum : fileMtimeDate(file);
    const result = commitmentsOf(file, input.text, fallback);
    results.push(withSource(result, input, result.commitments));
  }
  const code = stderr.length ? 2 : 0;
  if (format === 'json') return { stdout: JSON.stringify(results, null, 2) + '\n', stderr, code };
  if (format === 'csv') return { stdout: commitmentsCsv(results, args.flags.get('excel') === true), stderr, code };
  const out: string[] = [];
  for (const r of results) {
    out.push(`${displayPath(r.file)}: ${r.commitments.length} ${r.commitments.length === 1 ? 'toezegging' : 'toezeggingen'}`);
    for (const c of r.commitments) out.push(`  regel ${c.range.start.line + 1}${pageSuffix(c.page)}: ${dueLabel({ phrase: c.due.phrase, date: c.due.date, at: -1 })}\n    ${c.text}`);
  }
  return { stdout: out.join('\n') + (out.length ? '\n' : ''), stderr, code };
}
