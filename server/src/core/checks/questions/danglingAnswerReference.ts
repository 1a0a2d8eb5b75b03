// `dangling-answer-reference`: "zie het antwoord op vraag 12" where the letter has no question 12.
import type { Finding, Letter } from '../../model';
import { answerReferenceTargets } from './answerReferences';

export function danglingAnswerReferences(letter: Letter, out: Finding[]): void {
  for (const { from, id, span, target } of answerReferenceTargets(letter)) {
    if (target) continue;
    out.push({
      code: 'dangling-answer-reference',
      span,
      message: `Vraag ${id} bestaat niet in deze brief. Controleer het nummer in de verwijzing naar het antwoord op vraag ${id}.`,
      question: from.id,
      data: { target: id },
    });
  }
}
