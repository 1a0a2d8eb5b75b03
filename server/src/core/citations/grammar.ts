/**
 * The citation grammar: hand-written recursive descent over the tokens of `lexer.ts`, anchored
 * at trigger tokens. Every rule takes a token index and returns what it recognised plus the
 * index after it, or null; rules only look a bounded number of tokens ahead, so the whole scan
 * stays linear in the size of the text.
 *
 *   citation     := kamerstukken | kamerTrigger | stukNummer | aanhangsel | handelingen
 *                 | paperId | tkNumber | hyphenForm | bareDossier
 *   kamerstukken := ("Kamerstuk" | "Kamerstukken") kamer? ","? vergaderjaar? ","? dossiers numbers?
 *   kamerTrigger := ("TK" | "EK" | "Tweede Kamer" | "Eerste Kamer") ","? vergaderjaar ","? dossiers numbers
 *   stukNummer   := ("stuk nummer" | "stuknummer") dossiers numbers
 *   bareDossier  := dossiers ","? nrWord numList            (e.g. inside parentheses)
 *   dossiers     := dossier (("/" | "&") dossier)*          (the first one identifies the paper)
 *   dossier      := (NUM5 | NUM2 sep NUM3) toevoeging? rijkswet?
 *   toevoeging   := "-" NUM2 | sep? ROMAN | "hoofdstuk" ROMAN
 *   numbers      := ","? (nrWord numList | ekLetter | bareNumber)
 *   numList      := num range? pages? ((","|"en"|", en") nrWord? num range? pages?)*
 *   vergaderjaar := ("vergaderjaar" | "zitting")? YEAR ("/" | "-") "-"? (YY | YEAR)
 *   handelingen  := "Aanhangsel"? ("van de")? "Handelingen" kamer? ","? vergaderjaar ("," part)*
 */
import { Tokens, WORD, NUM, PUNCT, BREAK, SUP, GLUED, SPACE, NEWLINE } from './lexer';
import { DASH_TOEVOEGINGEN, PLAIN_DOSSIERS } from './dossiers';
import type { PaperRef } from './types';
import type { Span } from '../text';
import {
  aanhangselRef,
  bladRef,
  spacedDossier,
  handelingenRef,
  kamerstukRef,
  parsePaperId,
  tkNumberRef,
  vergaderjaarFrom,
} from './paper';

/** One recognised citation: one or more papers. */
export interface ParsedCitation {
  start: number;
  end: number;
  /** Token index just after the citation. */
  next: number;
  papers: { ref: PaperRef; span: Span; range?: string }[];
  /** Page reference as written, normalised ("7-8", "17,19-22"), or null. */
  pages: string | null;
  /** How the citation was anchored (used by checks: only full citations are judged for form). */
  trigger: 'kamerstuk' | 'kamer' | 'stuknummer' | 'bare' | 'hyphen' | 'id' | 'url' | 'tknumber' | 'handelingen' | 'aanhangsel' | 'staatsblad' | 'staatscourant';
  /** Number of dossiers written ("26 643/30 821" gives 2). */
  dossierCount: number;
  /** Token ranges [from, to) inside the citation that belong to the page, not to it (a footnote line, a running footer). */
  holes?: [number, number][];
}

/**
 * How a dash part after a dossier reads when nothing else decides it ("36123-45" with no number
 * after it): 'toevoeging' (the dossier 36 123-45), 'number' (paper nr. 45), or 'ambiguous'. From the
 * Tweede Kamer's dossier records (dossiers.ts): a toevoeging the records list for the dossier, or
 * one starting with 0 (no volgnummer does), is a toevoeging; a dossier listed without toevoeging
 * has volgnummers; anything else is not known offline.
 */
export function dashPart(dossier: string, part: string): 'toevoeging' | 'number' | 'ambiguous' {
  if (part.charCodeAt(0) === 48) return 'toevoeging';
  const dash = DASH_TOEVOEGINGEN[dossier];
  if (dash && dash.includes(part)) return 'toevoeging';
  if (PLAIN_DOSSIERS.has(+dossier)) return 'number';
  return 'ambiguous';
}

interface Dossier {
  dossier: string;
  toevoeging: string | null;
  next: number;
  /** The toevoeging is two digits after a dash: with no number after it, it may be the number. */
  dash?: boolean;
  /** The dossier was written with a space ("36 123"). */
  spaced?: boolean;
}

interface Num {
  value: string;
  span: Span;
  /** An end of a range too long to list ("1-400"). */
  range?: string;
}

/** The longest range of volgnummers listed paper by paper ("nrs. 12 t/m 15"); longer ones give their ends. */
export const RANGE_CAP = 30;

interface NumberPart {
  nums: Num[];
  pages: string | null;
  next: number;
}

const ROMAN_RE = /^[IVXL]{1,6}[AB]?$/;
const MONTHS = new Set([
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
]);

/** The Kamer designation, with the OCR look-alikes of PDF text ("Kamerstukken ll"). */
const KAMER_II = new Set(['II', 'TK', 'll', 'Il', 'lI']);
const KAMER_I = new Set(['I', 'EK', 'l']);

export class Grammar {
  readonly text: string;
  /** Page furniture skipped by the citation being parsed (reset by `at`). */
  private holes: [number, number][] = [];

  constructor(readonly t: Tokens) {
    this.text = t.text;
  }

  // ---------- small helpers ----------

  /** Skips Markdown emphasis (`*`, `_`, `**`) glued to a neighbour. */
  private em(i: number): number {
    const t = this.t;
    let j = i;
    while ((t.isP(j, '*') || t.isP(j, '_')) && j - i < 3) j++;
    return j;
  }

  /**
   * `f` at j; when it fails at a line break, `f` after the page furniture there: a citation broken
   * by the page has lines between its parts that belong to the page (a footnote "3 Kamerstuk …", a
   * page number, the running footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel",
   * "ah-tk-…", "ISSN …"). At most four such lines are skipped, one at a time, and remembered as
   * holes so their own citations are still read. What stands right at j always wins:
   * "nr.\n\n273" is a volgnummer, not a page number.
   */
  private orCont<T>(j: number, f: (j: number) => T | null): T | null {
    const r = f(j);
    if (r !== null) return r;
    const t = this.t;
    let k = j;
    for (let lines = 0; lines < 4; lines++) {
      if (k >= t.count || t.gap[k] < NEWLINE) return null;
      const e = this.furnitureEnd(k);
      if (e < 0 || e >= t.count) return null;
      k = e;
      const r2 = f(k);
      if (r2 !== null) {
        this.holes.push([j, k]);
        return r2;
      }
    }
    return null;
  }

