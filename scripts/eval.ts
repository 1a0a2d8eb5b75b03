/**
 * `npm run eval`: how well the product reads the real letters of ../shared/corpus, measured
 * against the ground truth in test/truth/ (written by reading each letter). A report, not a
 * test: it prints one JSON line per document and one overall line, and always exits 0.
 *
 * Each metric is one function from (truth, observed) to a small object of counts; the overall
 * line adds the counts up. To add a metric, write a function and add it to METRICS.
 */
import { loadCommitmentTruth, matchCommitments, observeCommitments, sameDue } from '../test/support/commitments-truth';
import { corpusPresent, loadTruths, matchMotion, observe, questionKey, readCorpusLetter, truthPapers, type Observed, type Truth } from '../test/support/corpus-truth';

type Counts = Record<string, number>;
interface Metric {
  name: string;
  measure(t: Truth, o: Observed): Counts;
  /** Figures shown on a line from the (summed) counts. */
  report(c: Counts): Record<string, unknown>;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
/** true/false on a document's line, "exact documents/documents" on the overall line. */
const exact = (n: number, docs: number): boolean | string => (docs === 1 ? n === 1 : `${n}/${docs}`);

/** Question recall and precision: questions matched by section + id. */
function questions(t: Truth, o: Observed): Counts {
  const want = new Set(t.questions.map(questionKey));
  const got = new Set(o.questions.map(questionKey));
  let hit = 0;
  for (const k of got) if (want.has(k)) hit++;
  return { qTruth: want.size, qFound: got.size, qMatched: hit };
}

/** Answer states of the matched questions (answered, unanswered, by-reference, context). */
function states(t: Truth, o: Observed): Counts {
  const got = new Map(o.questions.map((q) => [questionKey(q), q.state]));
  let ok = 0;
  for (const q of t.questions) if (got.get(questionKey(q)) === q.state) ok++;
  return { statesCorrect: ok, statesTotal: t.questions.length };
}

/** Unanswered exact: the set of unanswered questions is the truth's. */
function unanswered(t: Truth, o: Observed): Counts {
  const a = t.questions.filter((q) => q.state === 'unanswered').map(questionKey).sort();
  const b = o.questions.filter((q) => q.state === 'unanswered').map(questionKey).sort();
  return { unansweredExact: +(JSON.stringify(a) === JSON.stringify(b)), unansweredDocs: 1 };
}

/** References exact: the by-reference questions and their targets are the truth's. */
function references(t: Truth, o: Observed): Counts {
  const key = (qs: { id: string; section: string | null; state: string; refersTo?: string[] }[]) =>
    JSON.stringify(qs.filter((q) => q.state === 'by-reference').map((q) => [questionKey(q), [...(q.refersTo ?? [])].sort()]).sort());
  return { referencesExact: +(key(t.questions) === key(o.questions)), referencesDocs: 1 };
}

/** Citation recall and precision over the distinct paper ids. */
function citations(t: Truth, o: Observed): Counts {
  const want = new Set(t.citations);
  let hit = 0;
  for (const id of o.citations) if (want.has(id)) hit++;
  return { citTruth: want.size, citFound: o.citations.length, citMatched: hit };
}

/** Tweede Kamer document and zaak numbers. */
function otherIds(t: Truth, o: Observed): Counts {
  const want = new Set(t.otherIds);
  let hit = 0;
  for (const id of o.otherIds) if (want.has(id)) hit++;
  return { otherTruth: want.size, otherFound: o.otherIds.length, otherMatched: hit };
}

/**
 * Motion links correct/total. A truth mention is correct when the product's mention there links
 * exactly the truth's papers (none, when the truth says the letter does not identify it). A
 * product mention linked to a paper where the truth has no mention counts in the total, wrong.
 */
function motions(t: Truth, o: Observed): Counts {
  let ok = 0;
  const used = new Set<Observed['motions'][number]>();
  for (const m of t.motions) {
    const f = matchMotion(m, o.motions);
    if (f) used.add(f);
    const got = f ? [...new Set(f.papers)].sort() : [];
    if (JSON.stringify(got) === JSON.stringify(truthPapers(m))) ok++;
  }
  const extra = o.motions.filter((f) => !used.has(f) && f.papers.length).length;
  return { motionsCorrect: ok, motionsTotal: t.motions.length + extra };
}

/**
 * `subquestion-not-addressed` findings on subquestions of questions the truth says are answered
 * (minus those the truth lists as truly ignored), per 100 subquestions of those questions; and
 * the recall of the truly ignored subquestions the truth lists.
 */
function falseNotAddressed(t: Truth, o: Observed): Counts {
  const answered = new Set(t.questions.filter((q) => q.state === 'answered').map(questionKey));
  let subs = 0;
  for (const q of o.questions) if (answered.has(questionKey(q))) subs += q.subquestions;
  let wrong = 0;
  for (const f of o.notAddressed) {
    if (!answered.has(questionKey({ id: f.question, section: f.section }))) continue;
    if (!t.notAddressed.some((n) => sameNotAddressed(n, f))) wrong++;
  }
  // Recall: the truly ignored subquestions (truth) that a finding names.
  const found = t.notAddressed.filter((n) => o.notAddressed.some((f) => sameNotAddressed(n, f))).length;
  return { falseNotAddressed: wrong, answeredSubquestions: subs, notAddressedTruth: t.notAddressed.length, notAddressedFound: found };
}

/** Whether a finding names a truth entry: same question and section, either text holding the other. */
function sameNotAddressed(n: Truth['notAddressed'][number], f: Observed['notAddressed'][number]): boolean {
  const text = n.text.replace(/\s+/g, ' ').trim();
  return n.question === f.question && (n.section ?? null) === (f.section ?? null) && (f.text.includes(text) || text.includes(f.text));
}

/**
 * Commitment precision and recall (issue 12) against test/truth/commitments/, and how many of the
 * matched ones have the truth's due phrase and date.
 */
function commitments(t: Truth): Counts {
  const truth = loadCommitmentTruth(t.file);
  if (!truth) return {};
  const found = observeCommitments(readCorpusLetter(t.file)).items;
  const m = matchCommitments(truth.commitments, found);
  return { comTruth: truth.commitments.length, comFound: found.length, comMatched: m.matched.length, comDueCorrect: m.matched.filter(([a, b]) => sameDue(a.due, b.due)).length };
}

export const METRICS: Metric[] = [
  { name: 'questions', measure: questions, report: (c) => ({ questionRecall: ratio(c.qMatched, c.qTruth), questionPrecision: ratio(c.qMatched, c.qFound) }) },
  { name: 'states', measure: states, report: (c) => ({ statesCorrect: `${c.statesCorrect}/${c.statesTotal}` }) },
  { name: 'unanswered', measure: unanswered, report: (c) => ({ unansweredExact: exact(c.unansweredExact, c.unansweredDocs) }) },
  { name: 'references', measure: references, report: (c) => ({ referencesExact: exact(c.referencesExact, c.referencesDocs) }) },
  { name: 'citations', measure: citations, report: (c) => ({ citationRecall: ratio(c.citMatched, c.citTruth), citationPrecision: ratio(c.citMatched, c.citFound) }) },
  { name: 'otherIds', measure: otherIds, report: (c) => ({ otherIdRecall: ratio(c.otherMatched, c.otherTruth), otherIdPrecision: ratio(c.otherMatched, c.otherFound) }) },
  { name: 'motions', measure: motions, report: (c) => ({ motionLinks: `${c.motionsCorrect}/${c.motionsTotal}` }) },
  { name: 'commitments', measure: commitments, report: (c) => ({ commitmentRecall: ratio(c.comMatched, c.comTruth), commitmentPrecision: ratio(c.comMatched, c.comFound), commitmentDueCorrect: `${c.comDueCorrect ?? 0}/${c.comMatched ?? 0}` }) },
  { name: 'falseNotAddressed', measure: falseNotAddressed, report: (c) => ({ falseNotAddressedPer100: ratio(c.falseNotAddressed * 100, c.answeredSubquestions), notAddressedRecall: ratio(c.notAddressedFound, c.notAddressedTruth) }) },
];

function main(): void {
  if (!corpusPresent()) {
    console.log('eval: ../shared/corpus not present; nothing to measure.');
    return;
  }
  const totals: Counts = {};
  const truths = loadTruths();
  for (const t of truths) {
    const o = observe(t.file, readCorpusLetter(t.file));
    const line: Record<string, unknown> = { file: t.file };
    for (const m of METRICS) {
      const c = m.measure(t, o);
      for (const [k, v] of Object.entries(c)) totals[k] = (totals[k] ?? 0) + v;
      Object.assign(line, m.report(c));
    }
    console.log(JSON.stringify(line));
  }
  const overall: Record<string, unknown> = { file: 'OVERALL', documents: truths.length };
  for (const m of METRICS) Object.assign(overall, m.report(totals));
  console.log(JSON.stringify(overall));
}

main();
