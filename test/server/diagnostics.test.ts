import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { positionOf, withClient } from './lsp-client';
import { ANSWERED_MD, UNANSWERED_TXT } from './letters';

const URI = 'file:///werk/antwoorden.txt';
const QUESTION_2_LINES = [8, 9];

function unanswered(diags: Diagnostic[]) {
  return diags.filter((d) => d.code === 'unanswered-question');
}

test('opening a letter with an unanswered question publishes one error on that question, for version 1', () =>
  withClient(async (c) => {
    await c.open(URI, UNANSWERED_TXT, 'plaintext');
    const p = await c.publication(URI, 1);
    assert.equal(p.version, 1);
    const u = unanswered(p.diagnostics);
    assert.equal(u.length, 1, JSON.stringify(p.diagnostics));
    assert.equal(u[0].severity, 1);
    assert.equal(u[0].source, 'antwoordbrief');
    assert.ok(QUESTION_2_LINES.includes(u[0].range.start.line), `line ${u[0].range.start.line}`);
    assert.match(u[0].message, /vraag 2|antwoord/i);
  }));

test('a complete letter publishes no unanswered-question diagnostics', () =>
  withClient(async (c) => {
    await c.open('file:///werk/compleet.md', ANSWERED_MD);
    assert.deepEqual(unanswered(await c.diagnostics('file:///werk/compleet.md', 1)), []);
  }));

test('typing the missing answer clears the error in the diagnostics of that version', () =>
  withClient(async (c) => {
    await c.open(URI, UNANSWERED_TXT, 'plaintext');
    await c.diagnostics(URI, 1);
    const at = positionOf(UNANSWERED_TXT, 'Vraag 3');
    const v = await c.edit(URI, { start: at, end: at }, 'Antwoord 2\nWe zetten extra medewerkers in om de wachttijden te verkorten.\n\n');
    assert.deepEqual(unanswered(await c.diagnostics(URI, v)), []);
    // And removing it again brings the error back.
    const v3 = await c.edit(URI, { start: at, end: { line: at.line + 3, character: 0 } }, '');
    assert.equal(c.text(URI), UNANSWERED_TXT);
    assert.equal(unanswered(await c.diagnostics(URI, v3)).length, 1);
  }));

