/**
 * Commitments (toezeggingen): sentences in which the government promises the Kamer a future act
 * — to inform, send, report, come back to, investigate or consult and report, include in a
 * coming letter or report.
 *
 * One native regex pass finds anchor words (Kamer, parlement, informeren, terugkomen, a coming
 * report …); around each, the sentence is read from the text within a bounded window, joined,
 * and classified. Each sentence is read once however many anchors it holds, so the whole is
 * linear in the text's length.
 *
 * Where the forms come from: the corpus letters (Aanhangsel answers, a schriftelijk overleg, a
 * Kamerstuk letter, an Eerste Kamer answer letter) and the usual phrasing of Dutch government
 * letters ("Ik zal uw Kamer … informeren", "Uw Kamer wordt … geïnformeerd", "ontvangt uw
 * Kamer", "Hierop kom ik terug in …", "In de volgende voortgangsrapportage ga ik in op …").
 */
import type { Span } from '../text';
import { classifySentence } from '../letter/sentences';
import { asksForCommitment } from './asks';
import { dueOf, letterDateOf, parseIsoDate, type Due, type IsoDate } from './dates';

/** One commitment of a letter. */
export interface Commitment {
  /** The sentence, its line breaks joined and words broken over a line put together. */
  text: string;
  /** The sentence in the analysed text (UTF-16 offsets). */
  span: Span;
  /** When it is due, read from the sentence and the letter's date. */
  due: Due;
  /** Where the commitment's form stands in `text` (offsets into `text`, not the letter). */
  form: Span;
}

export interface CommitmentOptions {
  /**
   * The letter's date when its header has none (a setting, or the file's date), `YYYY-MM-DD`.
   * The header's date always wins.
   */
  fallbackDate?: IsoDate | null;
  /** Where the fallback date comes from (said in the hover and the CLI); default 'anders'. */
  fallbackFrom?: LetterDateOrigin;
}

/**
 * Where a letter's date comes from: its header ('kop'), the CLI's `--datum`, the editor's
 * `briefdatum` setting ('instelling'), the file's modification date ('bestandsdatum', editor
 * only), or a host that did not say ('anders').
 */
export type LetterDateOrigin = 'kop' | '--datum' | 'instelling' | 'bestandsdatum' | 'anders';

/** The commitments of a letter and the date they were dated from. */
export interface Commitments {
  /** In text order. */
  items: Commitment[];
  /** The date due dates are counted from, or null (then only phrases naming a year get a date). */
  letterDate: IsoDate | null;
  /** Where `letterDate` came from: the letter's header, or the host's fallback. */
  letterDateFrom: LetterDateOrigin | null;
  /** The fallback date these were found with (to know when a settings change needs a new reading). */
  fallbackDate: IsoDate | null;
}

/** The longest stretch read either side of an anchor (a sentence longer than this is cut). */
const WINDOW = 1500;

/**
 * Anchor words: every commitment form has one — the Kamer (not the compounds that cite papers:
 * "Kamerstuk", "Kamerbrief", …) or "u", informeren/geïnformeerd, terugkomen, ontvangt, a coming
 * report, "ingegaan", "op de hoogte", "toekomen", "toezeggen". Case-sensitive literals (and no
 * alternative that starts with a blank) keep V8's scan fast.
 */
const ANCHOR =
  /[Kk]amer(?!stuk|vragen|lid|leden|brief|debat|zetel|fractie|verkiezing|commissie)|parlement(?!ai|s)|forme|[tT]erug|vangt|vo(?:ortgangs|lgende)|gegaan|hoogte|toekomen|zeg|\bu\b|\bJa[.!]/;

const ABBREVIATIONS = new Set([
  'nr', 'nrs', 'jl', 'blz', 'bijv', 'bv', 'ca', 'art', 'artt', 'mr', 'dr', 'drs', 'prof', 'ir', 'ing', 'zgn', 'vgl', 'resp',
  'incl', 'excl', 'min', 'mln', 'mld', 'mrd', 'st', 'jr', 'dhr', 'mevr', 'enz', 'etc', 'evt', 'red', 'p', 'pp', 'stb', 'stcrt', 'vs', 'nl', 'ivm', 'mbt', 'tav',
]);

