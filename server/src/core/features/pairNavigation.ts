/**
 * Navigation between an answer letter and its question letter: go to definition from a
 * `Vraag N` in the answer letter to that question in the question letter, and find references
 * from a question in either letter to its counterpart (and to answer references to it).
 */
import type { Letter } from '../model';
import { lastStartingAtOrBefore, type Span } from '../text';
import type { PairMatch } from '../pair/match';
import { resolveQuestion } from './answerLinks';

/** The index of the question unit whose heading or question text holds `offset`, or -1. */
export function unitAt(letter: Letter, offset: number): number {
  const qs = letter.questions;
  // Units are in document order.
  const found = lastStartingAtOrBefore(qs, offset, (u) => u.span.start);
  for (let k = found; k >= 0 && k >= found - 2; k--) {
    const u = qs[k];
    if ((offset >= u.headingSpan.start && offset <= u.headingSpan.end) || (offset >= u.questionSpan.start && offset <= u.questionSpan.end)) return k;
  }
  return -1;
}

export interface PairTarget {
  /** The span the request was made on (in the letter asked about). */
  originSpan: Span;
  /** The target span in the other letter. */
  span: Span;
}

/** From a question in the answer letter to the same question in the question letter. */
export function definitionInQuestionLetter(answer: Letter, questions: Letter, match: PairMatch, offset: number): PairTarget | null {
  const j = unitAt(answer, offset);
  if (j === -1) return null;
  const i = match.aToQ[j];
  if (i === -1) return null;
  const u = answer.questions[j];
  const origin = offset <= u.headingSpan.end && offset >= u.headingSpan.start ? u.headingSpan : u.questionSpan;
  const target = questions.questions[i];
  return { originSpan: origin, span: target.headingSpan.end > target.headingSpan.start ? target.headingSpan : target.questionSpan };
}

export interface PairReferences {
  /** Spans in the question letter. */
  inQuestions: Span[];
  /** Spans in the answer letter: the carried question and every answer reference to it. */
  inAnswer: Span[];
}

function answerSide(answer: Letter, j: number): Span[] {
  const u = answer.questions[j];
  const spans: Span[] = [u.headingSpan];
  for (const ref of answer.answerReferences) {
    ref.targets.forEach((t, k) => {
      if (resolveQuestion(answer, t, ref.sectionIndex) === u && ref.targetSpans[k]) spans.push(ref.targetSpans[k]);
    });
  }
  return spans;
}

/**
 * References of the question at `offset` in `side` ('answer' or 'questions'): its place in the
 * question letter and in the answer letter (with the answer references to it).
 */
export function pairReferences(answer: Letter, questions: Letter, match: PairMatch, side: 'answer' | 'questions', offset: number): PairReferences | null {
  if (side === 'answer') {
    const j = unitAt(answer, offset);
    if (j === -1) return null;
    const i = match.aToQ[j];
    return { inQuestions: i === -1 ? [] : [questions.questions[i].headingSpan], inAnswer: answerSide(answer, j) };
  }
  const i = unitAt(questions, offset);
  if (i === -1) return null;
  const j = match.qToA[i];
  return { inQuestions: [questions.questions[i].headingSpan], inAnswer: j === -1 ? [] : answerSide(answer, j) };
}