test('a burst of edits ends with the diagnostics of the last version and never publishes an older version after a newer one', () =>
  withClient(async (c) => {
    await c.open(URI, UNANSWERED_TXT, 'plaintext');
    await c.diagnostics(URI, 1);
    let v = 1;
    const at = positionOf(UNANSWERED_TXT, 'Vraag 3');
    const answer = 'Antwoord 2\nWe zetten extra medewerkers in.\n\n';
    // Type the answer one character at a time without waiting.
    const sends: Promise<number>[] = [];
    let pos = { ...at };
    for (const ch of answer) {
      sends.push(c.edit(URI, { start: pos, end: pos }, ch));
      pos = ch === '\n' ? { line: pos.line + 1, character: 0 } : { line: pos.line, character: pos.character + 1 };
    }
    v = (await Promise.all(sends)).pop()!;
    const final = await c.diagnostics(URI, v);
    assert.deepEqual(unanswered(final), []);
    const versions = c.published.filter((p) => p.uri === URI).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published versions ${versions.join(',')}`);
    // Coalescing: far fewer analyses than keystrokes.
    assert.ok(versions.length < answer.length, `published ${versions.length} times for ${answer.length} edits`);
    // The final publication equals a fresh open of the final text.
    await c.open('file:///werk/vers.txt', c.text(URI)!, 'plaintext');
    const fresh = await c.diagnostics('file:///werk/vers.txt', 1);
    assert.deepEqual(final, fresh);
  }));

test('changing the severity setting re-publishes open letters without a restart', () =>
  withClient(async (c) => {
    await c.open(URI, UNANSWERED_TXT, 'plaintext');
    assert.equal(unanswered(await c.diagnostics(URI, 1))[0].severity, 1);

    let n = c.published.length;
    await c.configure({ ernst: { 'unanswered-question': 'warning' } });
    let p = await c.publicationAfter(URI, n);
    assert.equal(p.version, 1);
    assert.equal(unanswered(p.diagnostics)[0].severity, 2);

    // VS Code's dotted form of the same setting.
    n = c.published.length;
    await c.configure({ 'ernst.unanswered-question': 'hint' });
    p = await c.publicationAfter(URI, n);
    assert.equal(unanswered(p.diagnostics)[0].severity, 4);

    n = c.published.length;
    await c.configure({ ernst: { 'unanswered-question': 'off' } });
    p = await c.publicationAfter(URI, n);
    assert.deepEqual(unanswered(p.diagnostics), []);
  }));

test('with run set to onSave, diagnostics follow saves, not keystrokes', () =>
  withClient(
    async (c) => {
      await c.open(URI, UNANSWERED_TXT, 'plaintext');
      assert.equal(unanswered(await c.diagnostics(URI, 1)).length, 1);
      const at = positionOf(UNANSWERED_TXT, 'Vraag 3');
      const v = await c.edit(URI, { start: at, end: at }, 'Antwoord 2\nWe zetten extra medewerkers in.\n\n');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(c.published.filter((p) => p.uri === URI && p.version === v).length, 0, 'nothing published on typing');
      await c.save(URI);
      assert.deepEqual(unanswered(await c.diagnostics(URI, v)), []);
    },
    { settings: { controleren: 'onSave' } },
  ));

test('with run set to manual, diagnostics come only from the check command', () =>
  withClient(
    async (c) => {
      await c.open(URI, UNANSWERED_TXT, 'plaintext');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(c.published.filter((p) => p.uri === URI).length, 0);
      const r = await c.request('antwoordbrief/checkDocument', { uri: URI });
      assert.ok(r.findings >= 1);
      assert.equal(unanswered(await c.diagnostics(URI, 1)).length, 1);
    },
    { settings: { controleren: 'manual' } },
  ));

test('the status notification counts answered questions and the next-unanswered request finds question 2', () =>
  withClient(async (c) => {
    await c.open(URI, UNANSWERED_TXT, 'plaintext');
    const status = await c.notification('antwoordbrief/status', (p) => p.uri === URI && p.version === 1);
    assert.equal(status.total, 4);
    assert.equal(status.answered, 3);
    assert.deepEqual(status.unanswered.map((u: any) => u.id), ['2']);
    assert.equal(status.unanswered[0].line, 8);
    assert.deepEqual(await c.request('antwoordbrief/nextUnanswered', { uri: URI, line: 0, character: 0 }), { line: 8, character: 0, id: '2' });
    // Past the last one, it wraps around.
    assert.deepEqual(await c.request('antwoordbrief/nextUnanswered', { uri: URI, line: 12, character: 0 }), { line: 8, character: 0, id: '2' });
    await c.open('file:///werk/compleet.md', ANSWERED_MD);
    const done = await c.notification('antwoordbrief/status', (p) => p.uri === 'file:///werk/compleet.md');
    assert.equal(done.answered, done.total);
    assert.equal(await c.request('antwoordbrief/nextUnanswered', { uri: 'file:///werk/compleet.md', line: 0, character: 0 }), null);
  }));

test('closing a letter clears its diagnostics', () =>
  withClient(async (c) => {
    await c.open(URI, UNANSWERED_TXT, 'plaintext');
    await c.diagnostics(URI, 1);
    const n = c.published.length;
    await c.close(URI);
    const p = await c.publicationAfter(URI, n);
    assert.deepEqual(p.diagnostics, []);
  }));

test('a client without workspace/configuration sets the severity through initializationOptions and didChangeConfiguration', () =>
  withClient(
    async (c) => {
      await c.open(URI, UNANSWERED_TXT, 'plaintext');
      assert.equal(unanswered(await c.diagnostics(URI, 1))[0].severity, 2);
      const n = c.published.length;
      await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { antwoordbrief: { ernst: { 'unanswered-question': 'information' } } } });
      const p = await c.publicationAfter(URI, n);
      assert.equal(unanswered(p.diagnostics)[0].severity, 3);
    },
    {
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { ernst: { 'unanswered-question': 'warning' } },
    },
  ));
