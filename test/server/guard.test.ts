// Every message checked before the library sees it (server/src/lsp/runner.ts MessageGuard), and the
// server's process around the connection (server/src/lsp/transport.ts), through the real server:
// malformed notifications keep the held text and are logged in Dutch, invalid ids, batches, a
// second initialize, an unknown command, unbounded input in error messages, bad transport
// arguments, a socket, a closed stdout, and an error nothing caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, SocketMessageReader, SocketMessageWriter, StreamMessageReader } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, SERVER_JS, positionOf, withClient, withTimeout } from './lsp-client';
import { ANSWERED_MD } from './letters';

/** Text the library (vscode-jsonrpc, vscode-languageserver) or Node writes for an error: never shown. */
const ENGLISH = /Cannot read|Received message|TypeError|is not a function|Expected|Unexpected|neither a response|\bat .*\.js:\d+|Node\.js v/u;

const shape = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();

const TWO_QUESTIONS = 'Vraag 1\nWaarom is de regeling nog niet ingevoerd?\n\nVraag 2\nHoe verloopt de invoering?\n';
const URI = 'file:///werk/brief.md';

/** Malformed notifications of every kind (LSP 3.17 shapes broken one field at a time). */
function malformed(uri: string): [string, unknown][] {
  const td = (extra: object) => ({ textDocument: { uri, languageId: 'markdown', version: 2, text: 'Vraag 9\nWat?\n', ...extra } });
  const change = (c: unknown) => ({ textDocument: { uri, version: 3 }, contentChanges: c });
  const range = (sl: unknown, sc: unknown, el: unknown, ec: unknown) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  return [
    ['textDocument/didOpen', null],
    ['textDocument/didOpen', td({ text: 5 })],
    ['textDocument/didOpen', td({ text: undefined })],
    ['textDocument/didOpen', td({ version: 'x' })],
    ['textDocument/didOpen', td({ version: 1.5 })],
    ['textDocument/didOpen', td({ uri: 5 })],
    ['textDocument/didOpen', td({ languageId: 5 })],
    ['textDocument/didChange', change('abc')],
    ['textDocument/didChange', change([null, 5])],
    ['textDocument/didChange', change([{ text: null }])],
    ['textDocument/didChange', change([{ range: range(-5, -3, 0, 0), text: 'BEGIN' }])],
    ['textDocument/didChange', change([{ range: range(0.5, NaN, '1', null), text: 'Q' }])],
    ['textDocument/didChange', change([{ text: 'Vraag 1\nWat?\n' }, { range: range(0, 0, 0, 0) }])],
    ['textDocument/didChange', { textDocument: { uri, version: 'drie' }, contentChanges: [{ text: 'Vraag 1\nWat?\n' }] }],
    ['textDocument/didChange', { textDocument: { uri: null, version: 3 }, contentChanges: [{ text: 'x' }] }],
    ['textDocument/didSave', { textDocument: 5 }],
    ['textDocument/didClose', {}],
    ['textDocument/didClose', { textDocument: { uri: 7 } }],
    ['workspace/didChangeConfiguration', null],
    ['workspace/didChangeWatchedFiles', { changes: 'x' }],
    ['workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 99 }] }],
    ['workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file:///', name: 'root' }], removed: 'x' } }],
    ['workspace/didChangeWorkspaceFolders', null],
    ['$/cancelRequest', { id: { x: 1 } }],
    ['$/cancelRequest', null],
    ['$/setTrace', { value: 'bogus' }],
  ];
}

