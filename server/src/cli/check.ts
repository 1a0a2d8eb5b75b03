// `antwoordbrief check [--format text|json] FILE...`
import { analyze } from '../core/analyze';
import { severityOf, DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { Severity } from '../core/model';
import type { Range } from '../core/text';
import { InputError, readLetterFile } from './io';
import { formatFlag, parseArgs, UsageError } from './options';
import type { CommandResult } from './main';

export interface CheckDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  question: string | null;
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

export function runCheck(argv: string[]): CommandResult {
  const args = parseArgs(argv, ['format']);
  const format = formatFlag(args, ['text', 'json'], 'text');
  if (!args.files.length) throw new UsageError('geef minstens één bestand op');
  const results: CheckFileResult[] = [];
  const errors: string[] = [];
  for (const file of args.files) {
    try {
      results.push(checkText(file, readLetterFile(file)));
    } catch (e) {
      if (e instanceof InputError) errors.push(e.message);
      else throw e;
    }
  }
  const hasError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  let stdout: string;
  if (format === 'json') {
    stdout = JSON.stringify(results, null, 2) + '\n';
  } else {
    const lines: string[] = [];
    for (const r of results) {
      for (const d of r.diagnostics) {
        lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${d.code}  ${d.message}`);
      }
    }
    const count = results.reduce((n, r) => n + r.diagnostics.length, 0);
    const files = results.length;
    if (files) lines.push(count ? `${count} ${count === 1 ? 'melding' : 'meldingen'} in ${files} ${files === 1 ? 'bestand' : 'bestanden'}` : `geen meldingen in ${files} ${files === 1 ? 'bestand' : 'bestanden'}`);
    stdout = lines.length ? lines.join('\n') + '\n' : '';
  }
  return { stdout, stderr: errors, code: errors.length ? 2 : hasError ? 1 : 0 };
}
