/**
 * The clients against our own fixtures (synthetic content in the recorded shapes), so they are
 * tested on a fresh clone without ../shared.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildDataset, OWN } from './dataset';
import { kst, service, tempDir } from './helpers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';
import { decodeXmlText } from '../../server/src/sources/http';
import { fileNameOf } from '../../server/src/sources/cache';

let server: ReplayServer;
before(async () => {
  server = await startReplayServer(buildDataset({ shared: false }));
});
after(async () => {
  await server.close();
});

test('rejected motion: outcome, vote per fractie de-duplicated, indieners from ZaakActor', async () => {
  const svc = service(server, null);
  const f = (await svc.resolve(kst('kst-99901-7'))).facts!;
  svc.dispose();
  assert.equal(f.found, true);
  assert.equal(f.isMotion, true);
  assert.equal(f.motion!.outcome, 'verworpen');
  assert.equal(f.motion!.kabinetsappreciatie, 'Ontraden');
  assert.deepEqual(f.signers, ['A.B. Testlid-Voorbeeld', 'C. de Proef']);
  assert.deepEqual(
    f.motion!.votes.map((v) => `${v.fractie}:${v.soort}:${v.zetels}`),
    ['Fractie Noord:Voor:20', 'Fractie Zuid:Tegen:30', 'Fractie Oost:Niet deelgenomen:1'],
  );
  assert.equal(f.dossierTitle, 'Synthetisch testdossier');
  assert.equal(f.highestNumber, 9);
});

test('same number in the dossier with toevoeging X is a different paper', async () => {
  for (const mode of ['honour', 'ignore', 'reject'] as const) {
    server.nullFilter = mode;
    const svc = service(server, null);
    const plain = (await svc.resolve(kst('kst-99901-7'))).facts!;
    const withX = (await svc.resolve(kst('kst-99901-X-7'))).facts!;
    svc.dispose();
    assert.equal(plain.type, 'Motie', mode);
    assert.equal(withX.type, 'Brief regering', mode);
    assert.deepEqual(withX.signers, ['E.F. Bewindspersoon']);
    assert.equal(withX.dossierTitle, 'Synthetisch testdossier, hoofdstuk X');
  }
  server.nullFilter = 'honour';
});

test('a toevoeging stored in lower case ("xiii") is still found', async () => {
  const svc = service(server, null);
  const f = (await svc.resolve(kst('kst-99903-XIII-5'))).facts!;
  svc.dispose();
  assert.equal(f.found, false);
  assert.equal(f.dossierTitle, 'Synthetisch testdossier, kleine letters');
  assert.equal(f.highestNumber, 4);
});

test('a number beyond the dossier: found false with the highest volgnummer', async () => {
  const svc = service(server, null);
  const f = (await svc.resolve(kst('kst-99901-12'))).facts!;
  svc.dispose();
  assert.equal(f.found, false);
  assert.equal(f.highestNumber, 9);
  assert.equal(f.dossierTitle, 'Synthetisch testdossier');
});

test('Eerste Kamer kamerstuk from an SRU record, no Tweede Kamer request', async () => {
  const svc = service(server, null);
  const n = server.requests.length;
  const f = (await svc.resolve(kst('kst-99902-B'))).facts!;
  svc.dispose();
  assert.ok(server.requests.slice(n).every((u) => u.startsWith('/sru')));
  assert.equal(f.kamer, 'I');
  assert.equal(f.type, 'Memorie van antwoord');
  assert.equal(f.title, 'Memorie van antwoord');
  assert.equal(f.dossierTitle, 'Synthetisch wetsvoorstel');
  assert.equal(f.date, '2099-05-01');
});

test('metadata.xml in windows-1252 decodes by its declaration', async () => {
  const raw = readFileSync(path.join(OWN, 'koop/metadata_synthetic_kst-99902-C_windows-1252.xml'));
  assert.ok(raw.includes(0xeb), 'fixture holds a windows-1252 ë byte');
  assert.match(decodeXmlText(raw), /financiële regeling/);
  const svc = service(server, null);
  const f = (await svc.resolve(kst('kst-99902-C'))).facts!;
  svc.dispose();
  assert.equal(f.dossierTitle, 'Synthetische financiële regeling');
  assert.equal(f.title, 'Brief over de coördinatie van één synthetisch café');
  assert.equal(f.type, 'Brief');
});

test('go to definition writes readable Markdown and opens at "verzoekt de regering"', async () => {
  const tmp = tempDir();
  const svc = service(server, tmp.dir);
  try {
    await svc.resolve(kst('kst-99901-7'));
    const r = await svc.downloadPaperText(kst('kst-99901-7'));
    const md = readFileSync(r.path, 'utf8').split('\n');
    assert.equal(md[0], '# Kamerstuk 99 901, nr. 7');
    assert.ok(md.includes('**MOTIE VAN HET LID TESTLID-VOORBEELD C.S.**'));
    assert.equal(md[r.line], 'verzoekt de regering, een synthetisch verzoek uit te voeren,');
    assert.ok(md.includes('constaterende dat dit een synthetische motie is;'));
    assert.ok(!md.join('\n').includes('Vergaderjaar 2098-2099'), 'the page head is left out');
  } finally {
    svc.dispose();
    tmp.cleanup();
  }
});

test('offline: no request at all; cached facts still served', async () => {
  const tmp = tempDir();
  try {
    const online = service(server, tmp.dir);
    await online.resolve(kst('kst-99901-7'));
    online.dispose();
    const n = server.requests.length;
    const off = service(server, tmp.dir, {}, { offline: true });
    const a = await off.resolve(kst('kst-99901-7'));
    const b = await off.resolve(kst('kst-99901-X-7'));
    assert.equal(off.peek(kst('kst-99901-X-7')).state, 'offline');
    await assert.rejects(off.downloadPaperText(kst('kst-99901-X-7')), /offline/);
    off.dispose();
    assert.equal(server.requests.length, n, 'offline makes no request');
    assert.equal(a.state, 'offline');
    assert.equal(a.facts!.motion!.outcome, 'verworpen');
    assert.equal(b.facts, undefined);
  } finally {
    tmp.cleanup();
  }
});

test('a damaged cache file is discarded and fetched again', async () => {
  const tmp = tempDir();
  try {
    const a = service(server, tmp.dir);
    await a.resolve(kst('kst-99901-7'));
    a.dispose();
    const file = path.join(tmp.dir, 'facts', fileNameOf('kst-99901-7') + '.json');
    writeFileSync(file, '{"format":1,"id":"kst-99901-7","facts":{"id":"kst-99');
    const b = service(server, tmp.dir);
    const n = server.requests.length;
    const r = await b.resolve(kst('kst-99901-7'));
    b.dispose();
    assert.equal(r.state, 'cached');
    assert.equal(r.facts!.motion!.outcome, 'verworpen');
    assert.ok(server.requests.length > n, 'fetched again');
    const again = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(again.facts.id, 'kst-99901-7');
    assert.deepEqual(readdirSync(path.join(tmp.dir, 'facts')).filter((f) => !f.endsWith('.json')), []);
  } finally {
    tmp.cleanup();
  }
});

test('an expired entry is served at once and refreshed in the background', async () => {
  const tmp = tempDir();
  try {
    const a = service(server, tmp.dir);
    await a.resolve(kst('kst-99901-7'));
    a.dispose();
    const file = path.join(tmp.dir, 'facts', fileNameOf('kst-99901-7') + '.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.expiresAt = Date.now() - 1000;
    const oldFetched = stored.facts.fetchedAt;
    stored.facts.fetchedAt = '2000-01-01T00:00:00.000Z';
    writeFileSync(file, JSON.stringify(stored));
    const b = service(server, tmp.dir);
    await b.cache.get('kst-99901-7');
    // peek serves the stale facts at once and refreshes them in the background.
    const arrived = new Promise<void>((resolve) => b.onDidChange((r, p) => p.facts?.fetchedAt !== '2000-01-01T00:00:00.000Z' && resolve()));
    const stale = b.peek(kst('kst-99901-7'));
    assert.equal(stale.state, 'cached');
    assert.equal(stale.facts!.fetchedAt, '2000-01-01T00:00:00.000Z');
    await arrived;
    const fresh = await b.resolve(kst('kst-99901-7'));
    assert.notEqual(fresh.facts!.fetchedAt, '2000-01-01T00:00:00.000Z');
    assert.ok(fresh.facts!.fetchedAt >= oldFetched);
    b.dispose();
  } finally {
    tmp.cleanup();
  }
});

test('only the configured host is contacted, only with identifiers', async () => {
  const svc = service(server, null);
  const r = await svc.resolve({ kind: 'document', id: 'https://evil.example/x', dossier: null, toevoeging: null, number: null, kamer: null, vergaderjaar: null, canonical: 'x' });
  svc.dispose();
  assert.equal(r.state, 'unknown');
  assert.ok(server.requests.every((u) => u.startsWith('/')));
});