  /** End (token index of the next line) of the furniture line starting at token k, or -1. */
  private furnitureEnd(k: number): number {
    const t = this.t;
    const first = k;
    let furniture = false;
    if (t.isNum(k) && t.len(k) <= 3) furniture = true; // footnote label or page number
    else if (t.is(k, 'Tweede') && t.is(k + 1, 'Kamer') && t.isP(k + 2, ',')) furniture = true;
    else if (t.is(k, 'ISSN') || t.is(k, 'ah') || t.is(k, 'kst')) furniture = true;
    if (!furniture) return -1;
    // The line must be lexed whole: no stretch of more than 8 tokens without a digit.
    let sinceNum = 0;
    let j = k + 1;
    for (; j < t.count && t.gap[j] < NEWLINE; j++) {
      if (t.kind[j] === BREAK) return -1;
      if (t.kind[j] === NUM) sinceNum = 0;
      else if (++sinceNum > 8) return -1;
      if (j - first > 40) return -1;
    }
    // A page number alone on its line is furniture only when the citation goes on after it.
    return j;
  }

  private comma(i: number): number {
    return this.t.isP(i, ',') ? i + 1 : i;
  }

  /** "nr", "nr.", "nrs.", "nummer", "nummers", "no." → [plural, next]. */
  private nrWord(i: number): [boolean, number] | null {
    const t = this.t;
    if (!t.isWord(i)) return null;
    let plural: boolean;
    if (t.isCI(i, 'nr') || t.isCI(i, 'no') || t.isCI(i, 'nummer')) plural = false;
    else if (t.isCI(i, 'nrs') || t.isCI(i, 'nummers') || t.isCI(i, 'nos')) plural = true;
    else return null;
    let j = i + 1;
    if (t.isP(j, '.') && t.gap[j] === GLUED) j++;
    // "nr, 47": OCR read the dot as a comma; only when a number follows.
    else if (t.isP(j, ',') && t.gap[j] === GLUED && t.isNum(j + 1) && t.gap[j + 1] <= SPACE) j++;
    return [plural, j];
  }

  /** A 1–3 letter upper-case Eerste Kamer letter ("E", "AA"), standing on its own. */
  private ekLetter(i: number, marker = false): boolean {
    const t = this.t;
    if (!t.isWord(i) || t.len(i) > 3) return false;
    const s = t.str(i);
    if (!/^[A-Z]{1,3}$/.test(s)) return false;
    let n = i + 1;
    // "30 821, E3.": a footnote marker glued to the letter.
    if (marker && t.isNum(n) && t.gap[n] === GLUED && t.len(n) <= 2 && !(t.gap[n + 1] === GLUED && t.kind[n + 1] !== PUNCT)) n++;
    if (n < t.count && t.gap[n] === GLUED) {
      if (t.isP(n, '*') || t.isP(n, '_') || t.kind[n] === SUP) return true;
      if (t.kind[n] !== PUNCT) return false;
      const c = this.text.charCodeAt(t.start[n]);
      // "E." / "E," / "E)" / "E;" end the letter; "EU-beleid" or "E-mail" do not.
      if (c !== 46 && c !== 44 && c !== 41 && c !== 59 && c !== 58) return false;
    }
    return true;
  }

  private roman(i: number): boolean {
    const t = this.t;
    return t.isWord(i) && t.len(i) <= 7 && ROMAN_RE.test(t.str(i));
  }

  /** Kamer designation → [kamer, next]. */
  kamer(i: number): ['I' | 'II', number] | null {
    const t = this.t;
    if (i >= t.count) return null;
    if (t.kind[i] === WORD) {
      const w = t.len(i) <= 2 ? t.str(i) : '';
      // "II2015–16": the year glued on by the PDF is lexed as its own token.
      if (KAMER_II.has(w)) return ['II', this.em(i + 1)];
      if (KAMER_I.has(w)) return ['I', this.em(i + 1)];
      if ((t.is(i, 'T') || t.is(i, 'E')) && t.isP(i + 1, '.') && t.is(i + 2, 'K') && t.gap[i + 2] === GLUED) {
        let j = i + 3;
        if (t.isP(j, '.') && t.gap[j] === GLUED) j++;
        return [t.is(i, 'T') ? 'II' : 'I', j];
      }
      if ((t.is(i, 'Tweede') || t.is(i, 'Eerste')) && t.is(i + 1, 'Kamer')) return [t.is(i, 'Tweede') ? 'II' : 'I', i + 2];
      return null;
    }
    if (t.kind[i] === NUM && t.isP(i + 1, ',')) {
      if (t.is(i, '2') || t.is(i, '11')) return ['II', i + 1];
      if (t.is(i, '1')) return ['I', i + 1];
    }
    return null;
  }

  /** Parliamentary year → ["2023-2024", next]. */
  vergaderjaar(i: number): [string, number] | null {
    const t = this.t;
    let j = i;
    if (t.isWord(j) && (t.isCI(j, 'vergaderjaar') || t.isCI(j, 'zitting'))) j++;
    if (!t.isNum(j) || t.len(j) !== 4) return null;
    const y1 = t.num(j);
    if (y1 < 1800 || y1 > 2199) return null;
    j++;
    if (!(t.isP(j, '/') || t.isDash(j)) || t.gap[j] > SPACE) return null;
    j++;
    if (t.isDash(j) && t.gap[j] <= SPACE) j++; // "1985/- 86"
    if (!t.isNum(j) || t.gap[j] > SPACE) return null;
    const l = t.len(j);
    const y2 = t.num(j);
    if (l === 2) {
      if (y2 !== (y1 + 1) % 100) return null;
    } else if (l === 4) {
      if (y2 !== y1 + 1) return null;
    } else return null;
    return [vergaderjaarFrom(y1), j + 1];
  }

