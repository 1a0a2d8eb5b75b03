/**
 * The pair of one answer letter and its question letter as the features see it: which question
 * letter, how it was linked (in Dutch), the answer term and days left, the match of their
 * question units and the pair findings (before settings and suppression: `diagnose` applies
 * those once). Also the pair's own editor features: the first-line hover, the code lens, go to
 * definition into the question letter, references across the pair and the pair quick fixes.
 * Pure: the host finds and reads the question letter and passes it in with today's date.
 */
import type { Finding, Letter } from '../model';
import type { ParsedLetter } from '../letter/parse';
import { LineIndex, type Span } from '../text';
import { slot, type Memo } from '../memo';
import { checkPair, type PairFix } from './check';
import { matchLetters, type PairMatch } from './match';
import { daysBetween, dutchDate, findTerm, type Term } from './term';
import { isQuestionLetter, questionLetterRef } from './link';
import { questionsComeFromElsewhere } from './ownQuestions';
import { answerOnlyMatch, answerOnlyView } from './answerOnly';
import { definitionInQuestionLetter, pairReferences } from '../features/pairNavigation';
import { renameTargetAt, renumberFollowing } from '../features/rename';
import type { DefinitionTarget, HoverBlock, HoverResult, QuickFix } from '../features/types';

/** How the host found the question letter. */
export type LinkVia = 'front-matter' | 'comment' | 'setting' | 'quotes' | 'identifier' | 'answers';

/** The question letter the host found for an answer letter. */
export interface QuestionLetterLink {
  /** As shown to the user (file name, or a path relative to the answer letter). */
  name: string;
  uri: string;
  via: LinkVia;
  text: string;
  letter: Letter;
}

/** What the host found: a usable question letter, a named one it could not use (Dutch reason), or none. */
export type QuestionLetterInput =
  | { link: QuestionLetterLink }
  /** `pending`: a PDF or Word question letter still being read (no finding yet; the letter is checked again when it is read). */
  | { problem: string; name: string | null; uri: string | null; pending?: boolean }
  | null;

/** What the pair check found for one version of an answer letter. */
export interface PairState {
  /** Pair findings, before settings and inline suppression. */
  findings: Finding[];
  /** Name of the question letter (file name), or null. */
  questionLetter: string | null;
  questionUri: string | null;
  /** How it was linked, in Dutch. */
  via: string | null;
  /** Why a named question letter could not be used (Dutch). */
  problem: string | null;
  due: { date: string; daysLeft: number } | null;
  term: Term | null;
  questions: Letter | null;
  questionText: string | null;
  match: PairMatch | null;
  /**
   * An answer-only letter ("Antwoord N" headings, no question text; answerOnly.ts) as counted
   * against the question letter: one unit per answered number. The pair check, the status and
   * the outline read this letter instead of the parsed one. Null for any other letter.
   */
  answerView: Letter | null;
}

export const NO_PAIR: PairState = Object.freeze({
  findings: [],
  questionLetter: null,
  questionUri: null,
  via: null,
  problem: null,
  due: null,
  term: null,
  questions: null,
  questionText: null,
  match: null,
  answerView: null,
}) as PairState;

/** How a question letter was linked, in Dutch (hover). */
export function viaText(via: LinkVia): string {
  switch (via) {
    case 'front-matter':
      return 'genoemd in de kop van de brief (vragen:)';
    case 'comment':
      return 'genoemd in een opmerking <!-- vragen: … -->';
    case 'setting':
      return 'ingesteld met antwoordbrief.vragenbrief';
    case 'quotes':
      return 'automatisch gevonden: de antwoordbrief neemt de vragen ervan over';
    case 'identifier':
      return 'automatisch gevonden: kenmerk of zaaknummer komt overeen';
    case 'answers':
      return 'automatisch gevonden: de antwoorden volgen de vragen ervan';
  }
}

/** The term of each parsed question letter (a letter is parsed again when its text changes). */
const TERMS = slot('pair.terms', () => new WeakMap<Letter, Term>());

/** The answer term's due date and days left from `today` (ISO dates). */
export function dueOf(term: Term, today: string | null): { date: string; daysLeft: number } | null {
  return term.due && today ? { date: term.due, daysLeft: daysBetween(today, term.due) } : null;
}

