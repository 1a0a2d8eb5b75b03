/**
 * Sentences of a letter, found in one pass over its lines. Sentences run over line breaks (text
 * pasted from a PDF breaks lines mid-sentence, sometimes with a blank line after every line),
 * skip page furniture, and do not end at abbreviations such as "nr.", "t.m." or "bijv.".
 */
import { LineKind, type Lines } from './lines';
import { slot, type Memo } from '../memo';
import { detach } from '../text';

export interface Sentence {
  start: number;
  end: number;
  /** The sentence with its line breaks joined and furniture left out. */
  text: string;
  firstLine: number;
  lastLine: number;
  /** Ends in a question mark. */
  question: boolean;
  /** Asks without a question mark ("Kunt u …", "Graag ontvangen deze leden …"). */
  request: boolean;
  /** Written in the committee's voice ("De leden van de …", "Deze leden …"). */
  committee: boolean;
}

const MARKUP_ONLY = /^[*_#>=~`|\s-]+$/;
const EMPHASIS_EDGES = /^(?:\*\*|__|\*|_)(?=\S)|(?<=\S)(?:\*\*|__|\*|_)$/g;

const ABBREVIATIONS = new Set([
  'nr', 'nrs', 'blz', 'bijv', 'bv', 'jl', 'ca', 'mln', 'mld', 'mrd', 'art', 'artt', 'resp', 'vgl', 'dhr',
  'mevr', 'mr', 'dr', 'prof', 'ir', 'drs', 'ing', 'st', 'incl', 'excl', 'min', 'max', 'enz', 'evt', 'zgn',
  'vnl', 'nl', 'etc', 'jr', 'sr', 'bijl', 'hfst', 'par', 'lid', 'pag', 'p', 'pp', 'vs', 'ivm', 'mbt', 'tav',
  'cf', 'zie', 'e', 'o', 'a', 'c', 'z', 'd', 'i', 'm', 't', 'n', 'v', 'b', 'red', 'ed', 'kamerstuk', 'stb', 'stcrt',
]);

const CLOSERS = new Set([41, 34, 39, 0x201d, 0x2019, 0xbb, 93, 42, 95]); // ) " ' ” ’ » ] and Markdown * _

function isLower(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

function isTerminalLineEnd(text: string, lines: Lines, l: number): boolean {
  let e = lines.tend[l];
  while (e > lines.tstart[l] && CLOSERS.has(text.charCodeAt(e - 1))) e--;
  const c = text.charCodeAt(e - 1);
  return c === 46 || c === 63 || c === 33 || c === 58;
}

/** Whether the token before the full stop at `dot` is an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number, lineStart: number): boolean {
  let i = dot - 1;
  const limit = Math.max(lineStart, dot - 14);
  while (i >= limit) {
    const c = text.charCodeAt(i);
    if (isWordChar(c) || c === 46 || c === 47) i--;
    else break;
  }
  const token = text.slice(i + 1, dot);
  if (!token) return false;
  if (token.includes('.') || token.includes('/')) return /\p{L}/u.test(token); // o.a., t.m., D.M., t/m
  if (token.length === 1) return /\p{L}/u.test(token); // initials
  return ABBREVIATIONS.has(token.toLowerCase());
}

const REQUEST_START =
  /^(?:(?:en|ook|voorts|tevens|verder|daarnaast|tot slot|ten slotte)[ ,]+)?(?:kunt|kan|wilt|wil|zou|zouden|is|bent|gaat|heeft)[ ]+(?:u|de minister|het kabinet|de regering|de staatssecretaris|hij|zij)\b|^(?:graag|gaarne|gelieve)\b/i;
const REQUEST_VERB =
  /\b(?:vragen|vraagt|verzoeken|verzoekt)[ ]+(?:(?:de|deze|zij|het)[ ]+(?:leden[ ]+)?)?(?:(?:daarom|ook|voorts|tevens|verder|nog|tot slot|specifiek|concreet|graag|nadrukkelijk)[ ]+)*(?:u\b|de minister|het kabinet|de regering|de staatssecretaris|hem\b|haar\b|of\b|naar\b|om\b|wat\b|welke\b|wie\b|hoe\b|hoeveel\b|waarom\b|wanneer\b|waar\b|in hoeverre\b|op welke\b|aan\b|te\b)/i;
const REQUEST_WISH =
  /\b(?:willen|wil|wensen|wenst)[ ]+(?:(?:de|deze)[ ]+(?:aan het woord zijnde[ ]+)?leden(?:[ ]+van[ ]+de[ ]+[\p{L}\p{N}-]{1,40}(?:[ ]+[\p{L}\p{N}-]{1,40})?)?[ ]+|het[ ]+lid(?:[ ]+van[ ]+de[ ]+[\p{L}\p{N}-]{1,40})?[ ]+|zij[ ]+|wij[ ]+)?(?:(?:graag|specifiek|ook|voorts|tevens|daarom|nog|verder|dan|eveneens|tot slot|ten slotte)[ ]+)*(?:te[ ]+)?(?:weten|vernemen|horen|zien|ontvangen)\b|\b(?:horen|vernemen|ontvangen|zien|krijgen|lezen)[ ]+(?:(?:deze|de|zij)[ ]+(?:leden[ ]+)?)?(?:(?:daarom|ook|voorts|tevens|nog|verder)[ ]+)*graag\b|\bzo vragen\b|\b(?:vragen|vraagt)[ ]+(?:(?:deze|de|zij)[ ]+(?:leden[ ]+)?)?zich[ ]+af\b/iu;
const REQUEST_VERB_LATE =
  /\b(?:vragen|vraagt|verzoeken|verzoekt)[ ]+(?:de|deze|zij)\b[^.?!]{0,80}?\b(?:of|welke|wat|wie|hoe|hoeveel|waarom|wanneer|waar|in hoeverre|op welke|naar)\b/i;
const COMMITTEE_SUBJECT = /\b(?:leden|zij|fractie|commissie|wij|ik)\b/i;
const COMMITTEE_START = /^(?:(?:[\p{L}]+[ ,]+){0,3})?(?:de|deze)[ ]+(?:aan het woord zijnde[ ]+)?leden\b/iu;

/** "Graag verwijs ik", "Gaarne informeren wij", "Graag wil ik": an answer's own voice after "graag". */
const WRITER_SPEAKS = /^(?:graag|gaarne)[ ,]+(?:[\p{L}]+[ ]+)?(?:ik|wij|we)\b/iu;

/**
 * A Member's own request in Kamervragen: "Graag ontvang ik …", "Gaarne verneem ik …", "Graag wil
 * ik weten …", "Ik verzoek u …", "Ik vraag de minister …", "Ik wil graag weten …" (the writer
 * asks, unlike "Graag verwijs ik u naar …"; see WRITER_SPEAKS).
 */
const MEMBER_REQUEST =
  /^(?:graag|gaarne)[ ,]+(?:(?:ontvang|ontvangen|verneem|vernemen|hoor|horen|zie|zien|krijg|krijgen|lees|lezen)[ ]+(?:ik|wij|we)\b|(?:wil|willen)[ ]+(?:ik|wij|we)[ ]+(?:(?:graag|ook|dan|nog)[ ]+)*(?:weten|vernemen|horen|ontvangen|zien|lezen)\b)|^(?:(?:[\p{L}]+[ ,]+){0,3})?(?:ik|wij|we)[ ]+(?:(?:verzoek|verzoeken|vraag|vragen)[ ]+(?:(?:u|de minister|het kabinet|de regering|de staatssecretaris)\b)|(?:wil|willen)[ ]+(?:(?:graag|ook|dan|nog|tevens|voorts)[ ]+)*(?:weten|vernemen|horen|ontvangen|zien)\b)/iu;

/** Classify a sentence's text: question, request, committee voice. */
export function classifySentence(text: string): { question: boolean; request: boolean; committee: boolean } {
  let e = text.length;
  while (e > 0 && CLOSERS.has(text.charCodeAt(e - 1))) e--;
  const question = text.charCodeAt(e - 1) === 63;
  const head = text.length > 300 ? text.slice(0, 300) : text;
  const committee = /leden/i.test(head) && COMMITTEE_START.test(head);
  let request = false;
  if (!question) {
    // "Graag verwijs ik u naar …", "Gaarne wijzen wij op …": the writer speaks, nobody is asked.
    if (REQUEST_START.test(head) && !WRITER_SPEAKS.test(head)) request = true;
    else if (MEMBER_REQUEST.test(head)) request = true;
    else {
      // Cheap substring tests first: most sentences contain none of the verbs.
      const body = (text.length > 2000 ? text.slice(0, 2000) : text).toLowerCase();
      const asks = body.includes('vra') || body.includes('verzoek');
      if (asks && (REQUEST_VERB.test(body) || REQUEST_VERB_LATE.test(body)) && COMMITTEE_SUBJECT.test(body)) request = true;
      else if ((asks || body.includes('graag') || body.includes('weten') || body.includes('vernemen') || body.includes('wil') || body.includes('wens')) && REQUEST_WISH.test(body)) request = true;
    }
  }
  return { question, request, committee };
}

/**
 * Where the text after a footnote marker at `i` (one to three digits) starts, or `i` when there is
 * no marker: digits glued to a sentence's end mark ("?3 Klopt", "?2" at a line's end), or at a
 * line's start glued to a capitalised word ("3Klopt het") or before a capitalised word of a line
 * that asks ("3 Klopt het dat …?", which the line reader keeps as text). Only where no sentence is
 * open: a number inside a sentence is text. The caller appends the marker to the sentence before.
 */
function footnoteMarkerAt(text: string, i: number, lineStart: number, lineEnd: number): number {
  let d = i;
  while (d < lineEnd && d - i < 4 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
  if (d - i > 3 || (d < lineEnd && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57)) return i;
  const prev = i > lineStart ? text.charCodeAt(i - 1) : -1;
  const after = d < lineEnd ? text.charCodeAt(d) : 32;
  const blankAfter = after === 32 || after === 9 || after === 0xa0;
  const capAt = (k: number) => k + 1 < lineEnd && isUpperLetter(text.charCodeAt(k)) && isLower(text.charCodeAt(k + 1));
  if (prev === 63 || prev === 33 || (i > lineStart && CLOSERS.has(prev) && /[?!.]/.test(text.charAt(i - 2)))) {
    // Glued to the end mark: "?3 Klopt", "?2" at the line's end.
    if (blankAfter) {
      let k = d;
      while (k < lineEnd && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0xa0)) k++;
      if (k >= lineEnd || capAt(k)) return k;
    }
    return i;
  }
  if (i !== lineStart) return i;
  if (capAt(d)) return d; // "3Klopt het …"
  if ((after === 32 || after === 9) && capAt(d + 1) && text.charCodeAt(lineEnd - 1) === 63) return d + 1; // "3 Klopt het …?"
  return i;
}

function isUpperLetter(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Join two line fragments of one sentence, undoing PDF hyphenation where it is safe. */
function joinTo(parts: string[], fragment: string): void {
  if (!parts.length) {
    parts.push(fragment);
    return;
  }
  const prev = parts[parts.length - 1];
  const last = prev.charCodeAt(prev.length - 1);
  const first = fragment.charCodeAt(0);
  if (last === 45 /* - */ && prev.length > 1 && isLower(prev.charCodeAt(prev.length - 2)) && isLower(first)) {
    // "digitali-" + "sering": a word broken by the line; but keep "inlichtingen- en …".
    const nextWord = /^(?:en|of|tot|noch|dan)\b/.test(fragment);
    if (!nextWord) {
      parts[parts.length - 1] = prev.slice(0, -1);
      parts.push(fragment);
      return;
    }
  }
  if (last === 45 && prev.length > 1 && !isLower(prev.charCodeAt(prev.length - 2)) && isWordChar(prev.charCodeAt(prev.length - 2))) {
    parts.push(fragment); // "LNG-" + "aanvoerpunten"
    return;
  }
  parts.push(' ', fragment);
}

/** A blank line is a soft break in text pasted with a blank line after every line. */
function isDoubleSpaced(lines: Lines): boolean {
  let textLines = 0;
  let followedByBlank = 0;
  for (let l = 0; l < lines.count; l++) {
    if (lines.kind[l] === LineKind.Blank) continue;
    textLines++;
    if (l + 1 < lines.count && lines.kind[l + 1] === LineKind.Blank) followedByBlank++;
  }
  return textLines > 4 && followedByBlank / textLines > 0.6;
}

/** For each line, the next line that is neither blank nor furniture (one backward pass). */
function nextTextLines(lines: Lines): Int32Array {
  const nextText = new Int32Array(lines.count + 1);
  nextText[lines.count] = -1;
  for (let l = lines.count - 1; l >= 0; l--) {
    const k = l + 1 < lines.count ? lines.kind[l + 1] : LineKind.Blank;
    nextText[l] = l + 1 < lines.count && k !== LineKind.Blank && k !== LineKind.Furniture ? l + 1 : nextText[l + 1];
  }
  return nextText;
}

/**
 * Every sentence of the text. Headings, fractie headings and stop lines end a sentence; the text
 * after a heading marker on the same line ("Vraag 1: Kunt u …") starts one.
 */
export function readSentences(text: string, lines: Lines, memo?: Memo): Sentence[] {
  const out: Sentence[] = [];
  const doubleSpaced = isDoubleSpaced(lines);

  const nextText = nextTextLines(lines);
  if (!memo || text.length < REUSE_MIN_LENGTH) {
    readBlock(text, lines, 0, lines.count, doubleSpaced, nextText, out);
    return out;
  }
  // Long texts: block by block, each block's sentences taken over from the previous reading
  // when its text and line kinds are unchanged (one keystroke changes one block).
  const blocks = memo.get(BLOCKS);
  const prev = blocks.doubleSpaced === doubleSpaced ? blocks.map : undefined;
  const next = new Map<string, Block>();
  let l0 = 0;
  for (let l = 1; l <= lines.count; l++) {
    if (l < lines.count && !startsBlock(text, lines, l)) continue;
    const base = lines.start[l0];
    const key = text.slice(base, l < lines.count ? lines.start[l] : text.length);
    let block = next.get(key) ?? prev?.get(key);
    if (block && !sameKinds(block.kinds, lines.kind, l0)) block = undefined;
    if (!block) {
      const found: Sentence[] = [];
      readBlock(text, lines, l0, l, doubleSpaced, nextText, found);
      block = { kinds: lines.kind.slice(l0, l), sentences: found.map((x) => cached(text, x, base, l0)) };
    }
    next.set(key, block);
    for (const x of block.sentences) out.push(restored(text, x, base, l0));
    l0 = l;
  }
  blocks.map = next;
  blocks.doubleSpaced = doubleSpaced;
  return out;
}

/** `readSentences` without reuse of earlier readings (the reference the reuse must equal). */
export function readSentencesFresh(text: string, lines: Lines): Sentence[] {
  const out: Sentence[] = [];
  readBlock(text, lines, 0, lines.count, isDoubleSpaced(lines), nextTextLines(lines), out);
  return out;
}

/** Texts shorter than this are read in one go: cheap, and they would push the long letters out. */
const REUSE_MIN_LENGTH = 32 * 1024;

/**
 * A block's line kinds and its sentences, offsets relative to the block's start (line and text).
 * The cache outlives the text it was read from, so no sentence in it holds a piece of that text
 * (in V8 a piece keeps the whole text alive, and every keystroke makes a new text): a sentence
 * whose text is the letter's text at its start keeps only the length (`sliced`) and gets its
 * text back from the current text; any other is a copy of its own (`detach`).
 */
interface Block {
  kinds: Uint8Array;
  sentences: CachedSentence[];
}

type CachedSentence = Sentence & { sliced: number };

function cached(text: string, s: Sentence, base: number, l0: number): CachedSentence {
  const sliced = text.startsWith(s.text, s.start) ? s.text.length : -1;
  return {
    start: s.start - base,
    end: s.end - base,
    text: sliced >= 0 ? '' : detach(s.text),
    firstLine: s.firstLine - l0,
    lastLine: s.lastLine - l0,
    question: s.question,
    request: s.request,
    committee: s.committee,
    sliced,
  };
}

function restored(text: string, s: CachedSentence, base: number, l0: number): Sentence {
  const start = s.start + base;
  return {
    start,
    end: s.end + base,
    text: s.sliced >= 0 ? text.slice(start, start + s.sliced) : s.text,
    firstLine: s.firstLine + l0,
    lastLine: s.lastLine + l0,
    question: s.question,
    request: s.request,
    committee: s.committee,
  };
}

/** The blocks of the latest long text read, by text; only the blocks that text had are kept. */
const BLOCKS = slot('sentences.blocks', (): { map: Map<string, Block>; doubleSpaced: boolean } => ({ map: new Map(), doubleSpaced: false }));

function sameKinds(kinds: Uint8Array, all: Uint8Array, from: number): boolean {
  for (let k = 0; k < kinds.length; k++) if (kinds[k] !== all[from + k]) return false;
  return true;
}

/**
 * Whether a sentence always ends before line `l` (a heading, item, bullet or bracketed note):
 * the reading from there on does not depend on any earlier line.
 */
function startsBlock(text: string, lines: Lines, l: number): boolean {
  const kind = lines.kind[l];
  if (kind === LineKind.Blank || kind === LineKind.Furniture || kind === LineKind.Text) {
    return kind === LineKind.Text && text.charCodeAt(lines.tstart[l]) === 91 && text.charCodeAt(lines.tend[l] - 1) === 93;
  }
  return true;
}

/**
 * The sentences of lines [l0, l1), read as if a sentence ended before l0 and after l1 - 1:
 * true of the text's ends and of every line `startsBlock` accepts.
 */
function readBlock(text: string, lines: Lines, l0: number, l1: number, doubleSpaced: boolean, nextText: Int32Array, out: Sentence[]): void {
  let parts: string[] = [];
  let sStart = -1;
  let sEnd = -1;
  let sFirst = -1;
  let sLast = -1;
  let pending = -1; // offset just past a full stop that may end the sentence
  let pendingLine = -1;
  let pendingParts = 0;
  let pendingFragmentEnd = -1;

  const emit = (end: number, lastLine: number, textParts: string[]) => {
    // Emphasis markers around a whole sentence ("*Bent u …?*") are markup, not text. The pattern
    // can only match at either end, so it runs only when an end is '*' or '_'.
    let t = textParts.join('').trim();
    const c0 = t.charCodeAt(0);
    const cl = t.charCodeAt(t.length - 1);
    if (c0 === 42 || c0 === 95 || cl === 42 || cl === 95) t = t.replace(EMPHASIS_EDGES, '');
    // A lone emphasis marker or rule left over from Markdown is no sentence.
    if (sStart >= 0 && t && !MARKUP_ONLY.test(t)) {
      const c = classifySentence(t);
      out.push({ start: sStart, end, text: t, firstLine: sFirst, lastLine, ...c });
    }
  };
  const flush = () => {
    if (sStart < 0) return;
    if (pending >= 0) {
      emit(pending, pendingLine, parts);
    } else {
      emit(sEnd, sLast, parts);
    }
    parts = [];
    sStart = -1;
    pending = -1;
  };

  let prevTextLine = -1;
  for (let l = l0; l < l1; l++) {
    const kind = lines.kind[l];
    if (kind === LineKind.Furniture) continue;
    if (kind === LineKind.Blank) {
      const next = nextText[l];
      let soft = false;
      if (prevTextLine >= 0 && next >= 0 && !isTerminalLineEnd(text, lines, prevTextLine)) {
        const c = text.charCodeAt(lines.tstart[next]);
        soft = doubleSpaced || isLower(c) || (c >= 48 && c <= 57);
      }
      if (!soft) flush();
      continue;
    }
    let from = lines.tstart[l];
    const to = lines.tend[l];
    if (
      kind === LineKind.QuestionHeading ||
      kind === LineKind.AnswerHeading ||
      kind === LineKind.ProseAnswerHeading ||
      kind === LineKind.NumberedItem ||
      kind === LineKind.SectionHeading ||
      kind === LineKind.PartHeading ||
      kind === LineKind.Stop
    ) {
      flush();
      if (kind === LineKind.SectionHeading || kind === LineKind.PartHeading || kind === LineKind.Stop || kind === LineKind.ProseAnswerHeading) {
        prevTextLine = -1;
        continue;
      }
      from = lines.rest[l];
      while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
      if (from >= to) {
        prevTextLine = -1;
        continue;
      }
    } else if (kind === LineKind.Bullet) {
      flush();
    }
    // A line that is one bracketed note ("[PM antwoord]", "[…]") stands on its own.
    const bracketLine = text.charCodeAt(lines.tstart[l]) === 91 && text.charCodeAt(to - 1) === 93;
    if (bracketLine) flush();
    // Markdown block quotes: the ">" markers are not part of the text.
    while (from < to && text.charCodeAt(from) === 62) {
      from++;
      while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
    }
    if (from >= to) continue;
    prevTextLine = l;
    let fragStart = from;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (pending < 0 && sStart >= 0) {
        // Inside a sentence only '.', '?' and '!' matter: skip to the next one.
        while (c !== 46 && c !== 63 && c !== 33 && ++i < to) c = text.charCodeAt(i);
        if (i >= to) break;
      }
      if (c === 32 || c === 9 || c === 0xa0) continue;
      if (pending >= 0) {
        if (isLower(c) || c === 44 || c === 59 || c === 41) {
          pending = -1; // "nr. 5, …" or a lowercase continuation: the stop did not end it
        } else {
          // The sentence ended at `pending`; emit it with the fragments up to the stop.
          const kept = parts.slice(0, pendingParts);
          if (pendingLine === l) joinTo(kept, text.slice(fragStart, pendingFragmentEnd));
          emit(pending, pendingLine, kept);
          parts = [];
          sStart = -1;
          pending = -1;
          fragStart = i;
        }
      }
      if (sStart < 0 && c >= 48 && c <= 57) {
        // A footnote marker a PDF left at a sentence's start ("…vraag?3 Klopt het …", "3Klopt
        // het …" at a line's start): no part of the sentence.
        const skip = footnoteMarkerAt(text, i, lines.tstart[l], to);
        if (skip > i) {
          // The marker stays in the text of the sentence it belongs to (the one it follows), as the
          // Kamer's text has it: the verbatim check and the skeleton compare that text.
          let d = i;
          while (d < skip && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
          const last = out.length ? out[out.length - 1] : null;
          if (last && last.lastLine >= l0 && last.lastLine >= l - 3) out[out.length - 1] = { ...last, text: last.text + text.slice(i, d), end: d, lastLine: l };
          i = skip - 1;
          continue;
        }
      }
      if (sStart < 0) {
        sStart = i;
        sFirst = l;
        fragStart = i;
      }
      if (c === 63 || c === 33) {
        const n1 = text.charCodeAt(i + 1);
        if (n1 === 41) continue; // "(en betrouwbaar!)"
        let e = i + 1;
        // A run of marks ends one sentence: "Waarom??" and "Echt?!" are one question each.
        while (e < to && (CLOSERS.has(text.charCodeAt(e)) || text.charCodeAt(e) === 63 || text.charCodeAt(e) === 33)) e++;
        joinTo(parts, text.slice(fragStart, e));
        emit(e, l, parts);
        parts = [];
        sStart = -1;
        i = e - 1;
        fragStart = e;
        continue;
      }
      if (c === 46) {
        const n1 = i + 1 < to ? text.charCodeAt(i + 1) : 32;
        let e = i + 1;
        while (e < to && CLOSERS.has(text.charCodeAt(e))) e++;
        const after = e < to ? text.charCodeAt(e) : 32;
        if ((n1 === 32 || n1 === 9 || n1 === 0xa0 || CLOSERS.has(n1) || i + 1 >= to) && (after === 32 || after === 9 || after === 0xa0) && !isAbbreviation(text, i, lines.start[l])) {
          pending = e;
          pendingLine = l;
          pendingParts = parts.length;
          pendingFragmentEnd = e;
          i = e - 1;
        }
      }
    }
    if (sStart >= 0) {
      if (pending >= 0 && pendingLine === l) {
        // Keep the fragment up to the stop apart from any text after it on this line.
        // Only blanks and closers can follow an unresolved stop on its own line.
        joinTo(parts, text.slice(fragStart, pendingFragmentEnd));
        pendingParts = parts.length;
      } else {
        joinTo(parts, text.slice(fragStart, to));
      }
      sEnd = to;
      sLast = l;
    }
    if (bracketLine) flush();
  }
  flush();
}
