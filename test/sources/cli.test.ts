/**
 * `antwoordbrief refs --resolve` through the bundled CLI (dist/cli.js), against the replay
 * server, with a real cache folder; then offline from that cache.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as net from 'node:net';
import { buildDataset, PROJECT } from './dataset';
import { tempDir } from './helpers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';

const CLI = path.join(PROJECT, 'dist/cli.js');
let server: ReplayServer;
let tmp: { dir: string; cleanup: () => void };
let letter: string;

before(async () => {
  server = await startReplayServer(buildDataset({ shared: false }));
  tmp = tempDir();
  letter = path.join(tmp.dir, 'brief.md');
  writeFileSync(
    letter,
    'Geachte voorzitter,\n\nTer uitvoering van de motie Testlid-Voorbeeld (Kamerstuk 99 901, nr. 7) en zie Kamerstuk 99 901, nr. 12.\nOok Kamerstukken I 2098/99, 99 902, B.\n',
  );
});
after(async () => {
  await server.close();
  tmp.cleanup();
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('refs --resolve adds title, type, date, signers, outcome, source, status; offline rerun from the cache', async () => {
  const cache = path.join(tmp.dir, 'cache');
  const urls = ['--tweedekamer-url', server.tkUrl, '--officielebekendmakingen-url', server.koopUrl];
  const r = await cli(['refs', '--format', 'json', '--resolve', '--cache', cache, ...urls, letter]);
  assert.equal(r.code, 0, r.stderr);
  const [file] = JSON.parse(r.stdout);
  const byId = (id: string) => file.references.find((e: any) => e.id === id && e.kind !== 'motie');
  const m = byId('kst-99901-7');
  assert.equal(m.status, 'gevonden');
  assert.equal(m.type, 'Motie');
  assert.equal(m.outcome, 'verworpen');
  assert.equal(m.date, '2099-02-03');
  assert.deepEqual(m.signers, ['A.B. Testlid-Voorbeeld', 'C. de Proef']);
  assert.equal(m.source, 'tweedekamer');
  assert.match(m.title, /^Motie van het lid Testlid-Voorbeeld c\.s\./);
  const nf = byId('kst-99901-12');
  assert.equal(nf.status, 'niet-gevonden');
  const ek = byId('kst-99902-B');
  assert.equal(ek.source, 'officielebekendmakingen');
  assert.match(r.stderr, /3\/3 opgezocht/);
  assert.match(r.stderr, /2 van 3 stukken gevonden\./);
  assert.match(r.stderr, /Kamerstuk 99 901, nr\. 12 \[kst-99901-12\]: onbekend bij de bron \(het dossier loopt tot nr\. 9\)/);

  const n = server.requests.length;
  const off = await cli(['refs', '--format', 'json', '--resolve', '--offline', '--cache', cache, ...urls, letter]);
  assert.equal(off.code, 0);
  assert.equal(server.requests.length, n, 'offline: no request');
  const [f2] = JSON.parse(off.stdout);
  assert.equal(f2.references.find((e: any) => e.id === 'kst-99901-7').outcome, 'verworpen');
  assert.match(off.stderr, /offline, uit de cache/);
});

test('refs --resolve with an unreachable source: a Dutch reason per paper, no stack trace', async () => {
  // A port that was free a moment ago: nothing listens, the connection is refused.
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const dead = `http://127.0.0.1:${(probe.address() as net.AddressInfo).port}/`;
  await new Promise<void>((r) => probe.close(() => r()));
  const t0 = Date.now();
  const r = await cli(['refs', '--resolve', '--format', 'text', '--tweedekamer-url', dead, '--officielebekendmakingen-url', dead, letter]);
  // No paper could be looked up: exit 3 (README), not the 0 of a complete lookup, and a Dutch notice why.
  assert.equal(r.code, 3, r.stderr);
  assert.ok(Date.now() - t0 < 15_000);
  assert.match(r.stdout, /mislukt: bron niet bereikbaar \(verbinding geweigerd\)\n/);
  assert.match(r.stderr, /0 van 3 stukken gevonden/);
  assert.match(r.stderr, /Let op: geen van de 3 stukken kon worden opgezocht \(bron niet bereikbaar\); afsluitcode 3\./);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});
