// `antwoordbrief toezeggingen [--format text|json|csv [--excel]] [--datum JJJJ-MM-DD] BESTAND|MAP…`: every
// commitment of each letter with its due date, as text, JSON or CSV for a ministry's register.
import { findCommitments } from '../core/commitments';
import { dueLabel, isPastDue, letterDateOriginLabel, PAST_DUE } from '../core/commitments/present';
import { dutchDate } from '../core/commitments/dates';
import { parseIsoDate } from '../core/commitments/dates';
import { clip, LineIndex, type Range } from '../core/text';
import { displayPath, InputError } from './io';
import { formatFlag, parseArgs, UsageError } from './options';
import { FolderListings } from '../host/read';
import { namedFiles, pageSuffix, readLetterInput, withSource, type LetterInput } from './input';
import type { CommandResult } from './main';

export interface CommitmentEntry {
  text: string;
  range: Range;
  due: { phrase: string | null; date: string | null };
  /** For a letter extracted from a PDF: the page the sentence starts on. */
  page?: number | null;
  /** Present (true) when the due date lies before the letter's date. */
  pastDue?: true;
  /** Present (true) when the phrase names a date only relative to the letter's, and the letter has none. */
  needsLetterDate?: true;
}

/** The date due dates were counted from, and where it came from (null: the letter is undated and no --datum). */
export interface LetterDateUsed {
  date: string | null;
  from: 'kop' | '--datum' | null;
}

export interface CommitmentsResult {
  file: string;
  letterDate: LetterDateUsed;
  commitments: CommitmentEntry[];
}

/**
 * The commitments of one letter; `datum` (from --datum) dates a letter without a date in its
 * header. Never the file's modification date: a copied or re-saved file would date the
 * commitments silently wrong, so an undated letter without --datum gets no due dates that
 * depend on the letter's date.
 */
export function commitmentsOf(file: string, text: string, datum: string | null): CommitmentsResult {
  const found = findCommitments(text, { fallbackDate: datum, fallbackFrom: '--datum' });
  const lines = new LineIndex(text);
  const from = found.letterDateFrom === 'kop' || found.letterDateFrom === '--datum' ? found.letterDateFrom : null;
  return {
    file,
    letterDate: { date: from ? found.letterDate : null, from },
    commitments: found.items.map((c) => ({
      text: c.text,
      range: lines.range(c.span),
      due: { phrase: c.due.phrase, date: c.due.date },
      ...(isPastDue(c.due.date, found.letterDate) ? { pastDue: true as const } : {}),
      ...(c.due.needsLetterDate ? { needsLetterDate: true as const } : {}),
    })),
  };
}

/**
 * A CSV cell a spreadsheet would read as a formula ("=", "+", "-", "@", a tab or carriage
 * return first) gets a leading apostrophe (OWASP, "CSV Injection").
 */
function neutralised(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** One CSV field (RFC 4180): quoted when it holds the separator, a quote, a semicolon, comma or line break. */
function csvField(v: string, sep: string): string {
  v = neutralised(v);
  return v.includes(sep) || /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV for a register of toezeggingen: a header row, then one row per commitment with the file,
 * the sentence, the due phrase, the due date (`YYYY-MM-DD`, empty when none), the line
 * (1-based) and the PDF page (empty for text and Word); CRLF line ends (RFC 4180). `excel`: semicolons and a UTF-8 byte order mark, which
 * Excel with Dutch regional settings needs to open the file in columns with "ï" and "ë" intact.
 */
export function commitmentsCsv(results: CommitmentsResult[], excel = false): string {
  const sep = excel ? ';' : ',';
  const rows = [['bestand', 'toezegging', 'termijn', 'datum', 'regel', 'pagina']];
  for (const r of results)
    for (const c of r.commitments) rows.push([r.file, c.text, c.due.phrase ?? '', c.due.date ?? '', String(c.range.start.line + 1), typeof c.page === 'number' ? String(c.page) : '']);
  return (excel ? '\ufeff' : '') + rows.map((row) => row.map((f) => csvField(f, sep)).join(sep)).join('\r\n') + '\r\n';
}

export async function runToezeggingen(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format', 'datum'], ['excel']);
  const format = formatFlag(args, ['text', 'json', 'csv'], 'text');
  if (!args.files.length) throw new UsageError('geef één of meer bestanden of mappen op');
  if (args.flags.get('excel') === true && format !== 'csv') throw new UsageError('--excel geldt alleen bij --format csv');
  const datum = args.flags.get('datum');
  if (typeof datum === 'string' && !parseIsoDate(datum)) throw new UsageError(`--datum ${clip(datum)} is geen datum (gebruik JJJJ-MM-DD)`);
  const { files, errors, notices } = await namedFiles(args.files, new FolderListings());
  const stderr = [...notices, ...errors].map((e) => `antwoordbrief: ${e}`);
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
    // Without a date in its header, a letter is dated by --datum, else not at all.
    const fallback = typeof datum === 'string' ? datum : null;
    const result = commitmentsOf(file, input.text, fallback);
    results.push(withSource(result, input, result.commitments));
  }
  // A notice that a folder's list was cut is no error.
  const code = stderr.length > notices.length ? 2 : 0;
  if (format === 'json') return { stdout: JSON.stringify(results, null, 2) + '\n', stderr, code };
  if (format === 'csv') return { stdout: commitmentsCsv(results, args.flags.get('excel') === true), stderr, code };
  const out: string[] = [];
  for (const r of results) {
    out.push(`${displayPath(r.file)}: ${r.commitments.length} ${r.commitments.length === 1 ? 'toezegging' : 'toezeggingen'}`);
    out.push(`  briefdatum: ${r.letterDate.date ? `${dutchDate(r.letterDate.date)} (${letterDateOriginLabel(r.letterDate.from)})` : 'onbekend: de brief heeft geen datum — geef --datum JJJJ-MM-DD'}`);
    for (const c of r.commitments) {
      const label = dueLabel({ phrase: c.due.phrase, date: c.due.date, at: -1, ...(c.needsLetterDate ? { needsLetterDate: true } : {}) });
      out.push(`  regel ${c.range.start.line + 1}${pageSuffix(c.page)}: ${label}${c.pastDue ? ` — let op: ${PAST_DUE}` : ''}\n    ${c.text}`);
    }
  }
  return { stdout: out.join('\n') + (out.length ? '\n' : ''), stderr, code };
}
