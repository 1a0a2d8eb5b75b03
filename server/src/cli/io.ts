// Reading letters from disk for the CLI (through host/read.ts, as the language server reads them),
// with a one-line Dutch reason otherwise, and file names made safe for one-line output.
import { displayPath, readLetterFile as readFromDisk } from '../host/read';

export class InputError extends Error {}

export { displayPath };

/**
 * The text of a letter file, or an `InputError` with a one-line Dutch message: a regular file
 * of at most `MAX_LETTER_BYTES`, UTF-8 or UTF-16 with a byte-order mark (see `host/read.ts`).
 */
export async function readLetterText(file: string): Promise<string> {
  const r = await readFromDisk(file);
  if ('error' in r) throw new InputError(`${displayPath(file)}: ${r.reason}`);
  return r.text;
}
