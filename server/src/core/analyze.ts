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
import { LineIndex, type Span } from './text';
import type { Memo } from './memo';
import { diagnose } from './diagnose';
import { findCommitments, type Commitments } from './commitments';
import { boundChecks, MAX_FINDINGS } from './bounds';
import { applySuppressions } from './suppress';

export interface Analysis {
  text: string;
  lines: LineIndex;
  letter: ParsedLetter;
  citations: Citations;
  /**
   * The findings of the text alone, sorted; before context, settings and inline suppression.
   * At most `MAX_FINDINGS` per code (bounds.ts); `omitted` counts the rest.
   */
  checks: Finding[];
  /** Per code, findings of the text left out of `checks` (a hostile text; see `boundChecks`). */
  omitted: Record<string, number>;
  /** The letter's commitments (toezeggingen), dated from its header only; `diagnose` dates them from its context. */
  commitments: Commitments;
}

export { disabledCodes } from './settings';

/**
 * The spans of an answer letter the drafter copies unchanged from the Kamer (UTF-16 offsets,
 * sorted, not overlapping): each question unit's question text, and the title of the Kamervragen
 * as the opening names them ("de vragen van het lid X … over … (ingezonden 7 maart 2024)") within
 * the first 3,000 characters.
 */
function verbatimSpans(text: string, letter: ParsedLetter): Span[] {
  const spans = letter.questions.map((q) => q.questionSpan);
  const head = text.slice(0, 3000);
  const title = /\b[Vv]ragen\s+van\s+(?:het\s+lid|de\s+leden)\s/u.exec(head);
  if (title) {
    const close = /\(ingezonden[^()]{0,80}\)/u.exec(text.slice(title.index, title.index + 800));
    if (close) spans.push({ start: title.index, end: title.index + close.index + close[0].length });
  }
  spans.sort((a, b) => a.start - b.start);
  // Merge overlaps (a title inside a question unit's span).
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Analyse the text of one letter. Linear in its length. `memo`: the analyzer's caches. */
export function analyzeText(text: string, memo?: Memo): Analysis {
  const lines = new LineIndex(text);
  const letter = parseLetter(text, memo);
  const citations = findCitations(text);
  // The Kamer's question text in an answer letter is copied verbatim: no unlinked-motion there.
  const verbatim = letter.kind === 'answer-letter' ? verbatimSpans(text, letter) : [];
  const all = [...checkQuestions(letter, memo), ...checkCitations(text, citations, verbatim)];
  all.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  // A hostile letter's checks are cut per code (boundChecks): its inline suppressions first, so
  // that what the drafter silenced never takes the place of what they did not.
  const { checks, omitted } = boundChecks(all.length > MAX_FINDINGS ? applySuppressions(text, all) : all);
  return { text, lines, letter, citations, checks, omitted, commitments: findCommitments(text) };
}

/**
 * A letter on its own (no workspace, no question letter, no facts): its analysis and the findings
 * `diagnose` gives it under `settings` (its commitments dated from `letterDate` when its header
 * has no date). For tests and one-off callers; hosts use an analyzer.
 */
export function analyze(text: string, settings: Settings = DEFAULT_SETTINGS, letterDate: string | null = null): Analysis & { findings: Finding[] } {
  const a = analyzeText(text);
  const d = diagnose(a, { today: null, letterDate }, settings);
  return { ...a, findings: d.findings, commitments: d.commitments };
}
