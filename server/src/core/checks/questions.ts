/**
 * The checks of issue 2: every (sub)question answered. Pure: a letter model in, findings out.
 * Messages are Dutch and say what to do; `data` carries what a quick fix needs. One module per
 * finding code in checks/questions/.
 */
import type { Finding, Letter } from '../model';
import type { Memo } from '../memo';
import type { LetterExtras } from './questions/common';
import { unanswered } from './questions/unansweredQuestion';
import { noQuestionsFound } from './questions/noQuestionsFound';
import { placeholders } from './questions/placeholderInAnswer';
import { danglingAnswerReferences } from './questions/danglingAnswerReference';
import { referencesToUnanswered } from './questions/referenceToUnanswered';
import { answersWithoutQuestion } from './questions/answerWithoutQuestion';
import { numberingEvents } from './questions/numbering';
import { duplicateQuestionNumbers } from './questions/duplicateQuestionNumber';
import { missingQuestionNumbers } from './questions/missingQuestionNumber';
import { notAddressed } from './questions/subquestionNotAddressed';

export { ANSWER_PLACEHOLDER, type UnansweredData } from './questions/unansweredQuestion';

/**
 * Run every question check on a parsed letter. `memo` (the analyzer's) remembers verdicts
 * between analyses of the same letter; without it everything is computed afresh.
 */
export function checkQuestions(letter: Letter, memo?: Memo): Finding[] {
  const extras = letter as Letter & LetterExtras;
  const out: Finding[] = [];
  unanswered(letter, extras.kind === 'question-letter', out);
  placeholders(letter, out);
  danglingAnswerReferences(letter, out);
  referencesToUnanswered(letter, out);
  answersWithoutQuestion(extras.orphanAnswers ?? [], out);
  const numbering = numberingEvents(letter);
  duplicateQuestionNumbers(numbering, out);
  missingQuestionNumbers(numbering, out, extras.orphanAnswers);
  if (letter.questions.length) {
    // The units of a joint heading ("Vraag 9 en 10") share their text and answer: a subquestion
    // they leave open is one finding, not one per number.
    const seen = new Set<string>();
    const found: Finding[] = [];
    notAddressed(letter, found, memo);
    for (const f of found) {
      const key = `${f.span.start}:${f.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  } else noQuestionsFound(letter, extras.askingSentences ?? 0, out);
  out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return out;
}
