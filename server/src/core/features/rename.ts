/**
 * Rename a question number (rename on `Vraag 3`, on `Antwoord 3` / `3. Antwoord van het
 * kabinet`, or on the number in "het antwoord op vraag 3"): renumbers that question (with its
 * subquestions 3a, 3b … when it is their parent) and every answer reference that resolves to
 * it; nothing else changes. A second action renumbers the questions after it consecutively.
 */
import type { Letter, QuestionUnit } from '../model';
import { clip, type Span } from '../text';
import { answerReferenceAt, resolveQuestion } from './answerLinks';
import { parseLetter } from '../letter/parse';
import type { TextEditSpan } from './types';

export interface RenameTarget {
  unit: QuestionUnit;
  index: number;
  /** Span of the number under the cursor. */
  span: Span;
}

export type RenameResult = { edits: TextEditSpan[] } | { error: string };

const ID = /^(\d{1,4})([a-z]?)$/u;

function escapeId(id: string): string {
  return id.replace(/[^0-9a-z]/giu, '');
}

/** The span of the unit's number in its question heading ("Vraag 3", "**Vraag 3**", "3."). */
export function questionNumberSpan(letter: Letter, unit: QuestionUnit): Span | null {
  const h = unit.headingSpan;
  const text = letter.text.slice(h.start, h.end);
  const re = new RegExp(String.raw`^[\s#*_>]*(?:vraag[ \t\u00A0]+)?(${escapeId(unit.id)})(?![\p{L}\p{N}])`, 'iu');
  const m = re.exec(text);
  if (!m) return null;
  // A bare number only counts as a heading when it is a numbered item ("3." or "3)").
  if (!/vraag/iu.test(m[0]) && !/^[.)]/u.test(text.slice(m[0].length))) return null;
  const start = h.start + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}

/** The span of the unit's number in its answer heading ("Antwoord 3", "3. Antwoord van het kabinet"). */
export function answerNumberSpan(letter: Letter, unit: QuestionUnit): Span | null {
  const h = unit.answer.headingSpan;
  if (!h) return null;
  const text = letter.text.slice(h.start, h.end);
  const id = escapeId(unit.id);
  const re = new RegExp(String.raw`^[\s#*_>]*(?:antwoord(?:[ \t\u00A0]+op[ \t\u00A0]+vraag)?[ \t\u00A0]+(${id})(?![\p{L}\p{N}])|(${id})[.)]?[ \t\u00A0]+antwoord)`, 'iu');
  const m = re.exec(text);
  if (!m) return null;
  const num = m[1] ?? m[2];
  const start = h.start + (m[1] ? m[0].length - num.length : m[0].indexOf(num, m[0].search(/\d/u)));
  return { start, end: start + num.length };
}

/** The question number under the cursor, if any. */
export function renameTargetAt(letter: Letter, offset: number): RenameTarget | null {
  for (let i = 0; i < letter.questions.length; i++) {
    const unit = letter.questions[i];
    if (offset < unit.span.start - 1 || offset > unit.span.end + 1) continue;
    for (const span of [questionNumberSpan(letter, unit), answerNumberSpan(letter, unit)]) {
      if (span && offset >= span.start && offset <= span.end) return { unit, index: i, span };
    }
  }
  const hit = answerReferenceAt(letter, offset);
  if (hit && hit.span !== hit.ref.span) {
    const unit = resolveQuestion(letter, hit.id, hit.ref.sectionIndex);
    if (unit) return { unit, index: letter.questions.indexOf(unit), span: hit.span };
  }
  return null;
}

/** True when the letter numbers its questions on across sections (as `002_…` does). */
function continuousNumbering(letter: Letter): boolean {
  let last = -1;
  let section = -2;
  for (const u of letter.questions) {
    if (u.sectionIndex !== section) {
      if (last !== -1 && u.number <= last) return false;
      section = u.sectionIndex;
    }
    last = u.number;
  }
  return true;
}

