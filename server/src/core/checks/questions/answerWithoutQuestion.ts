// `answer-without-question`: an answer heading whose number no question has; `duplicate-answer`
// when that question exists and is answered already (the same heading twice, an answer repeated).
import type { Finding } from '../../model';
import type { OrphanAnswer } from '../../letter/parse';

export function answersWithoutQuestion(orphans: OrphanAnswer[], out: Finding[]): void {
  for (const o of orphans) {
    if (o.duplicate) {
      const which = `vraag ${o.id}${o.duplicate.section ? ` (${o.duplicate.section})` : ''}`;
      out.push({
        code: 'duplicate-answer',
        span: o.span,
        message: `Het antwoord op ${which} staat twee keer in de brief. Verwijder een van beide antwoorden of controleer het nummer.`,
        question: o.id,
      });
      continue;
    }
    out.push({
      code: 'answer-without-question',
      span: o.span,
      message: `Bij dit antwoord hoort geen vraag ${o.id}. Controleer het nummer of voeg vraag ${o.id} toe.`,
      question: o.id,
    });
  }
}
