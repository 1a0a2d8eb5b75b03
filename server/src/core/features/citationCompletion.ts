/**
 * Completion of volgnummers after "Kamerstuk <dossier>, nr. " from the papers of that dossier
 * the workspace cites, and of question ids after "vraag ".
 */
import type { Citations } from '../citations/types';
import { collapseWhitespace, type Span } from '../text';
import type { CitationWorkspace } from './citationLookup';

export interface CompletionSpan {
  label: string;
  /** Dutch detail line. */
  detail: string;
  /** Text replacing `span` (the digits typed so far). */
  insertText: string;
  span: Span;
  sortText: string;
}

// Bounded look-behind: only the last 160 characters before the cursor are inspected.
const KST_BEFORE = /(?:Kamerstuk(?:ken)?|stuk nummer)\s+(?:(?:I{1,2}|TK|EK),?\s+)?(?:(?:vergaderjaar\s+)?\d{4}[/–-]\d{2,4},?\s+)?(\d{2})[ .]?(\d{3})(?:([ -])([IVXL]{1,6}[AB]?|\d{2}))?,?\s*nrs?\.\s*(\d{0,5})$/i;
const VRAAG_BEFORE = /\bvra(?:ag|gen)\s+(?:\d+[a-z]?\s*(?:,|en)\s*)*(\d{0,4}[a-z]?)$/i;

function collect(c: Citations, dossier: string, toevoeging: string | null, into: Map<string, string>, typing = -1): void {
  for (const r of c.references) {
    // The number being typed is no suggestion.
    if (typing >= r.span.start && typing <= r.span.end) continue;
    if (r.kind !== 'kamerstuk' || r.dossier !== dossier || !r.number) continue;
    if ((r.toevoeging ?? null) !== toevoeging) continue;
    if (!into.has(r.number)) into.set(r.number, r.canonical);
  }
  for (const m of c.motions) {
    for (const r of m.refs) {
      if (r.kind !== 'kamerstuk' || r.dossier !== dossier || !r.number || (r.toevoeging ?? null) !== toevoeging) continue;
      if (!into.has(r.number)) into.set(r.number, `${r.canonical} (motie ${m.signer})`);
    }
  }
}

export function citationCompletions(
  a: { text: string; citations: Citations; letter?: { questions: { id: string; questionText: string }[] } },
  offset: number,
  workspace?: CitationWorkspace,
): CompletionSpan[] | null {
  const before = a.text.slice(Math.max(0, offset - 160), offset);
  const m = KST_BEFORE.exec(before);
  if (m) {
    const dossier = m[1] + m[2];
    const toevoeging = m[4] ? m[4].toUpperCase() : null;
    const typed = m[5];
    const span = { start: offset - typed.length, end: offset };
    const numbers = new Map<string, string>();
    collect(a.citations, dossier, toevoeging, numbers, offset);
    for (const d of workspace?.documents() ?? []) collect(d.citations, dossier, toevoeging, numbers);
    const items = [...numbers]
      .filter(([n]) => n.startsWith(typed))
      .sort((x, y) => (parseInt(x[0], 10) || 0) - (parseInt(y[0], 10) || 0) || x[0].localeCompare(y[0]))
      .map(([n, canonical], k) => ({ label: n, detail: `${canonical} — elders geciteerd`, insertText: n, span, sortText: String(k).padStart(5, '0') }));
    return items;
  }
  const v = VRAAG_BEFORE.exec(before);
  if (v && a.letter && a.letter.questions.length) {
    const typed = v[1];
    const span = { start: offset - typed.length, end: offset };
    return a.letter.questions
      .filter((q) => q.id.startsWith(typed))
      .map((q, k) => ({
        label: q.id,
        detail: collapseWhitespace(q.questionText).slice(0, 80),
        insertText: q.id,
        span,
        sortText: String(k).padStart(5, '0'),
      }));
  }
  return null;
}
