/**
 * The per-document analysis every host runs: letter model, citations and all findings of
 * one text. Pure: the host passes the text and its settings.
 */
import type { Citations } from './citations/types';
import { findCitations } from './citations/index';
import { checkCitations } from './checks/citations';
import { checkQuestions } from './checks/questions';
import { parseLetter, type ParsedLetter } from './letter/parse';
import type { Finding } from './model';
import { applySuppressions } from './suppress';
import { DEFAULT_SETTINGS, severityOf, type Settings } from './settings';
import { LineIndex } from './text';
import { CODES } from './codes';
import { commitmentFindings, findCommitments, withFallbackDate, type Commitments } from './commitments';

export interface Analysis {
  text: string;
  lines: LineIndex;
  letter: ParsedLetter;
  citations: Citations;
  /** Every finding not silenced by an inline comment or switched off in the settings. */
  findings: Finding[];
  /** The letter's commitments (toezeggingen), dated from its header or `settings.letterDate`. */
  commitments: Commitments;
}

/** The codes whose severity the settings set to 'off'. */
export function disabledCodes(settings: Settings): Set<string> {
  const off = new Set<string>();
  for (const code of Object.keys(CODES)) if (severityOf(code, settings) === 'off') off.add(code);
  for (const [code, sev] of Object.entries(settings.severity)) if (sev === 'off') off.add(code);
  return off;
}

/** Every finding of a text before settings and inline comments silence some (per analysis). */
const UNFILTERED = new WeakMap<Analysis, Finding[]>();

/**
 * Analyse one letter. Linear in the length of the text. Given the analysis of the same text under
 * other settings (`sameText`), only the settings are applied again: the letter model, the
 * citations and the checks depend on the text alone.
 */
export function analyze(text: string, settings: Settings = DEFAULT_SETTINGS, sameText?: Analysis): Analysis {
  const reuse = sameText && sameText.text === text ? UNFILTERED.get(sameText) : undefined;
  if (sameText && reuse) {
    const commitments = withFallbackDate(sameText.commitments, settings.letterDate);
    const findings = applySuppressions(text, withCommitments(reuse, commitments), disabledCodes(settings));
    const a: Analysis = { text, lines: sameText.lines, letter: sameText.letter, citations: sameText.citations, findings, commitments };
    UNFILTERED.set(a, reuse);
    return a;
  }
  const lines = new LineIndex(text);
  const letter = parseLetter(text);
  const citations = findCitations(text);
  const all = [...checkQuestions(letter), ...checkCitations(text, citations)];
  all.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  const commitments = withFallbackDate(findCommitments(text), settings.letterDate);
  const findings = applySuppressions(text, withCommitments(all, commitments), disabledCodes(settings));
  const a: Analysis = { text, lines, letter, citations, findings, commitments };
  UNFILTERED.set(a, all);
  return a;
}

/** The findings with one `new-commitment` per commitment, in text order (they depend on the letter's date). */
function withCommitments(all: Finding[], commitments: Commitments): Finding[] {
  if (!commitments.items.length) return all;
  const out = [...all, ...commitmentFindings(commitments)];
  return out.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}
