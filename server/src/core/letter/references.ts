/**
 * "het antwoord op vraag 50", "antwoord op vraag 18 en 43": references from one answer to
 * another, and their resolution (same section first, then the whole letter).
 */
import type { AnswerReference, Letter, QuestionUnit } from '../model';
import type { Span } from '../text';

const REFERENCE =
  /antwoord(?:en)?[ \t\r\n\u00a0]+(?:(?:op|bij|onder)[ \t\r\n\u00a0]+(?:de[ \t\r\n\u00a0]+)?vra(?:ag|gen)[ \t\r\n\u00a0]+)?(\d{1,4}[a-z]?(?![\p{L}\p{N}]))((?:[ \t\r\n\u00a0]*(?:,|en|&|t\/m|tot en met|[–-])[ \t\r\n\u00a0]*\d{1,4}[a-z]?(?![\p{L}\p{N}]))*)/iuy;
const TARGET = /(t\/m|tot en met|[–-])|(\d{1,4})([a-z]?)/gi;
const HET_BEFORE = /\bhet[ \t\r\n\u00a0]+$/i;
/** "antwoord 3" without "op vraag" is a reference only after these words ("In antwoord 3 …", "zie antwoord 3"). */
const BARE_BEFORE = /\b(?:in|zie|naar|bij|met|uit|van|als|het)[ \t\r\n\u00a0]+$/i;
/** Words that make "het antwoord op vraag N" the subject of a sentence pointing elsewhere. */
const SUBJECT_BEFORE = /(?:^|[^\p{L}])(?:voor|betreft|aangaande|inzake)[ \t\r\n\u00a0]+$/iu;
/** A range wider than this is taken as its two ends only. */
const MAX_RANGE = 60;

/** Every reference phrase in the text, with the section it stands in. */
export function findAnswerReferences(text: string, sectionAt: (offset: number) => number): AnswerReference[] {
  const out: AnswerReference[] = [];
  // Find "ntwoord" with indexOf and match the phrase there: far cheaper than a scanning regex.
  for (let at = text.indexOf('ntwoord', 1); at >= 0; at = text.indexOf('ntwoord', at + 7)) {
    const a = at - 1;
    const c = text.charCodeAt(a);
    if (c !== 97 && c !== 65) continue;
    if (a > 0 && /[\p{L}\p{N}]/u.test(text[a - 1])) continue;
    REFERENCE.lastIndex = a;
    const m = REFERENCE.exec(text);
    if (!m) continue;
    const before = text.slice(Math.max(0, a - 8), a);
    const bare = !/^antwoord(?:en)?[ \t\r\n\u00a0]+(?:op|bij|onder)/i.test(m[0]);
    if (bare && !BARE_BEFORE.test(before)) continue;
    const het = HET_BEFORE.exec(before);
    const start = het ? a - het[0].length : a;
    // "Voor het antwoord op vraag 1 verwijs ik naar mijn brief …", "Wat betreft het antwoord op
    // de vragen 1 en 2 …": the question is the subject of a pointer elsewhere, not its target.
    if (SUBJECT_BEFORE.test(text.slice(Math.max(0, start - 14), start))) continue;
    const targets: string[] = [];
    const targetSpans: Span[] = [];
    const firstAt = a + m[0].length - m[2].length - m[1].length;
    targets.push(m[1].toLowerCase());
    targetSpans.push({ start: firstAt, end: firstAt + m[1].length });
    if (m[2]) {
      // "vragen 1 tot en met 3": every number of the range is a target (spanned by its upper end).
      const restAt = firstAt + m[1].length;
      let prev = parseInt(m[1], 10);
      let range = false;
      TARGET.lastIndex = 0;
      for (let t = TARGET.exec(m[2]); t; t = TARGET.exec(m[2])) {
        if (t[1]) {
          range = true;
          continue;
        }
        const n = parseInt(t[2], 10);
        const span = { start: restAt + t.index, end: restAt + t.index + t[0].length };
        if (range && !t[3] && n > prev && n - prev <= MAX_RANGE) {
          for (let k = prev + 1; k < n; k++) {
            targets.push(String(k));
            targetSpans.push(span);
          }
        }
        range = false;
        prev = n;
        targets.push(t[0].toLowerCase());
        targetSpans.push(span);
      }
    }
    out.push({ targets, targetSpans, span: { start, end: a + m[0].length }, sectionIndex: sectionAt(a) });
  }
  return out;
}

/**
 * The question unit a reference target names: in the same section when it has one with that
 * id, else the first unit with that id anywhere in the letter.
 */
export function resolveTarget(letter: Letter, sectionIndex: number, id: string): QuestionUnit | undefined {
  const index = indexOf(letter);
  const key = id.toLowerCase();
  return index.bySection.get(`${sectionIndex}\u0000${key}`) ?? index.first.get(key);
}

interface Index {
  questions: QuestionUnit[];
  /** First unit of an id within a section, keyed "section\0id". */
  bySection: Map<string, QuestionUnit>;
  /** First unit of an id in the letter. */
  first: Map<string, QuestionUnit>;
}

/** Where a letter keeps its index: a hidden property of the model, built on first use. */
const INDEX_KEY = Symbol('answerReferenceIndex');

function indexOf(letter: Letter): Index {
  const known = (letter as Letter & { [INDEX_KEY]?: Index })[INDEX_KEY];
  if (known && known.questions === letter.questions) return known;
  const index: Index = { questions: letter.questions, bySection: new Map(), first: new Map() };
  for (const q of letter.questions) {
    const k = `${q.sectionIndex}\u0000${q.id}`;
    if (!index.bySection.has(k)) index.bySection.set(k, q);
    if (!index.first.has(q.id)) index.first.set(q.id, q);
  }
  Object.defineProperty(letter, INDEX_KEY, { value: index, enumerable: false, configurable: true, writable: true });
  return index;
}

/** The reference (and target index) at an offset, for hover and go to definition. */
export function referenceAt(letter: Letter, offset: number): { reference: AnswerReference; target: number } | undefined {
  for (const r of letter.answerReferences) {
    if (offset < r.span.start || offset > r.span.end) continue;
    for (let i = 0; i < r.targetSpans.length; i++) {
      const s = r.targetSpans[i];
      if (offset >= s.start && offset <= s.end) return { reference: r, target: i };
    }
    return { reference: r, target: 0 };
  }
  return undefined;
}
