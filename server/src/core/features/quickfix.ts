/**
 * Quick fix for `unanswered-question`: put placeholder text under the question, after an answer
 * heading in the letter's own style ("Antwoord 3", "3. Antwoord van het kabinet", "## Antwoord 3",
 * …) or under the empty heading that stands there already, and have the host select it, so that
 * typing replaces it. Until the drafter writes, the finding is `placeholder-in-answer`.
 */
import type { Finding, Letter, QuestionUnit } from '../model';
import type { QuickFix } from './types';
import { resolveQuestion } from './answerLinks';
import { ANSWER_PLACEHOLDER } from '../checks/questions';
import { answerStatus } from './status';

/** The line break the letter uses most visibly (its first one), LF when it has none. */
export function lineBreakOf(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0) return '\n';
  if (text[i] === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** Replace the first question number (with its letter suffix) in a heading by `id`. */
function renumber(heading: string, id: string): string | null {
  const m = /\d+[a-z]?/.exec(heading);
  if (!m) return null;
  return heading.slice(0, m.index) + id + heading.slice(m.index + m[0].length);
}

/** The answer heading for `unit`, modelled on the letter's other answer or question headings. */
export function answerHeadingFor(letter: Letter, unit: QuestionUnit): string {
  const text = letter.text;
  // Another answer heading is the best model of how this letter writes them.
  for (const q of letter.questions) {
    const h = q.answer.headingSpan;
    if (!h || q === unit) continue;
    const line = text.slice(h.start, h.end).trim();
    const out = renumber(line, unit.id);
    if (out && out.length <= 120) return out;
  }
  // Otherwise the question's own heading, with "Vraag" turned into "Antwoord".
  const qh = text.slice(unit.headingSpan.start, unit.headingSpan.end).trim();
  if (/\bvraag\b/i.test(qh) && !/[\r\n]/.test(qh) && qh.length <= 120) {
    return qh.replace(/\b(vraag|Vraag|VRAAG)\b/, (w) => (w === 'VRAAG' ? 'ANTWOORD' : w === 'vraag' ? 'antwoord' : 'Antwoord'));
  }
  return `Antwoord ${unit.id}`;
}

/** End of the line holding `offset` (before its line break). */
function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * Quick fixes for the given findings (only those that have one). For `unanswered-question`: one
 * edit that inserts `ANSWER_PLACEHOLDER` (with an answer heading when the letter has none for
 * this question), and `select` covering the placeholder in that edit's new text. A Markdown
 * heading ("## Antwoord 2") gets a blank line between it and the placeholder.
 */
export function quickFixes(letter: Letter, findings: Finding[]): QuickFix[] {
  const out: QuickFix[] = [];
  for (const f of findings) {
    if (f.code !== 'unanswered-question' || !f.question) continue;
    const unit = unitOf(letter, f);
    if (!unit || unit.answer.status !== 'missing') continue;
    const eol = lineBreakOf(letter.text);
    const existing = unit.answer.headingSpan;
    let at: number;
    let before: string;
    if (existing) {
      // The heading is there but nothing under it: the placeholder goes on the next line.
      at = lineEndAt(letter.text, existing.end);
      before = eol + (letter.text.slice(existing.start, existing.end).trimStart().startsWith('#') ? eol : '');
    } else {
      const anchor = Math.max(unit.questionSpan.end, unit.headingSpan.end);
      // Step back over trailing line breaks so the answer sits right under the question.
      let end = anchor;
      while (end > unit.headingSpan.end && /\s/.test(letter.text[end - 1])) end--;
      at = lineEndAt(letter.text, end);
      const heading = answerHeadingFor(letter, unit);
      before = `${eol}${eol}${heading}${eol}${heading.startsWith('#') ? eol : ''}`;
    }
    out.push({
      title: `Voeg een antwoord toe onder vraag ${unit.id}`,
      code: f.code,
      findingSpan: f.span,
      edits: [{ span: { start: at, end: at }, newText: before + ANSWER_PLACEHOLDER }],
      preferred: true,
      select: { edit: 0, start: before.length, end: before.length + ANSWER_PLACEHOLDER.length },
    });
  }
  return out;
}

function unitOf(letter: Letter, f: Finding): QuestionUnit | undefined {
  // The finding stands inside its unit; that pins the section when numbering restarts.
  const inside = letter.questions.find((q) => q.id === f.question && f.span.start >= q.span.start && f.span.start <= q.span.end);
  if (inside) return inside;
  const sectionIndex = letter.questions.find((q) => f.span.start >= q.span.start && f.span.start <= q.span.end)?.sectionIndex ?? -1;
  return resolveQuestion(letter, f.question!, sectionIndex);
}

/** How many existing questions a dangling reference offers instead of the missing one. */
const NEAREST = 3;

/** The numeric part of a question id ("12b" → 12), or NaN. */
function numberOf(id: string): number {
  return parseInt(id, 10);
}

/**
 * The sentence holding `span` inside `within` (an answer): from after the previous sentence end
 * or line break to its own end mark, with the spaces after it. Linear in the sentence.
 */
function sentenceAround(text: string, span: { start: number; end: number }, within: { start: number; end: number }): { start: number; end: number } {
  let start = span.start;
  while (start > within.start && !/[.?!\r\n]/.test(text[start - 1])) start--;
  while (start < span.start && /[ \t]/.test(text[start])) start++;
  let end = span.end;
  while (end < within.end && !/[.?!\r\n]/.test(text[end])) end++;
  if (end < within.end && /[.?!]/.test(text[end])) end++;
  while (end < within.end && /[ \t]/.test(text[end])) end++;
  return { start, end };
}

/**
 * Quick fixes for `dangling-answer-reference` ("zie het antwoord op vraag 9" where the letter has
 * no question 9; the finding's span is the id): replace the id by one of the `NEAREST` existing
 * questions nearest in number (in the reference's section, never the answer's own question), and
 * remove the sentence holding the reference. Answered questions (as the status counts them:
 * `answerStatus`) come first and only they are offered when there are any, since a reference to
 * an unanswered one is itself an error (`reference-to-unanswered`); one whose answer refers back
 * to the answer holding the reference (a cycle) is never offered. For `placeholder-in-answer` (the span is the
 * placeholder): select it, so typing replaces it (no edit; `selectInText`).
 */
export function referenceAndPlaceholderFixes(letter: Letter, findings: Finding[]): QuickFix[] {
  const out: QuickFix[] = [];
  let open: Set<QuestionUnit> | null = null;
  for (const f of findings) {
    if (f.code === 'placeholder-in-answer') {
      out.push({ title: 'Selecteer de placeholder om hem te vervangen', code: f.code, findingSpan: f.span, edits: [], selectInText: f.span });
      continue;
    }
    if (f.code !== 'dangling-answer-reference') continue;
    const missing = String((f.data as { target?: unknown } | undefined)?.target ?? letter.text.slice(f.span.start, f.span.end));
    const from = letter.questions.find((q) => q.id === f.question && f.span.start >= q.span.start && f.span.start <= q.span.end);
    const section = from?.sectionIndex ?? letter.questions.find((q) => f.span.start >= q.span.start && f.span.start <= q.span.end)?.sectionIndex ?? -1;
    const n = numberOf(missing);
    open ??= new Set(answerStatus(letter).open.flatMap((o) => (o.unit ? [o.unit] : [])));
    const openUnits = open;
    const answered = (q: QuestionUnit) => q.answer.status !== 'context' && !openUnits.has(q);
    const all = letter.questions
      .filter((q) => q.sectionIndex === section && q !== from && q.id !== missing && !(from && q.answer.refersTo.includes(from.id)))
      .map((q, order) => ({ q, order, answered: answered(q), distance: Number.isNaN(n) || Number.isNaN(numberOf(q.id)) ? Number.MAX_SAFE_INTEGER : Math.abs(numberOf(q.id) - n) }));
    const pool = all.some((c) => c.answered) ? all.filter((c) => c.answered) : all;
    const candidates = pool.sort((a, b) => a.distance - b.distance || a.order - b.order).slice(0, NEAREST);
    for (const { q } of candidates) {
      out.push({
        title: `Verwijs naar vraag ${q.id} in plaats van vraag ${missing}`,
        code: f.code,
        findingSpan: f.span,
        edits: [{ span: f.span, newText: q.id }],
      });
    }
    if (from?.answer.span) {
      const s = sentenceAround(letter.text, f.span, from.answer.span);
      out.push({
        title: `Verwijder de verwijzing naar vraag ${missing}`,
        code: f.code,
        findingSpan: f.span,
        edits: [{ span: s, newText: '' }],
      });
    }
  }
  return out;
}
