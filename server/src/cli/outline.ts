// `antwoordbrief outline [--format text|json] FILE`: the questions with their subquestions and answer state.
import { analyzeText } from '../core/analyze';
import type { AnswerStatus } from '../core/model';
import { collapseWhitespace, type Range } from '../core/text';
import { answerStateLabel } from '../core/features/symbols';
import { answerStatus } from '../core/features/status';
import { pageSuffix, readLetterInput, withSource } from './input';
import { formatFlag, parseArgs, UsageError } from './options';
import type { CommandResult } from './main';

export interface OutlineQuestion {
  id: string;
  /** PDF only: the page the question starts on. */
  page?: number | null;
  section: string | null;
  range: Range;
  subquestions: { text: string; range: Range }[];
  answer: { status: AnswerStatus; range: Range | null; refersTo: string[] };
}

export interface OutlineResult {
  file: string;
  questions: OutlineQuestion[];
}

export function outlineText(file: string, text: string): OutlineResult {
  const a = analyzeText(text);
  return {
    file,
    questions: a.letter.questions.map((q) => ({
      id: q.id,
      section: q.section,
      range: a.lines.range(q.span),
      subquestions: q.subquestions.map((s) => ({ text: s.text, range: a.lines.range(s.span) })),
      answer: {
        status: q.answer.status,
        range: q.answer.span ? a.lines.range(q.answer.span) : null,
        refersTo: q.answer.refersTo,
      },
    })),
  };
}

/** `text` cut to at most `max` characters at a word boundary, with "…" when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export async function runOutline(argv: string[]): Promise<CommandResult> {
  const args = parseArgs(argv, ['format']);
  const format = formatFlag(args, ['text', 'json'], 'text');
  if (args.files.length !== 1) throw new UsageError('geef precies één bestand op');
  const file = args.files[0];
  const input = await readLetterInput(file);
  const text = input.text;
  if (format === 'json') {
    const result = outlineText(file, text);
    return { stdout: JSON.stringify(withSource(result, input, result.questions), null, 2) + '\n', stderr: [], code: 0 };
  }
  const a = analyzeText(text);
  const open = new Map(answerStatus(a.letter).open.map((o) => [o.unit, o.reason]));
  const lines: string[] = [];
  let section: string | null = null;
  for (const q of a.letter.questions) {
    if (q.section !== section) {
      section = q.section;
      if (section) lines.push(section);
    }
    const indent = section ? '  ' : '';
    lines.push(`${indent}Vraag ${q.id}  (${answerStateLabel(q, open.get(q))})  regel ${a.lines.position(q.headingSpan.start).line + 1}${pageSuffix(input.pageOf(q.headingSpan.start))}`);
    // Each subquestion on its own line, clipped to a terminal's width, with its line.
    for (const sq of q.subquestions) {
      lines.push(`${indent}  - ${clip(collapseWhitespace(sq.text), 100)}  regel ${a.lines.position(sq.span.start).line + 1}${pageSuffix(input.pageOf(sq.span.start))}`);
    }
  }
  return { stdout: lines.join('\n') + (lines.length ? '\n' : ''), stderr: [], code: 0 };
}