  /** A dossier number with its toevoeging. `short` allows the 4-digit dossiers of old papers. */
  dossier(i: number, short: boolean): Dossier | null {
    const t = this.t;
    if (!t.isNum(i)) return null;
    const l = t.len(i);
    let d: string;
    let j: number;
    let spaced = false;
    if (l === 5) {
      d = t.str(i);
      j = i + 1;
    } else if (l === 2) {
      const k = i + 1;
      if (t.isNum(k) && t.len(k) === 3 && t.gap[k] !== GLUED) {
        // "30 821", and "26" / "643" broken over a line.
        d = t.str(i) + t.str(k);
        j = k + 1;
        spaced = true;
      } else if ((t.isP(k, '.') || t.isDash(k)) && t.gap[k] === GLUED && t.isNum(k + 1) && t.len(k + 1) === 3 && t.gap[k + 1] === GLUED) {
        d = t.str(i) + t.str(k + 1);
        j = k + 2;
      } else return null;
      // A third digit group glued on means this was no dossier (e.g. a phone or account number).
      if (t.isNum(j) && t.gap[j] === GLUED) return null;
    } else if (l === 4 && short) {
      d = t.str(i);
      j = i + 1;
    } else return null;
    if (t.isWord(j) && t.gap[j] === GLUED && !this.roman(j)) return null;
    if (t.isNum(j) && t.gap[j] === GLUED) return null;
    if (d.charCodeAt(0) === 48) return null; // no dossier starts with 0
    let toevoeging: string | null = null;
    let dash = false;
    // Toevoeging.
    // After a dash the part may stand on the next line: "21 501-⏎32, nr. 1740" broken by the PDF.
    const afterDash = t.isDash(j) && t.gap[j] === GLUED && (t.gap[j + 1] === GLUED || t.gap[j + 1] === NEWLINE);
    if (afterDash && t.isNum(j + 1) && t.len(j + 1) === 2) {
      toevoeging = t.str(j + 1);
      j += 2;
      dash = !(t.isDash(j) && t.gap[j] === GLUED);
    } else if (afterDash && this.letterToevoeging(j + 1, true)) {
      // "35 925-A, nr. 68", "35925-A-68": a letter toevoeging (a fund of a budget) written with a dash.
      toevoeging = t.str(j + 1);
      j += 2;
    } else if (t.isWord(j) && t.gap[j] === SPACE && !this.roman(j) && this.letterToevoeging(j, false)) {
      // "35 925 A, nr. 68", "36 410 A nr. 5": a letter followed by a volgnummer is a toevoeging;
      // an Eerste Kamer letter is the letter alone ("30 821, E").
      toevoeging = t.str(j);
      j += 1;
    } else if (t.isDash(j) && t.gap[j] === GLUED && this.roman(j + 1) && t.gap[j + 1] <= NEWLINE) {
      toevoeging = t.str(j + 1);
      j += 2;
    } else if (t.isP(j, '.') && t.gap[j] === GLUED && this.roman(j + 1) && t.gap[j + 1] <= SPACE) {
      toevoeging = t.str(j + 1);
      j += 2;
    } else if (this.roman(j) && t.gap[j] <= SPACE && !this.romanIsLetter(j)) {
      toevoeging = t.str(j);
      j += 1;
    } else if (t.isCI(j, 'hoofdstuk') && this.roman(j + 1)) {
      toevoeging = t.str(j + 1);
      j += 2;
    }
    // Rijkswet number "(R 1669)" / "(R2064)": not part of the identifier.
    if (t.isP(j, '(') && t.is(j + 1, 'R') && t.isNum(j + 2) && t.isP(j + 3, ')')) j += 4;
    return { dossier: d, toevoeging, next: j, dash, spaced };
  }

  /**
   * A one- or two-letter upper-case toevoeging at i that a volgnummer follows: ", nr. 68" / " nr. 68"
   * (and, with `compact`, "-68" glued on as in "35925-A-68"). Only the volgnummer tells it from an
   * Eerste Kamer letter, which stands alone.
   */
  private letterToevoeging(i: number, compact: boolean): boolean {
    const t = this.t;
    if (!t.isWord(i) || t.len(i) > 2 || !/^[A-Z]{1,2}$/.test(t.str(i))) return false;
    const n = i + 1;
    if (compact && t.isDash(n) && t.gap[n] === GLUED && t.isNum(n + 1) && t.gap[n + 1] === GLUED) return true;
    if (t.gap[n] !== GLUED && !t.isWord(n)) return false;
    const nw = this.nrWord(this.comma(n));
    return nw !== null;
  }

  /**
   * After a dossier at i, the citation clearly had a volgnummer that could not be read ("nr." with
   * no number after it, e.g. "nr. ?47", a number of five or more digits): the citation is then
   * dropped rather than shown as the dossier, which would be a wrong paper shown as certain.
   */
  private lostNumber(i: number): boolean {
    const t = this.t;
    const c = this.em(this.comma(i));
    if (c >= t.count) return false;
    if (this.nrWord(c)) return true;
    return c > i && t.isNum(c) && t.len(c) > 4 && t.gap[c] <= SPACE;
  }

  /** "Kamerstuk I 31145 X" has no volgnummer after it: a lone Roman-looking word may be the EK letter. */
  private romanIsLetter(j: number): boolean {
    const t = this.t;
    // A Roman toevoeging is followed by "," + number, "nr." or a number; otherwise treat a
    // single "I"/"V"/"X" as ordinary text rather than guess (e.g. a list item "I").
    const n = j + 1;
    if (t.isP(n, ',') || t.isP(n, ')') || this.nrWordLike(n)) return false;
    if (t.isNum(n)) return false;
    return t.len(j) === 1;
  }

  /** dossiers := dossier (("/" | "&") dossier)* → first dossier, count, next. */
  dossiers(i: number, short: boolean): [Dossier, number, number] | null {
    const first = this.dossier(i, short);
    if (!first) return null;
    let j = first.next;
    let count = 1;
    for (let guard = 0; guard < 4; guard++) {
      if (!(this.t.isP(j, '/') || this.t.isP(j, '&'))) break;
      const d = this.dossier(j + 1, short);
      if (!d) break;
      count++;
      j = d.next;
    }
    return [first, count, j];
  }

  private num(i: number): Num | null {
    const t = this.t;
    if (t.isNum(i)) {
      const l = t.len(i);
      if (l > 5) return null;
      if (t.str(i).charCodeAt(0) === 48) return null;
      let end = t.end[i];
      let value = t.str(i);
      // "42e", "215a": a single lower-case letter glued on.
      if (t.isWord(i + 1) && t.gap[i + 1] === GLUED) {
        if (t.len(i + 1) === 1 && /[a-z]/.test(t.str(i + 1)) && !(t.isWord(i + 2) && t.gap[i + 2] === GLUED)) {
          value += t.str(i + 1);
          end = t.end[i + 1];
        } else return null;
      }
      // A year range or a date glued on means this is no volgnummer.
      if (l === 4 && (t.isP(i + 1, '/') || t.isDash(i + 1)) && t.gap[i + 1] === GLUED && t.isNum(i + 2)) {
        const y = t.num(i);
        const y2 = t.len(i + 2) === 2 ? Math.floor(y / 100) * 100 + t.num(i + 2) : t.num(i + 2);
        if (y >= 1900 && y <= 2100 && y2 > y && y2 - y <= 10) return null;
      }
      if (t.isWord(i + 1) && MONTHS.has(t.str(i + 1).toLowerCase())) return null;
      return { value, span: { start: t.start[i], end } };
    }
    if (this.ekLetter(i)) return { value: t.str(i), span: { start: t.start[i], end: t.end[i] } };
    return null;
  }

  /** Token count taken by a num (1, or 2 with a glued letter). */
  private numTokens(i: number, n: Num): number {
    return n.span.end === this.t.end[i] ? 1 : 2;
  }