/** ) " ' ” ’ » ] */
const CLOSERS = new Set([41, 34, 39, 0x201d, 0x2019, 0xbb, 93]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/**
 * Whether one sentence runs on over blank lines from `before` to `after`: the line before does not
 * end it, and the next opens in lower case or with a digit, or (one blank line after a full-width
 * line: text pasted from a PDF with a blank line after every line) with anything.
 */
function softBreak(before: string, after: string, blanks: number): boolean {
  if (endsTerminal(before)) return false;
  return runsOn(after.charCodeAt(0)) || (blanks === 1 && before.length >= 60);
}

/** A line after a blank line continues the sentence when it opens in lower case or with a digit ("26\n\n643 nr. 1101"). */
function runsOn(c: number): boolean {
  return isLowerLetter(c) || isDigit(c);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLowerLetter(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

/** Start of the line holding `i`, looking back no further than `lo`. */
function lineStartOf(text: string, i: number, lo: number): number {
  for (let j = i - 1; j >= lo; j--) if (text.charCodeAt(j) === 10) return j + 1;
  return lo;
}

/** End of the line holding `i` (its line break, or the text's end), looking no further than `hi`. */
function lineEndOf(text: string, i: number, hi: number): number {
  for (let j = i; j < hi; j++) if (text.charCodeAt(j) === 10) return j;
  return hi;
}

/** The line's text from `start` (at most up to `hi`) without its line break and surrounding blanks. */
function lineText(text: string, start: number, hi: number): string {
  let e = lineEndOf(text, start, hi);
  if (e > start && text.charCodeAt(e - 1) === 13) e--;
  return text.slice(start, e).trim();
}

/**
 * A line that stands on its own: a question or answer heading ("Vraag 3", "Antwoord 3",
 * "30. Antwoord van het kabinet"), a Markdown heading, a fractie heading, or a short line
 * without end punctuation followed by a capital (a title).
 */
const HEADING = /^(?:#{1,6}[ \t]|\*\*|(?:Vraag|Vragen|Antwoord|Antwoorden)(?:[ \t]+(?:\d|en|van|op)|$)|\d{1,3}[.)]?[ \t]+Antwoord\b|(?:Vragen[ \t]+en[ \t]+opmerkingen|Reactie)\b)/;

/** A list item's marker at the start of a line: "- ", "* ", "• ", "1. ", "a) ". */
const ITEM = /^(?:[-*•▪–]|\d{1,2}[.)]|[a-z][.)])[ \t]+/u;

function isHeading(line: string): boolean {
  if (!line) return false;
  if (HEADING.test(line)) return true;
  const first = line.charCodeAt(0);
  const last = line.charCodeAt(line.length - 1);
  // A short line that starts with a capital and ends without a word or punctuation is a title.
  if (line.length > 40 || isLowerLetter(first)) return false;
  return !isLowerLetter(last) && last !== 46 && last !== 44 && last !== 58 && last !== 59 && last !== 45 && last !== 40 && last !== 41 && last !== 63 && last !== 33;
}

/** Whether a line ends a sentence (end mark, possibly followed by closers or a footnote number). */
function endsTerminal(line: string): boolean {
  let e = line.length;
  while (e > 0 && /[)"'”’»\]*_\d]/.test(line[e - 1])) e--;
  const c = line.charCodeAt(e - 1);
  return c === 46 || c === 63 || c === 33 || c === 58;
}

/** Whether the full stop at `dot` ends a sentence (not "nr.", "jl.", "o.a.", an initial). */
function stopEnds(text: string, dot: number): boolean {
  const c = text.charCodeAt(dot);
  let n = dot + 1;
  while (n < text.length && n < dot + 20 && CLOSERS.has(text.charCodeAt(n))) n++;
  // A footnote marker glued after the stop of a word: "aangeboden.12 Daarnaast" (not "2.3 miljoen").
  n = pastFootnoteMarker(text, dot, n);
  const nc = text.charCodeAt(n);
  if (n < text.length && !isSpace(nc) && nc !== 10 && nc !== 13) return false;
  if (c !== 46) return true;
  let i = dot - 1;
  while (i >= 0 && i > dot - 14 && /[\p{L}\p{N}./]/u.test(text[i])) i--;
  const token = text.slice(i + 1, dot);
  if (token.length === 1 && /\p{L}/u.test(token)) return false;
  if (token.includes('.')) return false;
  if (ABBREVIATIONS.has(token.toLowerCase())) return false;
  // A lowercase word after the stop continues the sentence ("21 mei jl. geïnformeerd").
  // Not over a line break after a full word: a footnote's last sentence ("… wordt verzonden.")
  // followed by the body text it interrupted (" spionage – als …") ends there.
  const far = Math.min(text.length, n + 200);
  let lineBreak = false;
  while (n < far && (isSpace(text.charCodeAt(n)) || text.charCodeAt(n) === 10 || text.charCodeAt(n) === 13)) {
    if (text.charCodeAt(n) === 10) lineBreak = true;
    n++;
  }
  if (lineBreak && token.length > 4) return true;
  return n >= far || !isLowerLetter(text.charCodeAt(n));
}

/** Past a footnote number (1–3 digits, then a blank) right after the stop of a word at `dot`; else `n`. */
function pastFootnoteMarker(text: string, dot: number, n: number): number {
  if (!isDigit(text.charCodeAt(n)) || isDigit(text.charCodeAt(dot - 1))) return n;
  let d = n;
  while (d < n + 3 && isDigit(text.charCodeAt(d))) d++;
  const c = text.charCodeAt(d);
  return d >= text.length || isSpace(c) || c === 10 || c === 13 ? d : n;
}

/** Last sentence end strictly inside [from, to): the offset just after it, or -1. */
function lastStopIn(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 63 || c === 33) && stopEnds(text, i)) {
      let e = i + 1;
      while (e < to && CLOSERS.has(text.charCodeAt(e))) e++;
      return pastFootnoteMarker(text, i, e);
    }
  }
  return -1;
}

/** The start of the sentence holding `at` (no further back than WINDOW code units). */
function sentenceStart(text: string, at: number): number {
  const limit = Math.max(0, at - WINDOW);
  let ls = lineStartOf(text, at, limit);
  let to = at;
  for (;;) {
    const stop = lastStopIn(text, Math.max(ls, limit), to);
    if (stop >= 0) return skipBlank(text, stop);
    if (ls <= limit) return skipBlank(text, limit);
    // Look at the line before this one (skipping blank lines).
    let blank = false;
    let blanks = 0;
    let prevStart = lineStartOf(text, ls - 1, limit);
    while (prevStart > limit && lineText(text, prevStart, ls) === '') {
      blank = true;
      blanks++;
      prevStart = lineStartOf(text, prevStart - 1, limit);
    }
    const prev = lineText(text, prevStart, ls);
    const cur = lineText(text, ls, to);
    if (!prev || ITEM.test(cur)) return skipBlank(text, ls);
    if (isHeading(prev) || (blank && !softBreak(prev, cur, blanks))) return skipBlank(text, ls);
    to = lineEndOf(text, prevStart, ls);
    ls = prevStart;
  }
}

