/**
 * Dates of commitments: the letter's own date (from its header) and the due date of a phrase
 * such as "voor het zomerreces" or "binnen drie maanden", relative to that date.
 *
 * Dates are ISO calendar dates (`YYYY-MM-DD`, no time zone): a letter's date and a due date are
 * days, and Dutch month names plus day arithmetic on UTC dates are all this needs (no library;
 * adding days and writing a date in Dutch are the answer term's, core/pair/term.ts).
 */

import { addDays, dutchDate } from '../pair/term';

export { dutchDate };

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Dutch month names, lower case, January first. */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const MONTH_ALT = MONTHS.join('|');

/** The month number (1–12) of a Dutch month name, or 0. */
function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** `YYYY-MM-DD` of a year, month (1–12) and day; the day is clamped to the month's length. */
function isoDate(year: number, month: number, day: number): IsoDate {
  const last = daysInMonth(year, month);
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(Math.max(day, 1), last))}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse `YYYY-MM-DD` (a real calendar date) into its parts, or null. */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `date` plus `n` calendar months; 31 January + 1 month is 28 (or 29) February. */
function addMonths(date: IsoDate, n: number): IsoDate {
  const p = parseIsoDate(date)!;
  const m0 = p.month - 1 + n;
  const year = p.year + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  return isoDate(year, month, p.day);
}

/**
 * First day of the Tweede Kamer's summer recess (zomerreces), per year, as the Kamer published
 * them (tweedekamer.nl, "Recesdata"). Years not in the table follow `summerRecessRule`.
 */
export const SUMMER_RECESS_START: Readonly<Record<number, IsoDate>> = {
  2019: '2019-07-05',
  2020: '2020-07-03',
  2021: '2021-07-09',
  2022: '2022-07-08',
  2023: '2023-07-07',
  2024: '2024-07-05',
  2025: '2025-07-04',
  2026: '2026-07-03',
};

/**
 * The rule the table follows in every year it holds: the summer recess starts on the first
 * Friday on or after 3 July (the Kamer sits until the Thursday before).
 */
export function summerRecessRule(year: number): IsoDate {
  const weekday = new Date(Date.UTC(year, 6, 3)).getUTCDay(); // 0 Sunday … 5 Friday
  return isoDate(year, 7, 3 + ((5 - weekday + 7) % 7));
}

/** First day of the summer recess of `year`: from the table, else by the rule. */
export function summerRecessStart(year: number): IsoDate {
  return SUMMER_RECESS_START[year] ?? summerRecessRule(year);
}

/** Prinsjesdag (the budget is presented): the third Tuesday of September (Grondwet art. 65). */
export function prinsjesdag(year: number): IsoDate {
  const weekday = new Date(Date.UTC(year, 8, 1)).getUTCDay();
  return isoDate(year, 9, 1 + ((2 - weekday + 7) % 7) + 14);
}

/** How far into a letter its date is looked for: the header, not a memo or quotation further on. */
const HEADER_LENGTH = 8_000;

const DAY_MONTH_YEAR = `(\\d{1,2})\\s+(${MONTH_ALT})\\s+(\\d{4})`;
/** "Datum 26 november 2025" (the Rijkshuisstijl letter head, also with the date on the next lines). */
const DATUM = new RegExp(`^[ \\t*#>]*Datum[ \\t]*:?[ \\t]*(?:\\r?\\n[ \\t]*){0,3}${DAY_MONTH_YEAR}`, 'imu');
/** "Den Haag, 3 februari 2021" (a Kamerstuk letter): a line of a place and a date. */
const PLACE_DATE = new RegExp(`^[ \\t*]*(?:Den Haag|'s-Gravenhage|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),[ \\t]*${DAY_MONTH_YEAR}[ \\t*]*$`, 'mu');
/** "(ontvangen 17 mei 2024)": the answer date of Kamervragen in the Aanhangsel. */
const RECEIVED = new RegExp(`\\(ontvangen\\s+${DAY_MONTH_YEAR}\\)`, 'iu');

