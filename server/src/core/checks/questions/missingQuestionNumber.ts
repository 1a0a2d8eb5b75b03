// `missing-question-number`: numbers skipped before a question ("na vraag 3 volgt vraag 5").
import type { Finding } from '../../model';
import type { NumberingEvent } from './numbering';

export function missingQuestionNumbers(events: NumberingEvent[], out: Finding[]): void {
  for (const e of events) {
    if (e.kind !== 'gap') continue;
    const { q, prev, missing, last } = e;
    out.push({
      code: 'missing-question-number',
      span: q.headingSpan,
      message: `${missing.length === 1 ? `Vraag ${missing[0]} ontbreekt` : `Vragen ${missing[0]} tot en met ${last} ontbreken`}: ${prev ? `na vraag ${prev.id} volgt vraag ${q.id}` : `de eerste vraag is vraag ${q.id}`}${e.inSection}. Controleer de nummering.`,
      question: q.id,
      data: { missing },
    });
  }
}