  /** A page reference ("p. 7–8", "blz. 12 en 13", "pag.4", "p. 4 e.v.") → [normalised, next]. */
  pages(i: number): [string, number] | null {
    const t = this.t;
    let j = this.comma(i);
    if (!t.isWord(j)) return null;
    if (!(t.isCI(j, 'p') || t.isCI(j, 'pp') || t.isCI(j, 'blz') || t.isCI(j, 'pag') || t.isCI(j, 'pagina') || t.isCI(j, "pagina's") ||
      t.isCI(j, 'bladzijde') || t.isCI(j, 'bladzijden') || t.isCI(j, 'blad'))) return null;
    j++;
    if (t.isP(j, '.') && t.gap[j] === GLUED) j++;
    if (!t.isNum(j)) return null;
    let out = '';
    for (let guard = 0; guard < 8; guard++) {
      if (!t.isNum(j)) break;
      out += t.str(j);
      j++;
      // range: "7–8", "5 - 6", "69/70"
      if ((t.isDash(j) || t.isP(j, '/')) && t.gap[j] <= SPACE && t.isNum(j + 1) && t.gap[j + 1] <= SPACE) {
        out += '-' + t.str(j + 1);
        j += 2;
      }
      // "4 e.v." / "4 e v."
      if (t.is(j, 'e') && (t.isP(j + 1, '.') || t.is(j + 1, 'v'))) {
        let k = j + 1;
        if (t.isP(k, '.')) k++;
        if (t.is(k, 'v')) {
          k++;
          if (t.isP(k, '.')) k++;
          out += '-';
          j = k;
          break;
        }
      }
      if (t.isCI(j, 'en') && t.isNum(j + 1)) {
        out += '-';
        j++;
        continue;
      }
      if (t.isP(j, ',') && t.isNum(j + 1) && !this.nrWordLike(j + 1)) {
        out += ',';
        j++;
        continue;
      }
      break;
    }
    return [out, j];
  }

  /** The token after a range word ("–", "t/m", "tm", "tot en met", "tot"), or i when none stands at i. */
  private rangeWord(i: number): number {
    const t = this.t;
    // A word form may open the next line ("nrs. 12⏎t/m 15"); a dash there would be a list item.
    if (i >= t.count || t.gap[i] > NEWLINE || (t.gap[i] === NEWLINE && t.isDash(i))) return i;
    if (t.isDash(i)) return i + 1;
    if (t.is(i, 't') && t.isP(i + 1, '/') && t.is(i + 2, 'm') && t.gap[i + 1] === GLUED && t.gap[i + 2] === GLUED) {
      return t.isP(i + 3, '.') && t.gap[i + 3] === GLUED ? i + 4 : i + 3;
    }
    if (t.is(i, 'tm')) return i + 1;
    if (t.isCI(i, 'tot')) return t.isCI(i + 1, 'en') && t.isCI(i + 2, 'met') ? i + 3 : i + 1;
    return i;
  }

  private nrWordLike(i: number): boolean {
    return this.nrWord(i) !== null;
  }

  /**
   * The volgnummer part after the dossier. `strong`: the citation began with an explicit trigger,
   * so a bare number ("31459, 22") is accepted as the volgnummer.
   */
  numbers(i: number, strong: boolean): NumberPart | null {
    const t = this.t;
    if (t.gap[i] >= NEWLINE && !t.isP(i, ',') && !this.nrWord(i)) {
      const r = this.orCont(i, (k) => (k === i ? null : this.numbers(k, strong)));
      if (r) return r;
    }
    const c = this.comma(i);
    if (c > i && t.gap[c] >= NEWLINE && !this.nrWord(c)) {
      const r = this.orCont(c, (k) => (k === c ? null : this.numbers(k, strong)));
      if (r) return r;
    }
    const afterComma = this.em(c);
    const nr = this.nrWord(afterComma);
    if (nr) {
      // "nr." / "3 Zie …" / "46": a number opening a line with a sentence after it is a footnote label.
      return this.orCont(nr[1], (k) => (k === nr[1] && t.gap[k] >= NEWLINE && t.isNum(k) && t.gap[k + 1] === SPACE && t.isCap(k + 1) ? null : this.numList(k, nr[0])));
    }
    if (this.ekLetter(afterComma, strong && afterComma > i)) {
      // "30 821, E" (also without comma after an explicit trigger: "Kamerstuk I 31145 AA").
      if (afterComma === i && !strong) return null;
      const n = afterComma;
      let after = n + 1;
      const nums: Num[] = [{ value: t.str(n), span: { start: t.start[n], end: t.end[n] } }];
      // "30 821, E en F", "30 821, E, F en G": a list of letters, each later in the alphabet.
      for (let guard = 0; guard < 8; guard++) {
        const sep = t.isP(after, ',') || t.isCI(after, 'en') ? after + 1 : -1;
        const nx = sep > 0 && t.isCI(sep, 'en') && t.isP(after, ',') ? sep + 1 : sep;
        if (nx < 0 || !this.ekLetter(nx) || t.len(nx) > 2 || t.str(nx) <= nums[nums.length - 1].value || t.isWord(nx + 1) && t.gap[nx + 1] === SPACE && !t.isCI(nx + 1, 'en')) break;
        nums.push({ value: t.str(nx), span: { start: t.start[nx], end: t.end[nx] } });
        after = nx + 1;
      }
      if (t.isNum(after) && t.gap[after] === GLUED) after++; // the footnote marker stays out of the span
      const pages = this.pages(after);
      return {
        nums,
        pages: pages ? pages[0] : null,
        next: pages ? pages[1] : after,
      };
    }
    // "21 501-32, 1742": a four-digit volgnummer without "nr." too, unless it reads as a year.
    // "Kamerstukken 29 023, 30 821": a second dossier, not volgnummer 30.
    if (strong && afterComma > i && this.dossier(afterComma, false)) return null;
    if (strong && t.isNum(afterComma) && (t.len(afterComma) <= 3 || (t.len(afterComma) === 4 && (t.num(afterComma) < 1900 || t.num(afterComma) > 2100)))) {
      const n = this.num(afterComma);
      if (!n) return null;
      const k = afterComma + this.numTokens(afterComma, n);
      // "31 459 22" yes; "30 821, 2 december" no (num() rejects months); "33.950, 2%" no.
      if (t.isP(k, '%') || (t.isP(k, '.') && t.isNum(k + 1) && t.gap[k + 1] === GLUED) || (t.isP(k, ',') && t.isNum(k + 1) && t.gap[k + 1] === GLUED)) return null;
      const pages = this.pages(k);
      return { nums: [n], pages: pages ? pages[0] : null, next: pages ? pages[1] : k };
    }
    return null;
  }

