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
  /** PDF only: the page of the finding's start. */
  page?: number | null;
}

export interface CheckFileResult {
  file: string;
  diagnostics: CheckDiagnostic[];
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
  return { file, diagnostics };
}
