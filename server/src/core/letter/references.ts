/**
 * "het antwoord op vraag 50", "antwoord op vraag 18 en 43": references from one answer to
 * another, and their resolution (same section first, then the whole letter).
 */
import type { AnswerReference, Letter, QuestionUnit, Section } from '../model';
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
/**
 * A fractie named right after the reference: "… vraag 1 van de leden van de VVD-fractie",
 * "… vraag 1 van de VVD-fractie", "… vraag 1 van het lid van de SGP-fractie", "… vraag 1 van de
 * fractie van de PVV", "… vraag 1 (VVD-fractie)". Bounded: at most ~90 characters are looked at.
 */
const FRACTIE_AFTER =
  /(?:[ \t\r\n\u00a0]*,)?[ \t\r\n\u00a0]+(?:van|aan|bij)[ \t\r\n\u00a0]+(?:(?:de|het)[ \t\r\n\u00a0]+)?(?:(?:leden|lid)[ \t\r\n\u00a0]+van[ \t\r\n\u00a0]+(?:de[ \t\r\n\u00a0]+)?)?(?:fractie[ \t\r\n\u00a0]+van[ \t\r\n\u00a0]+(?:de[ \t\r\n\u00a0]+)?)?([\p{L}\p{N}][\p{L}\p{N}&/-]{0,40})|[ \t\u00a0]*\(([\p{L}\p{N}][\p{L}\p{N}&/-]{0,40})\)/uy;

/** A fractie name compared case-insensitively without "-fractie": "VVD-fractie" → "vvd". */
function fractieKey(name: string): string {
  return name.toLowerCase().replace(/-?fractie$/u, '');
}

/**
 * Every reference phrase in the text, with the section whose questions it means: the section it
 * stands in, or the fractie section the phrase names ("het antwoord op vraag 1 van de leden van
 * de VVD-fractie", when `sections` holds a section titled "VVD-fractie"; the phrase's span then
 * includes the fractie).
 */
export function findAnswerReferences(text: string, sectionAt: (offset: number) => number, sections: readonly Section[] = []): AnswerReference[] {
  const out: AnswerReference[] = [];
  const byFractie = new Map<string, number>();
  for (const s of sections) if (!byFractie.has(fractieKey(s.title))) byFractie.set(fractieKey(s.title), s.index);
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
    let end = a + m[0].length;
    let sectionIndex = sectionAt(a);
    if (byFractie.size) {
      FRACTIE_AFTER.lastIndex = end;
      const f = FRACTIE_AFTER.exec(text);
      const named = f ? byFractie.get(fractieKey(f[1] ?? f[2])) : undefined;
      if (f && named !== undefined) {
        sectionIndex = named;
        end = f.index + f[0].length;
      }
    }
    out.push({ targets, targetSpans, span: { start, end }, sectionIndex });
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

/**
 * The question unit that target `id` of a by-reference answer (`unit.answer.refersTo`) means:
 * resolved from the section a reference phrase inside the answer names ("zie het antwoord op
 * vraag 1 van de leden van de VVD-fractie"), else from the unit's own section. Binary search
 * over `letter.answerReferences` (in text order): O(log R + references in the answer).
 */
export function resolveAnswerTarget(letter: Letter, unit: QuestionUnit, id: string): QuestionUnit | undefined {
  const span = unit.answer.span;
  let sectionIndex = unit.sectionIndex;
  if (span) {
    const refs = letter.answerReferences;
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].span.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const key = id.toLowerCase();
    for (let i = lo; i < refs.length && refs[i].span.start < span.end; i++) {
      if (refs[i].targets.includes(key)) {
        sectionIndex = refs[i].sectionIndex;
        break;
      }
    }
  }
  return resolveTarget(letter, sectionIndex, id);
}