/**
 * The pair state of an answer letter (`letter`, `text`) given what the host found. A question
 * letter itself (nothing linked) shows its own term. `today` is an ISO date (null: no term check).
 * `letterDate`: the answer letter's own date (header, `--datum`, `briefdatum` setting; ISO), with
 * which the answer term is compared instead of today when given.
 */
export function pairState(text: string, letter: ParsedLetter, found: QuestionLetterInput, today: string | null, memo?: Memo, letterDate: string | null = null): PairState {
  if (!found) {
    if (isQuestionLetter(letter)) {
      const term = findTerm(text);
      return { ...NO_PAIR, term, due: dueOf(term, today) };
    }
    return NO_PAIR;
  }
  if ('problem' in found) {
    // A question letter the letter names but that cannot be read (missing, a scan, encrypted,
    // too big): one warning on the name, so the drafter sees why no pair check runs.
    const ref = found.pending ? null : questionLetterRef(text);
    const findings: Finding[] = ref
      ? [{ code: 'question-letter-unreadable', span: ref.span, message: `De vragenbrief kan niet gelezen worden: ${found.problem}. De antwoorden worden niet met de vragenbrief vergeleken.` }]
      : [];
    return { ...NO_PAIR, findings, problem: found.problem, questionUri: found.uri, questionLetter: found.name };
  }
  const link = found.link;
  const terms = memo?.get(TERMS);
  let term = terms?.get(link.letter);
  if (!term) {
    term = findTerm(link.text);
    terms?.set(link.letter, term);
  }
  // An answer-only letter is counted against the question letter by number.
  const view = answerOnlyView(letter, link.letter);
  const checked = view ? view.letter : letter;
  const match = view ? answerOnlyMatch(link.letter, view.letter) : matchLetters(link.letter, letter, memo);
  const findings = checkPair(link.letter, checked, { questionLetterName: link.name, today: today ?? undefined, letterDate, term, memo }, match);
  return {
    findings,
    questionLetter: link.name,
    questionUri: link.uri,
    via: viaText(link.via),
    problem: null,
    due: dueOf(term, today),
    term,
    questions: link.letter,
    questionText: link.text,
    match,
    answerView: view ? view.letter : null,
  };
}

/** Hover on the first line: which question letter is used, and the term. */
export function pairHover(state: PairState, letter: Letter, lines: LineIndex, offset: number): HoverResult | null {
  if (lines.lineAt(offset) !== 0) return null;
  const span: Span = { start: 0, end: lines.lineEnd(0) };
  const blocks: HoverBlock[] = [];
  if (state.questionLetter && !state.problem) {
    blocks.push({ kind: 'title', text: `Vragenbrief: ${state.questionLetter}` });
    if (state.via) blocks.push({ kind: 'text', text: `Gekoppeld: ${state.via}. Wijzigen: zet bovenaan <!-- vragen: ./andere-brief.md -->.` });
  } else if (state.problem) {
    blocks.push({ kind: 'title', text: 'Vragenbrief niet gevonden' });
    blocks.push({ kind: 'text', text: `Kan de vragenbrief niet gebruiken: ${state.problem}.` });
  } else if (state.term) {
    blocks.push({ kind: 'title', text: 'Vragenbrief' });
  } else if (questionsComeFromElsewhere(letter)) {
    blocks.push({ kind: 'title', text: 'Geen vragenbrief gekoppeld' });
    blocks.push({ kind: 'text', text: 'Koppel de vragenbrief met <!-- vragen: ./inbreng.md --> bovenaan de brief, of met de instelling antwoordbrief.vragenbrief.' });
    return { span, blocks };
  } else {
    return null;
  }
  const t = state.term;
  if (t && (t.sent || t.due)) {
    const fields: [string, string][] = [];
    if (t.sent) fields.push(['Ingezonden', dutchDate(t.sent)]);
    if (t.termDays !== null) fields.push(['Termijn', `${t.termDays % 7 === 0 ? `${t.termDays / 7} weken` : `${t.termDays} dagen`}${t.defaultTerm ? ' (standaard voor Kamervragen)' : ''}`]);
    if (state.due) {
      fields.push(['Uiterlijk', dutchDate(state.due.date)]);
      const d = state.due.daysLeft;
      fields.push(['Nog', d >= 0 ? `${d} ${d === 1 ? 'dag' : 'dagen'}` : `termijn ${-d} ${d === -1 ? 'dag' : 'dagen'} verstreken`]);
    }
    blocks.push({ kind: 'fields', fields });
  }
  return { span, blocks };
}