/** Past blanks, and past a list marker or Markdown emphasis opening the sentence ("- ", "**"). */
function skipBlank(text: string, i: number): number {
  for (let round = 0; round < 3; round++) {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || c === 10 || c === 13) i++;
      else break;
    }
    const head = text.slice(i, i + 8);
    const m = ITEM.exec(head) ?? /^(?:\*\*|__|>)[ \t]*/.exec(head);
    if (!m || !m[0].length) break;
    i += m[0].length;
  }
  return i;
}

/** The end of the sentence holding `at` (just past its end mark, or its last line's text; no further than WINDOW code units). */
function sentenceEnd(text: string, at: number): number {
  const lo = Math.max(0, at - WINDOW);
  const limit = Math.min(text.length, at + WINDOW);
  let i = at;
  let le = lineEndOf(text, at, limit);
  for (;;) {
    for (; i < le; i++) {
      const c = text.charCodeAt(i);
      if ((c === 46 || c === 63 || c === 33) && stopEnds(text, i)) {
        let e = i + 1;
        while (e < le && CLOSERS.has(text.charCodeAt(e))) e++;
        return pastFootnoteMarker(text, i, e);
      }
    }
    if (le >= limit) return trimEnd(text, le);
    // Next line: a blank line or a heading ends the sentence, unless it runs on in lowercase.
    const cur = lineText(text, lineStartOf(text, le, Math.max(lo, le - 200)), le);
    let next = le + 1;
    let blank = false;
    let blanks = 0;
    while (next < limit && lineText(text, next, limit) === '' && lineEndOf(text, next, limit) < limit) {
      blank = true;
      blanks++;
      next = lineEndOf(text, next, limit) + 1;
    }
    const nl = next < limit ? lineText(text, next, Math.min(limit, next + 200)) : '';
    if (!nl || isHeading(nl) || ITEM.test(nl) || (blank && !softBreak(cur, nl, blanks))) return trimEnd(text, le);
    i = next;
    le = lineEndOf(text, next, limit);
  }
}

function trimEnd(text: string, e: number): number {
  while (e > 0) {
    const c = text.charCodeAt(e - 1);
    if (isSpace(c) || c === 10 || c === 13) e--;
    else break;
  }
  return e;
}

/** The sentence's text with line breaks joined and "aangebo-\nden" put together. */
function joinSentence(raw: string): string {
  const joined = raw.indexOf('-\n') >= 0 || raw.indexOf('-\r') >= 0 || raw.indexOf('- \n') >= 0 ? raw.replace(/(\p{Ll})-[ \t]*\r?\n[ \t\r\n]*(?=\p{Ll})(?!(?:en|of|tot)\b)/gu, '$1') : raw;
  return dropGluedMarkers(joined.replace(/\s+/g, ' ').trim());
}

/**
 * Footnote markers a Word or PDF text glues to a word's end are no text of the commitment: digits
 * after an abbreviation of letters and stops ("motie-Kathmann c.s.2 zal ik") or after `?`/`!`
 * (closing quotes between), before a blank, a comma or the end. "nr.2", "1.5" and "covid19" stay.
 */
