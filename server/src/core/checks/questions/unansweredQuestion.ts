// `unanswered-question`: a question without an answer (a question letter asks; it is not checked).
import type { Finding, Letter } from '../../model';
import { isUnnumbered } from '../../letter/parse';
import { label, quote } from './common';

/** What a quick fix for `unanswered-question` needs: where and what to insert. */
export interface UnansweredData {
  question: string;
  sectionIndex: number;
  insertAt: number;
  insertText: string;
}

/** The placeholder text the quick fix inserts; itself reported until replaced. */
export const ANSWER_PLACEHOLDER = '[PM antwoord]';

export function unanswered(letter: Letter, isQuestionLetter: boolean, out: Finding[]): void {
  if (isQuestionLetter) return; // a question letter asks; it is not expected to answer
  const headingStyle = letter.questions.find((q) => q.answer.headingSpan && /^\W*Antwoord\b/.test(letter.text.slice(q.answer.headingSpan.start, q.answer.headingSpan.end)));
  for (const q of letter.questions) {
    if (q.answer.status !== 'missing') continue;
    let insertAt: number;
    let insertText: string;
    const unnumbered = isUnnumbered(q);
    if (unnumbered) {
      insertAt = Math.max(q.questionSpan.end, q.headingSpan.end);
      insertText = `\n${q.id}. Antwoord van het kabinet\n${ANSWER_PLACEHOLDER}`;
    } else if (q.answer.headingSpan) {
      insertAt = q.answer.headingSpan.end;
      insertText = `\n${ANSWER_PLACEHOLDER}`;
    } else {
      insertAt = Math.max(q.questionSpan.end, q.headingSpan.end);
      insertText = headingStyle ? `\n\nAntwoord ${q.id}\n${ANSWER_PLACEHOLDER}` : `\n\n${ANSWER_PLACEHOLDER}`;
    }
    const data: UnansweredData = { question: q.id, sectionIndex: q.sectionIndex, insertAt, insertText };
    out.push({
      code: 'unanswered-question',
      span: q.answer.headingSpan ?? q.headingSpan,
      message: unnumbered
        ? `De vraag ‘${quote(q.subquestions[0]?.text ?? q.questionText, 60)}’${q.section ? ` (${q.section})` : ''} is niet beantwoord. Voeg na de vraag een genummerd antwoord toe.`
        : `Vraag ${label(q, letter)} is niet beantwoord. Voeg onder de vraag een antwoord toe.`,
      question: q.id,
      data,
    });
  }
}
