/**
 * The text-only part of the analysis of one letter: letter model, citations and the findings its
 * text alone gives. What a letter finally shows is decided by `diagnose` (diagnose.ts), which
 * adds the workspace, the question letter and the facts, and applies settings and suppression.
 * Pure: the host passes the text (and the analyzer's memo, for reuse between versions).
 */
import type { Citations } from './citations/types';
import { findCitations } from './citations/index';
import { checkCitations } from './checks/citations';
import { checkQuestions } from './checks/questions';
import { parseLetter, type ParsedLetter } from './letter/parse';
import type { Finding } from './model';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { LineIndex } from './text';
import type { Memo } from './memo';
import { diagnose } from './diagnose';

export interface Analysis {
  text: string;
  lines: LineIndex;
  letter: ParsedLetter;
  citations: Citations;
  /** The findings of the text alone, sorted; before context, settings and inline suppression. */
  checks: Finding[];
}

export { disabledCodes } from './settings';

/** Analyse the text of one letter. Linear in its length. `memo`: the analyzer's caches. */
export function analyzeText(text: string, memo?: Memo): Analysis {
  const lines = new LineIndex(text);
  const letter = parseLetter(text, memo);
  const citations = findCitations(text);
  const checks = [...checkQuestions(letter, memo), ...checkCitations(text, citations)];
  checks.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { text, lines, letter, citations, checks };
}

/**
 * A letter on its own (no workspace, no question letter, no facts): its analysis and the findings
 * `diagnose` gives it under `settings`. For tests and one-off callers; hosts use an analyzer.
 */
export function analyze(text: string, settings: Settings = DEFAULT_SETTINGS): Analysis & { findings: Finding[] } {
  const a = analyzeText(text);
  return { ...a, findings: diagnose(a, { today: null }, settings).findings };
}
