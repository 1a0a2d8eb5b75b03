// The CLI's one way to read a letter file: a text file through host/read.ts (io.ts), a PDF or Word file
// through the extractor (host/extract). Ranges in the output then refer to the extracted
// text; the JSON says so (`"source": "pdf"`) and gives the page of each finding in a PDF.
import { extractKind, extractText, wrongKindMessage, type ExtractKind } from '../host/extract/index';
export { extractedFilesUnder } from '../host/extract/index';
import { extractedFilesWalk } from '../host/extract/index';
import { letterFiles, walkNotice, type FolderListings } from '../host/read';
import { LineIndex, type Range } from '../core/text';
import { displayPath, InputError, readLetterText } from './io';
import { open, stat as statFile } from 'node:fs/promises';
import { isWordZip, sniff } from '../host/extract/sniff';
import * as path from 'node:path';
import { questionLetterRef } from '../core/pair/link';
import type { LetterFiles } from '../host/pairFiles';

export interface LetterInput {
  text: string;
  /** Where the text came from: the file itself, or extracted from a PDF or Word file. */
  source: 'text' | ExtractKind;
  /** The 1-based PDF page of a UTF-16 offset into `text`; null for text and Word. */
  pageOf(offset: number): number | null;
}

/** The text of a letter file of any kind; an `InputError` (one Dutch line) when it has none. */
export async function readLetterInput(file: string): Promise<LetterInput> {
  const kind = extractKind(file);
  if (!kind) {
    try {
      return { text: await readLetterText(file), source: 'text', pageOf: () => null };
    } catch (e) {
      // A binary file under a text name (an old .doc, a PDF saved as .txt): say what it is.
      const what = e instanceof InputError ? await sniffFile(file) : null;
      throw what ? new InputError(wrongKindMessage(displayPath(file), what)) : e;
    }
  }
  const r = await extractText(file, kind, file);
  if ('error' in r) throw new InputError(r.error);
  return { text: r.text, source: r.source, pageOf: r.pageOf };
}

/** What a file that is no text is, by its first 1,024 bytes (see host/extract/sniff.ts); null: unknown or unreadable. */
async function sniffFile(file: string): Promise<string | null> {
  let fh;
  try {
    // Only a regular file is opened (opening a FIFO would wait for a writer).
    if (!(await statFile(file)).isFile()) return null;
    fh = await open(file, 'r');
    const buf = new Uint8Array(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const kind = sniff(head);
    if (kind === 'ole') return 'doc';
    if (kind === 'zip') return isWordZip(head) || Buffer.from(head).includes('[Content_Types].xml') ? 'docx' : 'zip';
    return kind;
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

/**
 * The source of every letter after its file name (`"source": "text"`, `"pdf"` or `"docx"`), and
 * for a PDF the page of each item with a `range` (from its start), in place.
 */
export function withSource<T extends { file: string }>(result: T, input: LetterInput, items: { range: Range | null; page?: number | null }[]): T {
  if (input.source === 'pdf') {
    const lines = new LineIndex(input.text);
    for (const item of items) item.page = item.range ? input.pageOf(lines.offset(item.range.start)) : null;
  }
  const { file, ...rest } = result;
  return { file, source: input.source, ...rest } as unknown as T;
}

/** ` (pagina 3)` after a text-format line of a PDF, or nothing. */
export function pageSuffix(page: number | null | undefined): string {
  return typeof page === 'number' ? `  (pagina ${page})` : '';
}

/** A PDF or Word question letter named in the letter (`<!-- vragen: ./vragen.pdf -->`) is extracted first. */
export async function provideNamedQuestionLetter(disk: LetterFiles, file: string, text: string): Promise<void> {
  const ref = questionLetterRef(text);
  if (!ref || !extractKind(ref.target)) return;
  const target = path.resolve(path.dirname(path.resolve(file)), ref.target);
  let stat;
  try {
    stat = await statFile(target);
  } catch {
    return; // the pairing says it does not exist
  }
  if (!stat.isFile()) return;
  // Named by its file name, as the editor names it: the finding reads the same in both hosts.
  const r = await extractText(target, extractKind(target), path.basename(target));
  disk.provide(target, 'error' in r ? { error: r.error } : { text: r.text }, stat);
}

/**
 * The letters (text, PDF and Word) under the folder `dir`, in name order, walked once through
 * `listings` (shared with the rest of the run); with the Dutch notices of a walk that was cut
 * (more than WORKSPACE_LIMITS.files letters, a folder of more than MAX_DIR_ENTRIES entries).
 */
/**
 * The files a command line names: each file as given, each folder's letters as `lettersUnder`
 * finds them (walked through `listings`, shared with the rest of the run); a folder without
 * letters gives a Dutch error line, a cut walk its Dutch notices.
 */
export async function namedFiles(args: string[], listings: FolderListings): Promise<{ files: string[]; errors: string[]; notices: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  const notices: string[] = [];
  for (const f of args) {
    let folder = false;
    try {
      folder = (await statFile(f)).isDirectory();
    } catch {
      // Not there or not readable: reading it as a file says why.
    }
    if (!folder) {
      files.push(f);
      continue;
    }
    const { files: under, notices: cut } = await lettersUnder(f, listings);
    notices.push(...cut);
    if (!under.length) errors.push(`${displayPath(f)}: dit is een map zonder brieven (.md, .markdown, .txt, .pdf, .docx)`);
    files.push(...under);
  }
  return { files, errors, notices };
}

export async function lettersUnder(dir: string, listings: FolderListings): Promise<{ files: string[]; notices: string[] }> {
  const texts = await letterFiles(dir, undefined, listings);
  const extracted = await extractedFilesWalk(dir, listings);
  const notices = [...new Set([walkNotice(dir, texts), walkNotice(dir, extracted)].filter((n): n is string => n !== null))];
  return { files: [...texts.files, ...extracted.files].sort(), notices };
}
