/**
 * The commitments truth of the corpus letters (test/truth/commitments/<name>.json, written by
 * reading each letter) and how the product's commitments are compared with it; shared by the
 * corpus test and `npm run eval`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findCommitments } from '../../server/src/core/commitments';
import { LineIndex } from '../../server/src/core/text';
import { TRUTH_DIR } from './corpus-truth';

export interface TruthCommitment {
  /** 1-based line of the sentence's start. */
  line: number;
  /** The sentence's first words, as in the letter (whitespace joined). */
  start: string;
  due: { phrase: string | null; date: string | null };
}

export interface CommitmentTruth {
  file: string;
  /** The letter's own date (header), or null when it has none. */
  letterDate: string | null;
  commitments: TruthCommitment[];
  /** Why a sentence is or is not a commitment, where a reader might doubt. */
  notes?: string;
}

export interface FoundCommitment {
  firstLine: number;
  lastLine: number;
  text: string;
  due: { phrase: string | null; date: string | null };
}

/** The truth of a corpus file ("002_….txt"), or null when there is none. */
export function loadCommitmentTruth(file: string): CommitmentTruth | null {
  const p = path.join(TRUTH_DIR, 'commitments', file.replace(/\.txt$/, '') + '.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as CommitmentTruth) : null;
}

/** The product's commitments of a letter, with 1-based first and last lines; no fallback date (the corpus test is reproducible). */
export function observeCommitments(text: string): { letterDate: string | null; items: FoundCommitment[] } {
  const found = findCommitments(text);
  const lines = new LineIndex(text);
  return {
    letterDate: found.letterDate,
    items: found.items.map((c) => ({ firstLine: lines.lineAt(c.span.start) + 1, lastLine: lines.lineAt(c.span.end) + 1, text: c.text, due: { phrase: c.due.phrase, date: c.due.date } })),
  };
}

/**
 * A found commitment matches a truth entry when the truth's line lies within the found
 * sentence's lines (a sentence pasted from a PDF may start on a page furniture line).
 */
export function matchCommitments(truth: TruthCommitment[], found: FoundCommitment[]): { matched: [TruthCommitment, FoundCommitment][]; missed: TruthCommitment[]; extra: FoundCommitment[] } {
  const used = new Set<FoundCommitment>();
  const matched: [TruthCommitment, FoundCommitment][] = [];
  const missed: TruthCommitment[] = [];
  for (const t of truth) {
    const f = found.find((x) => !used.has(x) && x.firstLine <= t.line && t.line <= x.lastLine);
    if (f) {
      used.add(f);
      matched.push([t, f]);
    } else missed.push(t);
  }
  return { matched, missed, extra: found.filter((f) => !used.has(f)) };
}

/** Whether the due phrase and date agree (phrases compared case- and whitespace-insensitively). */
export function sameDue(a: TruthCommitment['due'], b: FoundCommitment['due']): boolean {
  const norm = (s: string | null) => (s ? s.replace(/\s+/g, ' ').trim().toLowerCase() : null);
  return norm(a.phrase) === norm(b.phrase) && a.date === b.date;
}
