/**
 * Placeholders a drafter leaves in an answer: "PM", "TODO", "XXX", "[…]", "nog invullen" …
 * Candidates are found with a cheap, case-sensitive pattern and then checked by hand, because
 * this runs over every answer on every keystroke.
 */
import type { Span } from '../text';

/** Candidate starts: bare tokens, brackets, and the worded forms. */
const CANDIDATE = /TODO|FIXME|TBD|XXX|xxx|P\.?M|\[|[Nn]og (?:in|aan)|nr\.[ \t]*x/g;
const BRACKETED = /^\[[ \t]*(?:PM|P\.M\.|TODO|XXX|invullen|nog invullen|aanvullen|antwoord(?: volgt)?|tekst(?: volgt)?|volgt|nnb|n\.n\.b\.)[^\]\n]{0,60}\]/iy;
const WORDED = /^[Nn]og (?:in te vullen|invullen|aan te vullen|aanvullen)(?![\p{L}\p{N}])/uy;
const NUMBER_X = /^nr\.[ \t]*x+(?![\p{L}\p{N}])/uy;
/** A placeholder only when it is all there is on its line ("[…]" also elides quotations). */
const WEAK_LINE = /^(?:\[[ \t]*(?:…|\.\.\.|\.\.|)[ \t]*\]|…|\.\.\.|\(?(?:[Aa]ntwoord |[Tt]ekst )?[Vv]olgt\)?\.?|n\.t\.b\.?|[Nn]ader te bepalen\.?|-+|\?+)$/;

function isWordChar(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000;
}

/** Placeholders in `text[start, end)`, in order. */
export function findPlaceholders(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  // Search a slice: a search over the whole text from `start` would run on past `end`.
  const slice = text.slice(start, end);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(slice); m; m = CANDIDATE.exec(slice)) {
    const at = start + m.index;
    const tok = m[0];
    let len = 0;
    if (tok === '[') {
      BRACKETED.lastIndex = 0;
      const b = BRACKETED.exec(text.slice(at, Math.min(end, at + 80)));
      if (b) len = b[0].length;
    } else if (tok.startsWith('nog') || tok.startsWith('Nog')) {
      WORDED.lastIndex = 0;
      const w = WORDED.exec(text.slice(at, Math.min(end, at + 30)));
      if (w && !isWordChar(text.charCodeAt(at - 1))) len = w[0].length;
    } else if (tok.startsWith('nr')) {
      NUMBER_X.lastIndex = 0;
      const w = NUMBER_X.exec(text.slice(at, Math.min(end, at + 20)));
      if (w && !isWordChar(text.charCodeAt(at - 1))) len = w[0].length;
    } else {
      // Bare token: whole word only ("PM" but not "NPM", "XXX" and any longer run of X).
      let e = at + tok.length;
      if (tok === 'XXX' || tok === 'xxx') while (e < end && text.charCodeAt(e) === tok.charCodeAt(0)) e++;
      if (tok === 'P.M' && text.charCodeAt(e) === 46) e++;
      if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(e)) && e <= end) len = e - at;
    }
    if (len) {
      out.push({ start: at, end: at + len });
      CANDIDATE.lastIndex = at + len - start;
    }
  }
  // Weak forms: only a line of their own.
  let ls = start;
  while (ls < end) {
    let le = ls;
    while (le < end && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
    if (le - ls <= 40) {
      let a = ls;
      let b = le;
      while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
      while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
      if (b > a && WEAK_LINE.test(text.slice(a, b))) out.push({ start: a, end: b });
    }
    ls = le + 1;
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

/** True when nothing but placeholders, punctuation and the word "antwoord" is left. */
export function onlyPlaceholders(text: string, start: number, end: number, spans: Span[]): boolean {
  if (!spans.length) return false;
  let rest = '';
  let at = start;
  for (const s of spans) {
    rest += text.slice(at, s.start);
    at = Math.max(at, s.end);
  }
  rest += text.slice(at, end);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/\bantwoord\b/gi, ''));
}

/** The placeholders in an answer's span: those the parser found (`Answer.placeholders`), else searched now. */
export function answerPlaceholders(text: string, answer: { span: Span | null; placeholders?: Span[] }): Span[] {
  if (answer.placeholders) return answer.placeholders;
  return answer.span ? findPlaceholders(text, answer.span.start, answer.span.end) : [];
}
