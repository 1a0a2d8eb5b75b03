/**
 * The ground truth of the real corpus letters (test/truth/*.json, see its README), asserted
 * exactly per document: question ids and order, answer states, by-reference targets, heading
 * lines, cited papers, document numbers and motion links. Skips when ../shared is absent.
 *
 * Where the product reads a letter wrongly today, that document's assertion carries node:test's
 * `todo` naming the issue that fixes it: the suite passes, the failure stays visible in the
 * report. The issue that fixes the reader removes its todo; never weaken an expectation instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusPresent, loadTruths, matchMotion, observe, questionKey, readCorpusLetter, truthPapers } from '../support/corpus-truth';

/** Known failures today: `${file} ${assertion}` → the issue and what it must fix. */
const TODO: Record<string, string> = {
};

const present = corpusPresent();

test('corpus ground truth', { skip: present ? false : '../shared not present' }, async (t) => {
  for (const truth of loadTruths()) {
    const o = observe(truth.file, readCorpusLetter(truth.file));
    const check = (what: string, fn: () => void) => t.test(`${truth.file} ${what}`, { todo: TODO[`${truth.file} ${what}`] }, fn);

    await check('question ids', () => {
      assert.deepEqual(o.questions.map((q) => `${q.section ?? '-'} ${q.id}`), truth.questions.map((q) => `${q.section ?? '-'} ${q.id}`));
    });
    await check('answer states', () => {
      const got = new Map(o.questions.map((q) => [questionKey(q), q.state]));
      assert.deepEqual(truth.questions.map((q) => `${q.section ?? '-'} ${q.id}: ${got.get(questionKey(q)) ?? 'not found'}`), truth.questions.map((q) => `${q.section ?? '-'} ${q.id}: ${q.state}`));
    });
    await check('by-reference targets', () => {
      const list = (qs: { id: string; section: string | null; state: string; refersTo?: string[] }[]) =>
        qs.filter((q) => q.state === 'by-reference').map((q) => `${q.section ?? '-'} ${q.id} -> ${(q.refersTo ?? []).join(',')}`);
      assert.deepEqual(list(o.questions), list(truth.questions));
    });
    await check('question lines', () => {
      const got = new Map(o.questions.map((q) => [questionKey(q), q.line]));
      const withLine = truth.questions.filter((q) => q.line !== null);
      assert.deepEqual(withLine.map((q) => `${q.section ?? '-'} ${q.id} @${got.get(questionKey(q)) ?? 'not found'}`), withLine.map((q) => `${q.section ?? '-'} ${q.id} @${q.line}`));
    });
    await check('citations', () => {
      assert.deepEqual(o.citations, truth.citations);
    });
    await check('document numbers', () => {
      assert.deepEqual(o.otherIds, truth.otherIds);
    });
    await check('motion links', () => {
      const got = truth.motions.map((m) => {
        const f = matchMotion(m, o.motions);
        return `line ${m.line}: ${f ? [...new Set(f.papers)].sort().join(',') || 'unlinked' : 'unlinked'}`;
      });
      assert.deepEqual(got, truth.motions.map((m) => `line ${m.line}: ${truthPapers(m).join(',') || 'unlinked'}`));
      const known = new Set(truth.motions.map((m) => matchMotion(m, o.motions)));
      const extra = o.motions.filter((f) => !known.has(f) && f.papers.length).map((f) => `line ${f.line}: ${f.mention} -> ${f.papers.join(',')}`);
      assert.deepEqual(extra, [], 'motion mentions linked where the truth has none');
    });
  }
});
