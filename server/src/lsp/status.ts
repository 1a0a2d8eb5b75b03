// The answered/unanswered summary sent to the client after each analysis: the core's count
// (`Diagnosis.status`, the same the CLI's summary gives) and its Dutch view.
import type { Analysis } from '../core/analyze';
import type { Diagnosis } from '../core/diagnose';
import { statusView } from '../core/features/status';
import { severityOf, type Settings } from '../core/settings';
import type { NextUnansweredResult, StatusParams } from '../protocol';

/**
 * The status of a letter version, as its diagnosis counts it (a letter another open letter uses
 * as its question letter is a question letter: `DiagnoseContext.asQuestionLetter`).
 * `settings`: for the findings at error level (the item never says "complete" while one remains).
 */
export function statusOf(uri: string, version: number | null, analysis: Analysis, d: Diagnosis, settings: Settings): StatusParams {
  const s = d.status;
  const lines = analysis.lines;
  const unanswered = s.open.map((o) => {
    const at = { id: o.id, ...lines.position(o.target.start) };
    return o.target.end > o.target.start ? { ...at, end: lines.position(o.target.end) } : at;
  });
  const status: StatusParams = { uri, version, total: s.total, answered: s.answered, unanswered, questionLetter: d.pair.questionLetter, due: d.pair.due };
  if (!s.total && d.findings.some((f) => f.code === 'no-questions-found')) status.noQuestions = true;
  const errors = d.findings.filter((f) => severityOf(f.code, settings) === 'error').length;
  const view = statusView(s, errors, d.pair.due);
  if (view) {
    status.state = view.state;
    status.text = view.text;
    status.tooltip = view.tooltip.join('\n');
  }
  return status;
}

/** The first unanswered question after the position, wrapping around to the first one. */
export function nextUnanswered(status: StatusParams, line: number, character: number): NextUnansweredResult {
  const list = status.unanswered;
  if (!list.length) return null;
  const after = list.find((u) => u.line > line || (u.line === line && u.character > character));
  const hit = after ?? list[0];
  return hit.end ? { line: hit.line, character: hit.character, id: hit.id, end: hit.end } : { line: hit.line, character: hit.character, id: hit.id };
}