  private numList(i: number, plural: boolean): NumberPart | null {
    const t = this.t;
    const nums: Num[] = [];
    let pages: string | null = null;
    let j = i;
    const first = this.num(j);
    if (!first) return null;
    nums.push(first);
    j += this.numTokens(j, first);
    for (let guard = 0; guard < 64; guard++) {
      // Range "nrs. 1–3", "nrs. 12 t/m 15", "nrs. 12 tot en met 15": one paper per number.
      const upTo = this.rangeWord(j);
      if (upTo > j && t.isNum(upTo) && t.gap[upTo] <= NEWLINE && t.len(upTo) <= 5) {
        const last = nums[nums.length - 1];
        const hiTok = upTo;
        const lo = /^\d+$/.test(last.value) ? +last.value : NaN;
        const hi = t.num(hiTok);
        if (lo > 0 && hi > lo) {
          // At most RANGE_CAP papers are listed one by one; a longer range ("nrs. 1 t/m 400") gives
          // its two ends only, each marked with the whole range (`Reference.range`), never silently one.
          const whole = hi - lo + 1 > RANGE_CAP ? `${lo}-${hi}` : undefined;
          if (whole) {
            last.range = whole;
            nums.push({ value: String(hi), span: { start: t.start[hiTok], end: t.end[hiTok] }, range: whole });
          } else {
            for (let v = lo + 1; v <= hi; v++) {
              nums.push({
                value: String(v),
                span: v === hi ? { start: t.start[hiTok], end: t.end[hiTok] } : { start: t.start[j], end: t.end[upTo - 1] },
              });
            }
          }
          j = upTo + 1;
        } else break;
      }
      // "nr. 3 (bijlage IV)": an attachment note inside the citation.
      if (t.isP(j, '(') && t.isCI(j + 1, 'bijlage')) {
        let k = j + 2;
        while (k < t.count && k < j + 6 && !t.isP(k, ')')) k++;
        if (t.isP(k, ')')) j = k + 1;
      }
      const pg = this.pages(j);
      let afterPages = false;
      if (pg) {
        if (pages === null) pages = pg[0];
        j = pg[1];
        afterPages = true;
      }
      // Continuation: ", 594", " en 596", ", en nr. 6".
      let k = j;
      let sep = false;
      let sawComma = false;
      if (t.isP(k, ',')) { k++; sep = true; sawComma = true; }
      if (t.isCI(k, 'en') || t.isP(k, '&')) { k++; sep = true; }
      if (!sep) break;
      const nw = this.nrWord(k);
      if (nw) k = nw[1];
      else if (afterPages) break; // after a page reference only "en nr. 6" continues the list
      else if (sawComma && !plural && !t.isCI(k - 1, 'en')) break; // "nr. 72, 2020 …" is no list
      // "… nr. 1999 en 21 501-08, nr. 12": the next citation, not a number of this one.
      const nd = this.dossier(k, false);
      if (nd && (this.nrWord(this.comma(nd.next)) || nd.toevoeging)) break;
      const n = this.num(k);
      if (!n) break;
      // A list of letters only continues a list of letters, and numbers numbers.
      const prevLetter = /^[A-Z]/.test(nums[nums.length - 1].value);
      if (prevLetter !== /^[A-Z]/.test(n.value)) break;
      nums.push(n);
      j = k + this.numTokens(k, n);
    }
    // "nr. 1⏎5)": digits opening the next line and closing the parenthesis may be the rest of the
    // number broken by the PDF (nr. 15) or not: the number is not known, so no citation.
    if (t.isNum(j) && t.gap[j] === NEWLINE && t.len(j) <= 3 && t.isP(j + 1, ')') && t.gap[j + 1] === GLUED) return null;
    return { nums, pages, next: j };
  }

  // ---------- citation rules ----------

  private build(
    start: number,
    first: Dossier,
    dossierCount: number,
    np: NumberPart | null,
    kamer: 'I' | 'II' | null,
    vj: string | null,
    next: number,
    trigger: ParsedCitation['trigger'],
  ): ParsedCitation {
    const t = this.t;
    const papers: ParsedCitation['papers'] = [];
    if (np && np.nums.length) {
      np.nums.forEach((n, idx) => {
        const ref = kamerstukRef(first.dossier, first.toevoeging, n.value, kamer, vj);
        papers.push({ ref, span: idx === 0 ? { start, end: n.span.end } : n.span, ...(n.range ? { range: n.range } : {}) });
      });
    } else if (first.dash && first.toevoeging) {
      // "Kamerstuk 36 123-45": the dossier 36 123-45, or its paper nr. 45 (dossiers.ts decides).
      papers.push({ ref: this.dashRef(first.dossier, first.toevoeging, kamer, vj), span: { start, end: t.end[next - 1] } });
    } else {
      papers.push({ ref: kamerstukRef(first.dossier, first.toevoeging, null, kamer, vj), span: { start, end: t.end[next - 1] } });
    }
    return { start, end: t.end[next - 1], next, papers, pages: np?.pages ?? null, trigger, dossierCount };
  }

  /** A dossier with a dash part and no number after it: see `dashPart`. */
  private dashRef(dossier: string, part: string, kamer: 'I' | 'II' | null, vj: string | null): PaperRef {
    const how = dashPart(dossier, part);
    if (how === 'toevoeging') return kamerstukRef(dossier, part, null, kamer, vj);
    const ref = kamerstukRef(dossier, null, part.replace(/^0+/, ''), kamer, vj);
    if (how === 'ambiguous') ref.orDossier = `${spacedDossier(dossier)}-${part}`;
    return ref;
  }

  /** "Kamerstuk(ken) [kamer] [,] [vergaderjaar] [,] dossiers numbers?" at token i (j: the token after the trigger word). */
  kamerstukken(i: number, from = i + 1): ParsedCitation | null {
    const t = this.t;
    let j = this.em(from);
    let kamer: 'I' | 'II' | null = null;
    let vj: string | null = null;
    const k = this.kamer(j);
    if (k) { kamer = k[0]; j = k[1]; }
    j = this.comma(j);
    const v = this.orCont(j, (k) => this.vergaderjaar(k));
    if (v) {
      vj = v[0];
      j = v[1];
      if (t.isDash(j) && t.gap[j] === GLUED) j++; // "Zitting 1958-1959-5380"
    }
    j = this.comma(j);
    // Four-digit dossiers belong to papers from before the 1980s; later a four-digit number
    // after "Kamerstukken" is a year ("Kamerstukken 2024, nr. 5" is no citation).
    const ds = this.orCont(this.em(j), (k) => this.dossiers(k, vj !== null && +vj.slice(0, 4) < 1980));
    if (!ds) return null;
    const [first, count, after] = ds;
    let np = this.numbers(after, true);
    // "Kamerstuk 26643-1151", "Kamerstuk 21501-32-1740": the compact form after the trigger word.
    if (!np && t.isDash(after) && t.gap[after] === GLUED && t.gap[after + 1] === GLUED && t.isNum(after + 1) && t.len(after + 1) <= 4) {
      const n = this.num(after + 1);
      if (n && !(t.isDash(after + 2) && t.gap[after + 2] === GLUED)) np = { nums: [n], pages: null, next: after + 1 + this.numTokens(after + 1, n) };
    }
    // A 4-digit "dossier" without a number is more likely a year ("Kamerstukken 2024").
    if (!np && first.dossier.length === 4) return null;
    if (!np && this.lostNumber(after)) return null;
    if (!np && t.isCI(i, 'kamerstukken')) {
      // "Kamerstukken 29 023 en 30 821": several dossiers; one with a volgnummer after it is the
      // next citation ("… en 30 821, nr. 5"), left to the bare rule.
      const more: [Dossier, number][] = [];
      let k = after;
      for (let guard = 0; guard < 8; guard++) {
        const sep = t.isP(k, ',') || t.isCI(k, 'en') ? k + 1 : -1;
        if (sep < 0) break;
        const d = this.dossier(sep, false);
        if (!d || this.numbers(d.next, false) || this.lostNumber(d.next)) break;
        more.push([d, sep]);
        k = d.next;
      }
      if (more.length) {
        const pc = this.build(t.start[i], first, count + more.length, null, kamer, vj, after, 'kamerstuk');
        for (const [d, at] of more) {
          pc.papers.push({ ref: kamerstukRef(d.dossier, d.toevoeging, null, kamer, vj), span: { start: t.start[at], end: t.end[d.next - 1] } });
        }
        pc.end = t.end[k - 1];
        pc.next = k;
        return pc;
      }
    }
    return this.build(t.start[i], first, count, np, kamer, vj, np ? np.next : after, 'kamerstuk');
  }