/** The code lens on the first line of an answer letter (null on a question letter or a letter without questions). */
export function pairCodeLens(state: PairState, letter: Letter, lines: LineIndex): { span: Span; title: string } | null {
  if (!questionsComeFromElsewhere(letter)) return null;
  const title =
    state.questionLetter && !state.problem
      ? `Vragenbrief: ${state.questionLetter}${state.due ? ` · uiterlijk ${dutchDate(state.due.date)}` : ''} — wijzigen`
      : state.problem
        ? `Vragenbrief niet bruikbaar (${state.problem}) — kiezen`
        : 'Geen vragenbrief gekoppeld — kiezen';
  return { span: { start: 0, end: lines.lineEnd(0) }, title };
}

/** Go to definition from a question of the answer letter to the question letter. */
export function pairDefinition(state: PairState, letter: Letter, offset: number): DefinitionTarget[] | null {
  if (!state.questions || !state.match || !state.questionUri || state.questionText === null) return null;
  const hit = definitionInQuestionLetter(state.answerView ?? letter, state.questions, state.match, offset);
  if (!hit) return null;
  const lines = new LineIndex(state.questionText);
  return [{ originSpan: hit.originSpan, uri: state.questionUri, range: lines.range(hit.span) }];
}

/** Quick fixes of the pair findings touching [start, end] (`findings`: those shown), and the renumber action on a heading. */
export function pairQuickFixes(findings: Finding[], letter: Letter, start: number, end: number): QuickFix[] {
  const out: QuickFix[] = [];
  for (const f of findings) {
    if (f.span.start > end || f.span.end < start) continue;
    const fix = f.data as PairFix | undefined;
    if (!fix || fix.kind !== 'pair-edit') continue;
    out.push({ title: fix.title, code: f.code, findingSpan: f.span, edits: [{ span: fix.span, newText: fix.text }], preferred: true });
  }
  const renumber = renumberFollowing(letter, start);
  if (renumber) {
    const target = renameTargetAt(letter, start)!;
    out.push({ title: renumber.title, code: 'renumber', findingSpan: target.span, edits: renumber.edits });
  }
  return out;
}

/** A place in a document: URI and LSP range. */
export interface PairLocation {
  uri: string;
  range: ReturnType<LineIndex['range']>;
}

/** An open answer letter that uses the letter asked about as its question letter. */
export interface PairDependent {
  uri: string;
  letter: Letter;
  lines: LineIndex;
  pair: PairState;
}

/**
 * References of the question at `offset` across the pair: in the answer letter `uri` (with its
 * question letter), and, on a question letter, in the open answer letters that carry it.
 */
export function pairLocations(
  uri: string,
  letter: Letter,
  lines: LineIndex,
  state: PairState,
  dependents: PairDependent[],
  offset: number,
  includeDeclaration: boolean,
): PairLocation[] {
  const out: PairLocation[] = [];
  const add = (u: string, l: LineIndex, spans: Span[]) => spans.forEach((s) => out.push({ uri: u, range: l.range(s) }));
  if (state.questions && state.match && state.questionUri && state.questionText !== null) {
    const refs = pairReferences(state.answerView ?? letter, state.questions, state.match, 'answer', offset);
    if (refs) {
      add(state.questionUri, new LineIndex(state.questionText), refs.inQuestions);
      add(uri, lines, includeDeclaration ? refs.inAnswer : refs.inAnswer.slice(1));
    }
  }
  for (const dep of dependents) {
    const s = dep.pair;
    if (!s.questions || !s.match) continue;
    const refs = pairReferences(s.answerView ?? dep.letter, s.questions, s.match, 'questions', offset);
    if (!refs) continue;
    if (includeDeclaration && !out.some((l) => l.uri === uri)) add(uri, lines, refs.inQuestions);
    add(dep.uri, dep.lines, refs.inAnswer);
  }
  return out;
}
