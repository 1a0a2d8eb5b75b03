/**
 * Text normalisation for the verbatim comparison of questions across two letters.
 * What does not count as a difference: whitespace and line breaks, PDF hyphenation
 * ("digi-\ntalisering", "inlichtingen-\nen"), typographic quotes and dashes, soft hyphens,
 * Markdown emphasis and block-quote markers.
 */
import { diffArrays } from 'diff';
import { displayQuestionText } from './display';
import { slot, type Memo } from '../memo';

const QUOTE_CODES = new Set([0x27, 0x22, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0xb4, 0x60, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb]);
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isDash(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

function charAt(t: string, i: number): string {
  const cp = t.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The code unit before `k` in the output, as a character (joining a surrogate pair). */
function lastChar(buf: Uint16Array, k: number): string {
  if (k === 0) return '';
  const lo = buf[k - 1];
  if (lo >= 0xdc00 && lo <= 0xdfff && k > 1) return String.fromCharCode(buf[k - 2], lo);
  return String.fromCharCode(lo);
}

// Uint16Array holds code units in the platform's byte order.
const UTF16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');

// With a memo, one buffer grown as needed and reused: allocating a typed array per call
// (thousands of short question texts) costs more in garbage collection than the work itself. A
// buffer for a very large text is not kept.
const KEEP_UNITS = 1 << 20;
const SCRATCH = slot('normalize.scratch', () => ({ buf: new Uint16Array(4096) }));
function scratch(units: number, memo?: Memo): Uint16Array {
  const shared = memo?.get(SCRATCH);
  if (shared && units <= shared.buf.length) return shared.buf;
  const buf = new Uint16Array(units);
  if (shared && units <= KEEP_UNITS) shared.buf = buf;
  return buf;
}

/**
 * The canonical form of a question text: equal canonical forms mean "carried verbatim".
 * One pass over the code units into a buffer (a regex replace with hundreds of thousands of
 * matches, as a whole letter has, builds as many small strings):
 * - every quote mark is one ('…', ‘…’, “…”, „…” quote the same words), every dash a hyphen,
 *   "…" three dots; soft hyphens, Markdown emphasis (`*`, `_`) and block-quote markers go;
 * - a hyphen after a letter or digit and before a letter goes, with the whitespace after it:
 *   line-break hyphenation and compound hyphens compare equal whether or not the PDF kept them;
 * - runs of whitespace become one space; the result is trimmed.
 */
export function normalizeQuestion(text: string, memo?: Memo): string {
  const n = text.length;
  const buf = scratch(n * 3 + 1, memo);
  let k = 0;
  let space = true;
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c === 10 || c === 13) lineStart = true;
    if (isSpace(c)) {
      if (!space) {
        buf[k++] = 32;
        space = true;
      }
      continue;
    }
    if (lineStart && c === 0x3e /* > */) {
      lineStart = false;
      continue;
    }
    lineStart = false;
    if (c === 0xad || c === 0x2a || c === 0x5f) continue;
    // A footnote marker glued to a question's end ("… loopt op»?1", "?12 Klopt …"): one to three
    // digits after `?` or `!` (closing quotes between allowed) before whitespace or the end are
    // no text, so a carried question with or without its marker compares equal.
    if (c >= 48 && c <= 57 && k > 0 && gluedAfterEndMark(buf, k)) {
      let j = i;
      while (j < n && j - i < 4 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j - i <= 3 && (j >= n || isSpace(text.charCodeAt(j)))) {
        i = j - 1;
        continue;
      }
    }
    if (QUOTE_CODES.has(c)) c = 0x22;
    else if (c === 0x2026) {
      buf[k++] = 0x2e;
      buf[k++] = 0x2e;
      c = 0x2e;
    } else if (isDash(c)) {
      // Drop a word hyphen: letter or digit before it, a letter after any whitespace.
      let before = k;
      if (before > 0 && buf[before - 1] === 32) before = -1;
      if (before > 0 && LETTER_OR_DIGIT.test(lastChar(buf, before))) {
        let j = i + 1;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 0xa0)) j++;
        if (j < n && LETTER.test(charAt(text, j))) {
          i = j - 1;
          continue;
        }
      }
      c = 0x2d;
    }
    buf[k++] = c;
    space = false;
  }
  if (k > 0 && buf[k - 1] === 32) k--;
  return UTF16.decode(buf.subarray(0, k));
}

/** Whether the buffer's last character (before closing quotes) is `?` or `!`. */
function gluedAfterEndMark(buf: Uint16Array, k: number): boolean {
  let j = k - 1;
  while (j > 0 && (buf[j] === 0x22 || buf[j] === 0x29 || buf[j] === 0xbb)) j--;
  return buf[j] === 0x3f || buf[j] === 0x21;
}

/** Words of a normalised text, for the word diff. */
export function words(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

export interface WordChange {
  /** Words of the question letter left out or replaced (may be empty). */
  removed: string;
  /** Words the answer letter has instead (may be empty). */
  added: string;
}

/**
 * The word differences between two question texts (question letter first), after
 * normalisation. Returns null when the texts are too different for a readable diff.
 */
export function wordDiff(original: string, carried: string, maxEdits = 200): WordChange[] | null {
  // Words as the drafter reads them, compared by their canonical form: the message shows
  // "PVV-fractie", not the canonical "PVVfractie".
  const tokens = (t: string) =>
    t
      .split(/\s+/)
      .filter((w) => w)
      .map((raw) => ({ raw, norm: normalizeQuestion(raw) }))
      .filter((w) => w.norm);
  const a = tokens(displayQuestionText(original));
  const b = tokens(displayQuestionText(carried));
  const parts = diffArrays(a, b, { maxEditLength: maxEdits, comparator: (l, r) => l.norm === r.norm });
  if (!parts) return null;
  const changes: WordChange[] = [];
  let current: WordChange | null = null;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      current = null;
      continue;
    }
    if (!current) {
      current = { removed: '', added: '' };
      changes.push(current);
    }
    const value = part.value.map((w) => w.raw).join(' ');
    if (part.removed) current.removed = current.removed ? `${current.removed} ${value}` : value;
    else current.added = current.added ? `${current.added} ${value}` : value;
  }
  return changes;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A Dutch, one-line description of word changes, e.g. `„genegen” in plaats van „bereid”`. */
export function describeChanges(changes: WordChange[], maxShown = 3): string {
  const shown = changes.slice(0, maxShown).map((c) => {
    if (c.removed && c.added) return `„${clip(c.added)}” in plaats van „${clip(c.removed)}”`;
    if (c.removed) return `„${clip(c.removed)}” weggelaten`;
    return `„${clip(c.added)}” toegevoegd`;
  });
  const rest = changes.length - shown.length;
  return rest > 0 ? `${shown.join('; ')} (en nog ${rest} ${rest === 1 ? 'verschil' : 'verschillen'})` : shown.join('; ');
}

/** Similarity of two normalised texts in [0, 1]: shared distinct words over all distinct words. */
export function similarity(a: string, b: string): number {
  const wa = new Set(words(a.toLowerCase()));
  const wb = new Set(words(b.toLowerCase()));
  if (wa.size === 0 && wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}