/**
 * The date a letter carries in its header, or null: the first of "Datum …", "Den Haag, …" and
 * "(ontvangen …)". Reads only the first 8,000 UTF-16 code units (a header; a date further on
 * belongs to a quotation or an appended memo).
 */
export function letterDateOf(text: string): IsoDate | null {
  const head = text.length > HEADER_LENGTH ? text.slice(0, HEADER_LENGTH) : text;
  let best: RegExpExecArray | null = null;
  const consider = (m: RegExpExecArray | null) => {
    if (m && (!best || m.index < best.index)) best = m;
  };
  if (/datum/i.test(head)) consider(DATUM.exec(head));
  if (head.indexOf(', ') >= 0) consider(PLACE_DATE.exec(head));
  if (head.indexOf('(ontvangen') >= 0) consider(RECEIVED.exec(head));
  const m = best as RegExpExecArray | null;
  if (!m) return null;
  const day = +m[1];
  const month = monthNumber(m[2]);
  const year = +m[3];
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

/** A due date read from a commitment: the phrase as written and the date it means, if any. */
export interface Due {
  /** The phrase as it stands in the sentence ("voor het zomerreces"), or null when none. */
  phrase: string | null;
  /** The date the phrase means for the letter's date, or null (no phrase, no date, or none fits). */
  date: IsoDate | null;
  /** Offset of the phrase within the sentence's joined text (see `Commitment.text`), or -1. */
  at: number;
  /** The phrase names a date only relative to the letter's, and the letter has no date. */
  needsLetterDate?: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
};

const YEAR = `(?:[ \\t]+(?:van[ \\t]+)?(\\d{4}))?`;

interface Rule {
  re: RegExp;
  /** The date for the match and the letter's date (null if the letter has none). */
  date(m: RegExpExecArray, letter: IsoDate | null): IsoDate | null;
}

/** The year the phrase names, or the letter's year; null when neither is known. */
function baseYear(explicit: string | undefined, letter: IsoDate | null): number | null {
  if (explicit) return +explicit;
  return letter ? +letter.slice(0, 4) : null;
}

/**
 * A date in a year: the named year, else the letter's year, moved to the next year when it has
 * passed on the letter's date ("voor de zomer" in a letter of September means next summer).
 */
function inYear(explicit: string | undefined, letter: IsoDate | null, at: (year: number) => IsoDate): IsoDate | null {
  const y = baseYear(explicit, letter);
  if (y === null) return null;
  const d = at(y);
  if (!explicit && letter && d < letter) return at(y + 1);
  return d;
}

/** Last day of spring and of autumn as the Kamer uses "voorjaar"/"najaar": the day before the solstice. */
const END_OF_SPRING = (y: number) => isoDate(y, 6, 20);
const END_OF_SUMMER = (y: number) => isoDate(y, 9, 22);
const END_OF_AUTUMN = (y: number) => isoDate(y, 12, 20);
const END_OF_YEAR = (y: number) => isoDate(y, 12, 31);

const QUARTERS: Record<string, number> = { eerste: 1, tweede: 2, derde: 3, vierde: 4, laatste: 4 };

/**
 * The due-date phrases, most specific first. Each is matched case-insensitively on a sentence's
 * joined text. Where a rule comes from: the phrases Dutch ministries use in answer letters
 * (corpus letters; the Tweede Kamer's register of toezeggingen); the meanings are the issue's.
 */
const DATED_RULES: Rule[] = [
  // "voor de zomer", "vóór het zomerreces (van 2026)", "voor de zomer van 2026" → start of the summer recess.
  { re: new RegExp(`\\b(?:voor|vóór|uiterlijk[ \\t]+voor)[ \\t]+(?:de[ \\t]+zomer(?:reces)?|het[ \\t]+zomerreces)${YEAR}`, 'u'), date: (m, l) => inYear(m[1], l, summerRecessStart) },
  // "na de zomer", "na het zomerreces", "(in het|dit|komend) najaar (van 2025)" → end of autumn.
  { re: new RegExp(`\\bna[ \\t]+(?:de[ \\t]+zomer(?:reces)?|het[ \\t]+zomerreces)${YEAR}`, 'u'), date: (m, l) => afterSummer(m[1], l) },
  { re: new RegExp(`\\b(?:(?:in[ \\t]+)?het[ \\t]+(?:komende|aankomende)?[ \\t]*najaar|dit[ \\t]+najaar|(?:aan)?komend[ \\t]+najaar|in[ \\t]+het[ \\t]+najaar|najaar)(?![\\p{L}])${YEAR}`, 'u'), date: (m, l) => inYear(m[1], l, END_OF_AUTUMN) },
  { re: new RegExp(`\\b(?:(?:in[ \\t]+)?het[ \\t]+(?:komende|aankomende)?[ \\t]*voorjaar|dit[ \\t]+voorjaar|(?:aan)?komend[ \\t]+voorjaar|voorjaar)(?![\\p{L}])${YEAR}`, 'u'), date: (m, l) => inYear(m[1], l, END_OF_SPRING) },
  { re: new RegExp(`\\b(?:in[ \\t]+de|deze|(?:aan)?komende)[ \\t]+zomer${YEAR}`, 'u'), date: (m, l) => inYear(m[1], l, END_OF_SUMMER) },
  // "voor het einde van het jaar", "eind dit jaar", "later dit jaar", "nog dit jaar", "eind 2026", "in 2026".
  { re: /\b(?:(?:voor|vóór|tegen)[ \t]+het[ \t]+eind(?:e)?[ \t]+van[ \t]+(?:het|dit)[ \t]+jaar|eind(?:e)?[ \t]+(?:van[ \t]+)?dit[ \t]+jaar|later[ \t]+dit[ \t]+jaar|nog[ \t]+dit[ \t]+jaar|in[ \t]+de[ \t]+loop[ \t]+van[ \t]+dit[ \t]+jaar|voor[ \t]+het[ \t]+jaareinde)/u, date: (_m, l) => (l ? END_OF_YEAR(+l.slice(0, 4)) : null) },
  { re: /\b(?:(?:uiterlijk|voor|vóór)[ \t]+)?(?:(?:het[ \t]+)?eind(?:e)?|in[ \t]+de[ \t]+loop[ \t]+van|in)[ \t]+(\d{4})\b(?![ \t]*[-–/])/u, date: (m) => END_OF_YEAR(+m[1]) },
  // "in het eerste kwartaal (van 2021)", "(voor het einde van) Q3 2026".
  { re: new RegExp(`\\b(?:in|voor|vóór|uiterlijk(?:[ \\t]+in)?)[ \\t]+(?:het[ \\t]+einde[ \\t]+van[ \\t]+)?het[ \\t]+(eerste|tweede|derde|vierde|laatste)[ \\t]+kwartaal${YEAR}`, 'u'), date: (m, l) => inYear(m[2], l, (y) => isoDate(y, QUARTERS[m[1].toLowerCase()] * 3, 31)) },
  { re: /\bq([1-4])[ \t]+(\d{4})\b/u, date: (m) => isoDate(+m[2], +m[1] * 3, 31) },
  // "voor 1 juli" / "vóór 1 juli" / "uiterlijk voor 1 juli": before that day, so due the day
  // before (30 June); "uiterlijk 15 september 2026", "uiterlijk op …", "per 1 oktober": that day.
  { re: new RegExp(`\\b(voor|vóór|uiterlijk(?:[ \\t]+(?:op|voor|vóór))?|per)[ \\t]+(\\d{1,2})[ \\t]+(${MONTH_ALT})${YEAR}`, 'u'), date: (m, l) => inYear(m[4], l, (y) => dayOrDayBefore(m[1], isoDate(y, monthNumber(m[3]), +m[2]))) },
  // "in juni 2026", "eind juni", "begin juli", "medio september" → in that month.
  { re: new RegExp(`\\b(in|voor|vóór|eind|einde|begin|medio|half|halverwege)[ \\t]+(${MONTH_ALT})${YEAR}`, 'u'), date: (m, l) => inYear(m[3], l, (y) => monthPart(m[1], y, monthNumber(m[2]))) },
  // "binnen drie maanden", "binnen zes weken", "binnen 30 dagen" (from the letter's date).
  { re: /\bbinnen[ \t]+(\d{1,3}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)[ \t]+(dagen|dag|weken|week|maanden|maand|jaar)\b(?![ \t]+(?:na|nadat|vanaf|van)\b)/u, date: (m, l) => within(m, l) },
  // "voor het kerstreces", "voor de kerst" → the start of the Christmas recess; likewise the
  // spring (voorjaars-), May (mei-) and autumn (herfst-) recess.
  { re: /\b(?:voor|vóór)[ \t]+(?:het[ \t]+kerstreces|de[ \t]+kerst(?:reces)?)(?:[ \t]+(?:van[ \t]+)?(\d{4}))?/u, date: (m, l) => inYear(m[1], l, christmasRecessStart) },
  { re: /\b(?:voor|vóór)[ \t]+het[ \t]+(voorjaars|mei|herfst)reces(?:[ \t]+(?:van[ \t]+)?(\d{4}))?/u, date: (m, l) => inYear(m[2], l, (y) => recessStart(m[1], y)) },
  // "(in|bij) de Voorjaarsnota (2026)": sent before 1 June (Comptabiliteitswet 2016, art. 2.24).
  { re: /\b(?:in|bij|met|via|voor|vóór)[ \t]+de[ \t]+voorjaarsnota(?![\p{L}])(?:[ \t]+(\d{4}))?/u, date: (m, l) => inYear(m[1], l, (y) => isoDate(y, 6, 1)) },
  // "in de Miljoenennota", "bij de begroting" (no year) → the coming Prinsjesdag.
  { re: /\b(?:in|bij|met|via)[ \t]+de[ \t]+(?:miljoenennota|(?:ontwerp)?begroting(?![ \t]+(?:voor|van)[ \t]+\d{4}))(?:[ \t]+(\d{4}))?/u, date: (m, l) => (m[1] ? prinsjesdag(+m[1] - 1) : inYear(undefined, l, prinsjesdag)) },
  // "begin 2026", "medio 2026" → 31 March, 30 June of that year.
  { re: /\b(begin|medio|halverwege)[ \t]+(\d{4})\b/u, date: (m) => partOfYear(m[1] === 'halverwege' ? 'medio' : m[1], undefined, +m[2]) },
  // "volgend jaar", "begin volgend jaar", "in de eerste helft van volgend jaar".
  { re: /\b(?:(begin|medio|eind|in[ \t]+de[ \t]+(eerste|tweede)[ \t]+helft[ \t]+van)[ \t]+)?(?:het[ \t]+)?volgend(?:e)?[ \t]+jaar\b/u, date: (m, l) => (l ? partOfYear(m[1], m[2], +l.slice(0, 4) + 1) : null) },
  { re: /\bin[ \t]+de[ \t]+(eerste|tweede)[ \t]+helft[ \t]+van[ \t]+(?:(\d{4})|dit[ \t]+jaar|het[ \t]+jaar)/u, date: (m, l) => (m[2] ? partOfYear('helft', m[1], +m[2]) : l ? partOfYear('helft', m[1], +l.slice(0, 4)) : null) },
  // "met prinsjesdag", "bij de begroting voor 2027" (presented on prinsjesdag of the year before).
  { re: /\b(?:met|op|bij|voor|vóór|rond)[ \t]+prinsjesdag(?:[ \t]+(\d{4}))?/u, date: (m, l) => inYear(m[1], l, prinsjesdag) },
  { re: /\b(?:in|bij|met)[ \t]+de[ \t]+(?:ontwerp)?begroting[ \t]+(?:voor|van)[ \t]+(\d{4})\b/u, date: (m) => prinsjesdag(+m[1] - 1) },
];

/** Phrases that set when, without a date: a coming report, "zo spoedig mogelijk", "binnenkort". */
const UNDATED_PHRASE =
  /\b(?:(?:(?:in|via|middels|bij)[ \t]+(?:de|het|een)[ \t]+(?:(?:eerst)?volgende|komende|aankomende|periodieke|(?:half)?jaarlijkse|nieuwe)?|met[ \t]+(?:de|het)[ \t]+(?:(?:eerst)?volgende|komende|aankomende|periodieke|(?:half)?jaarlijkse))[ \t]*(?:voortgangsrapportage|voortgangsbrief|voortgangsrapport|verzamelbrief|stand[ -]van[ -]zakenbrief|rapportage|brief|kabinetsreactie|beleidsreactie|reactie|jaarverslag|begroting)|zo[ \t]+(?:spoedig|snel)[ \t]+mogelijk|zsm|binnenkort|op[ \t]+korte[ \t]+termijn|te[ \t]+zijner[ \t]+tijd|(?:voor|vóór|bij)[ \t]+(?:de[ \t]+)?begrotingsbehandeling|(?:voor|vóór)[ \t]+het[ \t]+(?:commissie|plenaire[ \t]+|tweeminuten)?debat(?:[ \t]+over[ \t]+[^,.;]{1,40})?|binnen[ \t]+\S+[ \t]+(?:dagen|weken|maanden)[ \t]+(?:na|nadat|vanaf)\b[^,.;]{0,40})/u;

/**
 * "na de zomer" / "na het zomerreces": the end of autumn of the summer that is still to come.
 * Rule: once that year's summer recess is over (the letter dated after its last day, nine weeks
 * after its first: the Kamer returns on the first Tuesday of September), "na de zomer" means
 * after next summer — a letter of 15 December 2025 promising "na de zomer" is due 20 December 2026.
 */
function afterSummer(explicit: string | undefined, letter: IsoDate | null): IsoDate | null {
  const y = baseYear(explicit, letter);
  if (y === null) return null;
  if (!explicit && letter && letter > addDays(summerRecessStart(y), 62)) return END_OF_AUTUMN(y + 1);
  return END_OF_AUTUMN(y);
}

/**
 * First day (a Friday) of the Tweede Kamer's spring, May and autumn recess. The Kamer publishes
 * them each year (tweedekamer.nl, "Recesdata"); they follow the school holidays of the middle
 * region. No table: the dates could not be checked against the published list here, so only the
 * rule, which gives the published 2023–2025 dates as far as we know them (voorjaarsreces 17 Feb
 * 2023, 16 Feb 2024, 14 Feb 2025; meireces 28 Apr 2023, 26 Apr 2024, 25 Apr 2025; herfstreces
 * 13 Oct 2023, 18 Oct 2024, 17 Oct 2025): the Friday on 13–19 February, on 22–28 April, on
 * 13–19 October.
 */
export function recessStart(kind: string, year: number): IsoDate {
  const [month, from] = kind === 'voorjaars' ? [2, 13] : kind === 'mei' ? [4, 22] : [10, 13];
  const weekday = new Date(Date.UTC(year, month - 1, from)).getUTCDay();
  return isoDate(year, month, from + ((5 - weekday + 7) % 7));
}

/**
 * The due date of "<preposition> <date>": "voor"/"vóór" (also "uiterlijk voor") mean before that
 * day, so the day before is the last day on time; "uiterlijk", "uiterlijk op" and "per" name the
 * day itself.
 */
function dayOrDayBefore(preposition: string, day: IsoDate): IsoDate {
  return /(?:^|[ \t])v[oó]{2}r$/u.test(preposition.toLowerCase()) ? addDays(day, -1) : day;
}

/** Start of the Christmas recess: the last Friday before 25 December (the Kamer's practice 2019–2025). */
function christmasRecessStart(year: number): IsoDate {
  const weekday = new Date(Date.UTC(year, 11, 25)).getUTCDay();
  return isoDate(year, 12, 25 - (((weekday - 5 + 7) % 7) || 7));
}

/** "begin"/"medio"/"eind" of a year, its first or second half, or the whole year. */
function partOfYear(part: string | undefined, half: string | undefined, year: number): IsoDate {
  const p = (part ?? '').toLowerCase();
  if (half) return half.toLowerCase() === 'eerste' ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
  if (p === 'begin') return isoDate(year, 3, 31);
  if (p === 'medio') return isoDate(year, 6, 30);
  return isoDate(year, 12, 31);
}

function monthPart(word: string, year: number, month: number): IsoDate {
  const w = word.toLowerCase();
  if (w === 'begin') return isoDate(year, month, 10);
  if (w === 'medio' || w === 'half' || w === 'halverwege') return isoDate(year, month, 15);
  if (w === 'voor' || w === 'vóór') return addDays(isoDate(year, month, 1), -1);
  return isoDate(year, month, 31);
}

function within(m: RegExpExecArray, letter: IsoDate | null): IsoDate | null {
  if (!letter) return null;
  const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1].toLowerCase()] ?? 0;
  const unit = m[2].toLowerCase();
  if (unit.startsWith('dag')) return addDays(letter, n);
  if (unit.startsWith('we')) return addDays(letter, 7 * n);
  if (unit === 'jaar') return addMonths(letter, 12 * n);
  return addMonths(letter, n);
}

