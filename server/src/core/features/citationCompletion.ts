/**
 * Completion of volgnummers after "Kamerstuk <dossier>, nr. " from the papers of that dossier
 * the workspace cites; of whole citations after "Kamerstuk " (the papers this letter and the
 * workspace letters cite); of motions by signer after "de motie " / "motie-" (those cited in this
 * letter and the workspace letters, its question letter among them); of question ids after
 * "vraag "; and, at the start of a line, the next question with its answer heading.
 */
import type { Citations, PaperRef } from '../citations/types';
import type { FactsPeek } from '../facts';
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
  /** `insertText` is a snippet (LSP snippet syntax: `${1:…}`, `$0`). */
  snippet?: boolean;
  /** Text the client filters on instead of `label`. */
  filterText?: string;
}

// Bounded look-behind: only the last 160 characters before the cursor are inspected.
const KST_BEFORE = /(?:Kamerstuk(?:ken)?|stuk nummer)\s+(?:(?:I{1,2}|TK|EK),?\s+)?(?:(?:vergaderjaar\s+)?\d{4}[/–-]\d{2,4},?\s+)?(\d{2})[ .]?(\d{3})(?:([ -])([IVXL]{1,6}[AB]?|\d{2}))?,?\s*nrs?\.\s*(\d{0,5})$/i;
const KST_BARE = /\b(Kamerstuk(?:ken)?)\s+$/i;
const MOTIE_BEFORE = /\b[Mm]otie(?:\s+van\s+(?:het\s+lid|de\s+leden))?(?:\s+|-)(\p{Lu}?[\p{L}'’]{0,30})$/u;
/** A line that so far holds at most a heading mark and the start of a word ("## V", "vra", ""). */
const LINE_START = /(?:^|\n)([ \t]*)(#{1,6}[ \t]*)?([\p{L}]{0,8})$/u;
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

/** What completion reads of a question (a `QuestionUnit` has it all): its id and text, its extent and its answer's. */
export interface CompletionQuestion {
  id: string;
  questionText: string;
  headingSpan?: { start: number; end: number };
  answer?: { status: string; span: { start: number; end: number } | null; headingSpan?: { start: number; end: number } | null };
}

/**
 * The questions whose text or answer the cursor at `offset` is in: those of the last question
 * heading, answer heading or answer text that starts at or before it (an answer standing apart
 * from its question counts; "Antwoord 2 en 3" gives both). Empty before the first question.
 */
function questionsAt(questions: CompletionQuestion[], offset: number): Set<CompletionQuestion> {
  let at = -1;
  const here = new Set<CompletionQuestion>();
  for (const q of questions) {
    for (const start of [q.headingSpan?.start, q.answer?.headingSpan?.start, q.answer?.span?.start]) {
      if (start === undefined || start > offset || start < at) continue;
      if (start > at) here.clear();
      at = start;
      here.add(q);
    }
  }
  return here;
}

/**
 * Completion items at `offset` (a UTF-16 offset into `a.text`), or null when none applies. After
 * "vraag " the question ids of the letter, without the question whose unit or answer holds the
 * cursor, the open ones (no answer, a placeholder) last.
 */
export function citationCompletions(
  a: { text: string; citations: Citations; letter?: { questions: CompletionQuestion[] } },
  offset: number,
  workspace?: CitationWorkspace,
  peekFacts?: (ref: PaperRef) => FactsPeek,
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
  const bare = KST_BARE.exec(before);
  if (bare) {
    const span = { start: offset - bare[0].length, end: offset };
    const seen = new Map<string, PaperRef>();
    const add = (c: Citations, skip = -1) => {
      for (const r of c.references) {
        if (r.kind !== 'kamerstuk' || !r.number || seen.has(r.id) || (skip >= r.span.start && skip <= r.span.end)) continue;
        seen.set(r.id, r);
      }
    };
    add(a.citations, offset);
    for (const d of workspace?.documents() ?? []) add(d.citations);
    return [...seen.values()].map((r, k) => {
      const title = peekFacts?.(r).facts?.title;
      return {
        label: r.canonical,
        detail: title ? collapseWhitespace(title).slice(0, 100) : 'elders geciteerd',
        insertText: r.canonical,
        filterText: `${bare[1]} ${r.canonical}`,
        span,
        sortText: String(k).padStart(5, '0'),
      };
    });
  }
  const motie = MOTIE_BEFORE.exec(before);
  if (motie) {
    const typed = motie[1];
    const span = { start: offset - typed.length, end: offset };
    const bySigner = new Map<string, { signer: string; refs: PaperRef[]; where: string }>();
    const add = (c: Citations, where: string) => {
      for (const m of c.motions) {
        if (m.span.start <= offset && offset <= m.span.end && where === 'deze brief') continue;
        const key = `${m.signer}|${m.refs.map((r) => r.id).join(',')}`;
        if (!bySigner.has(key) && (m.refs.length || ![...bySigner.values()].some((x) => x.signer === m.signer))) bySigner.set(key, { signer: m.signer, refs: m.refs, where });
      }
    };
    add(a.citations, 'deze brief');
    for (const d of workspace?.documents() ?? []) add(d.citations, 'een andere brief');
    return [...bySigner.values()]
      .filter((m) => m.signer.toLowerCase().startsWith(typed.toLowerCase()))
      .map((m, k) => {
        const facts = m.refs[0] && peekFacts?.(m.refs[0]).facts;
        const paper = m.refs.map((r) => r.canonical).join('; ');
        const detail = [facts?.title ? collapseWhitespace(facts.title).slice(0, 100) : null, paper || 'zonder Kamerstuknummer', `genoemd in ${m.where}`].filter(Boolean).join(' — ');
        return { label: m.signer, detail, insertText: m.signer, span, sortText: String(k).padStart(5, '0') };
      });
  }
  const line = LINE_START.exec(before);
  if (line && a.letter && a.letter.questions.length && (!line[3] || /^v(?:r(?:a(?:a(?:g)?)?)?)?$/i.test(line[3]))) {
    const next = nextQuestion(a.text, a.letter.questions, offset);
    if (next) {
      const start = offset - (line[0].length - (line[0].startsWith('\n') ? 1 : 0)) + line[1].length;
      const mark = next.mark ? `${next.mark} ` : '';
      return [
        {
          label: `${mark}Vraag ${next.id}`,
          detail: `Volgende vraag met antwoordkop (na vraag ${next.after})`,
          insertText: `${mark}Vraag ${next.id}\n\n\${1:Tekst van de vraag?}\n\n${mark}Antwoord ${next.id}\n\n\${2:Antwoord.}$0`,
          snippet: true,
          filterText: `${line[2] ?? ''}Vraag ${next.id}`,
          span: { start, end: offset },
          sortText: '00000',
        },
      ];
    }
  }
  const v = VRAAG_BEFORE.exec(before);
  if (v && a.letter && a.letter.questions.length) {
    const typed = v[1];
    const span = { start: offset - typed.length, end: offset };
    // The question being answered (or asked) at the cursor is no answer to refer to: a reference to
    // it is circular. Questions already answered come first: a reference to an open one leads nowhere yet.
    const here = questionsAt(a.letter.questions, offset);
    const answered = (q: CompletionQuestion) => (q.answer && (q.answer.status === 'missing' || q.answer.status === 'placeholder') ? 1 : 0);
    return a.letter.questions
      .filter((q) => q.id.startsWith(typed) && !here.has(q))
      .map((q, i) => ({ q, i }))
      .sort((x, y) => answered(x.q) - answered(y.q) || x.i - y.i)
      .map(({ q }, k) => ({
        label: q.id,
        detail: collapseWhitespace(q.questionText).slice(0, 80),
        insertText: q.id,
        span,
        sortText: String(k).padStart(5, '0'),
      }));
  }
  return null;
}

/**
 * The question to add at `offset`: one past the last question whose heading starts before it
 * (its number + 1, without a letter suffix), with the heading mark ("##", "###" or none) the
 * letter's question headings use there. Null when the letter has no question before `offset`.
 */
export function nextQuestion(
  text: string,
  questions: { id: string; headingSpan?: { start: number; end: number } }[],
  offset: number,
): { id: string; after: string; mark: string } | null {
  let last: (typeof questions)[number] | null = null;
  for (const q of questions) if (q.headingSpan && q.headingSpan.start < offset) last = q;
  if (!last || !last.headingSpan) return null;
  const n = parseInt(last.id, 10);
  if (Number.isNaN(n)) return null;
  const heading = text.slice(last.headingSpan.start, Math.min(last.headingSpan.end, last.headingSpan.start + 20));
  const mark = /^[ \t]*(#{1,6})[ \t]/.exec(heading)?.[1] ?? '';
  return { id: String(n + 1), after: last.id, mark };
}
