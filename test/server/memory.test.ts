// Peak memory of the bundled server while a long letter is edited (issue 10; the goal, measured
// by `npm run bench -- memory`, is a peak resident set of at most 100 MB + 15 x the letter's
// size). Here with a generous margin, so load and V8's moods do not fail it, but a server that
// keeps an earlier version per keystroke, copies the text per change or lets its heap grow to
// several times its live data does: before issue 10's fix this letter peaked at twice the goal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspClient, positionAt } from './lsp-client';
import { FIXTURES } from '../core/letter-helpers';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';

/** Peak resident set of a process in MB (Linux: VmHWM), or null where /proc is absent. */
function peakRssMb(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const m = /VmHWM:\s+(\d+)\s+kB/u.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

/** The project's fixture letters, repeated until the text has at least `chars` characters. */
function longLetter(chars: number): string {
  const part = readdirSync(FIXTURES).sort().map((f) => readFileSync(path.join(FIXTURES, f), 'utf8')).join('\n\n');
  return Array.from({ length: Math.ceil(chars / part.length) }, () => part).join('\n\n');
}

test('the server editing a 2 MB letter (20 keystrokes all over it, then a burst of typing) stays within 1.5 x the peak-memory goal', async (t) => {
  const text = longLetter(2_000_000);
  const c = await LspClient.start();
  try {
    if (peakRssMb(c.child.pid!) === null) {
      t.skip('no /proc here to read the peak resident set from');
      return;
    }
    const uri = 'file:///geheugen/lange-brief.md';
    await c.open(uri, text);
    await c.diagnostics(uri, 1, 120000);
    for (let k = 0; k < 20; k++) {
      const now = c.text(uri)!;
      const at = positionAt(now, Math.floor(now.length * (((k * 0.37) % 0.9) + 0.05)));
      const v = await c.edit(uri, { start: at, end: at }, k % 2 ? 'Vraag 1\n' : 'Kunt u dat toelichten? ');
      await c.diagnostics(uri, v, 120000);
    }
    const now = c.text(uri)!;
    const at = positionAt(now, Math.floor(now.length / 3));
    let v = 0;
    for (let k = 0; k < 20; k++) {
      v = await c.edit(uri, { start: { line: at.line, character: at.character + k }, end: { line: at.line, character: at.character + k } }, 'abcdefghijklmnopqrst'[k]);
      await new Promise((r) => setTimeout(r, 20));
    }
    await c.diagnostics(uri, v, 120000);
    const peak = peakRssMb(c.child.pid!)!;
    const goal = 100 + (15 * Buffer.byteLength(c.text(uri)!)) / (1024 * 1024);
    assert.ok(peak <= 1.5 * goal, `peak resident set ${Math.round(peak)} MB; goal ${Math.round(goal)} MB`);
    await c.shutdown();
  } finally {
    c.kill();
  }
});

test('the server typing fast at the top of a 3 MB letter, with an outline request every 5 keystrokes and a hover every 7, stays within 1.5 x the peak-memory goal and answers each request on its own text or ContentModified', async (t) => {
  const text = longLetter(3_000_000);
  const c = await LspClient.start();
  try {
    if (peakRssMb(c.child.pid!) === null) {
      t.skip('no /proc here to read the peak resident set from');
      return;
    }
    const uri = 'file:///geheugen/typen-met-verzoeken.md';
    await c.open(uri, text);
    await c.diagnostics(uri, 1, 120000);
    const outline = (await c.symbols(uri)) as DocumentSymbol[];
    // Each keystroke inserts a question unit at the top: the outline of version v has v - 1 more.
    const answers: Promise<{ v: number; kind: string; result?: unknown; code?: number }>[] = [];
    let v = 1;
    for (let k = 1; k <= 100; k++) {
      v = await c.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `Vraag ${900 + k}\nWaarom ${k}?\n\n`);
      const sentAt = v;
      const settle = (kind: string, p: Promise<unknown>) =>
        answers.push(
          p.then(
            (result) => ({ v: sentAt, kind, result }),
            (e: { code: number }) => ({ v: sentAt, kind, code: e.code }),
          ),
        );
      if (k % 5 === 0) settle('outline', c.symbols(uri));
      if (k % 7 === 0) settle('hover', c.hover(uri, { line: 0, character: 3 }));
      await new Promise((r) => setTimeout(r, 20));
    }
    await c.diagnostics(uri, v, 300000);
    const peak = peakRssMb(c.child.pid!)!;
    const goal = 100 + (15 * Buffer.byteLength(c.text(uri)!)) / (1024 * 1024);
    for (const a of await Promise.all(answers)) {
      if (a.code !== undefined) assert.equal(a.code, -32801, `${a.kind} of version ${a.v}: only ContentModified, got error ${a.code}`);
      else if (a.kind === 'outline') assert.equal((a.result as DocumentSymbol[]).length, outline.length + a.v - 1, `outline of version ${a.v} answered on another text`);
    }
    assert.ok(peak <= 1.5 * goal, `peak resident set ${Math.round(peak)} MB; goal ${Math.round(goal)} MB`);
    await c.shutdown();
  } finally {
    c.kill();
  }
});
