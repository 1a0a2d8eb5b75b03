// `missing-question-number`: numbers skipped before a question ("na vraag 3 volgt vraag 5").
import type { Finding } from '../../model';
import type { OrphanAnswer } from '../../letter/parse';
import type { NumberingEvent } from './numbering';

/**
 * One finding per gap in the numbering. A number whose answer stands in the gap without its
 * question ("Vraag 6", "Antwoord 6", "Antwoord 8", "Vraag 9") is not said here: its
 * `answer-without-question` finding says the question is missing above that answer, so the gap
 * names only the numbers of which nothing stands (7), and a gap of such numbers alone none.
 */
export function missingQuestionNumbers(events: NumberingEvent[], out: Finding[], orphans: readonly OrphanAnswer[] = []): void {
  for (const e of events) {
    if (e.kind !== 'gap') continue;
    const { q, prev } = e;
    const from = prev ? prev.headingSpan.start : 0;
    const answered = new Set<string>();
    for (const o of orphans) if (!o.duplicate && o.span.start > from && o.span.start < q.headingSpan.start) answered.add(o.id);
    const missing = answered.size ? e.missing.filter((id) => !answered.has(id)) : e.missing;
    if (!missing.length) continue;
    const whole = missing.length === e.missing.length;
    const contiguous = whole || missing.every((id, k) => k === 0 || e.missing.indexOf(id) === e.missing.indexOf(missing[k - 1]) + 1);
    const last = whole ? e.last : missing[missing.length - 1];
    const what =
      missing.length === 1
        ? `Vraag ${missing[0]} ontbreekt`
        : contiguous
          ? `Vragen ${missing[0]} tot en met ${last} ontbreken`
          : `Vragen ${missing.slice(0, -1).join(', ')} en ${last} ontbreken`;
    out.push({
      code: 'missing-question-number',
      span: q.headingSpan,
      message: `${what}: ${prev ? `na vraag ${prev.id} volgt vraag ${q.id}` : `de eerste vraag is vraag ${q.id}`}${e.inSection}${between(e.missing.filter((id) => answered.has(id)))}. Controleer de nummering.`,
      question: q.id,
      data: { missing },
    });
  }
}

/** " (daartussen staat alleen antwoord 8)": the answers without question the gap holds. */
function between(ids: string[]): string {
  if (!ids.length) return '';
  const list = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} en ${ids[ids.length - 1]}`;
  return ` (daartussen ${ids.length === 1 ? 'staat' : 'staan'} alleen ${ids.length === 1 ? 'antwoord' : 'de antwoorden'} ${list})`;
}
