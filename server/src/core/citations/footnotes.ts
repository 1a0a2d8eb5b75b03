/**
 * Footnotes and their markers, in text pasted from a PDF ("… Van den Berg7." in the body,
 * "7 Kamerstuk 30 821, nr. 110." at the foot of the page) and in Markdown (`[^7]`, `[^7]: …`).
 *
 * A PDF marker is only digits glued to a word, which text is full of ("NIS2", "MH17", "G20"), and
 * a footnote line is only a number at the start of a line ("11 februari …"). Neither is trusted
 * alone: a marker and a footnote line count only as a pair, the footnote after the marker within
 * about a page. Footnote lines directly following an accepted footnote with the previous label
 * are accepted too (their markers may stand where we cannot see them).
 */
import { Tokens, WORD, NUM, PUNCT, SUP, GLUED, SPACE, NEWLINE, supDigit } from './lexer';
import type { Footnote, FootnoteMarker } from './types';

/** How far (UTF-16 units) a footnote may stand after its marker: a bit more than a PDF page. */
export const FOOTNOTE_BOUND = 8000;

const NOT_A_FOOTNOTE_WORD = new Set([
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'procent', 'euro', 'miljoen', 'miljard', 'jaar', 'jaren', 'maanden', 'weken', 'dagen', 'uur', 'minuten', 'km', 'kilometer', 'mensen', 'personen', 'keer',
]);

const ABBREVIATIONS_BEFORE_DOT = new Set(['nr', 'nrs', 'no', 'p', 'pp', 'blz', 'pag', 'art', 'lid', 'jl', 'cs', 'ca', 'vs', 'bijv', 'zgn', 'resp']);

export interface FootnoteScan {
  footnotes: Footnote[];
  markers: FootnoteMarker[];
  /** For each marker (same index), the index of its footnote. */
  markerFootnote: number[];
}

interface Cand {
  label: string;
  start: number;
  end: number;
  markdown: boolean;
  /** Weak candidates (after an all-capitals word, split off a year, before a number) need a strong partner. */
  weak?: boolean;
}

function lineEnd(text: string, from: number): number {
  let e = from;
  const n = text.length;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) break;
    e++;
  }
  return e;
}

