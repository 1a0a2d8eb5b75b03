// Reading letters from disk for the CLI: UTF-8 only, with a Dutch one-line reason otherwise.
import { readFileSync, statSync } from 'node:fs';
import { decodeLetter } from '../host/files';

export class InputError extends Error {}

/** The text of a letter file, or an `InputError` with a one-line Dutch message. */
export function readLetterFile(file: string): string {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new InputError(`${file}: dit is een map, geen bestand`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: bestand niet gevonden`);
    if (code === 'EISDIR') throw new InputError(`${file}: dit is een map, geen bestand`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${file}: geen toegang tot dit bestand`);
    throw new InputError(`${file}: kan dit bestand niet lezen (${code ?? 'onbekende fout'})`);
  }
  // A NUL byte never occurs in a letter's text: this is a binary file (PDF, Word, image, …).
  if (bytes.includes(0)) throw new InputError(`${file}: dit is geen tekstbestand (binaire inhoud); sla de brief op als tekst of Markdown`);
  const text = decodeLetter(bytes);
  if (text === null) throw new InputError(`${file}: dit bestand is geen geldige UTF-8-tekst; sla de brief op als UTF-8`);
  return text;
}
