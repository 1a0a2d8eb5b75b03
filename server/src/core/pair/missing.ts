/**
 * Where each question of the question letter that the answer letter does not carry belongs in
 * the answer letter: the place its quick fix inserts it, and the place its finding (and the
 * status item's "next unanswered question") points at. One rule for the pair check and the status.
 */
import type { Letter } from '../model';
import type { OrphanAnswer } from '../letter/parse';
import type { Span } from '../text';
import type { PairMatch } from './match';

/** One question of the question letter missing from the answer letter. */
export interface MissingPlace {
  /** Index of the question in `questions.questions`. */
  index: number;
  /** UTF-16 offset in the answer letter where the question block is inserted. */
  insertAt: number;
  /** The block goes after a carried question (`insertAt` ends its answer): it needs blank lines before it. */
  after: boolean;
  /**
   * UTF-16 offset in the answer letter where the finding sits (an empty span): the end of the
   * text just before the insertion point, i.e. the end of the previous answer or the end of the
   * (usually blank) line before the next question. An editor draws an empty range at the end of
   * a line or on a blank line one character wide: the squiggle marks the gap, not a correct heading.
   */
  at: number;
  /**
   * The answer letter has this question's answer without the question ("Antwoord 8" where no
   * `Vraag 8` stands): the span of that answer heading. The question alone goes right above it
   * (`insertAt` is the heading's line), and the finding marks the heading.
   */
  answer?: Span;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line before the line starting at `offset` (its `\r\n` or `\n` excluded). */
function endOfPreviousLine(text: string, offset: number): number {
  if (offset <= 0) return 0;
  let at = offset - 1; // the "\n" ending the previous line
  if (at > 0 && text.charCodeAt(at - 1) === 13) at--;
  return at;
}

/**
 * The questions of `questions` that `answer` does not carry (`match.qToA[i] === -1`), in the
 * question letter's order, each with its place in `answer`: before the next carried question of
 * the same section, else after the previous one, else after the last question of the letter (or
 * at its end). In a letter that answers in prose (`writesProse`) a question is inserted before
 * the next question's text, not its heading. Linear in the units of both letters.
 */
export function missingPlaces(questions: Letter, answer: Letter, match: PairMatch): MissingPlace[] {
  const prose = writesProse(answer);
  const q = questions.questions;
  const a = answer.questions;
  const text = answer.text;
  // The nearest carried question after and before each question within its section, in two
  // linear sweeps (a draft that leaves out thousands of questions in a row stays linear).
  const nextCarried = new Int32Array(q.length).fill(-1);
  const prevCarried = new Int32Array(q.length).fill(-1);
  for (let i = q.length - 2; i >= 0; i--) {
    if (q[i + 1].sectionIndex !== q[i].sectionIndex) continue;
    nextCarried[i] = match.qToA[i + 1] >= 0 ? i + 1 : nextCarried[i + 1];
  }
  for (let i = 1; i < q.length; i++) {
    if (q[i - 1].sectionIndex !== q[i].sectionIndex) continue;
    prevCarried[i] = match.qToA[i - 1] >= 0 ? i - 1 : prevCarried[i - 1];
  }
  // Answer headings of a number no question of the answer letter has, by number (each used once).
  const orphans = new Map<string, OrphanAnswer[]>();
  for (const o of (answer as Letter & { orphanAnswers?: OrphanAnswer[] }).orphanAnswers ?? []) {
    if (o.duplicate) continue;
    const list = orphans.get(o.id);
    if (list) list.push(o);
    else orphans.set(o.id, [o]);
  }
  // A left-out question whose answer stands without it, between the carried questions around it:
  // the span of that answer heading.
  const answerOf: (Span | undefined)[] = new Array(q.length);
  if (orphans.size) {
    for (let i = 0; i < q.length; i++) {
      const list = match.qToA[i] === -1 ? orphans.get(q[i].id) : undefined;
      if (!list) continue;
      const from = prevCarried[i] >= 0 ? a[match.qToA[prevCarried[i]]].headingSpan.start : -1;
      const to = nextCarried[i] >= 0 ? a[match.qToA[nextCarried[i]]].headingSpan.start : text.length;
      const k = list.findIndex((o) => o.span.start > from && o.span.start < to && sameSection(q[i].section, answer, o.sectionIndex));
      if (k >= 0) answerOf[i] = list.splice(k, 1)[0].span;
    }
  }
  // The next place after each question to insert before: a carried question, or an answer
  // heading its question is put above (the questions before it go before it).
  const nextAnchor = new Int32Array(q.length).fill(-1);
  for (let i = q.length - 2; i >= 0; i--) {
    if (q[i + 1].sectionIndex !== q[i].sectionIndex) continue;
    nextAnchor[i] = match.qToA[i + 1] >= 0 || answerOf[i + 1] ? i + 1 : nextAnchor[i + 1];
  }
  const out: MissingPlace[] = [];
  for (let i = 0; i < q.length; i++) {
    if (match.qToA[i] !== -1) continue;
    let place: MissingPlace;
    const own = answerOf[i];
    if (own) {
      place = { index: i, insertAt: lineStart(text, own.start), after: false, at: own.start, answer: own };
    } else if (nextAnchor[i] >= 0) {
      const n = nextAnchor[i];
      const j = match.qToA[n];
      const start = j < 0 ? answerOf[n]!.start : Math.min(prose ? a[j].questionSpan.start : a[j].headingSpan.start, a[j].span.start);
      const insertAt = lineStart(text, start);
      place = { index: i, insertAt, after: false, at: endOfPreviousLine(text, insertAt) };
    } else if (prevCarried[i] >= 0) {
      const j = match.qToA[prevCarried[i]];
      place = { index: i, insertAt: a[j].span.end, after: true, at: a[j].span.end };
    } else {
      const last = a[a.length - 1];
      const insertAt = last ? last.span.end : text.length;
      place = { index: i, insertAt, after: true, at: insertAt };
    }
    out.push(place);
  }
  return out;
}

/** Whether an answer heading in section `index` of `answer` may answer a question of fractie `section` (null: none). */
function sameSection(section: string | null, answer: Letter, index: number): boolean {
  if (!section) return true;
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const title = index >= 0 ? answer.sections[index]?.title : undefined;
  return title !== undefined && key(title) === key(section);
}

/**
 * Whether an answer letter answers in prose: its first unit with a recognisable heading has an
 * "N. Antwoord van het kabinet" answer heading rather than a "Vraag N" heading (an inbreng).
 */
export function writesProse(answer: Letter): boolean {
  for (const u of answer.questions) {
    if (/^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?Vraag\b/u.test(lineAt(answer.text, u.headingSpan.start))) return false;
    if (u.answer.headingSpan && /^[ \t]*\d+[a-z]?\.[ \t]+Antwoord\b/iu.test(lineAt(answer.text, u.answer.headingSpan.start))) return true;
  }
  return false;
}

/** The line around `offset` (without its line break). */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return text.slice(start, end).replace(/\r$/, '');
}