test('guard: malformed notifications are logged in Dutch and dropped; the held text, its findings and later incremental changes stay right', () =>
  withClient(async (c) => {
    await c.open(URI, TWO_QUESTIONS);
    const before = await c.diagnostics(URI, 1);
    assert.equal(before.length, 2, JSON.stringify(before));
    const symbolsBefore = await c.symbols(URI);
    const bad = malformed(URI);
    for (const [method, params] of bad) await c.connection.sendNotification(method, params);
    // Messages are handled in order: this answer comes after every notification above.
    assert.deepEqual(await c.symbols(URI), symbolsBefore, 'the held text changed');
    const logged = c.logs.filter((l) => /genegeerd/u.test(l));
    assert.equal(logged.length, bad.length, c.logs.join('\n'));
    for (const l of c.logs) {
      assert.doesNotMatch(l, ENGLISH);
      assert.ok(l.length < 300, l);
    }
    for (const l of logged.filter((x) => /textDocument\/did(Open|Change) /u.test(x))) assert.match(l, /de server houdt de tekst die hij had/u);
    // Every publication carries an integer version; the findings on screen are those of the held text.
    for (const p of c.published) assert.ok(p.version === undefined || Number.isInteger(p.version), JSON.stringify(p.version));
    assert.deepEqual(shape(c.published.filter((p) => p.uri === URI).at(-1)!.diagnostics), shape(before));
    // An incremental change on the held text (the client's copy never took the dropped ones).
    const v = await c.edit(URI, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, 'Antwoord 1\nDaarom.\n\n');
    assert.equal(v, 2);
    const after = await c.diagnostics(URI, 2);
    const fresh = 'file:///werk/vers.md';
    await c.open(fresh, c.text(URI)!);
    assert.deepEqual(shape(after), shape(await c.diagnostics(fresh, 1)));
    assert.equal(after.length, 1);
    assert.equal(c.child.exitCode, null);
  }));

test('guard: a second didOpen of an open document replaces its text (logged); a change, save or close of a document not open is logged and ignored', () =>
  withClient(async (c) => {
    await c.open(URI, TWO_QUESTIONS);
    assert.equal((await c.diagnostics(URI, 1)).length, 2);
    await c.open(URI, 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n', 'markdown', 5);
    assert.deepEqual(await c.diagnostics(URI, 5), []);
    assert.ok(c.logs.some((l) => /brief\.md was al geopend; de nieuwe tekst vervangt de oude/u.test(l)), c.logs.join('\n'));
    const other = 'file:///werk/nooit-geopend.md';
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: 'Vraag 1\nWat?\n' }] });
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri: other } });
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
    assert.equal(await c.symbols(other), null);
    for (const method of ['didChange', 'didSave', 'didClose']) {
      assert.ok(c.logs.some((l) => l.includes(`textDocument/${method} genegeerd: ${other} is niet geopend`)), `${method}: ${c.logs.join('\n')}`);
    }
    assert.equal(c.published.filter((p) => p.uri === other).length, 0);
  }));

/** A server spoken to in raw frames, every message it sends collected. */
function rawServer() {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const received: any[] = [];
  const reader = new StreamMessageReader(child.stdout);
  reader.listen((m) => received.push(m));
  const send = (body: unknown) => {
    const s = typeof body === 'string' ? body : JSON.stringify(body);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  };
  /** The reply to request `id`, sent now. */
  const reply = async (id: number, method: string, params?: unknown) => {
    send({ jsonrpc: '2.0', id, method, params });
    return withTimeout(
      (async () => {
        for (;;) {
          const r = received.find((m) => m.id === id && !m.method);
          if (r) return r;
          await new Promise((res) => setTimeout(res, 10));
        }
      })(),
      10000,
      `no reply to ${method}`,
    );
  };
  return { child, received, send, reply, stderr: () => stderr, dispose: () => (reader.dispose(), child.kill()) };
}

