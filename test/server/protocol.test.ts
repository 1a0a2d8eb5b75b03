// Protocol abuse and stale results, through the real server over JSON-RPC: the lifecycle errors,
// malformed parameters, a broken header, a change with a lower version, requests answered while
// the server waits for workspace/configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient, SERVER_JS, positionOf, withClient, withTimeout } from './lsp-client';
import { ANSWERED_MD, UNANSWERED_TXT } from './letters';

/** A raw server: its JSON-RPC connection without initialize, its stdin, and its exit code. */
function rawServer() {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exit = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ bronnen: { offline: true } })));
  const notifications: { method: string; params: any }[] = [];
  conn.onNotification((method: string, params: any) => notifications.push({ method, params }));
  conn.listen();
  return { child, conn, exit, stderr: () => stderr, notifications };
}

const HOVER = { textDocument: { uri: 'file:///brief.md' }, position: { line: 0, character: 0 } };

test('protocol: requests before initialize get ServerNotInitialized (-32002), after shutdown InvalidRequest; exit is 0', async () => {
  const s = rawServer();
  try {
    // A document opened before initialize (a client error) is not diagnosed then.
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///vroeg.md', languageId: 'markdown', version: 1, text: UNANSWERED_TXT } });
    for (const method of ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/rename', 'antwoordbrief/checkWorkspace']) {
      await assert.rejects(withTimeout(s.conn.sendRequest(method, HOVER), 10000, method), (e: any) => e.code === -32002, method);
    }
    assert.deepEqual(s.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics'), []);
    await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await s.conn.sendNotification('initialized', {});
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///brief.md', languageId: 'markdown', version: 1, text: ANSWERED_MD } });
    assert.ok(Array.isArray(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///brief.md' } })));
    await s.conn.sendRequest('shutdown');
    for (const method of ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeLens']) {
      await assert.rejects(s.conn.sendRequest(method, HOVER), (e: any) => e.code === -32600, method);
    }
    await s.conn.sendNotification('exit');
    assert.equal(await withTimeout(s.exit, 10000, 'no exit'), 0);
  } finally {
    s.conn.dispose();
    s.child.kill();
  }
});

for (const [name, header] of [
  ['no Content-Length header', 'Content-Lenght: 2\r\n\r\n{}'],
  ['a Content-Length that is not a number', 'Content-Length: twee\r\n\r\n{}'],
  ['a header line without a colon', 'Content-Length 2\r\n\r\n{}'],
] as const) {
  test(`protocol: a message with ${name} is logged and the server exits non-zero (the client restarts it)`, async () => {
    const s = rawServer();
    try {
      await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      s.child.stdin.write(header);
      const code = await withTimeout(s.exit, 10000, 'the server stayed alive but deaf');
      assert.notEqual(code, 0);
      assert.match(s.stderr(), /ongeldige berichtkop/);
    } finally {
      s.conn.dispose();
      s.child.kill();
    }
  });
}

test('protocol: malformed parameters get InvalidParams with a short Dutch message, never a JavaScript error text', () =>
  withClient(async (c) => {
    const uri = 'file:///brief.md';
    await c.open(uri, ANSWERED_MD);
    await c.diagnostics(uri, 1);
    const td = { uri };
    const pos = { line: 0, character: 0 };
    const cases: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: 5, position: pos }],
      ['textDocument/hover', { textDocument: td, position: 'begin' }],
      ['textDocument/hover', { textDocument: td, position: { line: 1.5, character: 0 } }],
      ['textDocument/hover', null],
      ['textDocument/definition', { textDocument: { uri: 7 }, position: pos }],
      ['textDocument/references', { textDocument: td }],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['textDocument/foldingRange', []],
      ['textDocument/codeAction', { textDocument: td }],
      ['textDocument/codeAction', { textDocument: td, range: { start: pos }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: td, range: { start: pos, end: pos }, context: { diagnostics: 'geen' } }],
      ['textDocument/completion', { textDocument: td, position: { line: -1, character: 0 } }],
      ['textDocument/rename', { textDocument: td, position: positionOf(ANSWERED_MD, '### Vraag 2', 10) }],
      ['textDocument/rename', { textDocument: td, position: positionOf(ANSWERED_MD, '### Vraag 2', 10), newName: 5 }],
      ['textDocument/prepareRename', { textDocument: td }],
      ['textDocument/codeLens', { textDocument: null }],
      ['workspace/executeCommand', { arguments: [] }],
      ['antwoordbrief/nextUnanswered', { uri }],
      ['antwoordbrief/nextUnanswered', { uri, line: 'een', character: 0 }],
      ['antwoordbrief/skeleton', { uri: 3 }],
      ['antwoordbrief/skeleton', { uri, text: 42 }],
      ['antwoordbrief/referenceAt', {}],
      ['antwoordbrief/checkDocument', { uri: null }],
    ];
    for (const [method, params] of cases) {
      await assert.rejects(
        withTimeout(c.request(method, params), 10000, method),
        (e: any) => {
          assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}: ${e.message}`);
          assert.ok(e.message.length < 120, e.message);
          assert.doesNotMatch(e.message, /TypeError|Cannot read|undefined|is not a function|\.js:\d+/);
          return true;
        },
      );
    }
    // Well-formed requests still work, and nothing was logged as a crash.
    assert.ok(Array.isArray(await c.symbols(uri)));
    assert.doesNotMatch(c.logs.join('\n'), /TypeError|Cannot read/);
    assert.equal(c.child.exitCode, null);
  }));

/** Diagnostics as the comparable part (code, range, message). */
const shape = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('stale: a didChange with a lower version than the current one ends with the findings of the text the server holds', () =>
  withClient(async (c) => {
    const uri = 'file:///brief.md';
    await c.open(uri, ANSWERED_MD, 'markdown', 5);
    const clean = await c.diagnostics(uri, 5);
    // The same version again, then a lower one: each a new text with findings of its own.
    for (const [version, text] of [
      [5, UNANSWERED_TXT],
      [3, ANSWERED_MD.replace(/### Antwoord 2\n\n[^\n]+\n/u, '### Antwoord 2\n\n')],
      [2, ANSWERED_MD],
    ] as const) {
      const before = c.published.length;
      await c.change(uri, [{ text }], version);
      // Opening and closing the reference letter in the same folder re-publishes this one (it
      // may depend on its workspace): wait for the publication of the version just sent.
      const pub = await c.publicationAfter(uri, before, 30000, version);
      assert.equal(pub.version, version);
      const got = pub.diagnostics;
      const ref = `file:///vers-${version}.md`;
      await c.open(ref, text, 'markdown', 1);
      const fresh = await c.diagnostics(ref, 1);
      await c.close(ref);
      assert.deepEqual(shape(got), shape(fresh), `version ${version}`);
    }
    assert.deepEqual(shape(await c.diagnostics(uri, 2)), shape(clean));
    // The last publication for the document is that of the last text.
    const last = c.published.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(last.version, 2);
  }));

/** Replace the client's configuration handler by one that answers only when `release` is called. */
function gateConfiguration(c: LspClient): { release: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  c.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
    await gate;
    return p.items.map(() => ({ bronnen: { offline: true } }));
  });
  return { release: () => open() };
}

