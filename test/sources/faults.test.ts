/**
 * A slow, failing or nonsensical source: every case ends in bounded time with a Dutch status,
 * `peek` keeps answering at once, and the next lookup succeeds when the source is back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { buildDataset } from './dataset';
import { kst, service, until } from './helpers';
import { startReplayServer, type Fault, type ReplayServer } from '../support/replay-server';

let server: ReplayServer;
before(async () => {
  server = await startReplayServer(buildDataset({ shared: false }));
});
after(async () => {
  await server.close();
});

const REF = kst('kst-99901-7');
const timings: Record<string, number> = {};

async function faultCase(name: string, fault: Fault, expect: RegExp, opts: { timeoutMs?: number; bound: number }) {
  server.setFault(fault, { prefix: '/OData' });
  const svc = service(server, null, { retryBaseMs: 150, retryMaxMs: 1000 }, { timeoutMs: opts.timeoutMs ?? 2000 });
  try {
    const t0 = Date.now();
    // peek answers at once, whatever the source does.
    const p0 = svc.peek(REF);
    const peekMs = Date.now() - t0;
    assert.ok(peekMs < 50, `peek took ${peekMs} ms`);
    assert.equal(p0.state, 'pending');
    const r = await svc.resolve(REF);
    const took = Date.now() - t0;
    timings[name] = took;
    assert.ok(took < opts.bound, `${name}: ${took} ms`);
    // The Tweede Kamer source failed; without a KOOP record for this id the status is the failure.
    assert.equal(r.state, 'failed', name);
    assert.match(r.message!, expect, name);
    assert.match(r.message!, /nieuwe poging over \d+ s/, name);
    const p1 = svc.peek(REF);
    assert.equal(p1.state, 'failed');
    // The source comes back: the automatic retry (back-off) fetches the facts.
    server.setFault(null);
    const got = new Promise<void>((resolve) => svc.onDidChange((ref, peek) => ref.id === REF.id && peek.facts && resolve()));
    await got;
    const p2 = svc.peek(REF);
    assert.equal(p2.state, 'cached');
    assert.equal(p2.facts!.motion!.outcome, 'verworpen');
  } finally {
    server.setFault(null);
    svc.dispose();
  }
}

test('a source that never answers: timeout status, then success', async () => {
  await faultCase('timeout', { kind: 'hang' }, /bron antwoordt niet \(geen antwoord binnen 0,3 s\)/, { timeoutMs: 300, bound: 3000 });
});

test('HTTP 500: server error status, then success', async () => {
  await faultCase('http-500', { kind: 'status', status: 500, body: 'Internal Server Error' }, /serverfout \(HTTP 500\)/, { bound: 2000 });
});

test('HTTP 429 with Retry-After: waits as asked', async () => {
  server.setFault({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, { prefix: '/OData' });
  const svc = service(server, null, { retryBaseMs: 50 });
  try {
    const t0 = Date.now();
    const r = await svc.resolve(REF);
    assert.equal(r.state, 'failed');
    assert.match(r.message!, /bron vraagt om te wachten \(HTTP 429\), nieuwe poging over 1 s/);
    server.setFault(null);
    const n = server.requests.length;
    // Retry-After (1 s) outweighs the 50 ms back-off: no request before it has passed.
    await new Promise((res) => setTimeout(res, 500));
    assert.equal(server.requests.length, n, 'no retry before Retry-After');
    await until(() => svc.peek(REF).state === 'cached', 3000, 'retry after Retry-After');
    timings['429'] = Date.now() - t0;
    assert.ok(Date.now() - t0 >= 1000);
  } finally {
    server.setFault(null);
    svc.dispose();
  }
});

test('truncated JSON: unreadable answer status, then success', async () => {
  await faultCase('truncated-json', { kind: 'truncate' }, /onleesbaar antwoord \(ongeldige JSON\)/, { bound: 2000 });
});

test('an HTML error page instead of JSON', async () => {
  await faultCase('html', { kind: 'html' }, /HTML-foutpagina/, { bound: 2000 });
});

test('connection reset', async () => {
  await faultCase('reset', { kind: 'reset' }, /bron niet bereikbaar/, { bound: 2000 });
});

test('connection refused: unreachable status; success once a source listens there', async () => {
  // A port that was free a moment ago: nothing listens.
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const dead = `http://127.0.0.1:${port}/`;
  const { FactsService } = await import('../../server/src/sources/service');
  const { DEFAULT_SETTINGS } = await import('../../server/src/host/settings');
  const svc = new FactsService({
    sources: { ...DEFAULT_SETTINGS.sources, tweedekamerUrl: dead + 'OData/v4/2.0/', officielebekendmakingenUrl: dead, timeoutMs: 1000 },
    cacheDir: null,
    retryBaseMs: 100,
  });
  try {
    const t0 = Date.now();
    const r = await svc.resolve(REF);
    timings['refused'] = Date.now() - t0;
    assert.ok(timings['refused'] < 1000);
    assert.equal(r.state, 'failed');
    assert.match(r.message!, /^bron niet bereikbaar \(verbinding geweigerd\), nieuwe poging over \d+ s$/);
    // The source is back (settings point to it): the next lookup succeeds.
    svc.configure({ ...DEFAULT_SETTINGS.sources, tweedekamerUrl: server.tkUrl, officielebekendmakingenUrl: server.koopUrl, timeoutMs: 1000 });
    const ok = await svc.resolve(REF);
    assert.equal(ok.state, 'cached');
  } finally {
    svc.dispose();
  }
});

test('malformed JSON shapes and SRU diagnostics never crash', async () => {
  const cases: Fault[] = [
    { kind: 'status', status: 200, contentType: 'application/json', body: '{"value": 3}' },
    { kind: 'status', status: 200, contentType: 'application/json', body: 'null' },
    { kind: 'status', status: 200, contentType: 'application/json', body: '{"value":[{"Kamerstukdossier":"nonsense","Volgnummer":7}]}' },
    { kind: 'status', status: 200, contentType: 'application/json', body: '\u0000\u0001binary' },
  ];
  for (const f of cases) {
    server.setFault(f, { prefix: '/OData' });
    const svc = service(server, null);
    const r = await svc.resolve(REF);
    svc.dispose();
    assert.ok(r.state === 'failed' || (r.state === 'cached' && r.facts), JSON.stringify(f));
  }
  server.setFault({ kind: 'status', status: 200, contentType: 'application/xml', body: '<?xml version="1.0"?><sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"><sru:diagnostics><diag:diagnostic xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic"><diag:uri>info:srw/diagnostic/1/10</diag:uri><diag:message>Query syntax error</diag:message></diag:diagnostic></sru:diagnostics></sru:searchRetrieveResponse>' }, { prefix: '/sru' });
  const svc = service(server, null);
  const r = await svc.resolve({ ...kst('kst-99902-B'), kamer: 'I' });
  svc.dispose();
  server.setFault(null);
  assert.equal(r.state, 'failed');
  assert.match(r.message!, /zoekdienst meldt een fout: Query syntax error/);
  // Truncated XML from the search service.
  server.setFault({ kind: 'truncate' }, { prefix: '/sru' });
  const svc2 = service(server, null);
  const t = await svc2.resolve({ ...kst('kst-99902-B'), kamer: 'I' });
  svc2.dispose();
  server.setFault(null);
  assert.equal(t.state, 'failed');
  assert.match(t.message!, /onleesbaar antwoord \(ongeldige XML\)/);
});

test('a base URL in the settings that is not a URL gives a clear status', async () => {
  const { FactsService } = await import('../../server/src/sources/service');
  const { DEFAULT_SETTINGS } = await import('../../server/src/host/settings');
  const svc = new FactsService({ sources: { ...DEFAULT_SETTINGS.sources, tweedekamerUrl: 'geen adres', officielebekendmakingenUrl: 'file:///etc/' }, cacheDir: null });
  const r = await svc.resolve(REF);
  svc.dispose();
  assert.equal(r.state, 'failed');
  assert.match(r.message!, /^ongeldig bronadres in de instellingen: geen adres/);
});

test('many lookups while the source hangs: peek stays instant, concurrency is bounded', async () => {
  server.setFault({ kind: 'hang' }, { prefix: '/OData' });
  const svc = service(server, null, { concurrency: 2 }, { timeoutMs: 400 });
  try {
    const refs = Array.from({ length: 40 }, (_, i) => kst(`kst-99901-${i + 1}`));
    const before = server.requests.length;
    const t0 = Date.now();
    for (let k = 0; k < 5; k++) for (const r of refs) svc.peek(r);
    const took = Date.now() - t0;
    assert.ok(took < 100, `200 peeks took ${took} ms`);
    await new Promise((r) => setTimeout(r, 150));
    // Two lookups at a time, each waiting for its timeout: 40 papers asked 5 times, 2 requests out.
    const open = server.requests.slice(before).filter((u) => u.startsWith('/OData')).length;
    assert.equal(open, 2);
  } finally {
    server.setFault(null);
    svc.dispose();
  }
});

test('a source that is down is held: twenty papers do not wait twenty timeouts', async () => {
  server.setFault({ kind: 'hang' }, { prefix: '/OData' });
  const svc = service(server, null, { concurrency: 4, retryBaseMs: 5000 }, { timeoutMs: 300 });
  try {
    const before = server.requests.length;
    const refs = Array.from({ length: 20 }, (_, i) => kst(`kst-99901-${i + 1}`));
    const t0 = Date.now();
    const results = await Promise.all(refs.map((r) => svc.resolve(r)));
    const took = Date.now() - t0;
    timings['held-20'] = took;
    assert.ok(results.every((r) => r.state === 'failed' && /bron antwoordt niet/.test(r.message!)));
    const tk = server.requests.slice(before).filter((u) => u.startsWith('/OData')).length;
    assert.ok(tk <= 4, `${tk} requests to the held source`);
    assert.ok(took < 1500, `${took} ms`);
  } finally {
    server.setFault(null);
    svc.dispose();
  }
});

after(() => {
  // Reported in the test output for the record.
  console.log('fault timings (ms):', JSON.stringify(timings));
});
