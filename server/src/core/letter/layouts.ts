/**
 * Small readers for layouts that the line classification alone cannot tell apart: each looks at
 * the lines of the whole document once and re-reads some of them. They run before sentences are
 * read, so the sentences follow the corrected line kinds.
 *
 * - `readNumberLines`: a lijst van vragen en antwoorden numbers its questions with a number
 *   alone on its line ("12"), which elsewhere is a page number.
 * - `splitRunOnLines`: text whose line breaks were lost (a whole letter on one line, as some
 *   OCR tools give it) is cut into virtual lines before its unambiguous markers.
 */
import { LineKind, SIGNATURE_TITLE, expandIdList, linesFromBounds, type Lines } from './lines';

const BARE_NUMBER = /^\d{1,4}$/;
/** How far after a number line its question must show that it asks. */
const ASK_REACH_LINES = 8;
const ASK_REACH_CHARS = 1200;

function nextContentLine(lines: Lines, l: number, reach: number): number {
  for (let k = l + 1; k < lines.count && k <= l + reach; k++) {
    const kind = lines.kind[k];
    if (kind === LineKind.Blank || kind === LineKind.Furniture) continue;
    return k;
  }
  return -1;
}

/**
 * Whether the text from line `k` on opens with a question: its first sentence ends in `?`
 * (looked for within ASK_REACH_CHARS characters), or an unnumbered `Antwoord` label follows
 * within ASK_REACH_LINES lines.
 */
function opensWithQuestion(text: string, lines: Lines, k: number): boolean {
  let seen = 0;
  let ended = false;
  for (let j = k; j < lines.count && j <= k + ASK_REACH_LINES; j++) {
    const kind = lines.kind[j];
    if (kind === LineKind.AnswerHeading) return lines.id[j] === '';
    if (kind !== LineKind.Text && kind !== LineKind.Bullet && kind !== LineKind.Blank && kind !== LineKind.Furniture) return false;
    if (ended || (kind !== LineKind.Text && kind !== LineKind.Bullet)) continue;
    const to = Math.min(lines.tend[j], lines.tstart[j] + Math.max(0, ASK_REACH_CHARS - seen));
    for (let i = lines.tstart[j]; i < to && !ended; i++) {
      const c = text.charCodeAt(i);
      if (c === 63) return true;
      if (c === 46 || c === 33) {
        // A stop at the line's end, or before a blank and a capital, ends the first sentence
        // ("Zie blz. 4" does not).
        const n1 = text.charCodeAt(i + 1);
        const n2 = text.charCodeAt(i + 2);
        if (i + 1 >= lines.tend[j] || ((n1 === 32 || n1 === 9) && n2 >= 65 && n2 <= 90)) ended = true;
      }
    }
    seen += to - lines.tstart[j];
    if (seen >= ASK_REACH_CHARS) ended = true;
  }
  return false;
}

const DANGLING = /(?:,|[ \t\u00a0](?:en|&|t\/m|tot en met))$/;
/** A joint number line of a lijst: "2 en 3", "4, 5 en 6", "7 t/m 9", "10–12". */
const JOINT_NUMBER = /^(\d{1,4})((?:[ \t\u00a0]*(?:,|en|&|t\/m|tot[ \t\u00a0]+en[ \t\u00a0]+met|[–-])[ \t\u00a0]*\d{1,4})+)$/;

/**
 * A lijst van vragen en antwoorden: questions numbered by a number alone on its line ("12"), or
 * a joint number line ("2 en 3", "4 t/m 6"), which elsewhere is a page number; then the question,
 * then an unnumbered `Antwoord` label or nothing, then the answer. Number lines are read as
 * question headings when they count up (from 1, 2 or 3 or from the last `Vraag N` heading, each
 * at most three past the previous) and each is followed by a question; page numbers (which count
 * up as well) are followed by the rest of a page's text instead. Without `Vraag N` headings at
 * least two must be found; beside them (a lijst mixing `Vraag 12 (blz. 4)` headings with bare
 * numbers) one continuing the headings' count is enough. Changes `lines` in place; linear.
 */
