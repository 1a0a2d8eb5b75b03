// The answered/unanswered summary sent to the client after each analysis.
import type { Analysis } from '../core/analyze';
import type { Finding } from '../core/model';
import { answerStatus } from '../core/features/status';
import type { NextUnansweredResult, StatusParams } from '../protocol';

/** The status of a letter version; `findings`: its diagnosis's (for `no-questions-found`). */
export function statusOf(uri: string, version: number | null, analysis: Analysis, findings: Finding[]): StatusParams {
  const s = answerStatus(analysis.letter);
  const unanswered = s.unanswered.map((q) => ({ id: q.id, ...analysis.lines.position(q.headingSpan.start) }));
  const status: StatusParams = { uri, version, total: s.total, answered: s.answered, unanswered };
  if (!s.total && findings.some((f) => f.code === 'no-questions-found')) status.noQuestions = true;
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
