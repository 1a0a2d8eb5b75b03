// Shared helpers of the letter-model tests: corpus and fixture loading, line lookup.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import { LineIndex } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/model';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const HAVE_CORPUS = existsSync(CORPUS);
export const FIXTURES = path.resolve(__dirname, '../fixtures/letters');

export const C000 = '000_d3bc5dac7f923b81.txt';
export const C002 = '002_6751bf33f558afb4.txt';
export const C004 = '004_cd2aebd815f985bb.txt';

export function corpus(name: string): string {
  return readFileSync(path.join(CORPUS, name), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** 1-based line of the first occurrence of `needle` (after `from`), or throws. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return new LineIndex(text).position(at).line + 1;
}

/** The findings of a text as "code@line" strings (1-based lines), in order. */
export function findingsAt(text: string): string[] {
  const lines = new LineIndex(text);
  return checkQuestions(parseLetter(text)).map((f: Finding) => `${f.code}@${lines.position(f.span.start).line + 1}`);
}

/** Replace exactly one occurrence of `from`; throws when it is absent or not unique. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in text: ${from}`);
  if (text.indexOf(from, at + 1) >= 0) throw new Error(`not unique: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Remove the text between the end of `after` and the start of `before` (first occurrences). */
export function cutBetween(text: string, after: string, before: string): string {
  const a = text.indexOf(after);
  if (a < 0) throw new Error(`not in text: ${after}`);
  const b = text.indexOf(before, a + after.length);
  if (b < 0) throw new Error(`not in text: ${before}`);
  return text.slice(0, a + after.length) + '\n' + text.slice(b);
}