  /** "TK 2022–2023, 30 821, nr. 173", "Tweede Kamer, vergaderjaar 2020–2021, 30 821, nr. 125". */
  kamerTrigger(i: number): ParsedCitation | null {
    const k = this.kamer(i);
    if (!k) return null;
    let j = this.comma(k[1]);
    const v = this.vergaderjaar(j);
    if (!v) return null;
    j = this.comma(v[1]);
    const ds = this.dossiers(j, false);
    if (!ds) return null;
    const np = this.numbers(ds[2], true);
    if (!np) return null;
    return this.build(this.t.start[i], ds[0], ds[1], np, k[0], v[0], np.next, 'kamer');
  }

  /**
   * "het dossier 21501-32", "dossier 21 501-04", "Kamerstukdossier 36 123-45": a dossier named as
   * such, with its toevoeging; the word says it is no paper, so "-45" is never read as a number.
   * With a volgnummer after it ("dossier 30 821, nr. 5") it is that paper.
   */
  dossierWord(i: number): ParsedCitation | null {
    const t = this.t;
    if (!(t.isCI(i, 'dossier') || t.isCI(i, 'kamerstukdossier') || t.isCI(i, 'dossiernummer'))) return null;
    const ds = this.dossiers(i + 1, false);
    if (!ds) return null;
    const [first, count] = ds;
    let after = ds[2];
    // "dossier 36 410 X": after the word a lone Roman numeral is the toevoeging (a dossier has no EK letter).
    if (!first.toevoeging && this.roman(after) && t.gap[after] === SPACE && count === 1) first.toevoeging = t.str(after++);
    const np = this.numbers(after, false);
    if (np) return this.build(t.start[i], first, count, np, null, null, np.next, 'kamerstuk');
    if (this.lostNumber(after)) return null;
    const ref = kamerstukRef(first.dossier, first.toevoeging, null, null, null);
    const span = { start: t.start[i], end: t.end[after - 1] };
    return { start: span.start, end: span.end, next: after, papers: [{ ref, span }], pages: null, trigger: 'kamerstuk', dossierCount: count };
  }

  /** "stuk nummer 21 501-20, nr. 2198" / "stuknummer 36 410 X, nr. 46". */
  stukNummer(i: number): ParsedCitation | null {
    const t = this.t;
    let j: number;
    if (t.isCI(i, 'stuk') && t.isCI(i + 1, 'nummer')) j = i + 2;
    else if (t.isCI(i, 'stuknummer') || t.isCI(i, 'kamerstuknummer')) j = i + 1;
    else return null;
    const ds = this.dossiers(j, false);
    if (!ds) return null;
    const np = this.numbers(ds[2], true);
    if (!np) return null;
    return this.build(t.start[i], ds[0], ds[1], np, null, null, np.next, 'stuknummer');
  }

  /** "(26 643/30 821, nr. 1252)", "(21501-08, nr. 719)", "30 821, nr. 72" without a trigger word. */
  bareDossier(i: number): ParsedCitation | null {
    // "nr. 18 586" is itself a number (of a court case, a decision), not a dossier.
    if (i > 0 && (this.nrWord(i - 1) || (this.t.isP(i - 1, '.') && this.nrWord(i - 2)))) return null;
    const ds = this.dossiers(i, false);
    if (!ds) return null;
    const j = ds[2];
    const afterComma = this.comma(j);
    // Without a trigger word only an explicit "nr."/"nrs." (or ", E" after a comma) will do.
    // An Eerste Kamer letter without trigger word only inside parentheses: "(30 821, E)".
    const inParens = i > 0 && this.t.isP(i - 1, '(');
    if (!this.nrWord(afterComma) && !(inParens && afterComma > j && this.ekLetter(afterComma) && this.t.len(afterComma) <= 2 && (!this.t.isWord(afterComma + 1) || this.t.isCI(afterComma + 1, 'en')) && !this.t.isNum(afterComma + 1))) return null;
    const np = this.numbers(j, false);
    if (!np) return null;
    return this.build(this.t.start[i], ds[0], ds[1], np, null, null, np.next, 'bare');
  }

  /**
   * "26643-1151", "19637-3370", "21501-32-1740", "36410-X-46": the hyphenated id form; also spaced
   * ("36 123-45") where a citation is expected: in parentheses, opening a footnote, after "brief".
   */
  hyphenForm(i: number): ParsedCitation | null {
    const t = this.t;
    if (!t.isNum(i)) return null;
    let dossier: string;
    let i5 = i; // the last token of the dossier number
    if (t.len(i) === 5) {
      dossier = t.str(i);
    } else if (t.len(i) === 2 && t.isNum(i + 1) && t.len(i + 1) === 3 && t.gap[i + 1] === SPACE && this.expectsCitation(i)) {
      dossier = t.str(i) + t.str(i + 1);
      i5 = i + 1;
    } else return null;
    const c0 = dossier.charCodeAt(0);
    if (c0 < 49 || c0 > 51) return null; // dossiers run from 1xxxx to 3xxxx
    if (i > 0 && t.gap[i] === GLUED && (t.kind[i - 1] !== PUNCT || t.isDash(i - 1))) return null;
    let j = i5 + 1;
    if (!(t.isDash(j) && t.gap[j] === GLUED)) return null;
    let toevoeging: string | null = null;
    if (t.gap[j + 1] !== GLUED) return null;
    if (t.isNum(j + 1) && t.len(j + 1) === 2 && t.isDash(j + 2) && t.gap[j + 2] === GLUED && t.isNum(j + 3) && t.gap[j + 3] === GLUED) {
      toevoeging = t.str(j + 1);
      j += 2;
    } else if ((this.roman(j + 1) || (t.isWord(j + 1) && t.len(j + 1) <= 2 && /^[A-Z]{1,2}$/.test(t.str(j + 1)))) &&
      t.isDash(j + 2) && t.gap[j + 2] === GLUED && t.isNum(j + 3) && t.gap[j + 3] === GLUED) {
      // "36410-X-46", and a letter toevoeging "35925-A-68".

      toevoeging = t.str(j + 1);
      j += 2;
    }
    const nt = j + 1;
    if (!t.isNum(nt) || t.len(nt) > 4 || t.gap[nt] !== GLUED) return null;
    const after = nt + 1;
    if (after < t.count && t.gap[after] === GLUED && ((t.kind[after] !== PUNCT && t.kind[after] !== SUP) || t.isDash(after) || (t.isP(after, '.') && t.isNum(after + 1) && t.gap[after + 1] === GLUED))) return null;
    let ref: PaperRef;
    if (!toevoeging && t.len(nt) === 2) {
      // "21501-20" names the dossier 21 501-20; "36410-45" paper nr. 45; "36123-45" either.
      // A known dash toevoeging names the dossier itself ("(21 501-20)"): a dossier reference.
      ref = this.dashRef(dossier, t.str(nt), null, null);
    } else {
      if (t.str(nt).charCodeAt(0) === 48) return null;
      ref = kamerstukRef(dossier, toevoeging, t.str(nt), null, null);
    }
    const span = { start: t.start[i], end: t.end[nt] };
    return { start: span.start, end: span.end, next: after, papers: [{ ref, span }], pages: null, trigger: 'hyphen', dossierCount: 1 };
  }

