/**
 * Pairs the question units of an answer letter with those of its question letter: first by
 * verbatim (normalised) text, then by number and similarity within the gap the verbatim
 * matches leave. Linear apart from the bounded similarity search of unmatched units.
 */
import type { Letter, QuestionUnit } from '../model';
import { normalizeQuestion, words } from './normalize';
import { readLines } from '../letter/lines';
import { readSentences } from '../letter/sentences';
import { slot, type Memo } from '../memo';

/** The prose of a letter without its page furniture (footnotes, page numbers), normalised. */
export function normalizedProse(text: string, memo?: Memo): string {
  const lines = readLines(text, memo);
  return normalizeQuestion(readSentences(text, lines, memo).map((s) => s.text).join(' '), memo);
}

export type MatchKind = 'same' | 'differs';

export interface PairMatch {
  /** For each answer-letter unit: the index of its (first) question-letter unit, or -1 (extra). */
  aToQ: number[];
  /**
   * For each question-letter unit: the index of the answer-letter unit that carries it, -1
   * (missing), or -2 (carried verbatim elsewhere in the answer letter, outside any unit).
   */
  qToA: number[];
  /** For each question-letter unit: every answer-letter unit that carries (part of) it. */
  carriers: number[][];
  /** For each answer-letter unit with a match: whether its text is the same. */
  kind: (MatchKind | null)[];
  qNorm: string[];
  aNorm: string[];
  /** The whole question letter, normalised: text carried from it is verbatim wherever it is cut. */
  qFull: string;
  /** The units of a joint question heading ("Vraag 9 en 10") and the questions they carry together. */
  joint: JointCarry[];
}

/**
 * The units of one joint question heading of the answer letter (`members`, indices of its
 * units, one per number) and the question-letter units their joint text carries (`questions`,
 * in order): compared as one text, reported once.
 */
export interface JointCarry {
  members: number[];
  questions: number[];
}

const MAX_CANDIDATES = 40;
/** Question units looked at per answer unit, matched or not: keeps the search linear. */
const MAX_SCANNED = 400;
/** Shortest question text looked up in the whole answer letter (shorter ones match by chance). */
const MIN_FREE_TEXT = 30;
const SIMILAR = 0.5;
const SIMILAR_SAME_ID = 0.2;

