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
  const qs = letter.questions;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    if (q.answer.status !== 'missing') continue;
    // A joint heading ("Vraag 9 en 10") with one empty joint answer: one finding for its numbers.
    let joint: string[] | null = null;
    if (q.jointIds && q.answer.headingSpan) {
      let end = i + 1;
      while (end < qs.length && qs[end].jointIds && qs[end].headingSpan.start === q.headingSpan.start && qs[end].answer.status === 'missing' && qs[end].answer.headingSpan?.start === q.answer.headingSpan.start) end++;
      if (end - i > 1) {
        joint = qs.slice(i, end).map((u) => label(u, letter));
        i = end - 1;
      }
    }
    let insertAt: number;
    let insertText: string;
    const unnumbered = isUnnumbered(q);
    // A subquestion answered on its own ("Antwoord 6a"): its answer goes after its siblings' answers.
    const place = q.split ? siblingPlace(qs, i) : null;
    if (place) {
      insertAt = place.at;
      insertText = place.before ? `Antwoord ${q.id}\n${ANSWER_PLACEHOLDER}\n\n` : `\n\nAntwoord ${q.id}\n${ANSWER_PLACEHOLDER}`;
    } else if (unnumbered) {
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
        : joint
          ? `Vragen ${joint.slice(0, -1).join(', ')} en ${joint[joint.length - 1]} zijn niet beantwoord. Voeg onder de vragen een antwoord toe.`
          : q.split
          ? `Subvraag ${q.suffix}) van vraag ${label({ ...q, id: String(q.number) }, letter)} is niet beantwoord: ‘${quote((q.subquestions[0]?.text ?? q.questionText).replace(/^\(?[a-z][.)]\s*/u, ''), 60)}’. Voeg een antwoord ${q.id} toe.`
          : `Vraag ${label(q, letter)} is niet beantwoord. Voeg onder de vraag een antwoord toe.`,
      question: q.id,
      data,
    });
  }
}

/**
 * Where the answer of the subquestion unit `qs[i]` goes when its question's other subquestions
 * are answered after it: before the answer heading of the first later subquestion (6a before
 * 6b), else after the answer of the last earlier one (6b after 6a). Null when none is. Looks at
 * the neighbouring units of the same number only.
 */
function siblingPlace(qs: Letter['questions'], i: number): { at: number; before: boolean } | null {
  const q = qs[i];
  let before = Infinity;
  let after = -1;
  for (const step of [-1, 1]) {
    for (let k = i + step; k >= 0 && k < qs.length && qs[k].number === q.number && qs[k].sectionIndex === q.sectionIndex; k += step) {
      const a = qs[k].answer;
      const head = a.headingSpan ?? a.span;
      const end = a.span ?? a.headingSpan;
      if (!head || !end || head.start <= q.questionSpan.end) continue;
      if (qs[k].suffix > q.suffix) before = Math.min(before, head.start);
      else after = Math.max(after, end.end);
    }
  }
  if (before !== Infinity) return { at: before, before: true };
  return after >= 0 ? { at: after, before: false } : null;
}