function symbolLines(symbols: DocumentSymbol[] | null): number[] {
  const out: number[] = [];
  const walk = (s: DocumentSymbol[]) =>
    s.forEach((x) => {
      out.push(x.selectionRange.start.line);
      walk(x.children ?? []);
    });
  walk(symbols ?? []);
  return out;
}

/** A request's outcome: its result, or the code of its error. */
function outcome<T>(p: Promise<T>): Promise<{ result: T } | { code: number }> {
  return p.then(
    (result) => ({ result }),
    (e: { code: number }) => ({ code: e.code }),
  );
}

test('stale: requests overtaken by a change while the server waits for workspace/configuration answer ContentModified (never on the newer text); a command is answered wholly on the newest text; asked again, they answer on the new text', () =>
  withClient(async (c) => {
    const uri = 'file:///brief.md';
    const commandUri = 'file:///vragen-ind.txt';
    const shifted = '# Kop\n\nEen inleiding van drie regels.\n\n';
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const round of ['first open', 'after a settings change']) {
      const gate = gateConfiguration(c);
      if (round === 'first open') {
        await c.open(uri, ANSWERED_MD, 'markdown', 1);
        await c.open(commandUri, UNANSWERED_TXT, 'plaintext', 1);
      } else await c.configure({});
      const hoverAt = positionOf(c.text(uri)!, 'antwoord op vraag 2', 18);
      const pSymbols = outcome(c.symbols(uri));
      const pFolds = outcome(c.folding(uri));
      const pHover = outcome(c.hover(uri, hoverAt));
      const pNext = c.request('antwoordbrief/nextUnanswered', { uri: commandUri, line: 0, character: 0 });
      // A change arrives while the server waits: four lines are inserted at the top of both.
      const v2 = await c.edit(uri, top, shifted);
      const w2 = await c.edit(commandUri, top, shifted);
      await new Promise((r) => setTimeout(r, 50));
      gate.release();
      // LSP 3.17 ContentModified (-32801): vscode-languageclient shows nothing and VS Code asks again.
      assert.deepEqual(await pSymbols, { code: -32801 }, `${round}: symbols`);
      assert.deepEqual(await pFolds, { code: -32801 }, `${round}: folds`);
      assert.deepEqual(await pHover, { code: -32801 }, `${round}: hover`);
      // The command (our client would show an error, and moves the cursor in the text it holds now)
      // is answered on the newest text: "Vraag 2" unanswered, four lines further down.
      const next = await pNext;
      assert.equal(c.text(commandUri)!.split('\n')[next.line], 'Vraag 2', `${round}: next unanswered on the newest text`);
      assert.equal(next.line, UNANSWERED_TXT.split('\n').indexOf('Vraag 2') + 4, `${round}: on the newest text's line`);
      await c.diagnostics(uri, v2);
      await c.diagnostics(commandUri, w2);
      // Asked again, the requests are answered on the new text: as a fresh open of it answers them.
      const fresh = 'file:///vers.md';
      await c.open(fresh, c.text(uri)!, 'markdown', 1);
      assert.deepEqual(symbolLines((await c.symbols(uri)) as DocumentSymbol[]), symbolLines((await c.symbols(fresh)) as DocumentSymbol[]), `${round}: symbols of the new text`);
      assert.deepEqual(((await c.folding(uri)) ?? []).map((f) => f.startLine), ((await c.folding(fresh)) ?? []).map((f) => f.startLine), `${round}: folds of the new text`);
      const hoverNow = await c.hover(uri, { line: hoverAt.line + 4, character: hoverAt.character });
      assert.ok(hoverNow, `${round}: a hover on the new text`);
      assert.deepEqual(hoverNow, await c.hover(fresh, { line: hoverAt.line + 4, character: hoverAt.character }), `${round}: hover of the new text`);
      await c.close(fresh);
      // Undo the insertions for the next round.
      await c.edit(uri, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, '');
      await c.edit(commandUri, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, '');
    }
  }));

