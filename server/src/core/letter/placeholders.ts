/**
 * Placeholders a drafter leaves in an answer: "PM", "TODO", "XXX", "[…]", "nog invullen" …
 */
import type { Span } from '../text';

/** Always a placeholder, wherever it stands. */
const STRONG =
  /(?<![\p{L}\p{N}])(?:TODO|FIXME|TBD|X{3,}|x{3,}|P\.M\.|P\.M|PM)(?![\p{L}\p{N}])|\[[ \t]*(?:PM|P\.M\.|TODO|XXX|invullen|nog invullen|aanvullen|antwoord(?: volgt)?|tekst(?: volgt)?|volgt|nnb|n\.n\.b\.)[^\]\n]{0,60}\]|\bnog (?:in te vullen|invullen|aan te vullen|aanvullen)\b|\bnr\.[ \t]*x+\b/giu;
const STRONG_CASED = /(?<![\p{L}\p{N}])(?:TODO|FIXME|TBD|X{3,}|x{3,}|P\.M\.|P\.M|PM)(?![\p{L}\p{N}])/u;
/** A placeholder only when it is all there is on its line ("[…]" also elides quotations). */
const WEAK_LINE =
  /^[ \t]*(?:\[[ \t]*(?:…|\.\.\.|\.\.|[ \t]*)[ \t]*\]|…|\.\.\.|\(?(?:antwoord |tekst )?volgt\)?\.?|n\.t\.b\.?|nader te bepalen\.?|-+|\?+)[ \t]*$/gimu;

/** Placeholders in `text[start, end)`, in order. */
export function findPlaceholders(text: string, start: number, end: number): Span[] {
  const slice = text.slice(start, end);
  const out: Span[] = [];
  STRONG.lastIndex = 0;
  for (let m = STRONG.exec(slice); m; m = STRONG.exec(slice)) {
    // The bare tokens are case-sensitive ("pm" or "xxx-large" in prose are no placeholders),
    // the bracketed and worded forms are not.
    if (/^[A-Za-z.]+$/.test(m[0]) && !STRONG_CASED.test(m[0])) continue;
    if (/^[A-Za-z.]+$/.test(m[0]) && m[0] !== m[0].toUpperCase() && !/^x+$/.test(m[0])) continue;
    out.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  WEAK_LINE.lastIndex = 0;
  for (let m = WEAK_LINE.exec(slice); m; m = WEAK_LINE.exec(slice)) {
    if (m[0].length === 0) {
      WEAK_LINE.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const s = start + m.index + lead;
    out.push({ start: s, end: s + m[0].trim().length });
  }
  out.sort((a, b) => a.start - b.start);
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
