// `answer-without-question`: an answer heading whose number no question has.
import type { Finding } from '../../model';
import type { OrphanAnswer } from '../../letter/parse';

export function answersWithoutQuestion(orphans: OrphanAnswer[], out: Finding[]): void {
  for (const o of orphans) {
    out.push({
      code: 'answer-without-question',
      span: o.span,
      message: `Bij dit antwoord hoort geen vraag ${o.id}. Controleer het nummer of voeg vraag ${o.id} toe.`,
      question: o.id,
    });
  }
}
