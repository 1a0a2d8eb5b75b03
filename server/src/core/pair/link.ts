/**
 * Finding the question letter of an answer letter: named in the letter (front matter
 * `vragen: ./inbreng.md` or a comment `<!-- vragen: ./inbreng.md -->`), or discovered among
 * candidate letters (the answer letter quotes their questions, or a kenmerk / zaaknummer
 * matches). The host resolves paths and supplies the candidates; this module only reads text.
 */
import type { Letter } from '../model';
import type { Span } from '../text';
import { normalizeQuestion } from './normalize';
import { answerOnlyHeadings } from './answerOnly';

export interface QuestionLetterRef {
  /** The path as written, e.g. "./inbreng.md". */
  target: string;
  /** Span of the path in the answer letter. */
  span: Span;
  via: 'front-matter' | 'comment';
}

const FRONT_MATTER_KEY = /^(?:vragen|vragenbrief)[ \t]*:[ \t]*/iu;
const COMMENT = /<!--[ \t]*(?:vragen|vragenbrief)[ \t]*:[ \t]*([^\r\n<>]{0,400}?)[ \t]*-->/iu;

function unquote(value: string, start: number): { target: string; span: Span } {
  const m = /^(["'])(.*)\1$/u.exec(value);
  if (m) return { target: m[2], span: { start: start + 1, end: start + 1 + m[2].length } };
  return { target: value, span: { start, end: start + value.length } };
}

/** The question letter the answer letter names itself, if any. */
export function questionLetterRef(text: string): QuestionLetterRef | null {
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('---', body)) {
    const lines = /\r?\n/g;
    lines.lastIndex = body;
    let m = lines.exec(text);
    let pos = m ? m.index + m[0].length : text.length;
    // Front matter ends at the next "---" line; give up after 200 lines so a stray rule is cheap.
    for (let n = 0; m && n < 200; n++) {
      m = lines.exec(text);
      const end = m ? m.index : text.length;
      const line = text.slice(pos, end);
      if (/^(?:---|\.\.\.)[ \t]*$/u.test(line)) break;
      const key = FRONT_MATTER_KEY.exec(line);
      if (key) {
        const value = line.slice(key[0].length).trimEnd();
        if (value) return { ...unquote(value, pos + key[0].length), via: 'front-matter' };
      }
      if (!m) break;
      pos = m.index + m[0].length;
    }
  }
  const c = COMMENT.exec(text);
  if (c && c[1]) {
    const start = c.index + c[0].indexOf(c[1], c[0].indexOf(':') + 1);
    return { ...unquote(c[1], start), via: 'comment' };
  }
  return null;
}

/** True for a letter that asks questions and answers none: a question letter. */
export function isQuestionLetter(letter: Letter): boolean {
  if (letter.questions.length === 0) return false;
  return letter.questions.every((u) => u.answer.headingSpan === null && (u.answer.status === 'missing' || u.answer.status === 'context'));
}

/** Kenmerken, zaaknummers and documentnummers named in a text. */
export function identifiers(text: string): Set<string> {
  const ids = new Set<string>();
  const head = text.slice(0, 20000);
  for (const m of head.matchAll(/\b(20\d{2}[ZD]\d{5})\b/gu)) ids.add(m[1].toUpperCase());
  for (const m of head.matchAll(/\bkenmerk(?:en)?\b[ \t:]*(?:nr\.?|nummer)?[ \t:]*([A-Z0-9][A-Z0-9\-/.]{3,30}[A-Z0-9])/giu)) ids.add(`kenmerk:${m[1].toUpperCase()}`);
  return ids;
}

export interface Candidate {
  /** How the host names it (a path or URI). */
  name: string;
  letter: Letter;
}

export interface LinkResult {
  index: number;
  reason: 'quotes' | 'identifier' | 'answers';
  /** Share of the candidate's questions the answer letter carries verbatim (0–1). */
  score: number;
}

/**
 * Discovers the question letter among candidates (the host passes letters from the same
 * folder): the question letter whose questions the answer letter quotes most (at least half),
 * or else one that shares a kenmerk or zaaknummer with it. An answer-only letter ("Antwoord N"
 * headings without question text) quotes nothing: it is paired with the one question letter
 * among the candidates that asks every number it answers and no more than it answers (`answers`);
 * with several such letters, none (the drafter picks).
 */
export function linkQuestionLetter(answer: Letter, candidates: Candidate[]): LinkResult | null {
  // Normalising the answer letter is linear in its size: skip it on every keystroke when there is nothing to compare.
  if (!candidates.length) return null;
  const answerText = normalizeQuestion(answer.text);
  const answerIds = identifiers(answer.text);
  let best: LinkResult | null = null;
  let byId: LinkResult | null = null;
  candidates.forEach((c, index) => {
    if (c.letter === answer || !isQuestionLetter(c.letter)) return;
    const qs = c.letter.questions;
    let found = 0;
    let asked = 0;
    for (const u of qs) {
      const t = normalizeQuestion(u.questionText);
      if (!t) continue;
      asked++;
      if (answerText.includes(t)) found++;
    }
    const score = asked ? found / asked : 0;
    if (score >= 0.5 && (!best || score > best.score)) best = { index, reason: 'quotes', score };
    if (!byId) {
      for (const id of identifiers(c.letter.text)) {
        if (answerIds.has(id)) {
          byId = { index, reason: 'identifier', score };
          break;
        }
      }
    }
  });
  return best ?? byId ?? byAnswers(answer, candidates);
}

/** The one candidate question letter whose numbers are exactly the answer-only letter's answers, else null. */
function byAnswers(answer: Letter, candidates: Candidate[]): LinkResult | null {
  const heads = answerOnlyHeadings(answer);
  if (!heads) return null;
  const ids = new Set(heads.map((h) => h.id));
  let found: LinkResult | null = null;
  for (let index = 0; index < candidates.length; index++) {
    const c = candidates[index].letter;
    if (c === answer || !isQuestionLetter(c)) continue;
    const asked = new Set(c.questions.filter((u) => u.answer.status !== 'context').map((u) => u.id));
    if (asked.size !== ids.size || [...ids].some((id) => !asked.has(id))) continue;
    if (found) return null;
    found = { index, reason: 'answers', score: 1 };
  }
  return found;
}
