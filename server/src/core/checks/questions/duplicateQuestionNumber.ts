// `duplicate-question-number`: the same question number twice in one run of the numbering.
import type { Finding } from '../../model';
import type { NumberingEvent } from './numbering';

export function duplicateQuestionNumbers(events: NumberingEvent[], out: Finding[]): void {
  for (const e of events) {
    if (e.kind !== 'duplicate') continue;
    out.push({
      code: 'duplicate-question-number',
      span: e.q.headingSpan,
      message: `Vraag ${e.q.id} komt twee keer voor${e.inSection}. Nummer de vragen opnieuw of voeg ze samen.`,
      question: e.q.id,
      data: { first: e.first.headingSpan },
    });
  }
}