test('bounded output: a question with tens of thousands of subquestions (a PDF run of "? ?") lists 50 and one "… en nog N subvragen" in the outline', () =>
  withClient(async (c) => {
    const uri = 'file:///vraagtekens.md';
    const text = `Vraag 1\nKunt u dit toelichten${'? ?'.repeat(20000)}\n\nAntwoord 1\nJa.\n`;
    await c.open(uri, text);
    await c.diagnostics(uri, 1, 120000);
    const symbols = (await c.symbols(uri)) as DocumentSymbol[];
    const unit = symbols.find((s) => s.name === 'Vraag 1')!;
    assert.equal(unit.children!.length, 51);
    assert.match(unit.children![50].name, /^… en nog \d+ subvragen$/);
    const json = JSON.stringify(symbols).length;
    assert.ok(json < text.length, `outline of ${json} characters for a text of ${text.length}`);
  }));

test('protocol: a Content-Length beyond the cap (64 MB) is logged in Dutch and the server exits non-zero, without buffering the body', async () => {
  const s = rawServer();
  s.child.stdin.on('error', () => undefined); // the server leaves while we still write
  try {
    await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    s.child.stdin.write('Content-Length: 99999999999\r\n\r\n');
    const chunk = Buffer.alloc(1 << 20, 97);
    let sent = 0;
    const pump = () => {
      while (sent < 200 && s.child.exitCode === null) {
        sent++;
        if (!s.child.stdin.write(chunk)) return void s.child.stdin.once('drain', pump);
      }
    };
    pump();
    const code = await withTimeout(s.exit, 10000, 'the server kept buffering');
    assert.notEqual(code, 0);
    assert.match(s.stderr(), /te groot bericht: een bericht van 99999999999 bytes/);
  } finally {
    s.conn.dispose();
    s.child.kill();
  }
});

