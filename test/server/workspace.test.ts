import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf } from './lsp-client';
import { ANSWERED_MD, UNANSWERED_TXT } from './letters';

test('checking the workspace publishes the diagnostics of closed letters and counts files and findings', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-ws-'));
  mkdirSync(path.join(dir, 'concepten'));
  mkdirSync(path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'compleet.md'), ANSWERED_MD);
  writeFileSync(path.join(dir, 'concepten', 'antwoorden.txt'), UNANSWERED_TXT);
  writeFileSync(path.join(dir, 'node_modules', 'niet.md'), UNANSWERED_TXT);
  writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([0x00, 0xff, 0x10]));
  const c = await LspClient.start({ rootUri: pathToFileURL(dir).toString() });
  try {
    const openUri = pathToFileURL(path.join(dir, 'compleet.md')).toString();
    await c.open(openUri, ANSWERED_MD);
    await c.diagnostics(openUri, 1);
    const result = await c.request('antwoordbrief/checkWorkspace', {});
    assert.equal(result.files, 2, JSON.stringify(result));
    assert.ok(result.findings >= 1);
    const closed = pathToFileURL(path.join(dir, 'concepten', 'antwoorden.txt')).toString();
    const p = await c.publication(closed, undefined);
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'unanswered-question').map((d) => d.range.start.line),
      [8],
    );
    assert.ok(!c.published.some((x) => x.uri.includes('node_modules')));
    // A letter file that is not text is not checked but named, as `antwoordbrief check` names it.
    const scan = pathToFileURL(path.join(dir, 'scan.txt')).toString();
    assert.deepEqual(result.unreadable?.map((u: { uri: string }) => u.uri), [scan]);
    const shown = c.published.filter((x) => x.uri === scan).at(-1)?.diagnostics ?? [];
    assert.equal(shown.length, 1);
    assert.equal(shown[0].severity, 1);
    assert.match(shown[0].message, /^scan\.txt: /);
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a changed severity setting reaches the findings the workspace check published on closed letters', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-ws-'));
  const text = 'Vraag 1\nWat kost het?\n\nAntwoord 1\nPM: bedrag navragen bij Financiën.\n\nVraag 2\nWanneer?\n\nAntwoord 2\nVoor de zomer van 2027.\n';
  writeFileSync(path.join(dir, 'los.md'), text);
  writeFileSync(path.join(dir, 'open.md'), text);
  const c = await LspClient.start({ rootUri: pathToFileURL(dir).toString() });
  try {
    const closed = pathToFileURL(path.join(dir, 'los.md')).toString();
    const openUri = pathToFileURL(path.join(dir, 'open.md')).toString();
    await c.open(openUri, text);
    await c.diagnostics(openUri, 1);
    await c.request('antwoordbrief/checkWorkspace', {});
    const placeholder = (ds: { code?: unknown; severity?: number }[]) => ds.filter((d) => d.code === 'placeholder-in-answer').map((d) => d.severity);
    const first = c.published.filter((p) => p.uri === closed).at(-1)!;
    assert.deepEqual(placeholder(first.diagnostics), [2], 'a warning by default');
    const next = async (settings: Parameters<LspClient['configure']>[0]) => {
      const seen = c.published.length;
      await c.configure(settings);
      return (await c.publicationAfter(closed, seen)).diagnostics;
    };
    const again = await next({ ernst: { 'placeholder-in-answer': 'error' } });
    assert.deepEqual(placeholder(again), [1], 'an error now, without a new check');
    assert.deepEqual(again.map((d) => d.range), first.diagnostics.map((d) => d.range), 'the same findings');
    // Switched off: gone; switched back: there again.
    const off = await next({ ernst: { 'placeholder-in-answer': 'off' } });
    assert.deepEqual([placeholder(off), off.length], [[], first.diagnostics.length - 1]);
    assert.deepEqual(placeholder(await next({ ernst: {} })), [2]);
    // Opened and closed again, the letter is no longer the check's: a setting change publishes nothing for it.
    await c.open(closed, text);
    await c.diagnostics(closed, 1);
    await c.close(closed);
    const before = c.published.length;
    await c.configure({ ernst: { 'placeholder-in-answer': 'error' } });
    await c.diagnostics(openUri, 1);
    await c.request('antwoordbrief/referenceAt', { uri: openUri, line: 0, character: 0 });
    assert.ok(!c.published.slice(before).some((p) => p.uri === closed && p.diagnostics.length), 'no findings for the closed letter');
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the reference under the cursor gives its identifier, canonical form and official URL', async () => {
  const c = await LspClient.start();
  try {
    const text = 'Vraag 1\nWat doet u met de motie?\n\nAntwoord 1\nConform de motie Erkens (Kamerstuk 36 410 X, nr. 46) maken we aanvallen openbaar.\n';
    await c.open('file:///werk/ref.md', text);
    const at = positionOf(text, '36 410');
    assert.deepEqual(await c.request('antwoordbrief/referenceAt', { uri: 'file:///werk/ref.md', ...at }), {
      id: 'kst-36410-X-46',
      canonical: 'Kamerstuk 36 410 X, nr. 46',
      url: 'https://zoek.officielebekendmakingen.nl/kst-36410-X-46.html',
    });
    assert.equal(await c.request('antwoordbrief/referenceAt', { uri: 'file:///werk/ref.md', line: 0, character: 2 }), null);
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
  }
});
