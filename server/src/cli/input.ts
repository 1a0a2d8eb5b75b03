// The CLI's one way to read a letter file: a text file through host/read.ts (io.ts), a PDF or Word file
// through the extractor (host/extract). Ranges in the output then refer to the extracted
// text; the JSON says so (`"source": "pdf"`) and gives the page of each finding in a PDF.
import { extractKind, extractText, type ExtractKind } from '../host/extract/index';
export { extractedFilesUnder } from '../host/extract/index';
import { extractedFilesWalk } from '../host/extract/index';
import { letterFiles, walkNotice, type FolderListings } from '../host/read';
import { LineIndex, type Range } from '../core/text';
import { InputError, readLetterText } from './io';
import { stat as statFile } from 'node:fs/promises';
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
  if (!kind) return { text: await readLetterText(file), source: 'text', pageOf: () => null };
  const r = await extractText(file, kind, file);
  if ('error' in r) throw new InputError(r.error);
  return { text: r.text, source: r.source, pageOf: r.pageOf };
}

/**
 * For an extracted letter: the page of each item with a `range` (from its start), in place, and
 * the source; a text letter is returned unchanged, so its JSON keeps its shape.
 */
export function withSource<T extends { file: string }>(result: T, input: LetterInput, items: { range: Range | null; page?: number | null }[]): T {
  if (input.source === 'text') return result;
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
export async function lettersUnder(dir: string, listings: FolderListings): Promise<{ files: string[]; notices: string[] }> {
  const texts = await letterFiles(dir, undefined, listings);
  const extracted = await extractedFilesWalk(dir, listings);
  const notices = [...new Set([walkNotice(dir, texts), walkNotice(dir, extracted)].filter((n): n is string => n !== null))];
  return { files: [...texts.files, ...extracted.files].sort(), notices };
}
