/**
 * The answer status of a letter: the one count the status item, the CLI's summary and the pair
 * check's "unfinished" all use. A question unit is answered when its answer is written out, or
 * points to answers that exist and are answered themselves (or to another paper). It is open
 * when it has no answer, an answer that still holds a placeholder ("PM: afstemmen …",
 * "[PM antwoord]", "nog aanvullen", "TODO"), or an answer that only points to a question that does
 * not exist or is not answered. With a question letter, its questions the answer letter does not
 * carry count too: each is open. A question letter itself asks: it is counted, never open.
 */
import type { Letter, QuestionUnit } from '../model';
import type { LetterKind } from '../letter/parse';
import { answerPlaceholders } from '../letter/placeholders';
import { resolveAnswerTarget } from '../letter/references';
import { chainOutcomes } from '../checks/questions/answerReferences';
import type { PairMatch } from '../pair/match';
import { missingPlaces } from '../pair/missing';
import { isQuestionLetter } from '../pair/link';
import { dutchDate } from '../pair/term';
import type { Span } from '../text';

/** Why a question counts as open. */
export type OpenReason = 'missing' | 'placeholder' | 'dangling-reference' | 'unanswered-reference' | 'not-carried';

/** One open question, with where the drafter goes to answer it. */
export interface OpenQuestion {
  /** The question's id ("2", "1a"); for `not-carried` the question letter's id. */
  id: string;
  reason: OpenReason;
  /** The unit in this letter (null for a question only the question letter has). */
  unit: QuestionUnit | null;
  /**
   * Where "Volgende onbeantwoorde vraag" goes (UTF-16 offsets into the letter): the place to
   * type the answer (the empty line under an "Antwoord N" heading), the placeholder to replace
   * (selected), the answer whose reference leads nowhere, the place where a missing question
   * belongs; the question's heading when there is no answer heading yet.
   */
  target: Span;
}

export interface AnswerStatus {
  /** `questions`: the letter asks the questions (a question letter); nothing in it is open. */
  kind: 'answers' | 'questions';
  /** Questions that need an answer: this letter's (context-only parents excluded) plus those of the question letter it does not carry. */
  total: number;
  answered: number;
  /** Of `answered`: answered by reference (to other answers that are answered, or another paper). */
  byReference: number;
  /** The open questions, by `target.start`. */
  open: OpenQuestion[];
}

/** The question letter an answer letter is checked against, as the pair state has it. */
export interface StatusPair {
  questions: Letter;
  match: PairMatch;
}

/** Where typing starts under an empty answer heading: the blank line after it, else the heading's end. */
function typingPlace(text: string, heading: Span): Span {
  let eol = text.indexOf('\n', heading.end);
  if (eol < 0) return { start: heading.end, end: heading.end };
  const next = eol + 1;
  let e = next;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
  if (e === text.length || text.charCodeAt(e) === 10 || text.charCodeAt(e) === 13) return { start: e, end: e };
  if (eol > heading.end && text.charCodeAt(eol - 1) === 13) eol--;
  return { start: eol, end: eol };
}

/**
 * The status of `letter` (offsets are UTF-16 offsets into `letter.text`); `pair`: its question
 * letter and the match of their units (null: none). `asQuestionLetter`: the host knows the letter
 * serves as another letter's question letter. Linear in the units of both letters plus the
 * letter's answer references.
 */