const GLUED_MARKER = /(?<=(?:^|[\s(])(?:\p{L}\.){2,}|[?!][)"'”’»]*)\d{1,3}(?=[\s,;:]|$)/gu;
function dropGluedMarkers(s: string): string {
  return s.indexOf('.') < 0 && s.indexOf('?') < 0 && s.indexOf('!') < 0 ? s : s.replace(GLUED_MARKER, '');
}

// --- Classification -------------------------------------------------------------------------

const KAMER = String.raw`(?:uw|de|het)\s+(?:tweede\s+|eerste\s+)?(?:kamer|parlement)|uw\s+commissie|de\s+commissie|u`;
const GAP = String.raw`(?:\s+[^\s.?!]+){0,14}?`;
/** A longer gap for a future verb and its infinitive, which Dutch puts at the clause's end ("Ik zal in overleg treden met de VNG en uw Kamer over de uitkomst daarvan voor de zomer berichten"). */
const LONG_GAP = String.raw`(?:\s+[^\s.?!]+){0,22}?`;
const INFORMED = String.raw`(?:nader\s+|opnieuw\s+|(?:schriftelijk|per\s+brief)\s+)?(?:geïnformeerd|geinformeerd|ingelicht|bericht|op\s+de\s+hoogte\s+(?:gesteld|gehouden|gebracht)|in\s+kennis\s+gesteld|meegenomen)`;
const SENT = String.raw`(?:gestuurd|toegestuurd|verstuurd|gezonden|toegezonden|verzonden|aangeboden|voorgelegd|gepresenteerd|geïnformeerd|gedeeld)`;
const FUTURE_AUX = String.raw`(?:zal|zullen|wordt|worden)`;
const GOV = String.raw`(?:ik|wij|we|het\s+kabinet|de\s+regering|de\s+(?:minister|staatssecretaris|minister-president)(?:\s+(?:van|voor)\s+[^\s,.]+(?:\s+(?:en|van)\s+[^\s,.]+){0,3})?|hij|zij|mijn\s+ministerie|het\s+ministerie(?:\s+van\s+[^\s,.]+)?)`;
const ACT_INF = String.raw`(?:informeren|inlichten|berichten|rapporteren|(?:toe)?sturen|(?:toe)?zenden|versturen|aanbieden|voorleggen|terugkomen|terug\s+(?:te\s+)?komen|terugkoppelen|op\s+de\s+hoogte\s+(?:stellen|houden|brengen)|in\s+kennis\s+stellen|toe\s+(?:te\s+)?(?:sturen|zenden)|te\s+informeren|te\s+sturen|te\s+rapporteren|(?:doen\s+|te\s+doen\s+)?toekomen)`;
const ACT_PRESENT = String.raw`(?:informeer|informeert|informeren|stuur|stuurt|sturen|zend|zendt|zenden|rapporteer|rapporteert|bied|biedt|bieden)`;
const FUTURE_WORD = String.raw`(?:zal|zullen|ga|gaat|gaan|kom|komt|komen|verwacht|verwachten|streef|streeft|streven|ben\s+voornemens|is\s+voornemens|zijn\s+voornemens|ben\s+van\s+plan|is\s+van\s+plan|zijn\s+van\s+plan|ben\s+(?:graag\s+)?bereid|is\s+(?:graag\s+)?bereid|zijn\s+(?:graag\s+)?bereid|zeg|zegt|zeggen)`;

/** One commitment form: a cheap literal gate, then the form itself (on lowercase text). */
interface Pattern {
  /** Words one of which the form needs (tested with `includes` on the joined lowercase text). */
  gate: readonly string[];
  re: RegExp;
  /** "kan"/"mag" belong to the form ("Uw Kamer kan … tegemoetzien"): not a possibility. */
  promise?: boolean;
  /** Present-tense forms promise only with a time ahead ("Ik stuur uw Kamer voor de zomer …"). */
  needsTime?: boolean;
}

const G_INFORMED = ['nformeerd', 'ingelicht', 'bericht', 'hoogte', 'kennis', 'meegenomen'];
const G_SENT = ['stuurd', 'zonden', 'aangeboden', 'voorgelegd', 'gepresenteerd', 'nformeerd', 'gedeeld'];
/** Present-tense verbs of informing and sending, singular and plural ("informeer", "informeren"). */
const G_PRESENT = ['informeer', 'informeren', 'stuur', 'sturen', 'zend', 'rapporteer', 'rapporteren', 'bied'];
const G_ACT = ['informeren', 'inlichten', 'berichten', 'rapporteren', 'sturen', 'zenden', 'aanbieden', 'voorleggen', 'terug', 'hoogte', 'kennis', 'toekomen'];

const PATTERNS: Pattern[] = [
  // Passive with the Kamer as subject: "Uw Kamer wordt … geïnformeerd", "Uw Kamer zal … worden geïnformeerd".
  { gate: G_INFORMED, re: new RegExp(String.raw`\b(?:${KAMER})\s+${FUTURE_AUX}\b${GAP}\s+(?:worden\s+)?${INFORMED}\b`, 'u') },
  // Inverted: "Voor de zomer wordt uw Kamer geïnformeerd", "zal uw Kamer … worden geïnformeerd".
  { gate: G_INFORMED, re: new RegExp(String.raw`\b${FUTURE_AUX}\s+(?:${KAMER})\b${GAP}\s+(?:worden\s+)?${INFORMED}\b`, 'u') },
  // Sent to the Kamer: "wordt de kabinetsreactie … naar uw Kamer gestuurd", "… aan uw Kamer aangeboden".
  { gate: G_SENT, re: new RegExp(String.raw`\b${FUTURE_AUX}\b${GAP}\s+(?:aan|naar|met)\s+(?:${KAMER})\b${GAP}\s+(?:worden\s+)?${SENT}\b`, 'u') },
  { gate: G_SENT, re: new RegExp(String.raw`\b(?:aan|naar|met)\s+(?:${KAMER})\s+${FUTURE_AUX}\b${GAP}\s+(?:worden\s+)?${SENT}\b`, 'u') },
  // "Ik zal de uitkomsten met uw Kamer delen."
  { gate: ['delen'], re: new RegExp(String.raw`\b${GOV}\s+${FUTURE_WORD}\b${GAP}\s+met\s+(?:${KAMER})\b${GAP}\s+(?:te\s+)?delen\b|\b${FUTURE_WORD}\s+${GOV}\b${GAP}\s+met\s+(?:${KAMER})\b${GAP}\s+(?:te\s+)?delen\b`, 'u') },
  // "Naar verwachting kan ik uw Kamer in het najaar informeren."
  { gate: ['verwachting'], re: new RegExp(String.raw`\bnaar\s+verwachting\b[^.;]{0,60}?\b(?:kan|kunnen)\s+${GOV}\b${GAP}\s+${ACT_INF}\b`, 'u') },
  // "Ik zeg (uw Kamer) toe dat …": a promise in so many words.
  { gate: ['zeg'], re: new RegExp(String.raw`\b(?:ik|wij|we|het\s+kabinet)\s+(?:zeg|zeggen|zegt)\b(?:\s+(?:uw\s+kamer|de\s+kamer|u|hierbij|graag|bij\s+deze))*\s+toe\b|\b(?:zeg|zeggen|zegt)\s+(?:ik|wij|we|het\s+kabinet)\b(?:\s+(?:uw\s+kamer|de\s+kamer|u|graag))*\s+toe\b`, 'u') },
  // Subject left out after "en": "Ik laat dit onderzoeken en informeer uw Kamer in het najaar" (with a time ahead).
  { gate: ['informeer', 'stuur', 'zend', 'rapporteer'], needsTime: true, re: new RegExp(String.raw`\b(?:ik|wij|we)\b[^.;]{1,120}?\ben\s+(?:informeer|stuur|zend|rapporteer|informeren|sturen|zenden|rapporteren)\s+(?:${KAMER})\b`, 'u') },
  // Government acts, future: "ik zal uw Kamer … informeren", "De minister van OCW zal uw Kamer … informeren",
  // "ik verwacht uw Kamer dit najaar te informeren", "Ik kom hierop terug".
  { gate: G_ACT, re: new RegExp(String.raw`\b${GOV}\s+${FUTURE_WORD}\b${LONG_GAP}\s+${ACT_INF}\b`, 'u') },
  { gate: G_ACT, re: new RegExp(String.raw`\b${FUTURE_WORD}\s+${GOV}\b${GAP}\s+${ACT_INF}\b`, 'u') },
  // A second verb of the same subject: "Ik laat dit onderzoeken en zal uw Kamer … informeren".
  { gate: G_ACT, re: new RegExp(String.raw`\b${GOV}\s+[^\s.?!]+(?:\s+[^\s.?!]+){0,16}?\s+en\s+(?:zal|zullen)\b${LONG_GAP}\s+${ACT_INF}\b`, 'u') },
  { gate: ['terug'], re: new RegExp(String.raw`\b(?:kom|komt|komen)\s+${GOV}\b${GAP}\s+(?:op\s+)?terug\b|\b${GOV}\s+(?:kom|komt|komen)\b${GAP}\s+(?:op\s+)?terug\b`, 'u') },
  // "Uw Kamer ontvangt …", "ontvangt uw Kamer …" (with a time ahead).
  { gate: ['ontvangt', 'krijgt'], needsTime: true, re: /\b(?:uw\s+kamer|de\s+kamer|u)\s+(?:ontvangt|krijgt)\b|\b(?:ontvangt|krijgt)\s+(?:uw\s+kamer|de\s+kamer|u)\b/u },
  // "Ik stuur uw Kamer voor de zomer een brief", "Voor de zomer informeer ik uw Kamer" (with a time ahead).
  { gate: G_PRESENT, needsTime: true, re: new RegExp(String.raw`\b${GOV}\s+${ACT_PRESENT}\s+(?:${KAMER})\b|\b${ACT_PRESENT}\s+${GOV}\s+(?:${KAMER})\b`, 'u') },
  // The object first or far from the verb: "Ik stuur het rapport voor de zomer aan uw Kamer",
  // "Na afronding stuur ik het rapport met een beleidsreactie naar uw Kamer" (with a time ahead).
  { gate: G_PRESENT, needsTime: true, re: new RegExp(String.raw`\b${GOV}\s+${ACT_PRESENT}\b${GAP}\s+(?:aan|naar)\s+(?:${KAMER})\b|\b${ACT_PRESENT}\s+${GOV}\b${GAP}\s+(?:aan|naar)\s+(?:${KAMER})\b`, 'u') },
  // Inverted, sent: "Voor de zomer wordt uw Kamer de evaluatie toegezonden", "zal u … worden toegestuurd".
  { gate: G_SENT, re: new RegExp(String.raw`\b${FUTURE_AUX}\s+(?:${KAMER})\b${GAP}\s+(?:worden\s+)?${SENT}\b`, 'u') },
  // "Ik houd uw Kamer op de hoogte", "Het kabinet houdt de Kamer hiervan op de hoogte".
  { gate: ['hoogte', 'kennis'], re: new RegExp(String.raw`\b${GOV}\s+(?:houd|houdt|houden|stel|stelt|stellen)\s+(?:${KAMER})\b${GAP}\s+(?:op\s+de\s+hoogte|in\s+kennis)\b|\b(?:houd|houdt|houden|stel|stelt|stellen)\s+${GOV}\s+(?:${KAMER})\b${GAP}\s+(?:op\s+de\s+hoogte|in\s+kennis)\b`, 'u') },
  // "Ik doe uw Kamer voor de zomer de evaluatie toekomen" (with a time ahead).
  { gate: ['toekomen'], needsTime: true, re: new RegExp(String.raw`\b${GOV}\s+(?:doe|doet|doen)\b${GAP}\s+toekomen\b|\b(?:doe|doet|doen)\s+${GOV}\b${GAP}\s+toekomen\b`, 'u') },
  // "Uw Kamer kan de brief voor de zomer tegemoetzien", "Uw Kamer mag de evaluatie in juni verwachten".
  { gate: ['tegemoet', 'verwachten'], promise: true, re: new RegExp(String.raw`\b(?:${KAMER})\s+(?:kan|mag)\b${GAP}\s+(?:tegemoet\s*zien|tegemoetzien|verwachten)\b|\b(?:kan|mag)\s+(?:${KAMER})\b${GAP}\s+(?:tegemoet\s*zien|tegemoetzien|verwachten)\b`, 'u') },
  // "Ik kom voor de zomer met een brief", "Het kabinet zal in het najaar met een reactie komen".
  { gate: ['met een'], re: new RegExp(String.raw`\b${GOV}\s+(?:zal|zullen|kom|komt|komen)\b${GAP}\s+met\s+(?:een|de)\s+(?:[\p{L}-]+\s+)?(?:brief|kamerbrief|reactie|kabinetsreactie|beleidsreactie|voortgangsbrief|rapportage|voortgangsrapportage|verzamelbrief)\b|\b(?:zal|zullen|kom|komt|komen)\s+${GOV}\b${GAP}\s+met\s+(?:een|de)\s+(?:[\p{L}-]+\s+)?(?:brief|kamerbrief|reactie|kabinetsreactie|beleidsreactie|voortgangsbrief|rapportage|voortgangsrapportage|verzamelbrief)\b`, 'u') },
  // A coming document: "In die reactie zal worden ingegaan op", "In de volgende voortgangsrapportage ga ik in op".
  {
    gate: ['ingegaan', 'ingaan', 'op in', 'in op', 'terug', 'mee', 'toegelicht', 'toelichten'],
    re: new RegExp(
      String.raw`\b(?:in|via|middels|bij)\s+(?:de|die|een|het)\s+(?:(?:eerst)?volgende\s+|komende\s+|aankomende\s+|nog\s+te\s+(?:verschijnen|versturen|sturen)\s+|nieuwe\s+|aangekondigde\s+)?(?:[\p{L}-]+\s+)?(?:brief|kamerbrief|voortgangsrapportage|voortgangsbrief|rapportage|reactie|kabinetsreactie|beleidsreactie|verzamelbrief|begroting|nota|jaarverslag|stand\s+van\s+zakenbrief)\b${GAP}\s+(?:zal|zullen|ga|gaat|gaan|kom|komt|komen|neem|neemt|nemen)\b${GAP}\s+(?:ingegaan|ingaan|op\s+in|in\s+op|terug|mee|meegenomen|toegelicht|toelichten)\b`,
      'u',
    ),
  },
  // "Ik neem dit mee in de eerstvolgende voortgangsbrief".
  { gate: [' mee in '], re: new RegExp(String.raw`\b(?:neem|nemen|neemt)\s+(?:ik|wij|we|het\s+kabinet)\b${GAP}\s+mee\s+in\s+(?:de|het)\s+(?:(?:eerst)?volgende|komende|aankomende)\b|\b(?:ik|wij|we|het\s+kabinet)\s+(?:neem|nemen|neemt)\b${GAP}\s+mee\s+in\s+(?:de|het)\s+(?:(?:eerst)?volgende|komende|aankomende)\b`, 'u') },
];

const FUTURE_TIME =
  /\b(?:voor|vóór|na|in|binnen|uiterlijk|eind|begin|medio|later|nog|dit|komend|komende|aankomende|volgende|eerstvolgende|zo\s+spoedig|zo\s+snel|binnenkort|spoedig|op\s+korte\s+termijn)\b[^.]{0,40}?\b(?:zomer|zomerreces|najaar|voorjaar|jaar|kwartaal|maand|maanden|weken|week|dagen|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|\d{4}|mogelijk|brief|rapportage|voortgangsrapportage|voortgangsbrief|begroting|prinsjesdag|kerst|kerstreces|herfstreces|voorjaarsreces|meireces|reces|miljoenennota|voorjaarsnota)\b|\bbinnenkort\b|\bop\s+korte\s+termijn\b|\bspoedig\b|\b(?:zodra|nadat|daarna|vervolgens|na\s+(?:afronding|afloop|ontvangst|oplevering|vaststelling|publicatie))\b/u;

/** What this letter itself does ("hierbij", "met deze brief"), said at the same time, or was done. */
const NOT_FUTURE =
  /\b(?:hierbij|hiermee|bijgaand|met\s+deze\s+brief|in\s+deze\s+brief|middels\s+deze\s+brief|via\s+deze\s+brief|met\s+deze\s+antwoorden|in\s+deze\s+antwoorden|gelijktijdig(?:\s+met)?|tegelijkertijd\s+met|eerder\s+dit\s+jaar|laatstelijk|regelmatig|steeds|altijd)\b/u;

/** Possibility and condition: "mogelijk laat ik …", "indien nodig", "zou", "kan". */
const POSSIBLE =
  /\b(?:indien|mocht|mochten|eventueel|eventuele|wellicht|misschien|mogelijkerwijs|zo\s+nodig|waar\s+nodig|desgewenst|zou|zouden|overweeg|overweegt|overwegen|bezien\s+of|bekijk\s+of|bekijken\s+of|als\s+(?:daar|daartoe|dat|er|het)\b[^,.]{0,30}?\b(?:aanleiding|nodig|blijkt|gewenst))\b|(?<!\bzo\s+(?:spoedig|snel|veel|goed)\s|\bzoveel\s|\bzo\s+veel\s|\bof\s+het\s)\bmogelijk\b(?!\s+(?:te|om)\b)/u;

/** Past acts: "heb ik uw Kamer geïnformeerd", "is uw Kamer … geïnformeerd", "zoals ik … heb gemeld". */
const PAST = /\b(?:heb|hebt|heeft|hebben|had|hadden|was|waren|werd|werden)\b|\b(?:is|zijn)\b(?!\s+(?:graag\s+)?(?:voornemens|van\s+plan|bereid))/u;

/** The committee's or a member's words: "De leden … vragen of …", "Deze leden zullen …". */
const COMMITTEE = /^(?:[\p{L},]+\s+){0,3}(?:de|deze|die)\s+(?:aan\s+het\s+woord\s+zijnde\s+)?leden\b|\bvragen\s+(?:de|deze)\s+leden\b|\b(?:de|deze)\s+leden\s+(?:vragen|verzoeken|willen|zouden)\b/u;

/** "zoals toegezegd", "heeft … toegezegd": a promise made before, told again, is not a new one. */
const PROMISED_BEFORE = /\b(?:heeft|hebben|heb|had|is)\b[^.]{0,60}\btoegezegd\b/u;

/**
 * Whether a sentence (its joined text) is a commitment: one of the forms matches, and the sentence
 * is not a question or a committee's request, not a past act, not a condition or possibility,
 * not this letter's own act. Linear in the sentence's length.
 */
export function isCommitment(sentence: string): boolean {
  return commitmentMatch(sentence) !== null;
}

/**
 * Where in a sentence (its joined text) the commitment's form stands, or null when the sentence
 * is no commitment (see `isCommitment`). Offsets into `sentence`.
 */
export function commitmentMatch(sentence: string): Span | null {
  const lower = sentence.toLowerCase();
  let hit: Span | null = null;
  let promise = false;
  // Gates shared by several forms are tested once.
  const gates = new Map<readonly string[], boolean>();
  for (const p of PATTERNS) {
    let open = gates.get(p.gate);
    if (open === undefined) {
      open = p.gate.some((w) => lower.includes(w));
      gates.set(p.gate, open);
    }
    if (!open) continue;
    const m = p.re.exec(lower);
    if (!m) continue;
    if (p.needsTime && !FUTURE_TIME.test(lower)) continue;
    if (PAST.test(m[0]) && !/\b(?:zal|zullen|wordt|worden)\b/.test(m[0])) continue;
    // "Ik zal uw Kamer hierover niet informeren", "Het kabinet is niet voornemens …".
    if (NEGATION.test(m[0])) continue;
    // "Uw Kamer wordt door de Rekenkamer geïnformeerd": another body acts.
    // "Ik zal de regeling aanpassen, waarna de gemeenten hun inwoners … zullen informeren": the
    // act belongs to a clause of another subject, and the Kamer is not named in the form.
    if (CLAUSE_BREAK.test(m[0]) && !NAMES_KAMER.test(m[0])) continue;
    if (OTHER_AGENT.test(m[0]) || AGENT_AFTER.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 80))) continue;
    hit = { start: m.index, end: m.index + m[0].length };
    promise = !!p.promise;
    break;
  }
  if (!hit) return null;
  if (NOT_FUTURE.test(lower) && !FUTURE_TIME.test(lower)) return null;
  if (THIS_LETTER.test(lower)) return null;
  if (!promise && (POSSIBLE.test(lower) || (CAN.test(lower) && !EXPECTED.test(lower))) && !PROMISE_WORD.test(lower)) return null;
  if (PROMISED_BEFORE.test(lower) || OTHERS_ASK.test(lower)) return null;
  const c = classifySentence(sentence);
  return c.question || c.request || c.committee || COMMITTEE.test(lower) ? null : hit;
}

