// What the question checks share: the parser's extras on a letter and the wording of a question's label and quotes.
import type { Letter, QuestionUnit } from '../../model';
import type { LetterKind, OrphanAnswer } from '../../letter/parse';
import { collapseWhitespace } from '../../text';

/** What `parseLetter` adds to the shared letter model (absent on a hand-made `Letter`). */
export interface LetterExtras {
  kind?: LetterKind;
  orphanAnswers?: OrphanAnswer[];
  askingSentences?: number;
}

/** "12", or "12 (PVV-fractie)" in a letter with several fracties. */
export function label(q: QuestionUnit, letter: Letter): string {
  return letter.sections.length > 1 && q.section ? `${q.id} (${q.section})` : q.id;
}

/** A text on one line, shortened to `max` characters. */
export function quote(s: string, max = 70): string {
  const t = collapseWhitespace(s);
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
