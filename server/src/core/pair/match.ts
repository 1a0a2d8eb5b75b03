/**
 * Pairs the question units of an answer letter with those of its question letter: first by
 * verbatim (normalised) text, then by number and similarity within the gap the verbatim
 * matches leave. Linear apart from the bounded similarity search of unmatched units.
 */
import type { Letter, QuestionUnit } from '../model';
import { normalizeQuestion, similarity } from './normalize';

export type MatchKind = 'same' | 'differs';

export interface PairMatch {
  /** For each answer-letter unit: the index of its question-letter unit, or -1 (extra). */
  aToQ: number[];
  /** For each question-letter unit: the index of its answer-letter unit, or -1 (missing). */
  qToA: number[];
  /** For each answer-letter unit with a match: whether its text is the same. */
  kind: (MatchKind | null)[];
  qNorm: string[];
  aNorm: string[];
}

const MAX_CANDIDATES = 200;
const SIMILAR = 0.5;
const SIMILAR_SAME_ID = 0.2;

function sectionKey(unit: QuestionUnit): string {
  return (unit.section ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Pairs `answer`'s question units with `questions`' units. */
export function matchLetters(questions: Letter, answer: Letter): PairMatch {
  const q = questions.questions;
  const a = answer.questions;
  const qNorm = q.map((u) => normalizeQuestion(u.questionText));
  const aNorm = a.map((u) => normalizeQuestion(u.questionText));
  const aToQ = new Array<number>(a.length).fill(-1);
  const qToA = new Array<number>(q.length).fill(-1);
  const kind = new Array<MatchKind | null>(a.length).fill(null);

  const byText = new Map<string, number[]>();
  q.forEach((_, i) => {
    if (!qNorm[i]) return;
    const list = byText.get(qNorm[i]);
    if (list) list.push(i);
    else byText.set(qNorm[i], [i]);
  });

  // Pass 1: verbatim text. Among equal texts prefer the one with the same number.
  for (let j = 0; j < a.length; j++) {
    const list = aNorm[j] ? byText.get(aNorm[j]) : undefined;
    if (!list) continue;
    let pick = -1;
    for (const i of list) {
      if (qToA[i] !== -1) continue;
      if (pick === -1) pick = i;
      if (q[i].id === a[j].id) {
        pick = i;
        break;
      }
    }
    if (pick !== -1) {
      aToQ[j] = pick;
      qToA[pick] = j;
      kind[j] = 'same';
    }
  }

  // Pass 2: units changed in wording, searched between the neighbouring verbatim matches.
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
    let nextQ = q.length;
    for (let k = j + 1; k < a.length; k++) {
      if (aToQ[k] !== -1 && kind[k] === 'same') {
        nextQ = aToQ[k];
        break;
      }
    }
    const candidates = new Set<number>();
    if (nextQ > prevQ) {
      for (let i = prevQ + 1; i < nextQ && candidates.size < MAX_CANDIDATES; i++) if (qToA[i] === -1) candidates.add(i);
    }
    for (const i of byId.get(a[j].id) ?? []) if (qToA[i] === -1) candidates.add(i);
    let best = -1;
    let bestScore = -1;
    for (const i of candidates) {
      let score = similarity(qNorm[i], aNorm[j]);
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
      aToQ[j] = best;
      qToA[best] = j;
      kind[j] = 'differs';
      prevQ = Math.max(prevQ, best);
    }
  }
  return { aToQ, qToA, kind, qNorm, aNorm };
}

/**
 * Indices (into `seq`) of a longest strictly increasing subsequence: the units that stand in
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
      if (seq[tails[mid]] < seq[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k !== -1; k = prev[k]) keep.add(k);
  return keep;
}
