// The answered/unanswered summary sent to the client after each analysis.
import type { Analysis } from '../core/analyze';
import type { NextUnansweredResult, StatusParams } from '../protocol';

function needsAnswer(status: string): boolean {
  return status !== 'context';
}

function isAnswered(status: string): boolean {
  return status === 'answered' || status === 'by-reference';
}

export function statusOf(uri: string, version: number | null, analysis: Analysis): StatusParams {
  const units = analysis.letter.questions.filter((q) => needsAnswer(q.answer.status));
  const unanswered = units
    .filter((q) => !isAnswered(q.answer.status))
    .map((q) => ({ id: q.id, ...analysis.lines.position(q.headingSpan.start) }))
    .sort((a, b) => a.line - b.line || a.character - b.character);
  const status: StatusParams = { uri, version, total: units.length, answered: units.length - unanswered.length, unanswered };
  if (!units.length && analysis.findings.some((f) => f.code === 'no-questions-found')) status.noQuestions = true;
  return status;
}

/** The first unanswered question after the position, wrapping around to the first one. */
export function nextUnanswered(status: StatusParams, line: number, character: number): NextUnansweredResult {
  const list = status.unanswered;
  if (!list.length) return null;
  const after = list.find((u) => u.line > line || (u.line === line && u.character > character));
  const hit = after ?? list[0];
  return { line: hit.line, character: hit.character, id: hit.id };
}
