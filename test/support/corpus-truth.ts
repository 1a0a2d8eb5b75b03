/**
 * The ground truth of the real corpus letters (test/truth/*.json, written by reading each letter)
 * and what the product reads in the same letters, in the same shape. Used by `npm run eval`
 * (scripts/eval.ts) and by test/core/corpus-truth.test.ts. The observation goes through the same
 * core calls as the CLI: `analyze` (outline: question ids, states, references; findings) and
 * `refsOf` (refs: citations and motion links).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { refsOf } from '../../server/src/cli/refs';
import type { AnswerStatus } from '../../server/src/core/model';

export const ROOT = path.resolve(__dirname, '../..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus');
export const TRUTH_DIR = path.join(ROOT, 'test/truth');

export type QuestionState = 'answered' | 'unanswered' | 'by-reference' | 'context';

export interface TruthQuestion {
  id: string;
  section: string | null;
  state: QuestionState;
  /** Question ids the answer points to (state by-reference only). */
  refersTo?: string[];
  /** 1-based line of the heading (or first line); null where a layout has no heading line. */
  line: number | null;
  /** Informative: line of the answer heading (002) and references inside an answer of its own. */
  answerLine?: number;
  alsoRefersTo?: string[];
}

export interface TruthMotion {
  line: number;
  mention: string;
  /** The paper the mention is a motion of; a list when one phrase names several motions; null when the letter alone does not say. */
  paper: string | string[] | null;
}

export interface Truth {
  file: string;
  questions: TruthQuestion[];
  citations: string[];
  otherIds: string[];
  motions: TruthMotion[];
  notAddressed: { question: string; section?: string | null; text: string }[];
  notes: string;
}

/** What the product reads in one letter, in the truth's shape (plus what some metrics need). */
export interface Observed {
  questions: (TruthQuestion & { subquestions: number })[];
  citations: string[];
  otherIds: string[];
  /** Every motion mention the product finds, with the papers it links (empty: not linked). */
  motions: { line: number; mention: string; papers: string[] }[];
  /** `subquestion-not-addressed` findings: the question unit (section, id) and the subquestion's text. */
  notAddressed: { question: string; section: string | null; text: string }[];
}

export function corpusPresent(): boolean {
  return existsSync(CORPUS);
}

/** Every truth file, in file name order. */
export function loadTruths(): Truth[] {
  return readdirSync(TRUTH_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(TRUTH_DIR, f), 'utf8')) as Truth);
}

export function readCorpusLetter(file: string): string {
  return readFileSync(path.join(CORPUS, file), 'utf8');
}

function stateOf(s: AnswerStatus): QuestionState {
  if (s === 'missing' || s === 'placeholder') return 'unanswered';
  return s;
}

/** Kinds that are document or zaak numbers of the Tweede Kamer, not published papers. */
const OTHER_KINDS = new Set(['zaak', 'document']);

/** Runs the product's core on one letter. */
export function observe(file: string, text: string): Observed {
  const a = analyze(text);
  const line = (offset: number) => a.lines.position(offset).line + 1;
  const questions = a.letter.questions.map((q) => ({
    id: q.id,
    section: q.section,
    state: stateOf(q.answer.status),
    ...(q.answer.status === 'by-reference' ? { refersTo: q.answer.refersTo.slice() } : {}),
    line: line(q.headingSpan.start),
    subquestions: q.subquestions.length,
  }));
  const notAddressed: Observed['notAddressed'] = [];
  for (const f of a.findings) {
    if (f.code !== 'subquestion-not-addressed') continue;
    const unit = a.letter.questions.find((q) => q.span.start <= f.span.start && f.span.start < q.span.end);
    notAddressed.push({ question: unit?.id ?? f.question ?? '?', section: unit?.section ?? null, text: text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ').trim() });
  }
  const refs = refsOf([{ file, text }])[0].references;
  const citations: string[] = [];
  const otherIds: string[] = [];
  const motions: Observed['motions'] = [];
  for (const r of refs) {
    if (r.kind === 'motie') {
      const l = r.range.start.line + 1;
      const last = motions[motions.length - 1];
      // refsOf gives one entry per linked paper of a mention: fold them back into one mention.
      if (last && last.line === l && last.mention === r.text) {
        if (r.id) last.papers.push(r.id);
      } else motions.push({ line: l, mention: r.text, papers: r.id ? [r.id] : [] });
      continue;
    }
    if (!r.id) continue;
    const list = OTHER_KINDS.has(r.kind) ? otherIds : citations;
    if (!list.includes(r.id)) list.push(r.id);
  }
  return { questions, citations, otherIds, motions, notAddressed };
}

/** Key of a question: its section (case-insensitive) and id. */
export function questionKey(q: { section: string | null; id: string }): string {
  return `${(q.section ?? '').trim().toLowerCase()}#${q.id}`;
}

/** The papers a truth motion names, as a sorted list (empty when the letter does not say). */
export function truthPapers(m: TruthMotion): string[] {
  return m.paper === null ? [] : (Array.isArray(m.paper) ? m.paper.slice() : [m.paper]).sort();
}

/**
 * The product's mention for a truth mention: the one starting on the same line, else one line
 * off (a PDF line break may fall inside "de motie"). Null when the product found none there.
 */
export function matchMotion(m: TruthMotion, found: Observed['motions']): Observed['motions'][number] | null {
  return found.find((f) => f.line === m.line) ?? found.find((f) => Math.abs(f.line - m.line) === 1) ?? null;
}