export function scanFootnotes(t: Tokens): FootnoteScan {
  // Local copies of the token kinds for the per-token loops: a module loader that compiles each
  // file to CommonJS (tsx, the tests and the benchmark) turns every use of an imported binding
  // into a getter call.
  const K_NUM = NUM, K_SUP = SUP, K_PUNCT = PUNCT, K_NEWLINE = NEWLINE;
  const text = t.text;
  const markerCands: Cand[] = [];
  const noteCands: (Cand & { contentStart: number })[] = [];
  const n = t.count;
  // Labels of the lines that could be footnotes: a marker candidate needs one, which keeps
  // text full of "woord1"-like tokens cheap.
  const noteLabels = new Set<number>();
  // Likewise a Markdown reference `[^x]` needs a definition `[^x]:` at the start of a line.
  let markdownDefs = false;
  for (let i = 0; i < n; i++) {
    if (t.gap[i] < K_NEWLINE && i !== 0) continue;
    const k0 = t.kind[i];
    if ((k0 === K_NUM || k0 === K_SUP) && t.len(i) <= 3) {
      noteLabels.add(t.num(i));
      // Several footnotes on one line: "1 Kamerstuk …, nr. 72. 2 Kamerstuk …".
      for (let q = i + 1; q < n && q - i < 200 && t.gap[q] < K_NEWLINE; q++) {
        // "¹ Kamerstuk …, nr. 46. ² Kamerstuk …": superscript labels likewise.
        if (k0 === K_SUP && t.kind[q] === K_SUP && t.gap[q] === SPACE && t.len(q) <= 3 && isSentenceEnd(t, q - 1)) noteLabels.add(t.num(q));
        if (t.kind[q] === K_NUM && t.gap[q] === SPACE && t.len(q) <= 3 && isSentenceEnd(t, q - 1) && t.gap[q + 1] === SPACE && t.isCap(q + 1)) noteLabels.add(t.num(q));
      }
    }
    else if (t.isP(i, '[') && t.isNum(i + 1) && t.isP(i + 2, ']')) noteLabels.add(t.num(i + 1));
    else if (!markdownDefs && t.isP(i, '[') && t.isP(i + 1, '^')) markdownDefs = true;
  }
  for (let i = 0; i < n; i++) {
    const kind = t.kind[i];
    if (kind === K_SUP) {
      // A superscript is a footnote marker or, opening a line, a footnote label; never text.
      if (t.len(i) > 3) continue;
      if (t.gap[i] >= NEWLINE || i === 0) {
        const k = i + 1;
        if (k >= n || t.gap[k] >= NEWLINE) continue;
        const cand = { label: String(t.num(i)), start: t.start[i], end: footnoteEnd(t, text, i), markdown: false, contentStart: t.start[k] };
        noteCands.push(cand);
        // "¹ Kamerstuk 36 410 X, nr. 46. ² Kamerstuk 36 410 X, nr. 47.": the next superscript label after a full stop.
        let prev = cand;
        let want = t.num(i) + 1;
        const lineEnd0 = cand.end;
        for (let q = k; q < n && t.start[q] < lineEnd0 && q - k < 200; q++) {
          if (t.kind[q] === SUP && t.gap[q] === SPACE && t.num(q) === want && t.len(q) <= 3 && isSentenceEnd(t, q - 1) && q + 1 < n && t.gap[q + 1] <= SPACE) {
            const next = { label: String(want), start: t.start[q], end: prev.end, markdown: false, contentStart: t.start[q + 1] };
            prev.end = t.end[q - 1];
            noteCands.push(next);
            prev = next;
            want++;
          }
        }
      } else if (noteLabels.has(t.num(i))) {
        markerCands.push({ label: String(t.num(i)), start: t.start[i], end: t.end[i], markdown: false });
      }
      continue;
    }
    if (kind === K_PUNCT && t.isP(i, '[') && t.isNum(i + 1) && t.len(i + 1) <= 3 && t.gap[i + 1] <= SPACE && t.isP(i + 2, ']') && t.gap[i + 2] <= SPACE) {
      // "[4 ]", "[4]": a bracketed marker, or opening a line, a label.
      const label = String(t.num(i + 1));
      if (t.gap[i] >= NEWLINE || i === 0) {
        const k = i + 3;
        if (k < n && t.gap[k] < NEWLINE) noteCands.push({ label, start: t.start[i], end: footnoteEnd(t, text, i), markdown: false, contentStart: t.start[k] });
      } else if (noteLabels.has(+label)) {
        markerCands.push({ label, start: t.start[i], end: t.end[i + 2], markdown: false });
      }
      i += 2;
      continue;
    }
    if (kind === NUM) {
      const l = t.len(i);
      if (l === 5 || l === 6) {
        if (noteLabels.size === 0) continue;
        // A marker glued to a year by the PDF extraction: "de NVS 201929." (2019 + 29).
        const y = +text.slice(t.start[i], t.start[i] + 4);
        const next = i + 1;
        const endsWord = next >= n || t.gap[next] !== GLUED || t.isP(next, '.') || t.isP(next, ',');
        const tail = l === 6 ? (text.charCodeAt(t.start[i] + 4) - 48) * 10 + (text.charCodeAt(t.start[i] + 5) - 48) : text.charCodeAt(t.start[i] + 4) - 48;
        if (endsWord && t.gap[i] === SPACE && y >= (l === 6 ? 1990 : 2000) && y <= 2039 && text.charCodeAt(t.start[i] + 4) !== 48 && noteLabels.has(tail)) {
          markerCands.push({ label: text.slice(t.start[i] + 4, t.end[i]), start: t.start[i] + 4, end: t.end[i], markdown: false, weak: true });
        }
        continue;
      }
      if (l > 3 || text.charCodeAt(t.start[i]) === 48) continue;
      const gap = t.gap[i];
      if (gap >= NEWLINE || i === 0) {
        // Footnote line: "7 Kamerstuk …" or "1Kamerstukken …".
        const k = i + 1;
        if (k >= n || t.gap[k] >= NEWLINE) {
          // Labels alone on their lines, the bodies elsewhere on the page (see labelBlock).
          const block = labelBlock(t, text, i);
          if (block) {
            for (const c of block.notes) noteCands.push(c);
            i = block.next - 1;
          }
          continue;
        }
        if (t.gap[k] === GLUED) {
          if (!(t.kind[k] === WORD && t.isCap(k))) continue;
        } else {
          if (t.kind[k] === WORD && NOT_A_FOOTNOTE_WORD.has(t.str(k).toLowerCase())) continue;
          if (t.kind[k] === PUNCT && (t.isP(k, '%') || t.isP(k, '.') || t.isP(k, ',') || t.isP(k, ')') || t.isDash(k) || t.isP(k, ':'))) continue;
        }
        const e = footnoteEnd(t, text, i);
        const cand = { label: t.str(i), start: t.start[i], end: e, markdown: false, contentStart: t.start[k], weak: t.kind[k] === NUM };
        noteCands.push(cand);
        // "1 Kamerstuk 30 821, nr. 72. 2 Kamerstuk 30 821, nr. 73.": the next label after a full stop on the same line.
        let prev = cand;
        let want = t.num(i) + 1;
        for (let q = k + 1; q < n && t.start[q] < e && q - k < 200; q++) {
          if (t.kind[q] === NUM && t.gap[q] === SPACE && t.num(q) === want && t.len(q) <= 3 && isSentenceEnd(t, q - 1) && t.gap[q + 1] === SPACE && t.isCap(q + 1)) {
            const next = { label: t.str(q), start: t.start[q], end: prev.end, markdown: false, contentStart: t.start[q + 1], weak: false };
            prev.end = t.end[q - 1];
            noteCands.push(next);
            prev = next;
            want++;
          }
        }
        continue;
      }
      if (gap !== GLUED || i === 0 || !noteLabels.has(t.num(i))) continue;
      // Marker: digits glued to the end of a word or to closing punctuation.
      const next = i + 1;
      if (next < n && t.gap[next] === GLUED) {
        if (t.kind[next] !== PUNCT) continue;
        if (t.isDash(next) || t.isP(next, '/') || t.isP(next, '%') || t.isP(next, '°')) continue;
        if ((t.isP(next, ',') || t.isP(next, '.')) && t.isNum(next + 1) && t.gap[next + 1] === GLUED) continue;
      }
      const p = i - 1;
      let weak = false;
      if (t.kind[p] === WORD) {
        if (t.isUpper(p)) weak = true; // NIS2, MH17, G20 — or "ICANN14"

        if (p > 0 && t.gap[p] === GLUED && (t.kind[p - 1] === NUM || t.isDash(p - 1))) continue; // "H2-2024", "a1b2"
      } else if (t.kind[p] === PUNCT) {
        const c = text.charCodeAt(t.start[p]);
        // . ) ’ ” ? ! » " '
        if (!(c === 46 || c === 41 || c === 0x2019 || c === 0x201d || c === 63 || c === 33 || c === 0xbb || c === 34 || c === 39)) continue;
        if (p === 0) continue;
        const q = p - 1;
        if (t.gap[p] !== GLUED) continue;
        // "2.3", "1)2" are no markers; "juni 2024.7" is.
        // "(Kamerstuk 36 410, nr. 7)3" is: the parenthesis closes more than the number.
        if (t.kind[q] === NUM && !(c === 46 && t.len(q) === 4 && (next >= n || t.gap[next] !== GLUED)) && !(c === 41 && q > 1 && !t.isP(q - 1, '(') && t.gap[q] !== GLUED)) continue;
        if (c === 46 && t.kind[q] === WORD && ABBREVIATIONS_BEFORE_DOT.has(t.str(q).toLowerCase())) continue; // "nr.3"
      } else continue;
      markerCands.push({ label: t.str(i), start: t.start[i], end: t.end[i], markdown: false, weak });
    } else if (markdownDefs && kind === PUNCT && t.isP(i, '[') && t.isP(i + 1, '^') && t.gap[i + 1] === GLUED) {
      // Markdown footnote reference or definition.
      let j = i + 2;
      const ls = j;
      while (j < n && t.gap[j] === GLUED && (t.kind[j] !== PUNCT || t.isDash(j) || t.isP(j, '_')) && j - ls < 8) j++;
      if (j === ls || !t.isP(j, ']') || t.gap[j] !== GLUED) continue;
      const label = text.slice(t.start[ls], t.end[j - 1]);
      if (t.isP(j + 1, ':') && t.gap[j + 1] === GLUED && (t.gap[i] >= NEWLINE || i === 0)) {
        const e = lineEnd(text, t.end[j + 1]);
        const cs = j + 2 < n ? Math.min(t.start[j + 2], e) : e;
        noteCands.push({ label, start: t.start[i], end: e, markdown: true, contentStart: cs });
      } else {
        markerCands.push({ label, start: t.start[i], end: t.end[j], markdown: true });
      }
      i = j;
    }
  }

  // Pair them, in text order (bodies of a label block stand after the labels).
  noteCands.sort((a, b) => a.start - b.start);
  const footnotes: Footnote[] = [];
  const markers: FootnoteMarker[] = [];
  const markerFootnote: number[] = [];
  const mdDefs = new Map<string, number>();
  for (const f of noteCands) {
    if (f.markdown && !mdDefs.has(f.label)) {
      mdDefs.set(f.label, footnotes.length);
      footnotes.push({ label: f.label, span: { start: f.start, end: f.end }, text: text.slice(f.contentStart, f.end).trim() });
    }
  }
  const pending = new Map<string, Cand[]>();
  let mi = 0;
  let lastAccepted: { label: number; end: number } | null = null;
  const acceptedMarkers: { c: Cand; fn: number }[] = [];
  const markerPos = new Map<number, number>();
  for (const f of noteCands) {
    if (f.markdown) continue;
    while (mi < markerCands.length && markerCands[mi].start < f.start) {
      const m = markerCands[mi++];
      if (m.markdown) {
        const fn = mdDefs.get(m.label);
        if (fn !== undefined) acceptedMarkers.push({ c: m, fn });
        continue;
      }
      let list = pending.get(m.label);
      if (!list) pending.set(m.label, (list = []));
      list.push(m);
    }
    const list = pending.get(f.label);
    const label = +f.label;
    let paired: Cand | null = null;
    if (list) {
      // The latest strong marker within reach; failing that a weak one, but only if it stands
      // after the marker of the previous footnote (markers run in order).
      const prevPos = markerPos.get(label - 1) ?? -1;
      for (let k = list.length - 1; k >= 0; k--) {
        const m = list[k];
        if (f.start - m.start > FOOTNOTE_BOUND) break;
        if (!m.weak) { paired = m; break; }
        if (!paired && m.start > prevPos && !f.weak) paired = m;
      }
      list.length = 0; // older markers with this label are stale
    }
    if (paired?.weak && f.weak) paired = null;
    const consecutive = !f.weak && lastAccepted !== null && lastAccepted.label + 1 === label && f.start - lastAccepted.end <= 400;
    if (!paired && !consecutive) continue;
    if (paired) markerPos.set(label, paired.start);
    const fn = footnotes.length;
    footnotes.push({ label: f.label, span: { start: f.start, end: f.end }, text: text.slice(f.contentStart, f.end).trim() });
    lastAccepted = { label, end: f.end };
    if (paired) acceptedMarkers.push({ c: paired, fn });
  }
  while (mi < markerCands.length) {
    const m = markerCands[mi++];
    if (m.markdown) {
      const fn = mdDefs.get(m.label);
      if (fn !== undefined) acceptedMarkers.push({ c: m, fn });
    }
  }
  acceptedMarkers.sort((a, b) => a.c.start - b.c.start);
  for (const { c, fn } of acceptedMarkers) {
    markers.push({ label: c.label, span: { start: c.start, end: c.end } });
    markerFootnote.push(fn);
  }
  // Footnotes in text order (Markdown definitions were collected first).
  const order = footnotes.map((_, k) => k).sort((a, b) => footnotes[a].span.start - footnotes[b].span.start);
  const remap = new Array<number>(footnotes.length);
  order.forEach((old, k) => (remap[old] = k));
  return {
    footnotes: order.map((k) => footnotes[k]),
    markers,
    markerFootnote: markerFootnote.map((k) => remap[k]),
  };
}

