/**
 * Line-level reading of a letter: where each line starts and ends, and what kind of line it is
 * (a question or answer heading, a fractie heading, page furniture …). Every test here is a
 * cheap anchored check on one line, so the whole pass is linear in the text.
 */
import { slot, type Memo } from '../memo';
import { detach } from '../text';

export const enum LineKind {
  Text,
  Blank,
  /** Footnote text, URL-only lines, page numbers, HTML comments: not part of the letter's prose. */
  Furniture,
  /** `Vraag 1`, `## Vraag 1a`, `**Vraag 2:** …` */
  QuestionHeading,
  /** `Antwoord 1`, `Antwoord op vraag 1`, `Antwoord:` */
  AnswerHeading,
  /** `12. Antwoord van het kabinet` */
  ProseAnswerHeading,
  /** `1. Kent u het bericht …` (Kamervragen numbering). Only used as a unit start in item mode. */
  NumberedItem,
  /** "Vragen en opmerkingen van de leden van de PVV-fractie" */
  SectionHeading,
  /** "I Vragen en opmerkingen vanuit de fracties", "II Antwoord/ Reactie van de minister" */
  PartHeading,
  /** The end of the letter body: "Hoogachtend,", a signature, the headings of a ministry memo. */
  Stop,
  /** A list item line ("- …", "• …"): starts a new sentence. */
  Bullet,
}

export interface Lines {
  count: number;
  /** Offset of the line's first character. */
  start: Int32Array;
  /** Offset just past the line's content (line break excluded). */
  end: Int32Array;
  /** Offset of the first non-blank character (== end for blank lines). */
  tstart: Int32Array;
  /** Offset just past the last non-blank character. */
  tend: Int32Array;
  kind: Uint8Array;
  /** For headings and items: the question id ("1", "1a"), else "". */
  id: string[];
  /** For headings and items: where the text after the heading marker starts (tend if none). */
  rest: Int32Array;
  /** For section headings: the fractie title. */
  title: string[];
  /** For joint answer headings ("Antwoord 1 en 2"): the ids after the first. */
  also: Map<number, string[]>;
}

/** Further numbers of a joint heading: ", 4", " en 5", " t/m 6", " tot en met 3", "–6", or a lost comma ("7 8"). */
const ID_LIST = String.raw`((?:[ \t\u00a0]*(?:(?:,|en|&|t\/m|tot[ \t\u00a0]+en[ \t\u00a0]+met|[–-])[ \t\u00a0]*)?\d{1,4}[a-z]?(?![\p{L}\p{N}]))*)([ \t\u00a0]*(?:,|en|&|t\/m|tot[ \t\u00a0]+en[ \t\u00a0]+met)(?=[ \t\u00a0]*$))?`;
/** "(blz. 4)", "(pagina 4)", "(p. 4-5)" after a question number in a lijst van vragen. */
const PAGE_NOTE = String.raw`(?:[ \t\u00a0]*\((?:(?:blz|pag|pagina|p)\.?[ \t\u00a0]*\d{1,4}(?:[ \t\u00a0]*[–-][ \t\u00a0]*\d{1,4})?|[^()?.!\n]{1,40})\))?`;
/** Before a heading: a Markdown quote ("> "), a list bullet ("- ", "* ", "• "), a Markdown heading's "#". */
const HEAD_PREFIX = String.raw`^(?:>[ \t\u00a0]*)*(?:[-+•][ \t\u00a0]+)?(?:#{1,6}[ \t\u00a0]*)?`;
/**
 * A subquestion's letter written out after the number: "6 onder a", "6, onderdeel b", "6 sub a",
 * "6 (a)". One capturing group: the letter.
 */
