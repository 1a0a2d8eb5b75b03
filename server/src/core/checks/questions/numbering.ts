// The numbering of a letter's questions, run by run (per fracties' section when each starts again
// at 1): the walk that `duplicate-question-number` and `missing-question-number` report from.
import type { Letter, QuestionUnit } from '../../model';
import { isUnnumbered } from '../../letter/parse';

/** A number seen again in its run, or numbers skipped before a question. */
export type NumberingEvent =
  | { kind: 'duplicate'; q: QuestionUnit; first: QuestionUnit; inSection: string }
  | {
      kind: 'gap';
      q: QuestionUnit;
      prev: QuestionUnit | null;
      /** The skipped numbers, at most 50 whole numbers (then the skipped subquestion letters). */
      missing: string[];
      /** The last skipped number, also when `missing` stops at 50 ("1 tot en met 103"). */
      last: string;
      inSection: string;
    };

/** The duplicates and gaps of the numbering, in document order of each run. Linear (gaps capped at 50 numbers). */
export function numberingEvents(letter: Letter): NumberingEvent[] {
  const out: NumberingEvent[] = [];
  const units = letter.questions.filter((q) => q.number > 0 && !isUnnumbered(q));
  if (!units.length) return out;
  // Numbering restarts per section when a later section starts again at 1; otherwise it runs on.
  const firstOfSection = new Map<number, QuestionUnit>();
  for (const q of units) if (!firstOfSection.has(q.sectionIndex)) firstOfSection.set(q.sectionIndex, q);
  let restarts = false;
  let i = 0;
  for (const q of firstOfSection.values()) {
    if (i++ > 0 && q.number === 1) restarts = true;
  }
  const runs = new Map<string, QuestionUnit[]>();
  for (const q of units) {
    const key = restarts ? String(q.sectionIndex) : 'all';
    let run = runs.get(key);
    if (!run) runs.set(key, (run = []));
    run.push(q);
  }
  const inSection = (q: QuestionUnit) => (restarts && q.section ? ` in de vragen van de ${q.section}` : '');
  for (const run of runs.values()) {
    const seen = new Map<string, QuestionUnit>();
    let prev: QuestionUnit | null = null;
    for (const q of run) {
      const first = seen.get(q.id);
      if (first) {
        out.push({ kind: 'duplicate', q, first, inSection: inSection(q) });
        continue;
      }
      seen.set(q.id, q);
      const gap = missingBefore(prev, q);
      if (gap) out.push({ kind: 'gap', q, prev, missing: gap.missing, last: gap.last, inSection: inSection(q) });
      if (!prev || q.number > prev.number || (q.number === prev.number && q.suffix > prev.suffix)) prev = q;
    }
  }
  return out;
}

function missingBefore(prev: QuestionUnit | null, q: QuestionUnit): { missing: string[]; last: string } | null {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const missing: string[] = [];
  const prevNumber = prev ? prev.number : 0;
  if (q.number > prevNumber + 1) {
    const last = Math.min(q.number - 1, prevNumber + 50);
    for (let n = prevNumber + 1; n <= last; n++) missing.push(String(n));
  }
  if (q.suffix) {
    const idx = letters.indexOf(q.suffix);
    const from = prev && prev.number === q.number && prev.suffix ? letters.indexOf(prev.suffix) + 1 : 0;
    for (let k = from; k < idx; k++) missing.push(`${q.number}${letters[k]}`);
  }
  if (!missing.length) return null;
  const lastIsNumber = /^\d+$/u.test(missing[missing.length - 1]);
  return { missing, last: lastIsNumber ? String(q.number - 1) : missing[missing.length - 1] };
}
