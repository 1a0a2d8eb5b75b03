/**
 * The answer term of a question letter: the date it was sent (ingezonden / dagtekening) and
 * the term it gives ("binnen drie weken", "binnen vier weken na dagtekening", "uiterlijk
 * 2 april 2025"), turned into a due date. Dates are ISO strings (YYYY-MM-DD), computed in UTC.
 */
import type { Span } from '../text';

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8,
  september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mrt: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
};

const NUMBERS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, veertien: 14, vijftien: 15, twintig: 20, dertig: 30,
};

// Day, month and year may be broken over two lines, as a PDF header breaks them ("(ingezonden 5 juni⏎2024)").
const SEP = String.raw`(?:[ \t\u00A0]*\r?\n[ \t\u00A0]*|[ \t\u00A0]+)`;
const DATE = String.raw`(\d{1,2})${SEP}(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?${SEP}(\d{4})`;
const WS = String.raw`[\s\u00A0]+`;
const SENT_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\bingezonden(?:${WS}op)?${WS}${DATE}`, 'giu'),
  new RegExp(String.raw`\bde${WS}op${WS}${DATE}${WS}(?:aan${WS}\S+${WS}\S+${WS})?(?:toegezonden|verzonden|ingezonden)`, 'giu'),
  new RegExp(String.raw`\bdagtekening${WS}(?:van${WS})?${DATE}`, 'giu'),
];
const DATED_PATTERNS: RegExp[] = [
  new RegExp(String.raw`^[ \t]*Datum[ \t:]+${DATE}`, 'gimu'),
  new RegExp(String.raw`^[ \t]*Den${WS}Haag,?${WS}${DATE}`, 'gimu'),
];
const TERM = new RegExp(
  String.raw`\bbinnen${WS}(\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|veertien|vijftien|twintig|dertig)${WS}(weken|week|dagen|dag)(${WS}na${WS}(?:dagtekening|ontvangst|verzending))?`,
  'giu',
);
const DEADLINE = new RegExp(String.raw`\b(?:uiterlijk(?:${WS}op)?|vóór|voor${WS}of${WS}op)${WS}${DATE}`, 'giu');
const KAMERVRAGEN = /\b(?:vragen\s+van\s+(?:het\s+lid|de\s+leden)\b|schriftelijke\s+vragen\b|kamervragen\b)/iu;

export interface Term {
  /** Date the questions were sent or dated, if found. */
  sent: string | null;
  sentSpan: Span | null;
  /** The term in days, if the letter states one (or the three weeks of Kamervragen). */
  termDays: number | null;
  termSpan: Span | null;
  /** True when the term is the three-week default for Kamervragen, not stated in the letter. */
  defaultTerm: boolean;
  /** The due date, when it can be computed. */
  due: string | null;
}

function iso(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function dateOf(day: string, month: string, year: string): string | null {
  const m = MONTHS[month.toLowerCase()];
  return m ? iso(Number(year), m, Number(day)) : null;
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `today` to `due` (negative when past due). */
export function daysBetween(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today's date as an ISO string in UTC. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function firstMatch(patterns: RegExp[], text: string): { date: string; span: Span } | null {
  let best: { date: string; span: Span } | null = null;
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const n = m.length;
      const date = dateOf(m[n - 3], m[n - 2], m[n - 1]);
      if (date) {
        if (!best || m.index < best.span.start) best = { date, span: { start: m.index, end: m.index + m[0].length } };
        break;
      }
    }
  }
  return best;
}

/** Finds the sending date and the answer term of a question letter. */
export function findTerm(text: string): Term {
  const sent = firstMatch(SENT_PATTERNS, text) ?? firstMatch(DATED_PATTERNS, text);
  let termDays: number | null = null;
  let termSpan: Span | null = null;
  let due: string | null = null;
  let defaultTerm = false;

  DEADLINE.lastIndex = 0;
  const deadline = DEADLINE.exec(text);
  TERM.lastIndex = 0;
  const term = TERM.exec(text);
  if (term) {
    const count = /^\d+$/.test(term[1]) ? Number(term[1]) : NUMBERS[term[1].toLowerCase()];
    const unit = term[2].toLowerCase().startsWith('we') ? 7 : 1;
    if (count) {
      termDays = count * unit;
      termSpan = { start: term.index, end: term.index + term[0].length };
    }
  }
  if (deadline && (!term || deadline.index < term.index)) {
    const date = dateOf(deadline[1], deadline[2], deadline[3]);
    if (date) {
      due = date;
      termSpan = { start: deadline.index, end: deadline.index + deadline[0].length };
      termDays = sent ? daysBetween(sent.date, date) : null;
    }
  }
  if (termDays === null && sent && KAMERVRAGEN.test(text.slice(0, 4000))) {
    // Kamervragen are due in three weeks (Reglement van Orde) even when the letter does not say so.
    termDays = 21;
    defaultTerm = true;
  }
  if (!due && sent && termDays !== null) due = addDays(sent.date, termDays);
  return { sent: sent?.date ?? null, sentSpan: sent?.span ?? null, termDays, termSpan, defaultTerm, due };
}

/** "12 maart 2025" for an ISO date. */
export function dutchDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const names = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${d} ${names[m - 1]} ${y}`;
}
