// Reading letters from disk for the CLI (through host/read.ts, as the language server reads them),
// with a one-line Dutch reason otherwise, and file names made safe for one-line output.
import { readLetterFile as readFromDisk } from '../host/read';

export class InputError extends Error {}

/**
 * A file name for one line of output: control characters (a newline in a file name would break
 * the `file:line:col` lines) are written as escapes (`\n`, `\t`, `\x1b`).
 */
export function displayPath(file: string): string {
  return file.replace(/[\u0000-\u001f\u007f]/gu, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * The text of a letter file, or an `InputError` with a one-line Dutch message: a regular file
 * of at most `MAX_LETTER_BYTES`, UTF-8 or UTF-16 with a byte-order mark (see `host/read.ts`).
 */
export async function readLetterText(file: string): Promise<string> {
  const r = await readFromDisk(file);
  if ('error' in r) throw new InputError(`${displayPath(file)}: ${r.reason}`);
  return r.text;
}
