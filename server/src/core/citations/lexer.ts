/**
 * A small, allocation-light tokenizer for the citation grammar. It turns the text into runs of
 * letters (WORD), runs of ASCII digits (NUM) and single other characters (PUNCT), each with its
 * UTF-16 span and the whitespace gap before it. Tokens live in typed arrays so a 1 MB letter costs
 * a few flat buffers rather than hundreds of thousands of objects.
 *
 * Only the neighbourhood of what can start a finding is lexed (`Tokens.around`): every citation
 * rule needs a digit within a few tokens of its trigger word, a footnote or marker is digits or
 * `[`, and a motion mention starts at "motie". One native regex pass finds those places; around
 * each, enough tokens are lexed before and after that no rule can look past them (the margins
 * below). Skipped stretches are marked by one BREAK token, which no rule accepts.
 */

export const WORD = 1;
export const NUM = 2;
export const PUNCT = 3;
/** Stands for a stretch of text that was not lexed: matches nothing. */
export const BREAK = 4;
/** A run of superscript digits ("¹²"): a footnote marker or label in text pasted from a PDF. */
export const SUP = 5;

/** The digit 0–9 a superscript digit stands for, or -1. */
export function supDigit(c: number): number {
  if (c === 0xb9) return 1;
  if (c === 0xb2) return 2;
  if (c === 0xb3) return 3;
  if (c === 0x2070) return 0;
  if (c >= 0x2074 && c <= 0x2079) return c - 0x2070;
  return -1;
}

/** Gap before a token: glued to the previous token, spaces only, one line break, a blank line. */
export const GLUED = 0;
export const SPACE = 1;
export const NEWLINE = 2;
export const BLANK = 3;

const letterRe = /[\p{L}\p{M}]/u;

/** Whether a code unit is a letter or mark: Latin ranges and general punctuation by arithmetic, the rest by the regex. */
function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0x250) return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb5 || c === 0xba;
  // General punctuation (quotes, dashes) and lone surrogates are never letters.
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0xd800 && c <= 0xdfff)) return false;
  return letterRe.test(String.fromCharCode(c));
}