test('guard: ids that are objects, arrays, booleans or null, batches and non-objects get InvalidRequest with id null; never the library\'s English log', async () => {
  const s = rawServer();
  try {
    await s.reply(1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    s.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    const hover = { textDocument: { uri: URI }, position: { line: 0, character: 0 } };
    const bad: unknown[] = [
      ...[{ a: 1 }, [1], true, null].map((id) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: hover })),
      [{ jsonrpc: '2.0', id: 50, method: 'textDocument/hover', params: hover }],
      5,
      '"tekst"', // raw: a JSON string
      { jsonrpc: '2.0', id: 51, method: 17 },
    ];
    for (const b of bad) s.send(b);
    await s.reply(2, 'textDocument/hover', hover);
    const errors = s.received.filter((m) => m.error && m.id !== 2);
    assert.equal(errors.length, bad.length, JSON.stringify(s.received));
    for (const e of errors) {
      assert.equal(e.error.code, -32600, JSON.stringify(e));
      assert.ok(e.id === null || e.id === 51, JSON.stringify(e));
      assert.doesNotMatch(e.error.message, ENGLISH);
    }
    assert.ok(!s.received.some((m) => m.id === 50), 'a request inside a batch was handled');
    const logs = s.received.filter((m) => m.method === 'window/logMessage').map((m) => m.params.message);
    for (const l of logs) assert.doesNotMatch(l, ENGLISH);
    // A body that is no JSON: one Dutch line on stderr, without the parser's text; the server goes on.
    s.send('{"jsonrpc":"2.0","id":52,');
    assert.equal((await s.reply(3, 'textDocument/hover', hover)).id, 3);
    assert.match(s.stderr(), /onleesbaar bericht overgeslagen \(geen geldige JSON\)/u);
    assert.doesNotMatch(s.stderr(), ENGLISH);
  } finally {
    s.dispose();
  }
});

test('guard: a second initialize and every request after shutdown (a second shutdown too) get InvalidRequest', async () => {
  const s = rawServer();
  try {
    const init = { processId: null, rootUri: null, capabilities: {} };
    assert.ok((await s.reply(1, 'initialize', init)).result.capabilities);
    const again = await s.reply(2, 'initialize', init);
    assert.equal(again.error?.code, -32600, JSON.stringify(again));
    assert.match(again.error.message, /al geïnitialiseerd/u);
    assert.equal((await s.reply(3, 'shutdown')).result, null);
    for (const [id, method] of [[4, 'shutdown'], [5, 'initialize']] as const) {
      const r = await s.reply(id, method, method === 'initialize' ? init : undefined);
      assert.equal(r.error?.code, -32600, `${method}: ${JSON.stringify(r)}`);
    }
    const exit = new Promise<number | null>((r) => s.child.on('exit', (code) => r(code)));
    s.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal(await withTimeout(exit, 10000, 'no exit'), 0);
  } finally {
    s.dispose();
  }
});

test('guard: an unknown workspace/executeCommand is InvalidParams in Dutch; error messages quote user input at most 80 characters', () =>
  withClient(async (c) => {
    await c.open(URI, ANSWERED_MD);
    await c.diagnostics(URI, 1);
    const long = 'x'.repeat(10000);
    for (const command of ['antwoordbrief.bestaatNiet', long]) {
      await assert.rejects(withTimeout(c.request('workspace/executeCommand', { command, arguments: [] }), 10000, 'executeCommand'), (e: any) => {
        assert.equal(e.code, -32602, e.message);
        assert.match(e.message, /^onbekende opdracht „/u);
        assert.ok(e.message.length < 200, `${e.message.length} characters`);
        return true;
      });
    }
    await assert.rejects(
      withTimeout(c.request('textDocument/rename', { textDocument: { uri: URI }, position: positionOf(ANSWERED_MD, '### Vraag 2', 10), newName: long }), 10000, 'rename'),
      (e: any) => {
        assert.match(e.message, /is geen vraagnummer/u);
        assert.ok(e.message.length < 200, `${e.message.length} characters`);
        return true;
      },
    );
  }));

/** Runs the server with `args` and no client; resolves with its exit code and stderr (a hang fails). */
function startAlone(args: string[], options: { ipc?: boolean } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => (child.kill(), reject(new Error(`server ${args.join(' ')} did not end`))), 10000);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stderr })));
  });
}

