// A short run of the fuzz (test/fuzz/fuzz.ts) in every `npm test`: a few seconds of random edit
// sequences, requests, applied quick fixes and renames, and protocol abuse against dist/server.js.
// The seed changes with FUZZ_SEED; a failure prints its reproducer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz, summary } from './fuzz';

test('fuzz: a few seconds of random edits, requests, applied edits and protocol abuse find no failure', async (t) => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261130);
  const report = await runFuzz({ seed, timeMs: Number(process.env.FUZZ_SECONDS ?? 5) * 1000 });
  const text = summary(report);
  for (const line of text.split('\n')) t.diagnostic(line);
  assert.ok(report.sequences > 0 && report.requests > 0 && report.abuse > 0, text);
  assert.deepEqual(report.failures, [], text);
});
