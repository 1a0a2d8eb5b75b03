import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, positionOf } from './lsp-client';
import { ANSWERED_MD } from './letters';

test('shutdown followed by exit ends the server with exit code 0', async () => {
  const c = await LspClient.start();
  try {
    await c.open('file:///brief.md', ANSWERED_MD);
    await c.diagnostics('file:///brief.md', 1);
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
  }
});

test('the server also starts over node IPC', async () => {
  const { fork } = await import('node:child_process');
  const { SERVER_JS } = await import('./lsp-client');
  const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
  const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.listen();
  try {
    const init: any = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo.name, 'antwoordbrief');
    // Raw messages with params null / absent: InvalidParams in Dutch over IPC too (the VS Code client's transport).
    const replies = new Map<number, any>();
    child.on('message', (m: any) => {
      if (m && (m.id === 901 || m.id === 902)) replies.set(m.id, m);
    });
    child.send({ jsonrpc: '2.0', id: 901, method: 'textDocument/hover', params: null });
    child.send({ jsonrpc: '2.0', id: 902, method: 'textDocument/documentSymbol' });
    for (let k = 0; k < 500 && replies.size < 2; k++) await new Promise((r) => setTimeout(r, 10));
    for (const id of [901, 902]) {
      assert.equal(replies.get(id)?.error?.code, -32602, JSON.stringify(replies.get(id)));
      assert.match(replies.get(id).error.message, /parameters ontbreken/);
    }
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill();
  }
});

/** Inputs no letter should contain, which the server must survive all the same. */
function badInputs(): [string, string][] {
  const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
  return [
    ['binary bytes and NUL characters', binary],
    ['lone surrogates', 'Vraag 1\n\ud800Kunt u \udc00dit uitleggen?\n\nAntwoord 1\n\udbff\n'],
    ['one line of a megabyte', 'Vraag 1 ' + 'waarom? '.repeat(131072)],
    ['ten thousand question marks', '?'.repeat(10000)],
    ['CR line ends', 'Vraag 1\rKunt u dit toelichten?\r\rAntwoord 1\rJa.\r'],
    ['CRLF line ends', 'Vraag 1\r\nKunt u dit toelichten?\r\n\r\nAntwoord 1\r\nJa.\r\n'],
    ['thousands of repeated Vraag 1a headings', 'Vraag 1a\n'.repeat(5000)],
    ['an empty document', ''],
  ];
}

test('the server answers every request on bad input and never crashes', async () => {
  const c = await LspClient.start();
  try {
    let n = 0;
    for (const [name, text] of badInputs()) {
      const uri = `file:///bad-${n++}.md`;
      await c.open(uri, text);
      const diags = await c.diagnostics(uri, 1, 20000);
      assert.ok(Array.isArray(diags), name);
      const mid = { line: 0, character: 3 };
      await c.hover(uri, mid);
      await c.definition(uri, mid);
      assert.ok(Array.isArray(await c.symbols(uri)), `symbols on ${name}`);
      assert.ok(Array.isArray(await c.folding(uri)), `folding on ${name}`);
      await c.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      // An edit that cuts a surrogate pair in half must not break the server either.
      const v = await c.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, '\ud83d');
      await c.diagnostics(uri, v, 20000);
      await c.close(uri);
    }
    // Requests on a document that was never opened, and positions far outside the text.
    assert.equal(await c.hover('file:///nooit-geopend.md', { line: 3, character: 4 }), null);
    await c.open('file:///klein.md', ANSWERED_MD);
    await c.hover('file:///klein.md', { line: 10_000, character: 10_000 });
    // A negative position is no LSP position (uinteger): InvalidParams with a short message.
    await assert.rejects(c.hover('file:///klein.md', { line: -1, character: -5 }), (e: any) => e.code === -32602 && /position/.test(e.message) && !/TypeError|undefined/.test(e.message));
    assert.ok(positionOf(ANSWERED_MD, 'Vraag 1a'));
    assert.equal(c.child.exitCode, null, 'server is still running');
    assert.equal(await c.shutdown(), 0);
    assert.doesNotMatch(c.stderr, /Error|at .*\.js:\d+/, 'nothing thrown to stderr');
  } finally {
    c.kill();
  }
});
