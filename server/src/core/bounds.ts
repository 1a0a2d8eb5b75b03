/**
 * Bounds on what one letter can produce (issue 10: never unbounded). A real letter has tens of
 * findings; a hostile or broken one (a motion named every 45 characters over 5 MB, a pasted
 * table of 100,000 question numbers) can have 100,000, each a Dutch message of a few hundred
 * bytes, and every host would carry, convert and send them all. So a letter shows at most
 * `MAX_FINDINGS` findings, the most severe first, and one `too-many-findings` note that says how
 * many were left out. The bound is applied in `diagnose`, so the editor, the workspace check and
 * `antwoordbrief check` show the same findings.
 */
import type { Finding, Severity } from './model';
import { severityOf, type Settings } from './settings';
import type { Span } from './text';

/** At most this many findings of one letter are shown (the note about the rest not counted). */
export const MAX_FINDINGS = 1000;

/** A number as Dutch writes it: 66667 → "66.667". */
export function dutchNumber(n: number): string {
  const s = String(Math.trunc(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0 && s[i - 1] !== '-') out += '.';
    out += s[i];
  }
  return out;
}

/**
 * The checks of a text kept for `diagnose`: per code the first `MAX_FINDINGS` (by position;
 * `checks` sorted by position), and how many were dropped. `diagnose` never shows more than
 * `MAX_FINDINGS` of all codes together, the most severe first, so what is dropped here is never
 * shown; dropping it early keeps the analysis of a hostile text small. Linear.
 */
export function boundChecks(checks: Finding[]): { checks: Finding[]; omitted: Record<string, number> } {
  if (checks.length <= MAX_FINDINGS) return { checks, omitted: {} };
  const perCode = new Map<string, number>();
  const kept: Finding[] = [];
  const omitted: Record<string, number> = {};
  for (const f of checks) {
    const n = perCode.get(f.code) ?? 0;
    perCode.set(f.code, n + 1);
    if (n < MAX_FINDINGS) kept.push(f);
    else omitted[f.code] = (omitted[f.code] ?? 0) + 1;
  }
  return { checks: kept, omitted };
}

const RANK: Record<Severity, number> = { error: 1, warning: 2, information: 3, hint: 4 };
/** Notes about other bounds (where reading stopped) are always kept. */
const BOUND_NOTES = new Set(['too-many-citations']);

/**
 * At most `MAX_FINDINGS` of `findings` (sorted by position, after settings and suppressions;
 * `omitted`: per code, how many `boundChecks` dropped before):
 * notes on where reading stopped (`too-many-citations`), then errors, warnings, information and
 * hints, each kind from the top of the letter;
 * returned sorted by position again. When any were left out (those dropped before of a code
 * not switched off included), a `too-many-findings` note on the letter's first word says how
 * many (unless that code is switched off). Linear up to the sort of the kept findings.
 */
export function boundFindings(findings: Finding[], omittedPerCode: Readonly<Record<string, number>>, text: string, settings: Settings): Finding[] {
  let omitted = 0;
  for (const [code, n] of Object.entries(omittedPerCode)) if (severityOf(code, settings) !== 'off') omitted += n;
  if (findings.length <= MAX_FINDINGS && !omitted) return findings;
  let kept = findings;
  if (findings.length > MAX_FINDINGS) {
    const byRank: Finding[][] = [[], [], [], [], []];
    for (const f of findings) {
      const sev = severityOf(f.code, settings);
      byRank[BOUND_NOTES.has(f.code) ? 0 : sev === 'off' ? 4 : RANK[sev]].push(f);
    }
    kept = byRank.flat().slice(0, MAX_FINDINGS);
    kept.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  }
  const total = findings.length + omitted;
  const left = total - kept.length;
  if (left <= 0 || severityOf('too-many-findings', settings) === 'off') return kept;
  const note: Finding = {
    code: 'too-many-findings',
    span: firstWord(text),
    message:
      `Deze brief heeft ${dutchNumber(total)} meldingen; alleen de ${dutchNumber(kept.length)} belangrijkste worden getoond ` +
      `(eerst fouten, dan waarschuwingen, dan informatie) en ${dutchNumber(left)} zijn weggelaten. ` +
      `Los de getoonde op, of zet een soort melding uit met de instelling antwoordbrief.ernst.`,
  };
  const out = [...kept, note];
  out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return out;
}

/** The first word of the text (at most 40 characters), or its start. */
function firstWord(text: string): Span {
  let start = 0;
  while (start < text.length && start < 4096 && /\s/.test(text[start])) start++;
  if (start >= text.length || start >= 4096) return { start: 0, end: 0 };
  let end = start;
  while (end < text.length && end - start < 40 && !/\s/.test(text[end])) end++;
  return { start, end };
}
