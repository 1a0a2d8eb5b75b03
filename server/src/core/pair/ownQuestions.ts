/**
 * Whether a letter's questions come from elsewhere (issue 11): only then does it make sense to
 * offer the drafter to link a question letter ("Geen vragenbrief gekoppeld — kiezen"). Pure.
 */
import type { Letter } from '../model';
import { isQuestionLetter } from './link';
import { answerOnlyHeadings } from './answerOnly';

/** How much of the start of a letter is read for its kind: the headers stand there. */
const HEAD = 3000;

/**
 * A published Aanhangsel answer: "Aanhangsel van de Handelingen" and the "Vragen van het lid …
 * (ingezonden …)" header that prints the questions with their answers (the Aanhangsel's own form).
 */
const AANHANGSEL = /Aanhangsel\s+(?:van\s+de\s+)?Handelingen[\s\S]{0,600}?Vragen\s+(?:gesteld\s+door|van\s+(?:het\s+lid|de\s+leden))/i;

/**
 * A verslag or list that prints questions and answers together: "Verslag van een (nader)
 * schriftelijk overleg", "Lijst van vragen en antwoorden", or the formula of such documents, "… zijn met de
 * door de minister … antwoorden hieronder afgedrukt" / "Vragen en antwoorden zijn hierna afgedrukt".
 */
const SELF_CONTAINED = /verslag\s+van\s+een\s+(?:nader\s+)?schriftelijk\s+overleg|lijst\s+van\s+vragen\s+en\s+antwoorden|antwoorden\s+(?:zijn\s+)?(?:hieronder|hierna)\s+afgedrukt|vragen\s+en\s+antwoorden\s+zijn\s+(?:hieronder|hierna)\s+afgedrukt/i;

/**
 * Whether a letter is an answer letter whose questions come from another document (a
 * question letter or a committee's inbreng), and so may be linked to one. False for a letter
 * without questions, for a question letter, for a published Aanhangsel answer (which prints the
 * questions it answers) and for a verslag or list of questions and answers that holds its own
 * questions. An answer-only letter ("Antwoord N" headings without question text, answerOnly.ts)
 * is one whose questions come from elsewhere. Reads only the first 3,000 characters of
 * `letter.text` (constant time) besides the letter's answer headings.
 */
export function questionsComeFromElsewhere(letter: Letter): boolean {
  if (answerOnlyHeadings(letter)) return true;
  if (!letter.questions.length || isQuestionLetter(letter)) return false;
  const head = letter.text.slice(0, HEAD);
  return !AANHANGSEL.test(head) && !SELF_CONTAINED.test(head);
}