/** `text` with `edits` (sorted, not overlapping) applied. */
function applySpans(text: string, edits: TextEditSpan[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** The edits for a renumbering: headings of the renumbered units and references resolving to them. */
function editsFor(letter: Letter, mapping: Map<QuestionUnit, string>): TextEditSpan[] {
  const edits: TextEditSpan[] = [];
  for (const [unit, id] of mapping) {
    if (id === unit.id) continue;
    for (const span of [questionNumberSpan(letter, unit), answerNumberSpan(letter, unit)]) {
      if (span) edits.push({ span, newText: id });
    }
  }
  for (const ref of letter.answerReferences) {
    ref.targets.forEach((target, k) => {
      const unit = resolveQuestion(letter, target, ref.sectionIndex);
      const id = unit && mapping.get(unit);
      const span = ref.targetSpans[k];
      if (unit && id && id !== unit.id && span) edits.push({ span, newText: id });
    });
  }
  const seen = new Set<number>();
  return edits
    .filter((e) => (seen.has(e.span.start) ? false : (seen.add(e.span.start), true)))
    .sort((a, b) => a.span.start - b.span.start);
}

/** The unit itself and, for a parent, its subquestions (3 → 3a, 3b …) get the new number. */
function renameMapping(letter: Letter, index: number, newId: string): Map<QuestionUnit, string> {
  const unit = letter.questions[index];
  const mapping = new Map<QuestionUnit, string>([[unit, newId]]);
  const m = ID.exec(newId)!;
  if (unit.suffix === '' && m[2] === '') {
    for (let k = index + 1; k < letter.questions.length; k++) {
      const u = letter.questions[k];
      if (u.sectionIndex !== unit.sectionIndex || u.number !== unit.number || u.suffix === '') break;
      mapping.set(u, `${m[1]}${u.suffix}`);
    }
  }
  return mapping;
}

/**
 * How many question or answer heading lines of `unit`'s section carry its number ("Vraag 3a",
 * "Antwoord 3a", "3a. Antwoord …"): one scan of the section's text, linear in its length.
 */
function headingsOf(letter: Letter, unit: QuestionUnit): number {
  const { sections, text } = letter;
  const i = unit.sectionIndex;
  const start = i >= 0 && sections[i] ? sections[i].span.start : 0;
  const next = sections.find((sec) => sec.span.start > unit.span.start);
  const end = i >= 0 ? (sections[i + 1]?.span.start ?? text.length) : (next?.span.start ?? text.length);
  const id = escapeId(unit.id);
  const re = new RegExp(String.raw`^[ \t#*_>]*(?:(?:vraag|antwoord(?:[ \t\u00A0]+op[ \t\u00A0]+vraag)?)[ \t\u00A0]+${id}(?![\p{L}\p{N}])|${id}[.)][ \t\u00A0]+antwoord)`, 'gimu');
  return text.slice(start, end).match(re)?.length ?? 0;
}

/** Rename the question number at `offset` to `newName` ("72", "3a"). */
export function renameQuestion(letter: Letter, offset: number, newName: string): RenameResult {
  const target = renameTargetAt(letter, offset);
  if (!target) return { error: 'Hier staat geen vraagnummer om te hernummeren.' };
  const newId = newName.trim().replace(/^vraag[ \t]+/iu, '').toLowerCase();
  if (!ID.test(newId)) return { error: `„${clip(newName, 40)}” is geen vraagnummer; geef een nummer zoals 3 of 3a.` };
  if (newId === target.unit.id) return { edits: [] };
  const mapping = renameMapping(letter, target.index, newId);
  const renamed = new Set(mapping.keys());
  // Uniqueness is per section (a fractie's questions): a reference resolves in its own section
  // first, so another fractie's `Vraag 1` never collides. The check depends only on the other
  // units of the section, which the rename leaves alone: 1 → 104 → 1 and 1 → 1a → 1 are reversible.
  const taken = new Set<string>();
  for (const u of letter.questions) if (!renamed.has(u) && u.sectionIndex === target.unit.sectionIndex) taken.add(u.id);
  const clash = [...mapping.values()].find((id) => taken.has(id));
  if (clash) return { error: `Vraag ${clash} bestaat al; hernummer eerst die vraag of gebruik „Nummer de volgende vragen door”.` };
  // A number whose heading stands more than once in the section (a repeated question, a second
  // answer) is ambiguous: renaming one heading and not the other would change how the letter reads,
  // and the rename could not be undone.
  const twice = [...mapping.keys()].find((u) => headingsOf(letter, u) > [questionNumberSpan(letter, u), answerNumberSpan(letter, u)].filter(Boolean).length);
  if (twice) return { error: `Vraag ${twice.id} staat meer dan eens in dit deel van de brief (als vraag of als antwoord); maak de nummers eerst uniek.` };
  const edits = editsFor(letter, mapping);
  // The renamed letter must read as the same questions under the new numbers, or the rename
  // changes more than numbers and cannot be undone (a "Vraag 1?" the reader takes as a heading
  // only while it is the next number): one parse of the renamed text, linear.
  const before = letter.questions.map((u) => `${u.sectionIndex}:${mapping.get(u) ?? u.id}`).join(' ');
  const after = parseLetter(applySpans(letter.text, edits)).questions.map((u) => `${u.sectionIndex}:${u.id}`).join(' ');
  if (before !== after) return { error: `Met nummer ${newId} zou de brief anders gelezen worden (de kop van vraag ${target.unit.id} telt dan niet meer als vraag); kies het volgende nummer of hernummer met „Nummer de volgende vragen door”.` };
  return { edits };
}

/**
 * Renumber the questions after the one at `offset` consecutively (same section, or on through
 * the following sections when the letter numbers on across them). Null when nothing changes.
 */
export function renumberFollowing(letter: Letter, offset: number): { title: string; edits: TextEditSpan[] } | null {
  const target = renameTargetAt(letter, offset);
  if (!target) return null;
  const qs = letter.questions;
  const start = target.unit;
  const across = continuousNumbering(letter);
  const mapping = new Map<QuestionUnit, string>();
  let base = start.number;
  let prevNumber = start.number;
  for (let k = target.index + 1; k < qs.length; k++) {
    const u = qs[k];
    if (!across && u.sectionIndex !== start.sectionIndex) break;
    if (u.suffix === '' || u.number !== prevNumber) base++;
    prevNumber = u.number;
    mapping.set(u, `${base}${u.suffix}`);
  }
  const edits = editsFor(letter, mapping);
  if (!edits.length) return null;
  return { title: `Nummer de vragen na vraag ${start.id} door`, edits };
}