/** How the committee's own sentences open: "De leden van de …", "Deze leden …", "De aan het woord zijnde leden …". */
const COMMITTEE_OPENING = /^(?:De|Deze|Die)\s+(?:aan\s+het\s+woord\s+zijnde\s+)?leden\b/;

/** Every pattern's gate in one (lowercase words: the forms' verbs never open a sentence): a sentence passing none has no form. */
const ANY_GATE = new RegExp([...new Set(PATTERNS.flatMap((p) => p.gate))].map((w) => w.trim().replace(/ /g, '\\s+')).join('|'));

/** "kan", "kunnen": a possibility, unless expected ("Ik verwacht uw Kamer voor de zomer te kunnen informeren"). */
const CAN = /\b(?:kan|kunnen)\b/u;
const EXPECTED = /\b(?:verwacht|verwachten|naar\s+verwachting|streef|streven)\b/u;
const OTHER_AGENT =
  /\bdoor\s+(?!(?:mij|ons|mijzelf|middel|het\s+kabinet|de\s+regering|de\s+(?:minister|staatssecretaris|ministers|bewindspersonen)|mijn\s+(?:ministerie|collega|ambtgeno(?:o|te))|het\s+ministerie)\b)\S/u;
/** "… geïnformeerd door de Inspectie": the agent named right after the form. */
const AGENT_AFTER = new RegExp(String.raw`^\s+${OTHER_AGENT.source.slice(2)}`, 'u');
/** A subordinate clause opening inside a form (its own subject may act). */
const CLAUSE_BREAK = /\b(?:dat|waarna|zodat|omdat|nadat|opdat|waarmee|wanneer|waarbij)\b/u;
const NAMES_KAMER = new RegExp(String.raw`\b(?:${KAMER})\b`, 'u');
const NEGATION = /\b(?:niet|geen|nooit)\b/u;
/** A motion's or member's words quoted in the letter: "verzoekt de regering de Kamer … te informeren". */
const OTHERS_ASK = /\b(?:verzoekt|verzoeken|vraagt|vragen)\s+(?:de\s+regering|het\s+kabinet|de\s+minister|de\s+staatssecretaris)\b/u;

