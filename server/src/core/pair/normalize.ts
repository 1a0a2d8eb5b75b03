/**
 * Text normalisation for the verbatim comparison of questions across two letters.
 * What does not count as a difference: whitespace and line breaks, PDF hyphenation
 * ("digi-\ntalisering", "inlichtingen-\nen"), typographic quotes and dashes, soft hyphens,
 * Markdown emphasis and block-quote markers.
 */
import { diffArrays } from 'diff';

// Every quote mark is one: ‘…’, “…”, „…”, '…' and "…" quote the same words.
const QUOTES = /['"\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
// A hyphen right after a letter or digit and before a letter, with any whitespace after it:
// line-break hyphenation and compound hyphens compare equal whether or not the PDF kept them.
const WORD_HYPHEN = /([\p{L}\p{N}])-[ \t\r\n\u00A0]*(?=\p{L})/gu;
const BLOCKQUOTE = /^[ \t]*>[ \t]?/gm;
const EMPHASIS = /[*_]+/g;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Uint16Array holds code units in the platform's byte order.
const UTF16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');

/**
 * Runs of whitespace to one space, trimmed. One pass into a code-unit buffer: a regex replace
 * with hundreds of thousands of matches (a whole letter) builds as many small strings.
 */
function collapseSpaces(t: string): string {
  const buf = new Uint16Array(t.length);
  let k = 0;
  let space = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c)) {
      if (!space) {
        buf[k++] = 32;
        space = true;
      }
    } else {
      buf[k++] = c;
      space = false;
    }
  }
  if (k > 0 && buf[k - 1] === 32) k--;
  return UTF16.decode(buf.subarray(0, k));
}

/** The canonical form of a question text: equal canonical forms mean "carried verbatim". */
export function normalizeQuestion(text: string): string {
  return collapseSpaces(
    text
    .replace(/\u00AD/g, '')
    .replace(BLOCKQUOTE, '')
    .replace(QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...')
    .replace(EMPHASIS, '')
    .replace(WORD_HYPHEN, '$1'),
  );
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
  const a = words(normalizeQuestion(original));
  const b = words(normalizeQuestion(carried));
  const parts = diffArrays(a, b, { maxEditLength: maxEdits });
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
    const value = part.value.join(' ');
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
