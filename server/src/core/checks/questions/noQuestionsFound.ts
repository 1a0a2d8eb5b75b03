// `no-questions-found`: a text that looks like it asks, in which the reader found no question.
import type { Finding, Letter } from '../../model';
import type { Span } from '../../text';

/** "Vraag 3", "Vragen 2 en 3", "Antwoord 4", "Antwoord op vraag 5": headings of a question letter or its answer. */
const MARKER = /\b(?:Vra(?:ag|gen)[ \t\u00a0]+\d{1,4}[a-z]?|Antwoord(?:[ \t\u00a0]+op)?(?:[ \t\u00a0]+vraag)?[ \t\u00a0]+\d{1,4}[a-z]?)(?![\p{L}\p{N}])/gu;
/** An "Antwoord" label alone on its line. */
const ANSWER_LABEL = /^[ \t#*_]*Antwoord[ \t*_]*:?[ \t]*\r?$/gm;
/** Question marks per this many characters that make a text look like it asks (a letter may quote one or two). */
const CHARS_PER_ASKING = 4000;

/**
 * `no-questions-found`: the reader found no question, yet the text looks like it holds some —
 * a `Vraag N` / `Antwoord N` marker, an `Antwoord` label on its own line, or sentences ending in
 * `?` (at least two, and at least one per CHARS_PER_ASKING characters: a letter without
 * questions may quote a question or two). Reported once, at the first marker (else the first
 * question mark), naming what looked like markers. Linear (two global scans, capped at 3 hits).
 */
export function noQuestionsFound(letter: Letter, asking: number, out: Finding[]): void {
  const text = letter.text;
  const seen: { at: number; end: number; what: string }[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m && seen.length < 3; m = MARKER.exec(text)) seen.push({ at: m.index, end: m.index + m[0].length, what: m[0] });
  let labels = 0;
  ANSWER_LABEL.lastIndex = 0;
  for (let m = ANSWER_LABEL.exec(text); m && labels < 3; m = ANSWER_LABEL.exec(text)) {
    labels++;
    const at = m.index + m[0].indexOf('A');
    seen.push({ at, end: at + 8, what: 'Antwoord' });
    if (m[0].length === 0) ANSWER_LABEL.lastIndex++;
  }
  const asks = asking >= 2 && asking * CHARS_PER_ASKING >= text.length;
  if (!seen.length && !asks) return;
  seen.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  const names = [...new Set(seen.map((s) => s.what.replace(/\s+/g, ' ')))].slice(0, 3);
  if (names.length) parts.push(names.map((n) => `‘${n}’`).join(', '));
  if (asking) parts.push(`${asking} ${asking === 1 ? 'zin' : 'zinnen'} met een vraagteken`);
  let span: Span;
  if (seen.length) span = { start: seen[0].at, end: seen[0].end };
  else {
    const q = text.indexOf('?');
    const from = Math.max(0, text.lastIndexOf('\n', q) + 1);
    span = { start: from, end: q + 1 };
  }
  out.push({
    code: 'no-questions-found',
    span,
    message: `Geen vragen herkend in deze brief, terwijl er wel iets op vragen lijkt: ${parts.join(' en ')}. Zet elke vraag onder een kopje ‘Vraag N’ (of begin haar met ‘N.’) en het antwoord eronder, zodat de controle de vragen kan vinden.`,
    data: { markers: names, asking },
  });
}