/** What the neighbourhood scan looks for: a digit (also superscript), `[`, or "motie" in any case. */
const INTERESTING = /[0-9[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]|motie/gi;

/**
 * Token margins around interesting tokens: [before, after]. Dossier-shaped numbers (2, 4, 5 or 8
 * digits) carry the citation rules: their trigger word stands at most 10 tokens before them
 * ("Aanhangsel van de Handelingen T.K., vergaderjaar 2023") and looks 3 further back; a list
 * continues at most 8 tokens past its last number ("(bijlage IV), en nr. 5"). Other numbers are
 * footnote labels, markers and list items (2 tokens back, 10 ahead). A motion mention looks 40
 * tokens back (the signer "het lid …" earlier in the sentence) and up to 160 ahead (its names, then
 * 80 tokens to its footnote marker). Upper-case words of up to three letters continue lists of
 * Eerste Kamer letters, so they keep the lexer going once it runs.
 */
const NUM_BIG: [number, number] = [16, 16];
const NUM_SMALL: [number, number] = [6, 10];
const BRACKET: [number, number] = [4, 16];
const MOTION: [number, number] = [40, 160];
const LETTERS_AFTER = 10;

function isSpaceCode(c: number): boolean {
  // Space, tab, no-break, the typographic spaces (en quad … hair, thin, narrow no-break, medium
  // mathematical), zero width, form feed, vertical tab, BOM.
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 12 || c === 11 || c === 0xfeff;
}

export class Tokens {
  count = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  gap: Uint8Array;

  /** All tokens of `text` (`around`: only the neighbourhoods of possible findings). */
  constructor(readonly text: string, around = false) {
    const cap = Math.max(16, (text.length >> (around ? 4 : 2)) + 16);
    this.kind = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.gap = new Uint8Array(cap);
    if (around) this.lexAround();
    else this.lex();
    // Rules peek a few tokens past the last one; there they read zeros, as past any other token.
    while (this.kind.length - this.count < 8) this.grow();
  }

  /** The tokens of the neighbourhoods of everything `findCitations` can find (see above). */
  static around(text: string): Tokens {
    return new Tokens(text, true);
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const k = new Uint8Array(n); k.set(this.kind); this.kind = k;
    const s = new Int32Array(n); s.set(this.start); this.start = s;
    const e = new Int32Array(n); e.set(this.end); this.end = e;
    const g = new Uint8Array(n); g.set(this.gap); this.gap = g;
  }

  private push(kind: number, start: number, end: number, gap: number): void {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.gap[i] = gap;
  }

  private lex(): void {
    this.lexRange(0, NEWLINE, -1); // the first token starts a line
  }

  /**
   * Lexes from `from` (a token start, or whitespace) with gap state `gap`. With `until` < 0 to the
   * end of the text; otherwise past `minEnd` and until `until` tokens have been pushed and the
   * margins of the interesting tokens among them are met. Returns [offset reached, gap state].
   */
  private lexRange(from: number, gapIn: number, until: number, minEnd = 0): [number, number] {
    const text = this.text;
    const n = text.length;
    let i = from;
    let gap = gapIn;
    const watch = until >= 0;
    while (i < n) {
      if (watch && this.count >= until && i >= minEnd) break;
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
      if (c === 0xad) {
        // A soft hyphen (from PDF text) is invisible: "nr. \u00ad47" reads "nr. 47".
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
        if (watch) {
          const l = i - s;
          const m = l === 2 || l === 4 || l === 5 || l === 8 ? NUM_BIG : NUM_SMALL;
          until = Math.max(until, this.count + m[1]);
        }
      } else if (c >= 0xb2 && supDigit(c) >= 0) {
        // Superscript digits are no letters (\p{No}): checked before the letter test is the same.
        i++;
        while (i < n && supDigit(text.charCodeAt(i)) >= 0) i++;
        this.push(SUP, s, i, gap);
        if (watch) until = Math.max(until, this.count + NUM_SMALL[1]);
      } else if (isLetterCode(c)) {
        i++;
        while (i < n && isLetterCode(text.charCodeAt(i))) i++;
        this.push(WORD, s, i, gap);
        if (watch) {
          const l = i - s;
          if (l <= 3 && isUpperAscii(text, s, i)) until = Math.max(until, this.count + LETTERS_AFTER);
          else if ((l === 5 || l === 6) && isMotie(text, s, l)) until = Math.max(until, this.count + MOTION[1]);
        }
      } else {
        i++;
        this.push(PUNCT, s, i, gap);
        if (watch && c === 91 /* [ */) until = Math.max(until, this.count + BRACKET[1]);
      }
      gap = GLUED;
    }
    return [i, gap];
  }

  /**
   * Lexes the neighbourhoods of the interesting places only. Each stretch starts far enough
   * before its first interesting token and runs until the margins after the last one are met;
   * stretches that would touch are lexed as one.
   */
  private lexAround(): void {
    const text = this.text;
    const n = text.length;
    const re = new RegExp(INTERESTING.source, INTERESTING.flags);
    let pos = 0; // offset up to which the text was lexed (always a token boundary)
    let gap = NEWLINE; // lexer state at `pos`
    while (pos < n) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) break;
      const p = m.index;
      let s = tokenStartBack(text, p, beforeMargin(text, p), pos);
      if (s > pos) {
        // Tokens lie unlexed between: mark them, and find the lexer state at s.
        this.push(BREAK, s, s, BLANK);
        gap = gapBefore(text, s, pos, gap);
      } else {
        s = pos;
      }
      [pos, gap] = this.lexRange(s, gap, this.count + 1, p + 1);
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

  /** Numeric value of a NUM or SUP token (digits only, so plain arithmetic is exact for short runs). */
  num(i: number): number {
    let v = 0;
    const sup = this.kind[i] === SUP;
    for (let k = this.start[i]; k < this.end[i]; k++) v = v * 10 + (sup ? supDigit(this.text.charCodeAt(k)) : this.text.charCodeAt(k) - 48);
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


function isUpperAscii(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function isMotie(text: string, s: number, l: number): boolean {
  if (l === 6 && (text.charCodeAt(s + 5) | 32) !== 115) return false;
  const w = text.slice(s, s + 5);
  return w.toLowerCase() === 'motie';
}

/** Lexer character class: 0 whitespace or line break, 1 letter, 2 digit, 3 other, 4 superscript digit. */
function classOf(c: number): number {
  if (c < 128) {
    if (c === 10 || c === 13 || c === 32 || c === 9 || c === 12 || c === 11) return 0;
    if (c >= 48 && c <= 57) return 2;
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 3;
  }
  if (isSpaceCode(c)) return 0;
  if (supDigit(c) >= 0) return 4;
  return isLetterCode(c) ? 1 : 3;
}

/** The margin before the interesting token at p (a digit run, `[`, or a word holding "motie"). */
function beforeMargin(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 91) return BRACKET[0];
  if (supDigit(c) >= 0) return NUM_SMALL[0];
  if (c >= 48 && c <= 57) {
    let e = p;
    while (e < text.length && text.charCodeAt(e) >= 48 && text.charCodeAt(e) <= 57) e++;
    // p is the first digit of its run: the regex scans left to right and lexing covers the rest.
    const l = e - p;
    return l === 2 || l === 4 || l === 5 || l === 8 ? NUM_BIG[0] : NUM_SMALL[0];
  }
  return MOTION[0];
}

/**
 * The start of the token `count` tokens before the one holding offset p (or of that token itself
 * for count 0), never before `floor`; returns `floor` when the walk reaches it.
 */
function tokenStartBack(text: string, p: number, count: number, floor: number): number {
  let q = p;
  // Back to the start of the token holding p.
  const cp = classOf(text.charCodeAt(q));
  if (cp === 1 || cp === 2 || cp === 4) {
    while (q > floor && classOf(text.charCodeAt(q - 1)) === cp) q--;
  }
  for (let seen = 0; seen < count; seen++) {
    // Whitespace back, then one token.
    let r = q;
    while (r > floor && classOf(text.charCodeAt(r - 1)) === 0) r--;
    if (r <= floor) return floor;
    const k = classOf(text.charCodeAt(--r));
    if (k === 1 || k === 2 || k === 4) {
      while (r > floor && classOf(text.charCodeAt(r - 1)) === k) r--;
    }
    q = r;
  }
  // Only whitespace between the lexed text and q: nothing is skipped.
  let r = q;
  while (r > floor && classOf(text.charCodeAt(r - 1)) === 0) r--;
  return r <= floor ? floor : q;
}

/**
 * The lexer's gap state at offset s, a token start: from the whitespace before it, back to the
 * previous token or to `pos` (where the state is `gapAtPos`).
 */
function gapBefore(text: string, s: number, pos: number, gapAtPos: number): number {
  let q = s;
  while (q > pos && classOf(text.charCodeAt(q - 1)) === 0) q--;
  let gap = q === pos ? gapAtPos : GLUED;
  for (let k = q; k < s; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(k + 1) === 10) k++;
      gap = gap >= NEWLINE ? BLANK : NEWLINE;
    } else if (gap === GLUED) gap = SPACE;
  }
  return gap;
}
