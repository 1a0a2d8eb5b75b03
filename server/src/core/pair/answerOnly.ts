/**
 * An answer-only letter (issue 11): a draft that holds only "Antwoord N" headings with their
 * answers, no question text — its questions come from the question letter. Once linked, its
 * answers are counted against the question letter's questions by number: `answerOnlyView` makes
 * the letter model the pair check, the status and the outline read (one unit per answer heading,
 * carrying the question letter's question), and `answerOnlyMatch` their match. Pure.
 */
import type { Answer, Letter, QuestionUnit } from '../model';
import type { OrphanAnswer, ParsedLetter } from '../letter/parse';
import { findPlaceholders, onlyPlaceholders } from '../letter/placeholders';
import type { PairMatch } from './match';
import { normalizeQuestion } from './normalize';

/**
 * The answer headings of an answer-only letter: a letter in which the reader found no question,
 * yet at least one "Antwoord N" heading (not a repeated one). Null for any other letter.
 */
export function answerOnlyHeadings(letter: Letter): OrphanAnswer[] | null {
  if (letter.questions.length) return null;
  const orphans = (letter as Partial<ParsedLetter>).orphanAnswers;
  if (!orphans) return null;
  const heads = orphans.filter((o) => !o.duplicate);
  return heads.length ? heads : null;
}

/** A letter model with its question units, and the finding-free facts the pair needs. */
export interface AnswerOnlyView {
  /** `letter`'s text with one unit per answer heading whose number the question letter asks. */
  letter: Letter;
  /** The ids of the answer headings counted against the question letter. */
  counted: Set<string>;
}

/**
 * The view of the answer-only `letter` against `questions` (its question letter): for each
 * "Antwoord N" heading whose N the question letter asks (the first heading of each N), a unit
 * with id N whose heading is that answer heading (UTF-16 offsets into `letter.text`), whose
 * question is the question letter's question N (text only: it stands in the other letter, so
 * its `questionSpan` is empty at the heading's end and it has no subquestions), and whose answer
 * runs from the heading's line end to the next answer heading (or the end of the letter):
 * `missing` when blank, `placeholder` when only placeholders, else `answered`. Null when the
 * letter is not answer-only or no heading's number is asked. Linear in the letter.
 */
export function answerOnlyView(letter: Letter, questions: Letter): AnswerOnlyView | null {
  const heads = answerOnlyHeadings(letter);
  if (!heads || !questions.questions.length) return null;
  const byId = new Map<string, QuestionUnit>();
  for (const q of questions.questions) if (!byId.has(q.id)) byId.set(q.id, q);
  const text = letter.text;
  const sorted = [...heads].sort((a, b) => a.span.start - b.span.start);
  const units: QuestionUnit[] = [];
  const counted = new Set<string>();
  sorted.forEach((h, k) => {
    const q = byId.get(h.id);
    if (!q || counted.has(h.id)) return;
    counted.add(h.id);
    let eol = text.indexOf('\n', h.span.end);
    if (eol < 0) eol = text.length;
    const end = k + 1 < sorted.length ? sorted[k + 1].span.start : text.length;
    let s = Math.min(eol + 1, end);
    let e = end;
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    const body = s < e ? { start: s, end: e } : null;
    const placeholders = body ? findPlaceholders(text, body.start, body.end) : [];
    const answer: Answer = {
      status: !body ? 'missing' : onlyPlaceholders(text, body.start, body.end, placeholders) ? 'placeholder' : 'answered',
      span: body,
      headingSpan: h.span,
      text: body ? text.slice(body.start, body.end) : '',
      refersTo: [],
      ...(placeholders.length ? { placeholders } : {}),
    };
    units.push({
      id: q.id,
      number: q.number,
      suffix: q.suffix,
      section: null,
      sectionIndex: -1,
      headingSpan: h.span,
      span: { start: h.span.start, end: body ? body.end : h.span.end },
      questionSpan: { start: h.span.end, end: h.span.end },
      questionText: q.questionText,
      subquestions: [],
      answer,
    });
  });
  if (!units.length) return null;
  return { letter: { ...letter, sections: [], questions: units, answerReferences: [] }, counted };
}

/**
 * The match of an answer-only view (`view`, from `answerOnlyView`) with its question letter:
 * by number, each unit carrying its question verbatim (the text stands in the question letter).
 * Linear in the units of both letters.
 */
export function answerOnlyMatch(questions: Letter, view: Letter): PairMatch {
  const q = questions.questions;
  const a = view.questions;
  const index = new Map<string, number>();
  q.forEach((u, i) => {
    if (!index.has(u.id)) index.set(u.id, i);
  });
  const qNorm = q.map((u) => normalizeQuestion(u.questionText));
  const aToQ = a.map((u) => index.get(u.id) ?? -1);
  const qToA = q.map(() => -1);
  const carriers: number[][] = q.map(() => []);
  aToQ.forEach((i, j) => {
    if (i < 0) return;
    qToA[i] = j;
    carriers[i].push(j);
  });
  return {
    aToQ,
    qToA,
    carriers,
    kind: aToQ.map((i) => (i >= 0 ? 'same' : null)),
    qNorm,
    aNorm: aToQ.map((i) => (i >= 0 ? qNorm[i] : '')),
    qFull: qNorm.join(' '),
    joint: [],
  };
}