export function answerStatus(letter: Letter, pair: StatusPair | null = null, asQuestionLetter = false): AnswerStatus {
  const kind = (letter as { kind?: LetterKind }).kind;
  const units = letter.questions.filter((q) => q.answer.status !== 'context');
  if (!pair && (asQuestionLetter || kind === 'question-letter' || (kind === undefined && isQuestionLetter(letter)))) {
    return { kind: 'questions', total: units.length, answered: 0, byReference: 0, open: [] };
  }
  const outcome = chainOutcomes(letter);
  const open: OpenQuestion[] = [];
  let byReference = 0;
  for (const q of units) {
    const a = q.answer;
    if (a.status === 'answered') continue;
    if (a.status === 'missing') {
      const target = a.headingSpan ? typingPlace(letter.text, a.headingSpan) : { start: q.headingSpan.start, end: q.headingSpan.start };
      open.push({ id: q.id, reason: 'missing', unit: q, target });
      continue;
    }
    if (a.status === 'placeholder') {
      const first = answerPlaceholders(letter.text, a)[0] ?? a.span ?? q.headingSpan;
      open.push({ id: q.id, reason: 'placeholder', unit: q, target: { start: first.start, end: first.end } });
      continue;
    }
    // By reference: answered when every answer it points to exists and is answered in the end.
    const at = a.span ? { start: a.span.start, end: a.span.start } : { start: q.headingSpan.start, end: q.headingSpan.start };
    if (a.refersTo.some((id) => !resolveAnswerTarget(letter, q, id))) {
      open.push({ id: q.id, reason: 'dangling-reference', unit: q, target: at });
      continue;
    }
    if (a.refersTo.length && !outcome(q).ok) {
      open.push({ id: q.id, reason: 'unanswered-reference', unit: q, target: at });
      continue;
    }
    byReference++;
  }
  let total = units.length;
  if (pair) {
    const places = missingPlaces(pair.questions, letter, pair.match);
    total += places.length;
    for (const p of places) open.push({ id: pair.questions.questions[p.index].id, reason: 'not-carried', unit: null, target: { start: p.at, end: p.at } });
  }
  open.sort((x, y) => x.target.start - y.target.start);
  return { kind: 'answers', total, answered: total - open.length, byReference, open };
}

/** What the status item shows for a letter: its state, words and tooltip (Dutch). */
export interface StatusView {
  /**
   * `open`: a question is open; `errors`: every question answered, yet error-level findings
   * remain; `done`: every question answered and no error; `questions`: a question letter.
   */
  state: 'open' | 'errors' | 'done' | 'questions';
  text: string;
  /** Lines of the tooltip. */
  tooltip: string[];
}

const REASON: Record<OpenReason, string> = {
  missing: 'geen antwoord',
  placeholder: 'nog een placeholder',
  'dangling-reference': 'verwijst naar een vraag die niet bestaat',
  'unanswered-reference': 'verwijst naar een vraag zonder antwoord',
  'not-carried': 'ontbreekt; staat in de vragenbrief',
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The answer term in words: "Antwoordtermijn: uiterlijk 28 maart 2024 (nog 3 dagen)." */
export function dueLine(due: { date: string; daysLeft: number }): string {
  const d = due.daysLeft;
  if (d >= 0) return `Antwoordtermijn: uiterlijk ${dutchDate(due.date)} (${d === 0 ? 'vandaag' : `nog ${count(d, 'dag', 'dagen')}`}).`;
  return `Antwoordtermijn verstreken op ${dutchDate(due.date)} (${count(-d, 'dag', 'dagen')} geleden).`;
}

/**
 * The status item's view of `status` (null for a letter without questions). `errors`: the
 * letter's findings at error level under the drafter's settings; `due`: the answer term.
 * The item never says a letter is complete while an error-level finding remains.
 */
export function statusView(status: AnswerStatus, errors: number, due: { date: string; daysLeft: number } | null): StatusView | null {
  if (!status.total) return null;
  const tooltip: string[] = [];
  if (status.kind === 'questions') {
    tooltip.push(`Deze brief stelt ${count(status.total, 'vraag', 'vragen')}; de antwoordbrief wordt ertegen gecontroleerd.`);
    if (due) tooltip.push(dueLine(due));
    return { state: 'questions', text: `Vragenbrief: ${count(status.total, 'vraag', 'vragen')}`, tooltip };
  }
  const words = `${status.answered} van ${count(status.total, 'vraag', 'vragen')} beantwoord`;
  const open = status.open;
  let view: StatusView;
  if (open.length) {
    tooltip.push(`${open.length === 1 ? 'Eén vraag is' : `${open.length} vragen zijn`} nog niet beantwoord. Klik om naar de volgende te gaan.`);
    const listed = open.slice(0, 6).map((o) => `vraag ${o.id} (${REASON[o.reason]})`);
    if (open.length > 6) listed.push(`nog ${open.length - 6}`);
    tooltip.push(`Open: ${listed.join(', ')}.`);
    view = { state: 'open', text: words, tooltip };
  } else if (errors > 0) {
    tooltip.push(`Alle vragen hebben een antwoord, maar de brief heeft nog ${count(errors, 'fout', 'fouten')}: zie het venster Problemen.`);
    view = { state: 'errors', text: `${words}, ${count(errors, 'fout', 'fouten')}`, tooltip };
  } else {
    tooltip.push('Alle vragen zijn beantwoord.');
    view = { state: 'done', text: words, tooltip };
  }
  if (due) tooltip.push(dueLine(due));
  return view;
}