/** Token i is a full stop, or a closing parenthesis/quote after one: a footnote may follow on the line. */
function isSentenceEnd(t: Tokens, i: number): boolean {
  if (i < 0 || t.kind[i] !== PUNCT) return false;
  return t.isP(i, '.') || ((t.isP(i, ')') || t.isP(i, '»') || t.isP(i, '”')) && t.isP(i - 1, '.'));
}

/** Lines that belong to the page of a published paper rather than to a footnote body. */
const FURNITURE_LINE = /^(?:ah-tk-|ah-ek-|kst-|ISSN\b|[’']s-Gravenhage\b|(?:Tweede|Eerste) Kamer, vergaderjaar\b|\d{1,3}$)/;

interface LineSpan { start: number; end: number }

/** The lines from offset `from` (a line start), at most `max`: spans without the line break. */
function linesFrom(text: string, from: number, max: number): LineSpan[] {
  const out: LineSpan[] = [];
  let s = from;
  while (s <= text.length && out.length < max) {
    const e = lineEnd(text, s);
    out.push({ start: s, end: e });
    if (e >= text.length) break;
    s = e + (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? 2 : 1);
  }
  return out;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 13 || c === 10 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0xfeff;
}

function trimmed(text: string, l: LineSpan): LineSpan {
  let s = l.start;
  let e = l.end;
  while (s < e && isWhite(text.charCodeAt(s))) s++;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * Footnote labels alone on their lines, as `pdftotext` gives a footnote area whose labels and
 * bodies are separate columns: "1" / "2" on two lines, the publication block, then the two
 * bodies "Kamerstuk 36 410 VIII, nr. 106" / "Kamerstuk 36 410 VIII, nr. 82" (corpus ah-tk-…-1432);
 * or one label with its body on the next line (after at most one blank line). A block of k
 * consecutive labels takes the first run of k non-blank lines that are not page furniture within
 * the next 16 lines, one body each; a single label takes the following line and up to two
 * continuation lines. Returns the note candidates and the token after the labels, or null.
 */
function labelBlock(t: Tokens, text: string, i: number): { notes: (Cand & { contentStart: number })[]; next: number } | null {
  const labels: number[] = [i];
  let j = i + 1;
  while (j < t.count && labels.length < 12 && t.gap[j] >= NEWLINE && t.kind[j] === NUM && t.len(j) <= 3 && t.num(j) === t.num(labels[labels.length - 1]) + 1 &&
    (j + 1 >= t.count || t.gap[j + 1] >= NEWLINE)) {
    labels.push(j);
    j++;
  }
  const after = lineEnd(text, t.end[labels[labels.length - 1]]);
  if (after >= text.length) return null;
  const lines = linesFrom(text, after + (text.charCodeAt(after) === 13 && text.charCodeAt(after + 1) === 10 ? 2 : 1), labels.length === 1 ? 4 : 18);
  const notes: (Cand & { contentStart: number })[] = [];
  const blank = (l: LineSpan) => trimmed(text, l).start === l.end;
  const body = (l: LineSpan) => {
    const s0 = trimmed(text, l).start;
    if (s0 === l.end) return false;
    const c = text.charCodeAt(s0);
    if ((c >= 48 && c <= 57) || supDigit(c) >= 0) return false;
    // Only the line's start decides whether it is furniture: a long line costs no copy.
    return !FURNITURE_LINE.test(text.slice(s0, Math.min(l.end, s0 + 40)));
  };
  if (labels.length === 1) {
    let k = 0;
    if (k < lines.length && blank(lines[k])) k++;
    if (k >= lines.length || !body(lines[k])) return null;
    const first = trimmed(text, lines[k]);
    let end = first.end;
    for (let c = k + 1; c < lines.length && c <= k + 2; c++) {
      if (!body(lines[c]) || /\s/.test(text.charAt(lines[c].start))) break;
      end = trimmed(text, lines[c]).end;
    }
    notes.push({ label: t.str(i), start: first.start, end, markdown: false, contentStart: first.start });
    return { notes, next: j };
  }
  for (let k = 0; k + labels.length <= lines.length; k++) {
    let ok = true;
    for (let q = 0; q < labels.length && ok; q++) ok = body(lines[k + q]);
    if (!ok) continue;
    // The run must stand alone: a blank line, furniture or the end around it.
    const before = k === 0 || !body(lines[k - 1]);
    const behind = k + labels.length >= lines.length || !body(lines[k + labels.length]);
    if (!before || !behind) continue;
    labels.forEach((li, q) => {
      const l = trimmed(text, lines[k + q]);
      notes.push({ label: t.str(li), start: l.start, end: l.end, markdown: false, contentStart: l.start });
    });
    return { notes, next: j };
  }
  return { notes: [], next: j };
}

/**
 * End of a footnote that starts at token i: its line, plus up to three continuation lines
 * (non-blank, not indented, not themselves starting with a number). PDF text resumes the body
 * after the footnotes with an indented line, which ends the footnote.
 */
function footnoteEnd(t: Tokens, text: string, i: number): number {
  let e = lineEnd(text, t.start[i]);
  for (let k = 0; k < 3; k++) {
    let s = e;
    if (text.charCodeAt(s) === 13) s++;
    if (text.charCodeAt(s) === 10) s++;
    if (s >= text.length || s === e) break;
    const c = text.charCodeAt(s);
    if (c === 10 || c === 13 || c === 32 || c === 9 || (c >= 48 && c <= 57) || supDigit(c) >= 0 || c === 91) break;
    // A URL line belongs to the page, not to one footnote.
    if (text.startsWith('http', s)) break;
    e = lineEnd(text, s);
  }
  return e;
}

