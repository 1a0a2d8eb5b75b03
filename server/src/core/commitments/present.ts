/**
 * How commitments are shown: the Dutch due label (outline, CLI text), the `new-commitment`
 * finding, and the hover on a commitment's sentence.
 */
import type { Finding } from '../model';
import type { HoverBlock, HoverResult } from '../features/types';
import { lastStartingAtOrBefore } from '../text';
import { dutchDate, type Due } from './dates';
import type { Commitment, Commitments, LetterDateOrigin } from './find';

/**
 * "uiterlijk 5 juli 2024 (voor het zomerreces)", "in de volgende voortgangsrapportage (geen
 * datum)", "voor de zomer (datum onbekend: de brief heeft geen datum)", "geen termijn".
 */
export function dueLabel(due: Due): string {
  if (due.date) return `uiterlijk ${dutchDate(due.date)}${due.phrase ? ` (${due.phrase})` : ''}`;
  if (due.phrase) return `${due.phrase} (${due.needsLetterDate ? 'datum onbekend: de brief heeft geen datum' : 'geen datum'})`;
  return 'geen termijn';
}

/** Said of a due date before the letter's own date. */
export const PAST_DUE = 'de termijn ligt vóór de briefdatum';

/** Whether a due date (`YYYY-MM-DD`) lies before the letter's date: a slip of the pen or a wrong letter date. */
export function isPastDue(due: string | null, letterDate: string | null): boolean {
  return !!due && !!letterDate && due < letterDate;
}

/** Where the letter's date was taken from, in Dutch ("uit de brief", "datum van het bestand: de brief heeft geen datum"). */
export function letterDateOriginLabel(from: LetterDateOrigin | null): string {
  switch (from) {
    case 'kop':
      return 'uit de brief';
    case '--datum':
      return 'uit --datum';
    case 'instelling':
      return 'uit de instelling antwoordbrief.briefdatum';
    case 'bestandsdatum':
      return 'datum van het bestand: de brief heeft geen datum; zet die in de brief of in de instelling antwoordbrief.briefdatum';
    default:
      return 'opgegeven door de omgeving';
  }
}

/** One information finding per commitment (code `new-commitment`, off by default). */
export function commitmentFindings(commitments: Commitments): Finding[] {
  return commitments.items.map((c) => ({
    code: 'new-commitment',
    span: c.span,
    message: `Toezegging aan de Kamer: ${dueLabel(c.due)}.`,
  }));
}

/** The commitment whose sentence holds `offset` (ends inclusive), or undefined. Binary search. */
function commitmentAt(commitments: Commitments, offset: number): Commitment | undefined {
  const i = lastStartingAtOrBefore(commitments.items, offset, (c) => c.span.start);
  const c = i >= 0 ? commitments.items[i] : undefined;
  return c && offset <= c.span.end ? c : undefined;
}

/** Hover on a commitment's sentence: that it is one, its due date, and what the date was counted from. */
export function hoverCommitment(commitments: Commitments, offset: number): HoverResult | null {
  const c = commitmentAt(commitments, offset);
  if (!c) return null;
  const fields: [string, string][] = [['Termijn', dueLabel(c.due)]];
  if (c.due.needsLetterDate) fields.push(['Briefdatum', 'onbekend: zet de datum in de brief ("Den Haag, 3 februari 2026") of in de instelling antwoordbrief.briefdatum']);
  else if (commitments.letterDate) fields.push(['Briefdatum', `${dutchDate(commitments.letterDate)} (${letterDateOriginLabel(commitments.letterDateFrom)})`]);
  if (isPastDue(c.due.date, commitments.letterDate)) fields.push(['Let op', PAST_DUE]);
  const blocks: HoverBlock[] = [
    { kind: 'title', text: 'Toezegging' },
    { kind: 'text', text: 'Een toezegging aan de Kamer: neem haar op in het register van toezeggingen.' },
    { kind: 'fields', fields },
  ];
  return { span: c.span, blocks };
}
