/**
 * A small, allocation-light tokenizer for the citation grammar. One linear pass turns the text
 * into runs of letters (WORD), runs of ASCII digits (NUM) and single other characters (PUNCT),
 * each with its UTF-16 span and the whitespace gap before it. Tokens live in typed arrays so a
 * 1 MB letter costs a few flat buffers rather than hundreds of thousands of objects.
 */

export const WORD = 1;
export const NUM = 2;
export const PUNCT = 3;

/** Gap before a token: glued to the previous token, spaces only, one line break, a blank line. */
export const GLUED = 0;
export const SPACE = 1;
export const NEWLINE = 2;
export const BLANK = 3;

// Character classes for code units >= 0x80, computed on first sight: 0 unknown, 1 letter, 2 other.
const wide = new Uint8Array(65536);
const letterRe = /[\p{L}\p{M}]/u;

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let k = wide[c];
  if (k === 0) {
    // Lone surrogates are never letters; the regex would reject them anyway.
    k = c >= 0xd800 && c <= 0xdfff ? 2 : letterRe.test(String.fromCharCode(c)) ? 1 : 2;
    wide[c] = k;
  }
  return k === 1;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 12 || c === 11 || c === 0xfeff;
}

export class Tokens {
  count = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  gap: Uint8Array;

  constructor(readonly text: string) {
    const cap = Math.max(16, (text.length >> 2) + 16);
    this.kind = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.gap = new Uint8Array(cap);
    this.lex();
  }

  private push(kind: number, start: number, end: number, gap: number): void {
    if (this.count === this.kind.length) {
      const n = this.kind.length * 2;
      const k = new Uint8Array(n); k.set(this.kind); this.kind = k;
      const s = new Int32Array(n); s.set(this.start); this.start = s;
      const e = new Int32Array(n); e.set(this.end); this.end = e;
      const g = new Uint8Array(n); g.set(this.gap); this.gap = g;
    }
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.gap[i] = gap;
  }

  private lex(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    let gap = NEWLINE; // the first token starts a line
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        gap = gap >= NEWLINE ? BLANK : NEWLINE;
        i++;
        continue;
      }
      if (isSpaceCode(c)) {
        if (gap === GLUED) gap = SPACE;
        i++;
        continue;
      }
      const s = i;
      if (c >= 48 && c <= 57) {
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d < 48 || d > 57) break;
          i++;
        }
        this.push(NUM, s, i, gap);
      } else if (isLetterCode(c)) {
        i++;
        while (i < n && isLetterCode(text.charCodeAt(i))) i++;
        this.push(WORD, s, i, gap);
      } else {
        i++;
        this.push(PUNCT, s, i, gap);
      }
      gap = GLUED;
    }
  }

  /** The token's text (allocates; use the comparison helpers on hot paths). */
  str(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  len(i: number): number {
    return this.end[i] - this.start[i];
  }

  /** Exact, case-sensitive comparison of token i with w. */
  is(i: number, w: string): boolean {
    return i < this.count && this.end[i] - this.start[i] === w.length && this.text.startsWith(w, this.start[i]);
  }

  /** Case-insensitive comparison; `w` must be lower case. */
  isCI(i: number, w: string): boolean {
    if (i >= this.count || this.end[i] - this.start[i] !== w.length) return false;
    const s = this.start[i];
    for (let k = 0; k < w.length; k++) {
      let c = this.text.charCodeAt(s + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== w.charCodeAt(k)) {
        // Non-ASCII letters: fall back to a proper lower-casing of the token.
        if (c >= 128) return this.str(i).toLowerCase() === w;
        return false;
      }
    }
    return true;
  }

  /** Token i is the punctuation character `ch`. */
  isP(i: number, ch: string): boolean {
    return i < this.count && this.kind[i] === PUNCT && this.text.charCodeAt(this.start[i]) === ch.charCodeAt(0);
  }

  isNum(i: number): boolean {
    return i < this.count && this.kind[i] === NUM;
  }

  isWord(i: number): boolean {
    return i < this.count && this.kind[i] === WORD;
  }

  /** Numeric value of a NUM token (digits only, so plain arithmetic is exact for short runs). */
  num(i: number): number {
    let v = 0;
    for (let k = this.start[i]; k < this.end[i]; k++) v = v * 10 + (this.text.charCodeAt(k) - 48);
    return v;
  }

  /** First character of token i is an upper-case letter. */
  isCap(i: number): boolean {
    if (i >= this.count || this.kind[i] !== WORD) return false;
    const c = this.text.charCodeAt(this.start[i]);
    if (c < 128) return c >= 65 && c <= 90;
    const ch = this.text[this.start[i]];
    return ch !== ch.toLowerCase();
  }

  /** Every letter of token i is upper case. */
  isUpper(i: number): boolean {
    let letters = false;
    for (let k = this.start[i]; k < this.end[i]; k++) {
      const c = this.text.charCodeAt(k);
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) { letters = true; continue; }
      if (c >= 128) {
        const s = this.str(i);
        return s === s.toUpperCase() && s !== s.toLowerCase();
      }
    }
    return letters;
  }

  /** A dash of any kind: hyphen-minus, en dash, em dash, minus, non-breaking hyphen. */
  isDash(i: number): boolean {
    if (i >= this.count || this.kind[i] !== PUNCT) return false;
    const c = this.text.charCodeAt(this.start[i]);
    return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2212 || c === 0x2011 || c === 0x2010;
  }

  /** Index of the first token whose start is >= offset (binary search). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
