/**
 * The answer status of a letter, as the status item and the CLI's outline show it: how many
 * question units need an answer (context-only parents excluded), how many have one (written
 * out or by reference), and the unanswered ones in document order.
 */
import type { Letter, QuestionUnit } from '../model';

export interface AnswerStatus {
  total: number;
  answered: number;
  /** Of `answered`: answered by reference (to another answer or another paper). */
  byReference: number;
  /** The units without an answer, by the start of their heading. */
  unanswered: QuestionUnit[];
}

/** Counts and the unanswered units of a letter. Linear in its units (plus the sort). */
export function answerStatus(letter: Letter): AnswerStatus {
  const units = letter.questions.filter((q) => q.answer.status !== 'context');
  const unanswered = units.filter((q) => q.answer.status !== 'answered' && q.answer.status !== 'by-reference').sort((a, b) => a.headingSpan.start - b.headingSpan.start);
  const byReference = units.filter((q) => q.answer.status === 'by-reference').length;
  return { total: units.length, answered: units.length - unanswered.length, byReference, unanswered };
}