/** This letter's own act ("hierbij", "met deze brief") or one done at the same time ("gelijktijdig"). */
const THIS_LETTER = /\b(?:hierbij|met\s+deze\s+brief|middels\s+deze\s+brief|in\s+deze\s+brief|gelijktijdig)\b/u;
/** "ik kan toezeggen dat …": a promise despite "kan". */
const PROMISE_WORD = /\btoe\s*(?:te\s+)?zeggen\b|\bzeg\b[^.]{0,40}\btoe\b/u;

/** A footnote's label opening its line: one to three digits (or superscript digits), then a capital. */
const FOOTNOTE_LABEL = /^[0-9\u00B9\u00B2\u00B3\u2070\u2074-\u2079]{1,3}[ \t\u00A0]+(?=\p{Lu})/u;

/** The sentence around `at`: its span and joined text. */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = sentenceStart(text, at);
  // A footnote's own number at the start of its line ("37 Zie ook de Kamerbrief …") is no part of the sentence.
  if (start === 0 || text.charCodeAt(start - 1) === 10 || text.charCodeAt(start - 1) === 13) {
    const label = FOOTNOTE_LABEL.exec(text.slice(start, start + 8));
    if (label && start + label[0].length <= at) start += label[0].length;
  }
  const end = Math.max(sentenceEnd(text, at), start);
  return { start, end };
}