function sectionKey(unit: QuestionUnit): string {
  return (unit.section ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What only depends on the question letter, computed once per parsed letter (with a memo). */
const QUESTION_SIDE = slot('match.questionSide', () => new WeakMap<Letter, { qNorm: string[]; qFull: string }>());

function prepareQuestions(questions: Letter, memo?: Memo): { qNorm: string[]; qFull: string } {
  const cache = memo?.get(QUESTION_SIDE);
  let prepared = cache?.get(questions);
  if (!prepared) {
    prepared = { qNorm: questions.questions.map((u) => normalizeQuestion(u.questionText, memo)), qFull: normalizedProse(questions.text, memo) };
    cache?.set(questions, prepared);
  }
  return prepared;
}

/** Pairs `answer`'s question units with `questions`' units. `memo`: the analyzer's caches. */
export function matchLetters(questions: Letter, answer: Letter, memo?: Memo): PairMatch {
  const q = questions.questions;
  const a = answer.questions;
  const { qNorm, qFull } = prepareQuestions(questions, memo);
  const aNorm = a.map((u) => normalizeQuestion(u.questionText, memo));
  const aToQ = new Array<number>(a.length).fill(-1);
  const qToA = new Array<number>(q.length).fill(-1);
  const kind = new Array<MatchKind | null>(a.length).fill(null);
  const carriers: number[][] = q.map(() => []);
  const link = (i: number, j: number) => {
    if (qToA[i] < 0) qToA[i] = j;
    if (aToQ[j] === -1) aToQ[j] = i;
    carriers[i].push(j);
  };

  // Queues of question units by text, and by text and number; a head pointer skips the ones
  // taken, so many equal texts (adversarial input) stay linear.
  interface Queue {
    items: number[];
    head: number;
  }
  const byText = new Map<string, Queue>();
  const byTextAndId = new Map<string, Queue>();
  const push = (map: Map<string, Queue>, key: string, i: number) => {
    const queue = map.get(key);
    if (queue) queue.items.push(i);
    else map.set(key, { items: [i], head: 0 });
  };
  const take = (queue: Queue | undefined): number => {
    if (!queue) return -1;
    while (queue.head < queue.items.length && qToA[queue.items[queue.head]] !== -1) queue.head++;
    return queue.head < queue.items.length ? queue.items[queue.head] : -1;
  };
  q.forEach((u, i) => {
    if (!qNorm[i]) return;
    push(byText, qNorm[i], i);
    push(byTextAndId, `${u.id}\u0000${qNorm[i]}`, i);
  });

  // Pass 1: verbatim text. Among equal texts prefer the one with the same number.
  for (let j = 0; j < a.length; j++) {
    if (!aNorm[j]) continue;
    let pick = take(byTextAndId.get(`${a[j].id}\u0000${aNorm[j]}`));
    if (pick === -1) pick = take(byText.get(aNorm[j]));
    if (pick !== -1) {
      link(pick, j);
      kind[j] = 'same';
    }
  }

  // For each answer unit: the question index of the next verbatim match after it (one pass
  // from the end), recomputed between passes since only later passes add matches before it.
  let nextSame: number[] = [];
  const computeNextSame = () => {
    nextSame = new Array<number>(a.length);
    let next = q.length;
    for (let k = a.length - 1; k >= 0; k--) {
      nextSame[k] = next;
      if (aToQ[k] !== -1 && kind[k] === 'same') next = aToQ[k];
    }
  };
  const gapCandidates = (j: number, prevQ: number): number[] => {
    const nextQ = nextSame[j];
    const out: number[] = [];
    if (nextQ > prevQ) {
      const stop = Math.min(nextQ, prevQ + 1 + MAX_SCANNED);
      for (let i = prevQ + 1; i < stop && out.length < MAX_CANDIDATES; i++) if (qToA[i] === -1) out.push(i);
    }
    return out;
  };
  computeNextSame();

  // Pass 2: the two letters cut the same text into units differently (an inbreng's context
  // paragraph in one, attached to the question in the other): a unit that contains question
  // units, or is contained in one, carries them.
  {
    let prevQ = -1;
    for (let j = 0; j < a.length; j++) {
      if (aToQ[j] !== -1) {
        prevQ = Math.max(prevQ, aToQ[j]);
        continue;
      }
      if (!aNorm[j]) continue;
      // A question the answer letter splits over two units: the second part is in the last one.
      if (prevQ >= 0 && aNorm[j].length >= MIN_FREE_TEXT && qNorm[prevQ].includes(aNorm[j]) && carriers[prevQ].length) {
        link(prevQ, j);
      } else {
        for (const i of gapCandidates(j, prevQ)) {
          if (!qNorm[i]) continue;
          const contains = aNorm[j].includes(qNorm[i]);
          const within = !contains && aNorm[j].length >= MIN_FREE_TEXT && qNorm[i].includes(aNorm[j]);
          if (!contains && !within) continue;
          link(i, j);
          prevQ = Math.max(prevQ, i);
          if (within) break;
        }
      }
      // Carried verbatim only when every word of the unit stands so in the question letter.
      if (aToQ[j] !== -1) kind[j] = qFull.includes(aNorm[j]) ? 'same' : 'differs';
    }
  }

  const joint = shareJointQuestions(a, q, aNorm, qNorm, qFull, aToQ, qToA, kind, carriers);

  // Pass 3: units changed in wording, searched between the neighbouring verbatim matches.
  computeNextSame();
  // Word sets, made once per unit that takes part in the search.
  const qWords: (Set<string> | undefined)[] = [];
  const aWords: (Set<string> | undefined)[] = [];
  const wordSet = (t: string) => new Set(words(t.toLowerCase()));
  const similarity = (i: number, j: number): number => {
    const wq = (qWords[i] ??= wordSet(qNorm[i]));
    const wa = (aWords[j] ??= wordSet(aNorm[j]));
    if (wq.size === 0 && wa.size === 0) return 1;
    let shared = 0;
    for (const w of wq) if (wa.has(w)) shared++;
    return shared / (wq.size + wa.size - shared);
  };
  const byId = new Map<string, number[]>();
  q.forEach((u, i) => {
    const list = byId.get(u.id);
    if (list) list.push(i);
    else byId.set(u.id, [i]);
  });
  let prevQ = -1;
  for (let j = 0; j < a.length; j++) {
    if (aToQ[j] !== -1) {
      prevQ = Math.max(prevQ, aToQ[j]);
      continue;
    }
    const candidates = new Set<number>(gapCandidates(j, prevQ));
    let sameIds = 0;
    let scanned = 0;
    for (const i of byId.get(a[j].id) ?? []) {
      if (++scanned > MAX_SCANNED) break;
      if (qToA[i] !== -1) continue;
      candidates.add(i);
      if (++sameIds >= MAX_CANDIDATES) break;
    }
    let best = -1;
    let bestScore = -1;
    for (const i of candidates) {
      let score = similarity(i, j);
      const sameId = q[i].id === a[j].id;
      const sameSection = sectionKey(q[i]) === sectionKey(a[j]);
      if (score < (sameId ? SIMILAR_SAME_ID : SIMILAR)) continue;
      // Same number and section break ties in favour of the unit the drafter meant.
      score += (sameId ? 0.05 : 0) + (sameSection ? 0.02 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best !== -1) {
      link(best, j);
      kind[j] = 'differs';
      prevQ = Math.max(prevQ, best);
    }
  }
  // Pass 4: a question the answer letter carries verbatim outside its units is not missing.
  let aFull: string | null = null;
  for (let i = 0; i < q.length; i++) {
    if (qToA[i] !== -1 || qNorm[i].length < MIN_FREE_TEXT) continue;
    aFull ??= normalizedProse(answer.text, memo);
    if (aFull.includes(qNorm[i])) qToA[i] = -2;
  }
  return { aToQ, qToA, carriers, kind, qNorm, aNorm, qFull, joint };
}

/**
 * A joint question heading ("Vraag 9 en 10") gives one unit per number, each holding the joint
 * text (`jointIds`): they stand next to each other with the same heading span.
 * When the joint text carries questions of the question letter (9 and 10 asked apart there),
 * every unit of the heading carries all of them: the ones it holds verbatim, and the question of
 * each of its numbers next to those (one changed in wording, or left out of the joint text).
 * Each unit is paired with the question of its own number (else the next one in order), so that
 * "Vraag 10" is no extra question; the joint text is the same when it is those questions' texts
 * in a row. Changes the arrays in place and returns the joint carries; linear in the units.
 */
function shareJointQuestions(a: QuestionUnit[], q: QuestionUnit[], aNorm: string[], qNorm: string[], qFull: string, aToQ: number[], qToA: number[], kind: (MatchKind | null)[], carriers: number[][]): JointCarry[] {
  const out: JointCarry[] = [];
  let byId: Map<string, number[]> | undefined;
  // The question units each answer unit carries, gathered from `carriers` once.
  let carried: number[][] | null = null;
  for (let g = 0; g < a.length; ) {
    let end = g + 1;
    while (end < a.length && a[g].jointIds && a[end].jointIds && a[end].headingSpan.start === a[g].headingSpan.start && aNorm[end] === aNorm[g]) end++;
    const size = end - g;
    const from = g;
    g = end;
    if (size < 2) continue;
    if (!carried) {
      carried = a.map(() => []);
      carriers.forEach((list, i) => {
        for (const j of list) carried![j].push(i);
      });
    }
    const members: number[] = [];
    for (let j = from; j < end; j++) members.push(j);
    const inGroup = (list: number[]) => list.every((j) => j >= from && j < end);
    const linked = new Set<number>();
    for (const j of members) for (const i of carried[j]) linked.add(i);
    if (!linked.size) {
      // Not found in its place (the block moved): the questions of its numbers that it holds verbatim.
      byId ??= idIndex(q);
      for (const j of members) {
        const i = (byId.get(a[j].id) ?? []).find((k) => qToA[k] === -1 && qNorm[k] && aNorm[j].includes(qNorm[k]));
        if (i !== undefined) linked.add(i);
      }
      if (linked.size < 2) continue;
    }
    let lo = Infinity;
    let hi = -1;
    for (const i of linked) {
      lo = Math.min(lo, i);
      hi = Math.max(hi, i);
    }
    // The question of each number of the heading, next to the ones the joint text holds.
    const own = new Map<number, number>();
    for (const j of members) {
      for (let i = Math.max(0, lo - size); i <= Math.min(q.length - 1, hi + size); i++) {
        if (q[i].id !== a[j].id || !inGroup(carriers[i])) continue;
        own.set(j, i);
        linked.add(i);
        break;
      }
    }
    const questions = [...linked].sort((x, y) => x - y);
    if (questions.length < 2) continue;
    // The question letter's own joint heading prints its text once for all its numbers.
    const joined = [...new Set(questions.map((i) => qNorm[i]))].join(' ');
    // Verbatim: those texts in a row, or (the question letter cuts them otherwise) a stretch of
    // the question letter holding each of them.
    const same = aNorm[from] === joined || (questions.every((i) => aNorm[from].includes(qNorm[i])) && qFull.includes(aNorm[from]));
    members.forEach((j, k) => {
      const i = own.get(j) ?? questions[Math.min(k, questions.length - 1)];
      aToQ[j] = i;
      kind[j] = same ? 'same' : 'differs';
    });
    for (const i of questions) {
      for (const j of members) if (!carriers[i].includes(j)) carriers[i].push(j);
      carriers[i].sort((x, y) => x - y);
      const mine = members.find((j) => aToQ[j] === i);
      if (mine !== undefined && (qToA[i] < 0 || inGroup([qToA[i]]))) qToA[i] = mine;
      else if (qToA[i] < 0) qToA[i] = from;
    }
    out.push({ members, questions });
  }
  return out;
}

/** The question units' indices by id. */
function idIndex(q: QuestionUnit[]): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  q.forEach((u, i) => {
    const list = byId.get(u.id);
    if (list) list.push(i);
    else byId.set(u.id, [i]);
  });
  return byId;
}

/**
 * Indices (into `seq`) of a longest non-decreasing subsequence (two units may carry one question): the units that stand in
 * the question letter's order; the others are the ones out of order. O(n log n).
 */
export function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let k = 0; k < seq.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] <= seq[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k !== -1; k = prev[k]) keep.add(k);
  return keep;
}