  /** A spaced dossier at i stands where a citation is expected: "(36 123-45)", "3 36 123-45" opening a footnote, "de brief 36 123-45". */
  private expectsCitation(i: number): boolean {
    const t = this.t;
    if (i === 0) return false;
    const p = i - 1;
    if (t.isP(p, '(') || t.isP(p, '[')) return true;
    if (t.isNum(p) && t.len(p) <= 3 && (p === 0 || t.gap[p] >= NEWLINE) && t.gap[i] <= SPACE) return true;
    if (t.isWord(p) && (t.isCI(p, 'brief') || t.isCI(p, 'kamerbrief') || t.isCI(p, 'zie'))) return true;
    return false;
  }

  /** "Stb. 2021, 45", "Staatsblad 2021, nr. 45", "Stcrt. 2020, 12345" → `stb-2021-45`, `stcrt-2020-12345`. */
  blad(i: number): ParsedCitation | null {
    const t = this.t;
    let kind: 'staatsblad' | 'staatscourant';
    if (t.is(i, 'Stb') || t.is(i, 'Staatsblad')) kind = 'staatsblad';
    else if (t.is(i, 'Stcrt') || t.is(i, 'Staatscourant')) kind = 'staatscourant';
    else return null;
    let j = i + 1;
    if (t.isP(j, '.') && t.gap[j] === GLUED) j++;
    if (!t.isNum(j) || t.len(j) !== 4) return null;
    const y = t.num(j);
    if (y < 1814 || y > 2199) return null;
    const year = t.str(j);
    j = this.comma(j + 1);
    const nw = this.nrWord(j);
    if (nw) j = nw[1];
    if (!t.isNum(j) || t.len(j) > 6 || t.str(j).charCodeAt(0) === 48) return null;
    if (t.isNum(j + 1) && t.gap[j + 1] === GLUED) return null;
    const span = { start: t.start[i], end: t.end[j] };
    const ref = bladRef(kind, year, t.str(j));
    return { start: span.start, end: span.end, next: j + 1, papers: [{ ref, span }], pages: null, trigger: kind, dossierCount: 0 };
  }

