/**
 * Inline silencing of findings, in the style of linters:
 * - `<!-- antwoordbrief-disable-next-line code1 code2 -->` silences those codes (all when none
 *   are named) for findings that start on the next line;
 * - `<!-- antwoordbrief-disable-line code -->` does the same for its own line;
 * - `<!-- antwoordbrief-disable code -->` silences the codes in the whole file.
 * Text after `--` inside the comment is a free reason and is ignored.
 */
import type { Finding } from './model';
import { LineIndex } from './text';

const DIRECTIVE = /<!--[ \t]*antwoordbrief-(disable-next-line|disable-line|disable)(?![\w-])([^>]*?)-->/g;

interface Rule {
  /** null = all codes. */
  codes: Set<string> | null;
}

function parseCodes(raw: string): Set<string> | null {
  const beforeReason = raw.split(/\s--\s|\s--$/)[0];
  const codes = beforeReason.split(/[\s,]+/).filter((c) => /^[a-z][a-z0-9-]*$/.test(c));
  return codes.length ? new Set(codes) : null;
}

function matches(rule: Rule, code: string): boolean {
  return rule.codes === null || rule.codes.has(code);
}

/** The findings that remain after inline directives and the disabled codes are applied. */
export function applySuppressions(text: string, findings: Finding[], disabledCodes?: Iterable<string>): Finding[] {
  const off = new Set(disabledCodes ?? []);
  let result = off.size ? findings.filter((f) => !off.has(f.code)) : findings;
  if (!result.length || !text.includes('antwoordbrief-disable')) return result;

  const fileRules: Rule[] = [];
  const lineRules = new Map<number, Rule[]>();
  let lines: LineIndex | null = null;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const rule: Rule = { codes: parseCodes(m[2]) };
    if (m[1] === 'disable') {
      fileRules.push(rule);
      continue;
    }
    lines ??= new LineIndex(text);
    const line = lines.lineAt(m.index) + (m[1] === 'disable-next-line' ? 1 : 0);
    let list = lineRules.get(line);
    if (!list) lineRules.set(line, (list = []));
    list.push(rule);
  }
  if (!fileRules.length && !lineRules.size) return result;
  result = result.filter((f) => {
    if (fileRules.some((r) => matches(r, f.code))) return false;
    if (lineRules.size) {
      lines ??= new LineIndex(text);
      const rules = lineRules.get(lines.lineAt(f.span.start));
      if (rules && rules.some((r) => matches(r, f.code))) return false;
    }
    return true;
  });
  return result;
}
