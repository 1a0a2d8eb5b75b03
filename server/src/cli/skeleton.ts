// `antwoordbrief skeleton VRAGENBRIEF`: the answer skeleton of a question letter, as Markdown.
import * as path from 'node:path';
import { parseLetter } from '../core/letter/parse';
import { makeSkeleton } from '../core/skeleton';
import { displayPath, InputError } from './io';
import { readLetterInput } from './input';
import { parseArgs, UsageError } from './options';
import type { CommandResult } from './main';

export async function runSkeleton(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, []);
  if (args.files.length !== 1) throw new UsageError('geef precies één vragenbrief op');
  const file = args.files[0];
  const { text } = await readLetterInput(file);
  const letter = parseLetter(text);
  if (!letter.questions.length) throw new InputError(`${displayPath(file)}: in deze brief zijn geen vragen gevonden; er is geen antwoordopzet gemaakt`);
  return { stdout: makeSkeleton(letter, text, { questionLetterRef: `./${path.basename(file)}` }), stderr: [], code: 0 };
}