export function readNumberLines(text: string, lines: Lines): void {
  // Beside `Vraag N` headings, a number line is no question the letter numbers itself elsewhere
  // ("Vraag 3" further on), nor one whose next heading is another number's answer ("Antwoord 2"):
  // such a number is a footnote marker the PDF put on a line of its own.
  const headed = new Set<string>();
  const nextHeading = new Array<string | null>(lines.count + 1).fill(null);
  for (let l = lines.count - 1; l >= 0; l--) {
    const kind = lines.kind[l];
    nextHeading[l] = nextHeading[l + 1];
    if (kind === LineKind.QuestionHeading) {
      headed.add(lines.id[l]);
      for (const id of lines.also.get(l) ?? []) headed.add(id);
      nextHeading[l] = null;
    } else if (kind === LineKind.AnswerHeading) nextHeading[l] = lines.id[l];
  }
  const accepted: number[] = [];
  let headings = 0;
  let last = 0;
  // After "Vraag 9, 10, 11 en" the number list runs on over a page break: the next bare number
  // line continues that heading (parse.ts reads it), no question of its own.
  let continues = false;
  for (let l = 0; l < lines.count; l++) {
    const kind = lines.kind[l];
    if (kind === LineKind.QuestionHeading || kind === LineKind.AnswerHeading) {
      continues = DANGLING.test(text.slice(Math.max(lines.tstart[l], lines.tend[l] - 12), lines.tend[l]));
    } else if (kind !== LineKind.Blank && kind !== LineKind.Furniture) continues = false;
    if (kind === LineKind.QuestionHeading) {
      headings++;
      const ids = [lines.id[l], ...(lines.also.get(l) ?? [])];
      for (const id of ids) last = Math.max(last, parseInt(id, 10) || 0);
      continue;
    }
    if ((kind !== LineKind.Furniture && kind !== LineKind.Text) || lines.tend[l] - lines.tstart[l] > 40) continue;
    const t = text.slice(lines.tstart[l], lines.tend[l]);
    const joint = kind === LineKind.Text ? JOINT_NUMBER.exec(t) : null;
    if (!joint && (kind !== LineKind.Furniture || !BARE_NUMBER.test(t))) continue;
    const n = parseInt(t, 10);
    if (n <= last || n > last + 3) continue;
    if (headed.has(String(n)) || (nextHeading[l] && nextHeading[l] !== String(n))) continue;
    if (continues) {
      continues = false;
      continue;
    }
    const k = nextContentLine(lines, l, 3);
    if (k < 0 || (lines.kind[k] !== LineKind.Text && lines.kind[k] !== LineKind.Bullet)) continue;
    const c = text.charCodeAt(lines.tstart[k]);
    const opens = (c >= 65 && c <= 90) || c === 0xab || c === 0x2018 || c === 0x201c || c === 34 || c === 39 || c >= 0xc0;
    if (!opens || !opensWithQuestion(text, lines, k)) continue;
    accepted.push(l);
    last = n;
    if (joint) {
      const more = expandIdList(String(n), joint[2]);
      for (const id of more) last = Math.max(last, parseInt(id, 10) || 0);
    }
  }
  if (accepted.length < (headings ? 1 : 2)) return;
  for (const l of accepted) {
    const t = text.slice(lines.tstart[l], lines.tend[l]);
    const joint = JOINT_NUMBER.exec(t);
    lines.kind[l] = LineKind.QuestionHeading;
    lines.id[l] = String(parseInt(t, 10));
    lines.rest[l] = lines.tend[l];
    if (joint) {
      const more = expandIdList(lines.id[l], joint[2]);
      if (more.length) lines.also.set(l, more);
    }
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Lines longer than this may be a letter whose line breaks were lost. */
const RUN_ON_LENGTH = 100;
/** A sentence end (with a footnote marker glued to it) and the blanks after it: where a marker may start a new virtual line. */
const SENTENCE_GAP = /[.?!:]["”’»)]?\d{0,3}[ \t\u00a0]{1,8}(?=[VAIO\d])/g;
/** A heading marker, ending where its text starts: "Vraag 3", "Vragen 9 en 10:", "Antwoord 3", "Antwoord:". */
const RUN_ON_HEADING =
  /(?:Vra(?:ag|gen)[ \t\u00a0]+\d{1,4}[a-z]?(?:[ \t\u00a0]*(?:(?:,|en|&|t\/m|tot en met|[–-])[ \t\u00a0]*)?\d{1,4}[a-z]?(?![\p{L}\p{N}]))*|Antwoord(?:[ \t\u00a0]+(?:op[ \t\u00a0]+)?(?:de[ \t\u00a0]+)?(?:vra(?:ag|gen)[ \t\u00a0]+)?\d{1,4}[a-z]?(?:[ \t\u00a0]*(?:(?:,|en|&|t\/m|tot en met|[–-])[ \t\u00a0]*)?\d{1,4}[a-z]?(?![\p{L}\p{N}]))*)?)(?![\p{L}\p{N}])[ \t\u00a0]*[:.]?(?=[ \t\u00a0]+\p{Lu}|[ \t\u00a0]*(?:$|[\r\n]))/uy;
/** A prose answer heading of an inbreng's verslag: "12. Antwoord van het kabinet", "3 Reactie van de minister". */
const RUN_ON_PROSE =
  /\d{1,4}[a-z]?\.?[ \t\u00a0]*(?:Antwoord|Reactie)[ \t\u00a0]+(?:van[ \t\u00a0]+)?(?:het[ \t\u00a0]+kabinet|de[ \t\u00a0]+regering|de[ \t\u00a0]+minister|de[ \t\u00a0]+staatssecretaris|de[ \t\u00a0]+bewindspersonen?)(?![\p{L}\p{N}])(?=[ \t\u00a0]+\p{Lu}|[ \t\u00a0]*(?:$|[\r\n]))/uy;
/** A fractie heading: "Vragen en opmerkingen van de leden van de PVV-fractie", up to its "fractie". */
const RUN_ON_SECTION =
  /(?:Vragen[ \t\u00a0]+en[ \t\u00a0]+opmerkingen|Opmerkingen[ \t\u00a0]+en[ \t\u00a0]+vragen|Inbreng)[ \t\u00a0]+van[ \t\u00a0]+(?:de[ \t\u00a0]+leden|het[ \t\u00a0]+lid)[ \t\u00a0]+van[ \t\u00a0]+(?:de[ \t\u00a0]+)?[^.?!:\r\n]{0,80}?fractie(?![\p{L}\p{N}])(?=[ \t\u00a0]+\p{Lu}|[ \t\u00a0]*(?:$|[\r\n]))/uy;
/**
 * Where a fractie heading or a numbered prose answer heading may start inside a run-on line, with
 * or without a sentence end before it (RUN_ON_SECTION and RUN_ON_PROSE decide).
 */
const SECTION_START = /(?<=[ \t\u00a0])(?:(?:Vragen en opmerkingen|Opmerkingen en vragen|Inbreng) van (?:de leden|het lid) van |\d{1,4}[a-z]?\.? ?(?:Antwoord|Reactie) van (?:het kabinet|de regering|de minister|de staatssecretaris))/g;
/** A Kamervragen item "3. Kunt u …": the number and its stop. */
const RUN_ON_ITEM = /(\d{1,3})\.(?=[ \t\u00a0]+\p{Lu})/uy;

/**
 * Text whose line breaks were lost (a whole letter on one line, as some OCR tools give it): each
 * line longer than RUN_ON_LENGTH is cut into virtual lines before its unambiguous markers — a
 * `Vraag N` / `Antwoord N` / `Antwoord` heading, a prose answer heading (`12. Antwoord van het
 * kabinet`) or a fractie heading (`Vragen en opmerkingen van de leden van de PVV-fractie`) right
 * after a sentence end and before a capital (then also after the heading, so it stands alone as
 * headings do), or a numbered item `N.` that
 * continues the count of such items in that line. Only when a long line holds at least two
 * markers; otherwise `lines` comes back unchanged. Linear: one scan per long line.
 */
export function splitRunOnLines(text: string, lines: Lines): Lines {
  let any = false;
  for (let l = 0; l < lines.count && !any; l++) if (lines.tend[l] - lines.tstart[l] > RUN_ON_LENGTH) any = true;
  if (!any) return lines;
  const starts: number[] = [];
  const ends: number[] = [];
  let changed = false;
  for (let l = 0; l < lines.count; l++) {
    const a = lines.tstart[l];
    const b = lines.tend[l];
    if (b - a <= RUN_ON_LENGTH) {
      starts.push(lines.start[l]);
      ends.push(lines.end[l]);
      continue;
    }
    const cuts: number[] = [];
    let item = 0;
    const marker = (from: number) => {
      // A loop, not recursion: an empty answer puts the next heading right after the marker
      // ("Antwoord 3 Vraag 4"), and a hostile text may chain any number of them.
      for (let at = from; ; ) {
        RUN_ON_HEADING.lastIndex = at;
        let h = RUN_ON_HEADING.exec(text);
        if (!h) {
          RUN_ON_PROSE.lastIndex = at;
          h = RUN_ON_PROSE.exec(text);
        }
        if (!h) {
          RUN_ON_SECTION.lastIndex = at;
          h = RUN_ON_SECTION.exec(text);
        }
        if (h && at + h[0].length <= b) {
          cuts.push(at, at + h[0].length);
          let next = at + h[0].length;
          while (next < b && isBlank(text.charCodeAt(next))) next++;
          if (next === at + h[0].length) return;
          at = next;
          continue;
        }
        RUN_ON_ITEM.lastIndex = at;
        const m = RUN_ON_ITEM.exec(text);
        if (m && parseInt(m[1], 10) === item + 1) {
          item++;
          cuts.push(at);
        }
        return;
      }
    };
    marker(a);
    // Search the line alone: on the whole text, the last search of every long line would run on
    // to the end of the text when no sentence gap follows (quadratic in the number of lines).
    const line = text.slice(a, b);
    // Where a marker may start: after a sentence gap, and at a fractie heading or a numbered prose
    // answer heading wherever it stands (after a part heading or a footnote, which end in no
    // stop). Both in order, merged.
    const at: number[] = [];
    SENTENCE_GAP.lastIndex = 0;
    for (let g = SENTENCE_GAP.exec(line); g; g = SENTENCE_GAP.exec(line)) at.push(a + g.index + g[0].length);
    const sectionAt: number[] = [];
    SECTION_START.lastIndex = 0;
    for (let g = SECTION_START.exec(line); g; g = SECTION_START.exec(line)) if (g.index > 0) sectionAt.push(a + g.index);
    for (let p = 0, q = 0; p < at.length || q < sectionAt.length; ) {
      const next = q >= sectionAt.length || (p < at.length && at[p] <= sectionAt[q]) ? at[p++] : sectionAt[q++];
      if (!cuts.length || next > cuts[cuts.length - 1]) marker(next);
    }
    let headings = 0;
    for (let k = 0; k < cuts.length; k++) if (k + 1 < cuts.length && cuts[k + 1] > cuts[k]) headings++;
    if (cuts.length < 2 || headings < 2) {
      starts.push(lines.start[l]);
      ends.push(lines.end[l]);
      continue;
    }
    changed = true;
    let from = lines.start[l];
    for (const c of cuts) {
      if (c <= from) continue;
      starts.push(from);
      ends.push(c);
      from = c;
    }
    starts.push(from);
    ends.push(lines.end[l]);
  }
  return changed ? linesFromBounds(text, starts, ends) : lines;
}

/** A signer's name: "E. Heinen", "C.E.G. van Gennip", "Mona Keijzer". */
const NAME_LINE = /^(?:(?:\p{Lu}\.[ ]?){1,5}|\p{Lu}\p{Ll}{1,20}[ ])(?:(?:van|de|der|den|ter|ten|het|in ’t|van der|van den)[ ])*\p{Lu}[\p{L}’'-]{1,30}(?:[-–][\p{Lu}][\p{L}’'-]{1,30})?$/u;

/**
 * Signature blocks: a title without its comma ("De minister van Financiën") followed by a
 * signer's name line, and the name line after any signature title or closing ("Hoogachtend,").
 * Both become stop lines, so that a signature is never read as an answer's text. Changes `lines`
 * in place; linear.
 */
export function readSignatures(text: string, lines: Lines): void {
  for (let l = 0; l < lines.count; l++) {
    const kind = lines.kind[l];
    if (kind !== LineKind.Text && kind !== LineKind.Stop) continue;
    const len = lines.tend[l] - lines.tstart[l];
    if (len > 120) continue;
    // Only a stop line or a line opening "De …" may start a signature block.
    if (kind === LineKind.Text && text.charCodeAt(lines.tstart[l]) !== 68) continue;
    let k = l + 1;
    while (k < lines.count && k <= l + 8 && (lines.kind[k] === LineKind.Blank || lines.kind[k] === LineKind.Furniture) && k <= l + 4) k++;
    const nameNext = k < lines.count && lines.kind[k] === LineKind.Text && lines.tend[k] - lines.tstart[k] <= 60 && NAME_LINE.test(text.slice(lines.tstart[k], lines.tend[k]));
    if (kind === LineKind.Stop && text.charCodeAt(lines.tstart[l]) === 68 && l + 1 < lines.count && lines.kind[l + 1] === LineKind.Text) {
      // "De minister van Financiën," | "na overleg met …": a sentence running on, no signature.
      const c = text.charCodeAt(lines.tstart[l + 1]);
      if (c >= 97 && c <= 122 && SIGNATURE_TITLE.test(text.slice(lines.tstart[l], lines.tend[l]))) {
        lines.kind[l] = LineKind.Text;
        continue;
      }
    }
    if (kind === LineKind.Text) {
      if (text.charCodeAt(lines.tstart[l]) !== 68 || !nameNext) continue;
      if (!SIGNATURE_TITLE.test(text.slice(lines.tstart[l], lines.tend[l]))) continue;
      lines.kind[l] = LineKind.Stop;
    }
    if (nameNext) lines.kind[k] = LineKind.Stop;
  }
}

/** A running page header of the official PDFs, after which a number alone is the page number. */
const PAGE_HEADER = /^(?:(?:Tweede|Eerste)[ \t\u00a0]+Kamer,[ \t\u00a0]+vergaderjaar|Vergaderjaar[ \t\u00a0]+\d{4})/;
/** How many lines a footnote block (the notes at a page's foot) may hold. */
const FOOTNOTE_BLOCK_LINES = 10;

/**
 * Footnote bodies of a PDF paste: pdftotext puts a page's notes at its foot as their marker
 * numbers alone on a line ("1", "2"), then the notes' text up to a blank line, then the next
 * page's running header and page number. A number line whose previous content line is no page
 * header (after which it is the page number) and whose next content line does not continue a
 * sentence (a lowercase start) is such a marker: the text lines after it up to the next blank
 * line become furniture, so that a note is never read as an answer (an emptied answer followed
 * by a page's notes stays unanswered). Markers are one or two digits. Runs after
 * `readNumberLines` (a lijst's numbers are headings by then). Changes `lines` in place; linear.
 */
export function readFootnoteBodies(text: string, lines: Lines): void {
  let prevContent = -1;
  // The last page number (a number line after a running header): a number line right after it
  // continues a heading's number list ("Antwoord 1 en" | header | "4" | "2"), no note marker.
  let pageNumber = -1;
  for (let l = 0; l < lines.count; l++) {
    const kind = lines.kind[l];
    if (kind === LineKind.Blank) continue;
    const len = lines.tend[l] - lines.tstart[l];
    const marker = kind === LineKind.Furniture && len <= 2 && BARE_NUMBER.test(text.slice(lines.tstart[l], lines.tend[l]));
    if (!marker) {
      prevContent = l;
      continue;
    }
    const afterHeader = prevContent >= 0 && PAGE_HEADER.test(text.slice(lines.tstart[prevContent], Math.min(lines.tend[prevContent], lines.tstart[prevContent] + 40)));
    const afterPageNumber = prevContent >= 0 && prevContent === pageNumber;
    prevContent = l;
    if (afterHeader) pageNumber = l;
    if (afterHeader || afterPageNumber) continue;
    // Further markers of the same page ("1" | "2"), then the notes' text.
    let k = l + 1;
    while (k < lines.count && k <= l + 8 && (lines.kind[k] === LineKind.Blank || (lines.kind[k] === LineKind.Furniture && lines.tend[k] - lines.tstart[k] <= 2 && BARE_NUMBER.test(text.slice(lines.tstart[k], lines.tend[k]))))) k++;
    if (k >= lines.count || lines.kind[k] !== LineKind.Text) continue;
    const c = text.charCodeAt(lines.tstart[k]);
    if (c >= 97 && c <= 122) continue; // the page's text running on: a page number
    let end = k;
    while (end < lines.count && end < k + FOOTNOTE_BLOCK_LINES && (lines.kind[end] === LineKind.Text || lines.kind[end] === LineKind.Furniture || lines.kind[end] === LineKind.Bullet)) end++;
    // The notes end at a blank line (or the text's end); a longer run is the page's own text.
    if (end < lines.count && lines.kind[end] !== LineKind.Blank) continue;
    let asks = false;
    for (let j = k; j < end && !asks; j++) asks = text.slice(lines.tstart[j], lines.tend[j]).includes('?');
    if (asks) continue;
    for (let j = k; j < end; j++) lines.kind[j] = LineKind.Furniture;
    prevContent = end - 1;
    l = end - 1;
  }
}
