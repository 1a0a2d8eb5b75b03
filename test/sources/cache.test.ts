/**
 * Two processes writing the same cache folder at once, many times: no entry lost, torn or
 * overwritten by older facts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers';
import { fileNameOf, FactsCache, ttlFor } from '../../server/src/sources/cache';

function runWorker(dir: string, worker: number, rounds: number, ids: number): Promise<{ worker: number; missing: number; bad: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/cache-worker.ts'), dir, String(worker), String(rounds), String(ids)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${worker} exit ${code}: ${err}`))));
  });
}

test('two processes write the same entries at once: nothing lost, torn, or older', { timeout: 120_000 }, async () => {
  const tmp = tempDir();
  const rounds = 8;
  const ids = 40;
  try {
    const t0 = Date.now();
    const results = await Promise.all([runWorker(tmp.dir, 0, rounds, ids), runWorker(tmp.dir, 1, rounds, ids)]);
    const took = Date.now() - t0;
    for (const r of results) {
      assert.equal(r.missing, 0, `worker ${r.worker} found an entry missing`);
      assert.equal(r.bad, 0, `worker ${r.worker} read a torn or foreign entry`);
    }
    const factsDir = path.join(tmp.dir, 'facts');
    const files = readdirSync(factsDir);
    assert.deepEqual(files.filter((f) => !f.endsWith('.json')), [], 'no temp or lock files left');
    assert.equal(files.length, ids);
    // The newest facts win: round rounds-1 of worker 1 (its fetchedAt is the largest).
    const newest = new Date(Date.UTC(2030, 0, 1) + (rounds - 1) * 1000 + 1).toISOString();
    for (let i = 0; i < ids; i++) {
      const id = `kst-36410-X-${i + 1}`;
      const stored = JSON.parse(readFileSync(path.join(factsDir, fileNameOf(id) + '.json'), 'utf8'));
      assert.equal(stored.facts.fetchedAt, newest, id);
      assert.ok(stored.facts.title.startsWith(`Titel ${id} ronde ${rounds - 1} werker 1 `));
    }
    console.log(`two processes × ${rounds * ids} writes+reads: ${took} ms`);
  } finally {
    tmp.cleanup();
  }
});

test('TTL: a decided motion stays long, a pending one short', () => {
  const base = { id: 'x', found: true, title: null, type: 'Motie', isMotion: true, date: null, signers: [], dossierTitle: null, highestNumber: null, kamer: 'II' as const, source: 'tweedekamer' as const, fetchedAt: '' };
  const decided = ttlFor({ ...base, motion: { outcome: 'aangenomen', besluitTekst: null, votes: [], kabinetsappreciatie: null, replaces: null } });
  const pending = ttlFor({ ...base, motion: { outcome: null, besluitTekst: null, votes: [], kabinetsappreciatie: null, replaces: null } });
  assert.ok(decided >= 7 * pending * 4);
  assert.ok(pending <= 6 * 3600_000);
});

test('a cache folder that cannot be written does not fail the lookup', async () => {
  // A regular file where the folder should be: every write fails.
  const tmp = tempDir();
  const notADir = path.join(tmp.dir, 'file');
  writeFileSync(notADir, 'x');
  const c = new FactsCache(notADir);
  const f = { id: 'kst-1-1', found: false, title: null, type: null, isMotion: false, date: null, signers: [], dossierTitle: null, highestNumber: null, kamer: null, motion: null, source: 'tweedekamer' as const, fetchedAt: new Date().toISOString() };
  await assert.rejects(c.put(f));
  assert.equal(c.getMemory('kst-1-1')?.facts.id, 'kst-1-1', 'still served from memory');
  assert.equal((await new FactsCache(notADir).get('kst-1-1')), undefined);
  tmp.cleanup();
});
