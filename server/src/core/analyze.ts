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

export interface Analysis {
  text: string;
  lines: LineIndex;
  letter: ParsedLetter;
  citations: Citations;
  /** Every finding not silenced by an inline comment or switched off in the settings. */
  findings: Finding[];
}

/** The codes whose severity the settings set to 'off'. */
export function disabledCodes(settings: Settings): Set<string> {
  const off = new Set<string>();
  for (const code of Object.keys(CODES)) if (severityOf(code, settings) === 'off') off.add(code);
  for (const [code, sev] of Object.entries(settings.severity)) if (sev === 'off') off.add(code);
  return off;
}

/** Analyse one letter. Linear in the length of the text. */
export function analyze(text: string, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const lines = new LineIndex(text);
  const letter = parseLetter(text);
  const citations = findCitations(text);
  const all = [...checkQuestions(letter), ...checkCitations(text, citations)];
  all.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  const findings = applySuppressions(text, all, disabledCodes(settings));
  return { text, lines, letter, citations, findings };
}