const SUB_LETTER = String.raw`(?:[ \t\u00a0]*(?:,?[ \t\u00a0]*(?:onder|sub|onderdeel|deelvraag|subvraag)[ \t\u00a0]+\(?|\((?=[a-z]\)))([a-z])\)?(?![\p{L}\p{N}]))?`;
const QUESTION_HEADING = new RegExp(
  HEAD_PREFIX + String.raw`(?:\*\*|__|\*|_)?[ \t\u00a0]*(?:Vra(?:ag|gen)|VRA(?:AG|GEN))[ \t\u00a0]*(\d{1,4})[ \t\u00a0]*([a-z])?(?![\p{L}\p{N}/])` + SUB_LETTER +
    ID_LIST + PAGE_NOTE +
    String.raw`[ \t\u00a0]*(?:(\*\*|__|\*|_)[ \t\u00a0]*)?([:.)–—-][ \t\u00a0]*)?(?:(?:\*\*|__|\*|_)[ \t\u00a0]*)?`,
  'u',
);
const ANSWER_HEADING = new RegExp(
  HEAD_PREFIX + String.raw`(?:\*\*|__|\*|_)?[ \t\u00a0]*(?:Antwoord(?:en)?|ANTWOORD(?:EN)?|Antw\.)(?:[ \t\u00a0]+(?:op|bij|OP))?(?:[ \t\u00a0]+(?:de|DE))?(?:[ \t\u00a0]+(?:vra(?:ag|gen)|VRA(?:AG|GEN)))?(?:[ \t\u00a0]*(\d{1,4})[ \t\u00a0]*([a-z])?(?![\p{L}\p{N}/])` + SUB_LETTER +
    ID_LIST + String.raw`)?(?![\p{L}\p{N}])` + PAGE_NOTE + String.raw`[ \t\u00a0]*(?:(\*\*|__|\*|_)[ \t\u00a0]*)?([:.)–—-][ \t\u00a0]*)?(?:(?:\*\*|__|\*|_)[ \t\u00a0]*)?`,
  'u',
);
const PROSE_ANSWER_HEADING =
  /^(?:#{1,6}[ \t\u00a0]*)?(?:\*\*|__)?[ \t\u00a0]*(\d{1,4})[ \t\u00a0]*([a-z])?[ \t\u00a0]*[.)]?[ \t\u00a0]*(?:Antwoord|Reactie)[ \t\u00a0]+(?:van[ \t\u00a0]+)?(?:het[ \t\u00a0]+kabinet|de[ \t\u00a0]+regering|de[ \t\u00a0]+minister|de[ \t\u00a0]+staatssecretaris|de[ \t\u00a0]+bewindspersonen?)(?![\p{L}\p{N}])[^.?!]{0,60}$/iu;
/**
 * An unnumbered answer label of an inbreng or verslag: "Reactie van het kabinet", "Antwoord van
 * de minister", "Reactie van de staatssecretaris van …", "Beantwoording", "Reactie". Read as an
 * `Antwoord` label (an answer heading without id).
 */
const ANSWER_LABEL_LINE =
  /^(?:#{1,6}[ \t\u00a0]*)?(?:\*\*|__|\*|_)?[ \t\u00a0]*(?:Antwoord|Reactie|Beantwoording)(?:[ \t\u00a0]+(?:van[ \t\u00a0]+)?(?:het[ \t\u00a0]+kabinet|de[ \t\u00a0]+regering|de[ \t\u00a0]+minister|de[ \t\u00a0]+staatssecretaris|de[ \t\u00a0]+bewindspersonen?|het[ \t\u00a0]+ministerie)(?![\p{L}\p{N}])[^.?!:]{0,60})?[ \t\u00a0]*(?:\*\*|__|\*|_)?[ \t\u00a0]*:?[ \t\u00a0]*(?:\*\*|__|\*|_)?$/iu;
const NUMBERED_ITEM = /^(?:\*\*)?(\d{1,3})[.)](?:\*\*)?(?:[ \t\u00a0]+|$)/;
const SECTION_HEADING =
  /^(?:#{1,6}[ \t\u00a0]*)?(?:\*\*|__)?[ \t\u00a0]*(?:Vragen[ \t\u00a0]+en[ \t\u00a0]+opmerkingen|Opmerkingen[ \t\u00a0]+en[ \t\u00a0]+vragen|Vragen|Inbreng)[ \t\u00a0]+van[ \t\u00a0]+(?:de[ \t\u00a0]+leden|het[ \t\u00a0]+lid)[ \t\u00a0]+van[ \t\u00a0]+(?:de[ \t\u00a0]+)?([^\n]{1,100}?)[ \t\u00a0]*(?:\*\*|__)?[ \t\u00a0]*:?$/u;
const PART_HEADING = /^(?:#{1,6}[ \t\u00a0]*)?(?:I|II|III|IV|V|VI)[ \t\u00a0]+\p{Lu}[^.?!]{0,80}$/u;
/**
 * A signature "De Minister van Justitie en Veiligheid,", "De minister voor Klimaat en Groene
 * Groei,", "De staatssecretaris van Financiën – Fiscaliteit,", "De voorzitter van de commissie,"
 * (the title's words capitalised or small connectives, or a committee's chair or clerk; the line
 * ends in a comma).
 */
export const SIGNATURE_TITLE = /^De (?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident|[Vv]oorzitter|[Gg]riffier|[Oo]ndervoorzitter|[Ss]ecretaris-[Gg]eneraal)(?: (?:van|voor))?(?: (?:en|voor|van|de|het|der|[–-]|\p{Lu}[\p{L}’'-]{0,40})){1,10}(,?)$|^De (?:[Vv]oorzitter|[Gg]riffier|[Oo]ndervoorzitter) van de (?:vaste |tijdelijke |algemene )?commissie(?: voor [\p{L} ,-]{1,80})?(,?)$/u;
const STOP_LINE =
  /^(?:Hoogachtend,?|[Nn]amens deze,?|[Mm]et (?:vriendelijke|hoogachtende) groet(?:en)?,?|w\.g\.|DE (?:MINISTER|STAATSSECRETARIS|MNISTER|DIRECTEUR)[A-Z ,-]*|Aanleiding|Geadviseerd besluit|Kernpunten|TER BESLISSING)$/;
/** "Mededeling van Minister … (ontvangen …)": the heading of a mededeling instead of answers. */
const MEDEDELING = /^Mededeling(?:[ \t\u00a0]+van[ \t\u00a0][^.?!]{0,180})?$/;
/**
 * Page furniture of the official PDFs (Aanhangsel, Kamerstukken): the `ah-tk-…` / ISSN /
 * "’s-Gravenhage 2024" block and the running page headers ("Tweede Kamer, vergaderjaar
 * 2023–2024, Aanhangsel", "Eerste Kamer, vergaderjaar 2023–2024, 36 123, B 3").
 */
const PDF_FURNITURE =
  /^(?:ah-tk-\d{8}-\d{1,5}|kst-\d{4,6}(?:-[\dA-Z]{1,6}){1,3}|ISSN[ \t\u00a0]+\d{4}[ \t\u00a0]*[-–][ \t\u00a0]*\d{3}[\dX]|[’']s-Gravenhage[ \t\u00a0]+\d{4}|Vergaderjaar[ \t\u00a0]+\d{4}[–-]\d{4}|(?:Tweede|Eerste)[ \t\u00a0]+Kamer,[ \t\u00a0]+vergaderjaar[ \t\u00a0]+\d{4}[–-]\d{4},[^.?!]{1,80}|(?:Tweede|Eerste)[ \t\u00a0]+Kamer[ \t\u00a0]+der[ \t\u00a0]+Staten-Generaal)$/;
const FOOTNOTE = /^\d{1,3}[ \t]+(?:[\p{Lu}‘“"'(]|https?:\/\/|www\.)/u;
const URL_LINE = /^<?https?:\/\/\S+$/;
const PAGE_NUMBER = /^(?:Pagina[ \t]+\d+[ \t]+van[ \t]+\d+|-[ \t]*\d{1,4}[ \t]*-|\d{1,4})$/;
const COMMENT_LINE = /^<!--.*-->$/;
const BULLET = /^(?:[-*•▪◦o][ \t]|\d{1,2}\.[ \t]|\(?[a-z][.)][ \t])/;

function normalId(n: string): string {
  return n.replace(/^0+(?=\d)/, '');
}

const LIST_TOKEN = /(\d{1,4})([a-z]?)|(t\/m|tot[ \t\u00a0]+en[ \t\u00a0]+met|[–-])/g;
/** A range wider than this is no joint heading but a typing error; its ends only are taken. */
const MAX_RANGE = 60;

/**
 * The ids after the first of a joint heading's number list ("en 10", ", 4, 5 en 6", " t/m 6",
 * "–6"), ranges expanded: `expandIdList("4", " t/m 6")` is `["5", "6"]`. Without duplicates or
 * the first id. Linear in the list's length (ranges are capped at MAX_RANGE numbers).
 */
export function expandIdList(first: string, list: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([first]);
  let prev = parseInt(first, 10);
  let range = false;
  LIST_TOKEN.lastIndex = 0;
  for (let m = LIST_TOKEN.exec(list); m; m = LIST_TOKEN.exec(list)) {
    if (m[3]) {
      range = true;
      continue;
    }
    const n = parseInt(m[1], 10);
    if (range && !m[2] && n > prev && n - prev <= MAX_RANGE) {
      for (let k = prev + 1; k < n; k++) if (!seen.has(String(k))) seen.add(String(k)), out.push(String(k));
    }
    range = false;
    const id = normalId(m[1]) + m[2];
    if (!seen.has(id)) seen.add(id), out.push(detach(id));
    prev = n;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0xfeff || c === 12 || c === 11;
}

/**
 * Line readings of recent long texts, before footnote continuations are marked (that pass looks
 * across lines and runs again on every reading). A keystroke in a long letter changes one or two
 * lines: the lines before and after the edit are taken over from the previous reading.
 */
interface Reading {
  text: string;
  lines: Lines;
}
/** The latest readings of long texts, newest first (in the analyzer's memo). */
const RECENT = slot('lines.recent', (): Reading[] => []);
/**
 * At most this many readings, and older readings only while all together hold at most
 * `RECENT_CHARS` characters of text: each holds its whole text, and a closed 10 MB letter should
 * not stay in memory for long. The newest reading is always kept.
 */
const RECENT_MAX = 4;
const RECENT_CHARS = 8 * 1024 * 1024;
/** Shorter texts are read afresh: cheap, and they would push the long letters out. */
const REUSE_MIN_LENGTH = 32 * 1024;

/**
 * Line starts, trimmed bounds and kinds of every line of `text`. Linear. With a memo, the
 * readings of long texts are remembered and the next version re-reads only what changed.
 */
export function readLines(text: string, memo?: Memo): Lines {
  if (!memo || text.length < REUSE_MIN_LENGTH) return readLinesFresh(text);
  const recent = memo.get(RECENT);
  let best: Reading | undefined;
  let bestCommon = 0;
  let bestPrefix = 0;
  let bestSuffix = 0;
  for (const r of recent) {
    const [prefix, suffix] = commonEnds(r.text, text);
    if (prefix + suffix > bestCommon) {
      best = r;
      bestCommon = prefix + suffix;
      bestPrefix = prefix;
      bestSuffix = suffix;
    }
  }
  let raw: Lines;
  if (best && bestCommon >= text.length / 2) raw = rereadLines(best, text, bestPrefix, bestSuffix);
  else raw = rawLines(text, 0, text.length, true, 0);
  const at = best ? recent.indexOf(best) : -1;
  if (at >= 0) recent.splice(at, 1);
  recent.unshift({ text, lines: raw });
  let chars = 0;
  let keep = 0;
  while (keep < recent.length && keep < RECENT_MAX && (keep === 0 || chars + recent[keep].text.length <= RECENT_CHARS)) chars += recent[keep++].text.length;
  recent.length = keep;
  const lines = copyLines(raw);
  markFootnoteContinuations(text, lines);
  return lines;
}

/** `readLines` without reuse of earlier readings (the reference the reuse must equal). */
export function readLinesFresh(text: string): Lines {
  const lines = rawLines(text, 0, text.length, true, 0);
  markFootnoteContinuations(text, lines);
  return lines;
}

/**
 * Lengths of the common prefix and (not overlapping it) the common suffix of two texts. Found by
 * halving with native slice comparisons: a loop over character codes costs several times more.
 */
function commonEnds(a: string, b: string): [number, number] {
  const n = Math.min(a.length, b.length);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  const p = lo;
  const max = n - p;
  lo = 0;
  hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return [p, lo];
}

function emptyLines(count: number): Lines {
  return {
    count,
    start: new Int32Array(count),
    end: new Int32Array(count),
    tstart: new Int32Array(count),
    tend: new Int32Array(count),
    kind: new Uint8Array(count),
    id: new Array<string>(count).fill(''),
    rest: new Int32Array(count),
    title: new Array<string>(count).fill(''),
    also: new Map(),
  };
}

function copyLines(l: Lines): Lines {
  return {
    count: l.count,
    start: l.start.slice(),
    end: l.end.slice(),
    tstart: l.tstart.slice(),
    tend: l.tend.slice(),
    kind: l.kind.slice(),
    id: l.id.slice(),
    rest: l.rest.slice(),
    title: l.title.slice(),
    also: new Map(l.also),
  };
}

/**
 * The lines starting in [from, to) (`from` and `to` are line starts), and with `last` the text's
 * last line (then `to` is the text's length), classified, their indexes starting at 0 and their
 * `also` keys offset by `lineBase`.
 */
function rawLines(text: string, from: number, to: number, last: boolean, lineBase: number): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  let s = from;
  const n = text.length;
  let i = from;
  // Texts with LF line ends only: the native search finds the breaks much faster.
  if (text.indexOf('\r', from) < 0) {
    for (; s < to; ) {
      const nl = text.indexOf('\n', s);
      if (nl < 0) break;
      starts.push(s);
      ends.push(nl);
      s = nl + 1;
    }
    i = s < to ? n : s;
  }
  for (; i < n && s < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      starts.push(s);
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  if (last) {
    starts.push(s);
    ends.push(n);
  }
  return trimmedLines(text, starts, ends, lineBase);
}

/**
 * The raw lines of `text`, taking over from `prev` the lines that lie wholly (with the line
 * break that ends them, or the one before them) in the common prefix or suffix. Such a line has
 * the same content and bounds (shifted by the length change), and so the same reading.
 */
function rereadLines(prev: Reading, text: string, prefix: number, suffix: number): Lines {
  const old = prev.lines;
  const delta = text.length - prev.text.length;
  // Lines before the edit: their end (the line break) lies in the common prefix.
  let a = 0;
  while (a < old.count && old.end[a] < prefix && old.end[a] < prev.text.length) a++;
  // Lines after the edit: the line break before them lies in the common suffix.
  const suffixFrom = prev.text.length - suffix;
  let b = old.count;
  while (b > a && old.start[b - 1] - 1 >= suffixFrom && old.start[b - 1] > 0) b--;
  let from = 0;
  if (a > 0) {
    from = old.end[a - 1] + 1;
    if (text.charCodeAt(from - 1) === 13 && text.charCodeAt(from) === 10) from++;
  }
  const to = b < old.count ? old.start[b] + delta : text.length;
  const mid = rawLines(text, from, to, b === old.count, a);
  const count = a + mid.count + (old.count - b);
  const lines = emptyLines(count);
  const tail = a + mid.count;
  const copy = (dst: Int32Array, src: Int32Array, m: Int32Array, shift: boolean) => {
    dst.set(src.subarray(0, a), 0);
    dst.set(m, a);
    const t = src.subarray(b);
    if (shift && delta !== 0) for (let k = 0; k < t.length; k++) dst[tail + k] = t[k] + delta;
    else dst.set(t, tail);
  };
  copy(lines.start, old.start, mid.start, true);
  copy(lines.end, old.end, mid.end, true);
  copy(lines.tstart, old.tstart, mid.tstart, true);
  copy(lines.tend, old.tend, mid.tend, true);
  copy(lines.rest, old.rest, mid.rest, true);
  lines.kind.set(old.kind.subarray(0, a), 0);
  lines.kind.set(mid.kind, a);
  lines.kind.set(old.kind.subarray(b), tail);
  for (let k = 0; k < a; k++) {
    lines.id[k] = old.id[k];
    lines.title[k] = old.title[k];
  }
  for (let k = 0; k < mid.count; k++) {
    lines.id[a + k] = mid.id[k];
    lines.title[a + k] = mid.title[k];
  }
  for (let k = b; k < old.count; k++) {
    lines.id[tail + k - b] = old.id[k];
    lines.title[tail + k - b] = old.title[k];
  }
  // In line order, as a fresh reading inserts them.
  for (const [l, ids] of old.also) if (l < a) lines.also.set(l, ids);
  for (const [l, ids] of mid.also) lines.also.set(l, ids);
  for (const [l, ids] of old.also) if (l >= b) lines.also.set(l - b + tail, ids);
  return lines;
}

/**
 * Lines of `text` from given line bounds (virtual lines: a physical line cut in pieces), trimmed
 * and classified like physical lines, footnote continuations marked. `starts` and `ends` are
 * parallel UTF-16 offsets, in order and not overlapping. Linear.
 */
export function linesFromBounds(text: string, starts: number[], ends: number[]): Lines {
  const lines = trimmedLines(text, starts, ends, 0);
  markFootnoteContinuations(text, lines);
  return lines;
}

/** Lines from parallel bounds, each trimmed and classified (`also` keys offset by `lineBase`). */
function trimmedLines(text: string, starts: number[], ends: number[], lineBase: number): Lines {
  const count = starts.length;
  const lines = emptyLines(count);
  lines.start.set(starts);
  lines.end.set(ends);
  for (let l = 0; l < count; l++) {
    let a = lines.start[l];
    let b = lines.end[l];
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    lines.tstart[l] = a;
    lines.tend[l] = b;
    lines.rest[l] = b;
    classify(text, lines, l, lineBase + l);
  }
  return lines;
}

function classify(text: string, lines: Lines, l: number, alsoKey: number): void {
  const a = lines.tstart[l];
  const b = lines.tend[l];
  if (a === b) {
    lines.kind[l] = LineKind.Blank;
    return;
  }
  const len = b - a;
  const c0 = text.charCodeAt(a);
  if (len <= 120 && (c0 === 97 || c0 === 107 || c0 === 73 || c0 === 0x2019 || c0 === 39 || c0 === 86 || c0 === 84 || c0 === 69) && PDF_FURNITURE.test(text.slice(a, b))) {
    lines.kind[l] = LineKind.Furniture;
    return;
  }
  // "namens deze," and "w.g." of a signature block.
  if ((c0 === 110 || c0 === 119) && len <= 14 && STOP_LINE.test(text.slice(a, b))) {
    lines.kind[l] = LineKind.Stop;
    return;
  }
  // Fast path: a line starting with a lowercase letter is text (PDF continuation lines mostly),
  // unless it may be a URL, an "o" bullet or an "a)" or "a." item.
  if (c0 >= 97 && c0 <= 122 && c0 !== 104 && c0 !== 111 && text.charCodeAt(a + 1) !== 41 && !(text.charCodeAt(a + 1) === 46 && isSpace(text.charCodeAt(a + 2)))) {
    lines.kind[l] = LineKind.Text;
    return;
  }
  // Headings are short; never run the heading patterns over a long line.
  const head = text.slice(a, Math.min(b, a + 400));
  const full = len <= 400;
  const leadingSpace = a > lines.start[l];
  if (c0 === 60 /* < */ && full && COMMENT_LINE.test(head)) {
    lines.kind[l] = LineKind.Furniture;
    return;
  }
  if (c0 === 104 /* h */ || c0 === 60) {
    if (URL_LINE.test(text.slice(a, b))) {
      lines.kind[l] = LineKind.Furniture;
      return;
    }
  }
  let m: RegExpExecArray | null;
  // Each pattern runs only where its first character can start it.
  const markup = c0 === 35 || c0 === 42 || c0 === 95 || c0 === 62 || c0 === 45 || c0 === 43 || c0 === 0x2022; // # * _ > - + •
  if ((markup || c0 === 86) /* V */ && (m = QUESTION_HEADING.exec(head))) {
    const after = m[0].length;
    // "Vraag 1 Bent u bekend met …?": the question on the heading's line.
    const closed = !!m[6] || !!m[7] || (/^[ \t\u00a0]/.test(head.slice(after - 1, after)) && /^\p{Lu}/u.test(head.slice(after)) && text.charCodeAt(b - 1) === 63);
    if (a + after >= b || closed) {
      lines.kind[l] = LineKind.QuestionHeading;
      lines.id[l] = detach(normalId(m[1]) + (m[2] ?? m[3] ?? ''));
      const more = expandIdList(lines.id[l], m[4] ?? '');
      if (more.length) lines.also.set(alsoKey, more);
      lines.rest[l] = a + after;
      return;
    }
  }
  if ((markup || c0 === 65) /* A */ && (m = ANSWER_HEADING.exec(head))) {
    const after = m[0].length;
    // "Antwoord 1 Ja.": the answer on the heading's line (a capital after the number).
    const closed = !!m[6] || !!m[7] || (!!m[1] && /^[ \t\u00a0]/.test(head.slice(after - 1, after)) && /^\p{Lu}/u.test(head.slice(after)));
    if (a + after >= b || closed) {
      lines.kind[l] = LineKind.AnswerHeading;
      lines.id[l] = m[1] ? detach(normalId(m[1]) + (m[2] ?? m[3] ?? '')) : '';
      const more = m[1] ? expandIdList(lines.id[l], m[4] ?? '') : [];
      if (more.length) lines.also.set(alsoKey, more);
      lines.rest[l] = a + after;
      return;
    }
  }
  if (full && len <= 120 && (markup || c0 === 65 || c0 === 82 || c0 === 66) && ANSWER_LABEL_LINE.test(head)) {
    lines.kind[l] = LineKind.AnswerHeading;
    lines.id[l] = '';
    return;
  }
  if (full && c0 >= 48 && c0 <= 57 && PROSE_ANSWER_HEADING.test(head)) {
    m = PROSE_ANSWER_HEADING.exec(head)!;
    lines.kind[l] = LineKind.ProseAnswerHeading;
    lines.id[l] = detach(m[1].replace(/^0+(?=\d)/, '') + (m[2] ?? '').toLowerCase());
    return;
  }
  if (full && (markup || c0 === 86 || c0 === 79 || c0 === 73) && (m = SECTION_HEADING.exec(head))) {
    lines.kind[l] = LineKind.SectionHeading;
    lines.title[l] = detach(m[1].replace(/^de\s+/i, '').trim());
    return;
  }
  if (full && len <= 200 && c0 === 77 /* M */ && MEDEDELING.test(head)) {
    lines.kind[l] = LineKind.Stop;
    return;
  }
  if (full && len <= 100 && (c0 === 72 || c0 === 77 || c0 === 68 || c0 === 65 || c0 === 71 || c0 === 75 || c0 === 84 || c0 === 78) && (STOP_LINE.test(head) || (c0 === 68 && !!(m = SIGNATURE_TITLE.exec(head)) && (m[1] ?? m[2]) === ','))) {
    lines.kind[l] = LineKind.Stop;
    return;
  }
  if (full && (c0 === 73 || c0 === 86 || c0 === 35) && PART_HEADING.test(head) && /^(?:#{1,6}[ \t]*)?(?:I|II|III|IV|V|VI)[ \t]/.test(head)) {
    lines.kind[l] = LineKind.PartHeading;
    return;
  }
  if (c0 >= 48 && c0 <= 57) {
    if ((m = NUMBERED_ITEM.exec(head))) {
      lines.kind[l] = LineKind.NumberedItem;
      lines.id[l] = detach(m[1].replace(/^0+(?=\d)/, ''));
      lines.rest[l] = a + m[0].length;
      return;
    }
    // "3 Klopt het dat …?": a footnote marker the PDF put before a question, no footnote (a
    // footnote does not ask).
    if (!leadingSpace && FOOTNOTE.test(head) && text.charCodeAt(b - 1) !== 63) {
      lines.kind[l] = LineKind.Furniture;
      return;
    }
    if (full && PAGE_NUMBER.test(head)) {
      lines.kind[l] = LineKind.Furniture;
      return;
    }
  }
  if (c0 === 80 /* P */ && full && PAGE_NUMBER.test(head)) {
    lines.kind[l] = LineKind.Furniture;
    return;
  }
  if (c0 === 45 && full && PAGE_NUMBER.test(head)) {
    lines.kind[l] = LineKind.Furniture;
    return;
  }
  if ((c0 === 45 || c0 === 42 || c0 === 111 || c0 === 40 || c0 > 0x2000 || (c0 >= 48 && c0 <= 57) || (c0 >= 97 && c0 <= 122)) && BULLET.test(head)) {
    lines.kind[l] = LineKind.Bullet;
    return;
  }
  lines.kind[l] = LineKind.Text;
}

/**
 * The line that ends the footnote body running on after line `from` (a blank line, an indented
 * line or the next footnote), looked for within `reach` lines; -1 when a line that cannot be part
 * of a footnote comes first, or none ends it in reach.
 */
function footnoteBodyEnd(text: string, lines: Lines, from: number, reach: number): number {
  for (let k = from + 1; k < lines.count && k <= from + reach; k++) {
    const kind = lines.kind[k];
    if (kind === LineKind.Blank || lines.tstart[k] > lines.start[k] || (kind === LineKind.Furniture && isFootnoteLine(text, lines, k))) return k;
    if (kind !== LineKind.Text && kind !== LineKind.Furniture && kind !== LineKind.Bullet) return -1;
  }
  return -1;
}

/**
 * A footnote in text pasted from a PDF runs on over the following lines until the next page
 * starts (a line with a leading space, as PDF extraction gives it) or a blank line. Only lines
 * within a short reach are taken, so a typed document that happens to start a line with a
 * number never loses more than that line.
 */
function markFootnoteContinuations(text: string, lines: Lines): void {
  const REACH = 8;
  for (let l = 0; l < lines.count; l++) {
    // A number alone on its line is a page number (or a lijst's question number), no footnote.
    if (lines.kind[l] !== LineKind.Furniture || !isFootnoteLine(text, lines, l) || isBareNumber(text, lines, l)) continue;
    let end = footnoteBodyEnd(text, lines, l, REACH);
    if (end < 0) continue;
    for (let k = l + 1; k < end; k++) lines.kind[k] = LineKind.Furniture;
    // A PDF may put a blank line inside the footnote ("7 Een aanvalsplan is … hulpverlening" |
    // blank | "te bieden bij branden …"): a body line that ends no sentence, a blank line, and a
    // line opening in lower case run on the same footnote, up to its next end.
    while (lines.kind[end] === LineKind.Blank && !endsSentence(text, lines, end - 1)) {
      const next = end + 1;
      if (next >= lines.count || (lines.kind[next] !== LineKind.Text && lines.kind[next] !== LineKind.Furniture) || isFootnoteLine(text, lines, next) || lines.tstart[next] > lines.start[next] || !startsLower(text, lines.tstart[next])) break;
      const stop = footnoteBodyEnd(text, lines, next, REACH);
      if (stop < 0) break;
      for (let k = next; k < stop; k++) lines.kind[k] = LineKind.Furniture;
      end = stop;
    }
    l = end - 1;
  }
}

/** Whether line `l` ends a sentence (`.`, `?`, `!`, `:`, `;` before closing quotes or brackets). */
function endsSentence(text: string, lines: Lines, l: number): boolean {
  let e = lines.tend[l];
  while (e > lines.tstart[l] && /[)"'\u201d\u2019\u00bb\]]/.test(text.charAt(e - 1))) e--;
  return e > lines.tstart[l] && /[.?!:;]/.test(text.charAt(e - 1));
}

function startsLower(text: string, at: number): boolean {
  const ch = text.charAt(at);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isBareNumber(text: string, lines: Lines, l: number): boolean {
  for (let i = lines.tstart[l]; i < lines.tend[l]; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isFootnoteLine(text: string, lines: Lines, l: number): boolean {
  const a = lines.tstart[l];
  const c = text.charCodeAt(a);
  return c >= 48 && c <= 57 && a === lines.start[l];
}