test('protocol: a message whose header is split over several writes passes the size check', async () => {
  const s = rawServer();
  try {
    await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    // A request written byte-group by byte-group (the header's blank line split), then a normal one.
    const body = JSON.stringify({ jsonrpc: '2.0', id: 77, method: 'shutdown' });
    const raw = `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    for (const part of [raw.slice(0, 10), raw.slice(10, 19), raw.slice(19, 21), raw.slice(21)]) {
      s.child.stdin.write(part);
      await new Promise((r) => setTimeout(r, 20));
    }
    await s.conn.sendNotification('exit');
    assert.equal(await withTimeout(s.exit, 10000, 'no exit'), 0);
    assert.doesNotMatch(s.stderr(), /te groot|ongeldige berichtkop/);
  } finally {
    s.conn.dispose();
    s.child.kill();
  }
});

/** Every request method the server handles (server/src/lsp/runner.ts HANDLED_METHODS). */
const HANDLED = [
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/codeLens',
  'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion',
  'textDocument/prepareRename', 'textDocument/rename', 'textDocument/codeAction', 'workspace/executeCommand',
  'antwoordbrief/nextUnanswered', 'antwoordbrief/checkDocument', 'antwoordbrief/referenceAt', 'antwoordbrief/skeleton',
  'antwoordbrief/refreshFacts', 'antwoordbrief/extractText', 'antwoordbrief/skeletonFromFile',
  'antwoordbrief/questionLetterCandidates', 'antwoordbrief/linkQuestionLetter', 'antwoordbrief/commitments',
];

test('protocol: params null, absent, a number or a string, sent raw, get InvalidParams with a short Dutch message for every request method', async () => {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const frame = (o: object) => {
    const s = JSON.stringify(o);
    return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
  };
  const replies = new Map<number, any>();
  const reader = new StreamMessageReader(child.stdout);
  reader.listen((m: any) => {
    if (typeof m.id === 'number') replies.set(m.id, m);
  });
  try {
    let id = 1;
    // initialize in the same write as the bad requests: they are judged after it, not as "not initialized".
    let out = frame({ jsonrpc: '2.0', id: id++, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const sent: [number, string, string][] = [];
    for (const method of HANDLED) {
      for (const [label, params] of [['null', null], ['absent', undefined], ['5', 5], ['"x"', 'x']] as const) {
        sent.push([id, method, label]);
        out += frame(params === undefined ? { jsonrpc: '2.0', id: id++, method } : { jsonrpc: '2.0', id: id++, method, params });
      }
    }
    child.stdin.write(out);
    await withTimeout(
      (async () => {
        while (replies.size < sent.length + 1) await new Promise((r) => setTimeout(r, 20));
      })(),
      15000,
      'not every request was answered',
    );
    for (const [n, method, label] of sent) {
      const r = replies.get(n);
      assert.equal(r.error?.code, -32602, `${method} params ${label}: ${JSON.stringify(r)}`);
      assert.ok(r.error.message.length < 120, r.error.message);
      assert.match(r.error.message, /ontbreken|ontbreekt|geen/, `${method}: ${r.error.message}`);
      assert.doesNotMatch(r.error.message, /Cannot read|defines \d+ params|received none|TypeError/);
    }
    assert.equal(child.exitCode, null);
  } finally {
    reader.dispose();
    child.kill();
  }
});

/**
 * The same cap over the other transports (issue 10): `--socket=N` and `--pipe=NAME` carry framed
 * messages like stdio; node IPC (the VS Code client's) carries whole JSON messages, capped by
 * their size. Each time the server first works, then exits non-zero with the Dutch log line.
 */
async function overStream(kind: 'socket' | 'pipe'): Promise<void> {
  const net = await import('node:net');
  const os = await import('node:os');
  const path = await import('node:path');
  const server = net.createServer();
  const where = kind === 'pipe' ? path.join(os.tmpdir(), `antwoordbrief-pipe-${process.pid}-${Date.now()}.sock`) : 0;
  await new Promise<void>((r) => (kind === 'pipe' ? server.listen(where as string, r) : server.listen(0, '127.0.0.1', r)));
  const arg = kind === 'pipe' ? `--pipe=${where}` : `--socket=${(server.address() as { port: number }).port}`;
  const connected = new Promise<import('node:net').Socket>((r) => server.once('connection', r));
  const child = spawn(process.execPath, [SERVER_JS, arg], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exit = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  try {
    const sock = await withTimeout(connected, 10000, 'the server did not connect');
    sock.on('error', () => undefined); // the server leaves while we still write
    const conn = createMessageConnection(new StreamMessageReader(sock), new StreamMessageWriter(sock));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ bronnen: { offline: true } })));
    conn.listen();
    const init: any = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo.name, 'antwoordbrief');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///brief.md', languageId: 'markdown', version: 1, text: ANSWERED_MD } });
    assert.ok(Array.isArray(await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///brief.md' } })));
    sock.write('Content-Length: 99999999999\r\n\r\n');
    const chunk = Buffer.alloc(1 << 20, 97);
    let sent = 0;
    const pump = () => {
      while (sent < 200 && child.exitCode === null && !sock.destroyed) {
        sent++;
        if (!sock.write(chunk)) return void sock.once('drain', pump);
      }
    };
    pump();
    const code = await withTimeout(exit, 10000, 'the server kept buffering');
    assert.notEqual(code, 0);
    assert.match(stderr, /te groot bericht: een bericht van 99999999999 bytes/);
    assert.ok(sent < 200, `${sent} MB written before the server left`);
    conn.dispose();
  } finally {
    server.close();
    if (child.exitCode === null) child.kill();
  }
}

test('protocol: over --socket=N a Content-Length beyond the cap ends the server with the Dutch log line', () => overStream('socket'));

test('protocol: over --pipe=NAME a Content-Length beyond the cap ends the server with the Dutch log line', { skip: process.platform === 'win32' && 'named pipes differ on Windows' }, () => overStream('pipe'));

test('protocol: over node IPC a message beyond the cap (64 MB as JSON) ends the server with the Dutch log line; one within it is handled', async () => {
  const { fork } = await import('node:child_process');
  const { IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
  const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exit = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ bronnen: { offline: true } })));
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    // A letter of 4 MB passes.
    const big = 'Vraag 1\nWat kost het?\n\nAntwoord 1\n' + 'Het kost niets. '.repeat(250000);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///groot.md', languageId: 'markdown', version: 1, text: big } });
    assert.ok(Array.isArray(await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///groot.md' } })));
    child.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///te-groot.md', languageId: 'markdown', version: 1, text: 'a'.repeat(65 * 1024 * 1024) } } });
    const code = await withTimeout(exit, 30000, 'the server kept the message');
    assert.notEqual(code, 0);
    assert.match(stderr, /te groot bericht: een bericht van meer dan 67108864 bytes/);
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill();
  }
});
