/**
 * Question letters cut out of the corpus at test time (never copied into the project): the
 * question part of a real letter, as the committee sent it, built from the letter model.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../server/src/core/letter/parse';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const HAS_SHARED = existsSync(CORPUS);
export const LETTER_000 = path.join(CORPUS, '000_d3bc5dac7f923b81.txt');
export const LETTER_002 = path.join(CORPUS, '002_6751bf33f558afb4.txt');

/**
 * The question letter (inbreng) of a corpus answer letter: each fractie heading followed by its
 * questions, as the committee wrote them. `sections` limits it to some fracties; `headings`
 * keeps the `Vraag N` headings (the 000 layout) or leaves the prose questions bare (002).
 */
export function cutQuestionLetter(file: string, options: { sections?: string[]; headings: boolean }): string {
  const text = readFileSync(file, 'utf8');
  const letter = parseLetter(text);
  const out: string[] = ['Inbreng schriftelijk overleg', '', 'Datum 26 maart 2025', ''];
  let section = -2;
  for (const u of letter.questions) {
    if (options.sections && !options.sections.includes(u.section ?? '')) continue;
    if (u.sectionIndex !== section && u.sectionIndex >= 0) {
      const s = letter.sections[u.sectionIndex];
      out.push(text.slice(s.span.start, s.span.end).trim(), '');
      section = u.sectionIndex;
    }
    if (options.headings) out.push(text.slice(u.headingSpan.start, u.headingSpan.end).trim(), '');
    // The question as the model reads it: the verslag's page furniture is no part of an inbreng.
    out.push(u.questionText, '');
  }
  return out.join('\n');
}