/** A port nothing listens on: one the system handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

test('guard: without a transport, with a bad port, a refused socket, a missing pipe or --node-ipc without a channel the server says so in one Dutch line and exits non-zero', async () => {
  const port = await closedPort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-guard-'));
  try {
    const cases: [string[], RegExp][] = [
      [[], /^antwoordbrief: geef aan hoe de server met de editor praat: --stdio, --node-ipc, --socket=POORT of --pipe=NAAM$/u],
      [['--bogus'], /^antwoordbrief: geef aan hoe/u],
      [['--socket=abc'], /^antwoordbrief: --socket: „abc” is geen poortnummer \(1 tot en met 65535\)$/u],
      [['--socket=99999'], /^antwoordbrief: --socket: „99999” is geen poortnummer/u],
      [['--socket'], /^antwoordbrief: --socket: „” is geen poortnummer/u],
      [['--pipe'], /^antwoordbrief: --pipe: geef de naam van de pipe op/u],
      [[`--socket=${port}`], new RegExp(`^antwoordbrief: kan geen verbinding maken met de editor op poort ${port}: verbinding geweigerd`, 'u')],
      [['--node-ipc'], /^antwoordbrief: --node-ipc: er is geen IPC-kanaal/u],
    ];
    if (process.platform !== 'win32') cases.push([[`--pipe=${path.join(dir, 'weg.sock')}`], /^antwoordbrief: kan geen verbinding maken met de editor op pipe .*weg\.sock: die pipe bestaat niet$/u]);
    for (const [args, expect] of cases) {
      const r = await startAlone(args);
      assert.notEqual(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(lines[0], expect, args.join(' '));
      assert.doesNotMatch(r.stderr, ENGLISH);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('guard: over --socket the server connects, checks parameters like over stdio, and exits 0 after shutdown and exit', async () => {
  const srv = net.createServer();
  const accepted = new Promise<net.Socket>((r) => srv.once('connection', r));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  const child = spawn(process.execPath, [SERVER_JS, `--socket=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const socket = await withTimeout(accepted, 10000, 'the server did not connect');
  const conn = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ bronnen: { offline: true } })));
  conn.listen();
  try {
    const init: any = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { bronnen: { offline: true } } });
    assert.equal(init.serverInfo.name, 'antwoordbrief');
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: ANSWERED_MD } });
    assert.ok(Array.isArray(await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })));
    await assert.rejects(conn.sendRequest('textDocument/hover', null), (e: any) => e.code === -32602 && /parameters ontbreken/u.test(e.message));
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await withTimeout(exit, 10000, 'no exit'), 0);
  } finally {
    conn.dispose();
    socket.destroy();
    srv.close();
    if (child.exitCode === null) child.kill();
  }
});

test('guard: when the editor stops reading stdout the server ends with one Dutch line instead of running on deaf', async () => {
  const c = await LspClient.start();
  try {
    c.child.stdout!.destroy();
    for (let i = 0; i < 20; i++) {
      void c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///werk/b${i}.md`, languageId: 'markdown', version: 1, text: TWO_QUESTIONS.repeat(50) } }).catch(() => undefined);
    }
    assert.equal(await withTimeout(c.exited(), 15000, 'the server kept running'), 1);
    assert.match(c.stderr, /^antwoordbrief: kan niet meer naar de editor schrijven: /mu);
    assert.doesNotMatch(c.stderr, ENGLISH);
  } finally {
    c.kill();
  }
});

test('guard: an error nothing caught (thrown or rejected) is logged as one Dutch line without a stack, and the server answers on', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-guard-'));
  try {
    // A fault from outside any handler: a preloaded module throws and rejects once the server runs.
    const preload = path.join(dir, 'fout.cjs');
    writeFileSync(preload, "setTimeout(() => { throw new Error('boem\\n    at iets (x.js:1:1)'); }, 300); setTimeout(() => Promise.reject(new TypeError('kapot')), 300);");
    await withClient(
      async (c) => {
        await c.open(URI, TWO_QUESTIONS);
        await c.diagnostics(URI, 1);
        for (let k = 0; k < 300 && c.logs.filter((l) => /interne fout/u.test(l)).length < 2; k++) await new Promise((r) => setTimeout(r, 20));
        const faults = c.logs.filter((l) => /interne fout/u.test(l));
        assert.deepEqual(faults.sort(), ['antwoordbrief: interne fout in uncaughtException: Error: boem', 'antwoordbrief: interne fout in unhandledRejection: TypeError: kapot']);
        assert.ok(Array.isArray(await c.symbols(URI)));
        assert.equal(c.child.exitCode, null);
      },
      { nodeArgs: ['--require', preload] },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