/**
 * The due date of a commitment sentence (its joined text) for a letter dated `letter` (or
 * undated, null). A dated phrase wins over an undated one ("zo spoedig mogelijk, waarschijnlijk
 * in het eerste kwartaal van 2021" is due 31 March 2021); among dated ones the one nearest the
 * commitment's form (`near`, offsets into `sentence`: "In 2024 is gestart; uw Kamer wordt voor
 * de zomer geïnformeerd" is due before the summer), the first on a tie. A dated phrase in an
 * undated letter keeps its phrase and has date null unless it names its year. Every pattern is
 * anchored by a literal word; linear in the sentence's length.
 */
export function dueOf(sentence: string, letter: IsoDate | null, near?: { start: number; end: number }): Due {
  // The rules are written in lower case (case-insensitive Unicode regexes are slow); the phrase
  // is taken from the sentence as written when lower-casing kept every offset.
  const lower = sentence.toLowerCase();
  const written = (at: number, text: string) => (lower.length === sentence.length ? sentence.slice(at, at + text.length) : text);
  const distance = (at: number, len: number) => (!near ? at : at + len <= near.start ? near.start - (at + len) : at >= near.end ? at - near.end : 0);
  let best: { at: number; d: number; phrase: string; date: IsoDate | null } | null = null;
  for (const rule of DATED_RULES) {
    // The first phrase of each kind (a sentence rarely holds two of one kind).
    const m = rule.re.exec(lower);
    if (!m) continue;
    const d = distance(m.index, m[0].length);
    if (!best || d < best.d || (d === best.d && m.index < best.at)) best = { at: m.index, d, phrase: written(m.index, m[0]), date: rule.date(m, letter) };
  }
  if (best) return { phrase: best.phrase, date: best.date, at: best.at, ...(best.date === null && !letter ? { needsLetterDate: true } : {}) };
  const u = UNDATED_PHRASE.exec(lower);
  if (u) return { phrase: written(u.index, u[0]).trim(), date: null, at: u.index };
  return { phrase: null, date: null, at: -1 };
}