/**
 * Every commitment in a letter, in text order, each with its due date counted from the letter's
 * header date, else `options.fallbackDate`. Linear in the length of the text: one regex pass
 * for anchors, each sentence read once within a window of 1,500 code units either side.
 * Never throws on any input.
 */
export function findCommitments(text: string, options: CommitmentOptions = {}): Commitments {
  const header = letterDateOf(text);
  const fallbackDate = options.fallbackDate && parseIsoDate(options.fallbackDate) ? options.fallbackDate : null;
  const letterDate = header ?? fallbackDate;
  const items: Commitment[] = [];
  const re = new RegExp(ANCHOR.source, 'g');
  let doneTo = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index;
    if (at < doneTo) continue;
    const s = sentenceAround(text, at);
    doneTo = Math.max(s.end, at + 1);
    if (re.lastIndex < doneTo) re.lastIndex = doneTo;
    const c = commitmentIn(text, s.start, s.end, letterDate) ?? bareYes(text, s.start, s.end, letterDate);
    if (c) items.push(c);
  }
  items.sort((a, b) => a.span.start - b.span.start);
  return { items, letterDate, letterDateFrom: header ? 'kop' : letterDate ? options.fallbackFrom ?? 'anders' : null, fallbackDate };
}

/**
 * The same commitments dated from `fallbackDate` (`YYYY-MM-DD`; the `briefdatum` setting or the
 * file's date) when the letter's header has no date; unchanged when it has one or the fallback is
 * the same. Only the items' due dates are read again (linear in their length), not the text:
 * hosts find commitments once per text and date them per settings.
 */