  /** "kst-36410-X-46", "ah-tk-20192020-3975", "h-tk-20172018-70-6", inside a URL or on its own. */
  paperId(i: number): ParsedCitation | null {
    const t = this.t;
    if (!(t.is(i, 'kst') || t.is(i, 'ah') || t.is(i, 'h') || t.is(i, 'stb') || t.is(i, 'stcrt'))) return null;
    if (i > 0 && t.gap[i] === GLUED && t.kind[i - 1] !== PUNCT) return null;
    if (!(t.isP(i + 1, '-') && t.gap[i + 1] === GLUED)) return null;
    // Collect the glued run of alphanumerics and hyphens.
    let j = i;
    let last = i;
    for (let guard = 0; guard < 12 && j < t.count; guard++) {
      if (j > i && t.gap[j] !== GLUED) break;
      if (t.kind[j] === PUNCT && !t.isP(j, '-')) break;
      last = j;
      j++;
    }
    if (t.isP(last, '-')) last--;
    const id = this.text.slice(t.start[i], t.end[last]);
    const ref = parsePaperId(id);
    if (!ref) return null;
    let start = t.start[i];
    let end = t.end[last];
    let next = last + 1;
    let trigger: ParsedCitation['trigger'] = 'id';
    // Inside a link to the publication platform the whole URL is the citation.
    const before = this.text.slice(Math.max(0, start - 120), start);
    const m = /https?:\/\/[^\s()<>"]*officielebekendmakingen\.nl\/(?:[^\s()<>"/]*\/)*$/.exec(before);
    if (m) {
      start -= m[0].length;
      trigger = 'url';
      for (const ext of ['.html', '.xml', '.pdf']) {
        if (this.text.startsWith(ext, end)) {
          end += ext.length;
          next = t.indexAt(end);
          break;
        }
      }
    }
    return { start, end, next, papers: [{ ref, span: { start, end } }], pages: null, trigger, dossierCount: ref.dossier ? 1 : 0 };
  }

  /** Zaaknummer "2025Z01234" / documentnummer "2024D48680". */
  tkNumber(i: number): ParsedCitation | null {
    const t = this.t;
    if (!t.isNum(i) || t.len(i) !== 4) return null;
    if (!(t.is(i + 1, 'Z') || t.is(i + 1, 'D')) || t.gap[i + 1] !== GLUED) return null;
    if (!t.isNum(i + 2) || t.len(i + 2) !== 5 || t.gap[i + 2] !== GLUED) return null;
    if (i > 0 && t.gap[i] === GLUED && t.kind[i - 1] !== PUNCT) return null;
    const n = i + 3;
    if (n < t.count && t.gap[n] === GLUED && t.kind[n] !== PUNCT) return null;
    const y = t.num(i);
    if (y < 1990 || y > 2199) return null;
    const id = this.text.slice(t.start[i], t.end[i + 2]);
    const span = { start: t.start[i], end: t.end[i + 2] };
    return { start: span.start, end: span.end, next: n, papers: [{ ref: tkNumberRef(id), span }], pages: null, trigger: 'tknumber', dossierCount: 0 };
  }

  /** "[Aanhangsel [van de]] Handelingen [kamer] [,] [vergaderjaar] YYYY/YY (, nr. N | , item N | , p. …)*". */
  handelingen(i: number): ParsedCitation | null {
    const t = this.t;
    let j = i;
    let aanhangsel = false;
    if (t.isCI(j, 'aanhangsel')) {
      aanhangsel = true;
      j++;
      if (t.isCI(j, 'van') && t.isCI(j + 1, 'de')) j += 2;
      if (t.isCI(j, 'bij') && t.isCI(j + 1, 'de')) j += 2;
    }
    if (!t.isCI(j, 'handelingen')) return null;
    j++;
    let kamer: 'I' | 'II' | null = null;
    const k = this.kamer(j);
    if (k) { kamer = k[0]; j = k[1]; }
    j = this.comma(j);
    const v = this.vergaderjaar(j);
    if (!v) return null;
    j = v[1];
    let nr: string | null = null;
    let item: string | null = null;
    let lastNr = -1;
    // "Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028": the PDF header form without "nr.".
    if (aanhangsel && t.isP(j, ',') && t.isNum(j + 1) && t.len(j + 1) <= 4 && !(j + 2 < t.count && t.gap[j + 2] === GLUED && (t.kind[j + 2] !== PUNCT || t.isDash(j + 2)))) {
      const n = this.num(j + 1);
      if (n) { nr = n.value; lastNr = j + 1; j += 2; }
    }
    for (let guard = 0; guard < 6; guard++) {
      const c = this.comma(j);
      const nw = this.nrWord(c);
      // "nr." with no readable number: the citation's number is lost; never show the year alone.
      if (nw && nr === null && !t.isNum(nw[1])) return null;
      if (nw && t.isNum(nw[1])) {
        const n = this.num(nw[1]);
        if (!n) break;
        if (nr === null) { nr = n.value; lastNr = nw[1]; }
        j = nw[1] + this.numTokens(nw[1], n);
        continue;
      }
      // "Handelingen II 2019/20, 96, item 7": the vergadering number without "nr.".
      if (nr === null && c > j && t.isNum(c) && t.len(c) <= 3 && (t.isP(c + 1, ',') || t.gap[c + 1] !== GLUED) && !this.pages(c + 1) &&
        (t.isCI(this.comma(c + 1), 'item') || (t.isP(c + 1, ',') && this.nrWord(c + 2)))) {
        const n = this.num(c);
        if (n) { nr = n.value; lastNr = c; j = c + 1; continue; }
      }
      if (t.isCI(c, 'item') && t.isNum(c + 1)) {
        item = t.str(c + 1);
        j = c + 2;
        continue;
      }
      const pg = this.pages(c);
      if (pg) { j = pg[1]; continue; }
      const d = this.dossier(c, false);
      if (d && c > j) { j = d.next; continue; }
      break;
    }
    if (aanhangsel) {
      if (!nr) return null;
      const ref = aanhangselRef(kamer, v[0], nr);
      const end = t.end[lastNr];
      return { start: t.start[i], end: t.end[j - 1], next: j, papers: [{ ref, span: { start: t.start[i], end } }], pages: null, trigger: 'aanhangsel', dossierCount: 0 };
    }
    const ref = handelingenRef(kamer, v[0], nr, item);
    return { start: t.start[i], end: t.end[j - 1], next: j, papers: [{ ref, span: { start: t.start[i], end: t.end[j - 1] } }], pages: null, trigger: 'handelingen', dossierCount: 0 };
  }

  /**
   * Tries every rule anchored at token i. Returns null quickly for the vast majority of tokens:
   * each rule first checks its trigger token.
   */
  at(i: number): ParsedCitation | null {
    if (this.holes.length) this.holes.length = 0;
    const pc = this.rule(i);
    if (pc && this.holes.length) pc.holes = this.holes.filter(([a]) => a < pc.next);
    return pc;
  }

  private rule(i: number): ParsedCitation | null {
    const t = this.t;
    const kind = t.kind[i];
    if (kind === WORD) {
      const c = this.text.charCodeAt(t.start[i]) | 32; // ASCII lower-case of the first letter
      const l = t.len(i);
      switch (c) {
        case 107: // k
          if ((l === 9 || l === 12) && (t.isCI(i, 'kamerstuk') || t.isCI(i, 'kamerstukken'))) return this.kamerstukken(i);
          // "Kamer-" / "stukken II …": the word hyphenated over a line by the PDF.
          if (l === 5 && t.isCI(i, 'kamer') && t.isDash(i + 1) && t.gap[i + 1] === GLUED && t.gap[i + 2] === NEWLINE &&
            (t.is(i + 2, 'stuk') || t.is(i + 2, 'stukken'))) return this.kamerstukken(i, i + 3);
          if (l === 3 && t.is(i, 'kst')) return this.paperId(i);
          if (l === 15 && t.isCI(i, 'kamerstuknummer')) return this.stukNummer(i);
          if (l === 16 && t.isCI(i, 'kamerstukdossier')) return this.dossierWord(i);
          return null;
        case 100: // d
          if ((l === 7 && t.isCI(i, 'dossier')) || (l === 13 && t.isCI(i, 'dossiernummer'))) return this.dossierWord(i);
          return null;
        case 104: // h
          if (l === 11 && t.isCI(i, 'handelingen')) {
            // "Aanhangsel (van de) Handelingen" is handled from "Aanhangsel".
            if (i > 0 && (t.isCI(i - 1, 'aanhangsel') || (t.isCI(i - 1, 'de') && t.isCI(i - 3, 'aanhangsel')))) return null;
            return this.handelingen(i);
          }
          if (l === 1 && t.is(i, 'h')) return this.paperId(i);
          return null;
        case 97: // a
          if (l === 10 && t.isCI(i, 'aanhangsel')) return this.handelingen(i);
          if (l === 2 && t.is(i, 'ah')) return this.paperId(i);
          return null;
        case 115: // s
          if ((l === 4 && t.isCI(i, 'stuk')) || (l === 10 && t.isCI(i, 'stuknummer'))) return this.stukNummer(i);
          if (l === 3 && t.is(i, 'Stb') || l === 5 && t.is(i, 'Stcrt') || l === 10 && t.is(i, 'Staatsblad') || l === 13 && t.is(i, 'Staatscourant')) return this.blad(i);
          if ((l === 3 && t.is(i, 'stb')) || (l === 5 && t.is(i, 'stcrt'))) return this.paperId(i);
          return null;
        case 116: // t
        case 101: // e
          // A kamer after "Kamerstukken"/"Handelingen" was consumed with it; here it stands alone.
          if (l <= 6 && (t.is(i, 'TK') || t.is(i, 'EK') || t.is(i, 'Tweede') || t.is(i, 'Eerste') || t.is(i, 'T') || t.is(i, 'E'))) return this.kamerTrigger(i);
          return null;
        default:
          return null;
      }
    }
    if (kind === NUM) {
      const l = t.len(i);
      if (l === 4) return this.tkNumber(i);
      if (l === 5) return this.hyphenFormOrBare(i);
      if (l === 2) return this.bareDossier(i) ?? this.hyphenForm(i);
      return null;
    }
    return null;
  }

  private hyphenFormOrBare(i: number): ParsedCitation | null {
    return this.bareDossier(i) ?? this.hyphenForm(i);
  }
}

