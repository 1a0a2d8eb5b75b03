// `antwoordbrief check [--format text|json] FILE...`
import { analyze } from '../core/analyze';
import { severityOf, DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { Severity } from '../core/model';
import type { Range } from '../core/text';

export interface CheckDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  question: string | null;
}

/** What the reader found in one file: every question once (a context-only parent not counted). */
export interface CheckSummary {
  /** Questions that need an answer. */
  questions: number;
  /** Answered in the letter's own words or by reference (to another answer or another paper). */
  answered: number;
  /** Of `answered`: answered by reference. */
  byReference: number;
  /** Without an answer, or with only a placeholder. */
  open: number;
  /** The text looks like it holds questions, yet none was recognised (`no-questions-found`). */
  noneRecognised: boolean;
}

export interface CheckFileResult {
  file: string;
  diagnostics: CheckDiagnostic[];
  summary: CheckSummary;
}

/** The summary of an analysis (see CheckSummary). */
export function summaryOf(a: ReturnType<typeof analyze>): CheckSummary {
  let questions = 0;
  let answered = 0;
  let byReference = 0;
  for (const q of a.letter.questions) {
    const s = q.answer.status;
    if (s === 'context') continue;
    questions++;
    if (s === 'answered' || s === 'by-reference') answered++;
    if (s === 'by-reference') byReference++;
  }
  // A question letter asks and is not expected to answer: its questions are not open (nothing
  // reports them open either — every open question in a summary has its own finding).
  const open = a.letter.kind === 'question-letter' ? 0 : questions - answered;
  return { questions, answered, byReference, open, noneRecognised: a.findings.some((f) => f.code === 'no-questions-found') };
}

/** "22 vragen, 21 beantwoord, 1 open" (Dutch, for the CLI's text output). */
export function summaryText(s: CheckSummary): string {
  if (!s.questions) return s.noneRecognised ? 'geen vragen herkend' : 'geen vragen';
  const n = `${s.questions} ${s.questions === 1 ? 'vraag' : 'vragen'}`;
  // Only a question letter has questions neither answered nor open.
  if (s.answered + s.open < s.questions) return `${n} (vragenbrief: niet op antwoorden gecontroleerd)`;
  const parts = [n, `${s.answered} beantwoord`];
  if (s.byReference) parts[1] += ` (${s.byReference} door verwijzing)`;
  parts.push(`${s.open} open`);
  return parts.join(', ');
}

/** The check of one text, as the CLI reports it (severity from the settings; 'off' dropped). */
export function checkText(file: string, text: string, settings: Settings = DEFAULT_SETTINGS): CheckFileResult {
  const a = analyze(text, settings);
  const diagnostics: CheckDiagnostic[] = [];
  for (const f of a.findings) {
    const severity = severityOf(f.code, settings);
    if (severity === 'off') continue;
    diagnostics.push({ code: f.code, severity, message: f.message, range: a.lines.range(f.span), question: f.question ?? null });
  }
  return { file, diagnostics, summary: summaryOf(a) };
}