export function withFallbackDate(commitments: Commitments, fallbackDate: string | null | undefined, from: LetterDateOrigin = 'anders'): Commitments {
  const fallback = fallbackDate && parseIsoDate(fallbackDate) ? fallbackDate : null;
  if (commitments.letterDateFrom === 'kop') return commitments;
  if (fallback === commitments.fallbackDate) return fallback && commitments.letterDateFrom !== from ? { ...commitments, letterDateFrom: from } : commitments;
  return {
    items: commitments.items.map((c) => ({ ...c, due: dueOf(c.text, fallback, c.form) })),
    letterDate: fallback,
    letterDateFrom: fallback ? from : null,
    fallbackDate: fallback,
  };
}

/** A bare yes: "Ja." (or "Ja, dat ben ik.", "Ja, dat zeg ik toe.") as the whole answer. */
const BARE_YES = /^Ja(?:[.!]|,\s+(?:dat\s+(?:ben|kan|wil|zal|doe|zeg)\s+ik(?:\s+(?:graag|toe|doen))*|graag)[.!])$/;
/** What may stand between a question and its answer: an answer heading ("Antwoord 5", "Antwoord:"). */
const BETWEEN_QA = /^\s*(?:(?:\*\*)?(?:Antwoord|Reactie)(?:[ \t]+(?:op[ \t]+vraag[ \t]+)?\d{1,3}[a-z]?)?[ \t]*[:.]?(?:\*\*)?)?\s*$/;

/**
 * A bare "Ja." answering a question that asks the government to inform the Kamer ("Kunt u de
 * Kamer na de zomer informeren over de voortgang?"): the question supplies the act and the
 * time, so the answer is a commitment dated by the question's phrase. Only when the answer is
 * that one sentence (a blank line, heading or the end follows) and only an answer heading stands
 * between the question and it. Reads at most 1,500 code units back.
 */
function bareYes(text: string, start: number, end: number, letterDate: IsoDate | null): Commitment | null {
  if (end - start > 60) return null;
  const said = text.slice(start, end).trim();
  if (!BARE_YES.test(said)) return null;
  // The answer ends here: nothing but blanks up to a blank line or the end.
  const after = /^[ \t]*(?:\r?\n[ \t]*(?:\r?\n|$)|$)/.exec(text.slice(end, end + 200));
  if (!after && end < text.length) return null;
  let q = start - 1;
  while (q >= 0 && start - q <= WINDOW && text.charCodeAt(q) !== 63) q--;
  if (q < 0 || start - q > WINDOW) return null;
  if (!BETWEEN_QA.test(text.slice(q + 1, start))) return null;
  const qs = sentenceStart(text, q);
  const question = joinSentence(text.slice(qs, q + 1));
  if (!asksForCommitment(question)) return null;
  const due = dueOf(question, letterDate);
  return { text: said, span: { start, end }, due: { ...due, at: -1 }, form: { start: 0, end: said.length } };
}

function commitmentIn(text: string, start: number, end: number, letterDate: IsoDate | null): Commitment | null {
  if (end <= start) return null;
  // A question, or the committee's words, is never a commitment: settle it before reading further.
  let last = end - 1;
  while (last > start && CLOSERS.has(text.charCodeAt(last))) last--;
  if (text.charCodeAt(last) === 63) return null;
  if (COMMITTEE_OPENING.test(text.slice(start, Math.min(end, start + 40)))) return null;
  const raw = text.slice(start, end);
  // Most sentences around an anchor hold no form's verb: skip the joining (unless a word is broken over a line).
  if (!ANY_GATE.test(raw) && raw.indexOf('-\n') < 0 && raw.indexOf('-\r') < 0 && raw.indexOf('- \n') < 0) return null;
  const joined = joinSentence(raw);
  if (joined.length < 12) return null;
  const form = commitmentMatch(joined);
  if (!form) return null;
  return { text: joined, span: { start, end }, due: dueOf(joined, letterDate, form), form };
}
