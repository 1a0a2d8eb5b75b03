// Peak memory of the bundled server beside the input size (issue 10; goal: peak resident set
// <= 100 MB + 15 x the letter's size): a fresh server per letter (1 MB, 10 MB), VmHWM read
// after the open, after 20 keystrokes spread over the letter (each waiting for its
// diagnostics) and after three bursts of typing (20 keystrokes 30 ms apart, then the burst's
// diagnostics). `npm run bench -- memory` runs only this group.
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { LspClient, positionAt } from '../../test/server/lsp-client';
import { buildLetter, note, record, type Context, type Doc } from '../lib';

const MB = 1024 * 1024;

/** Peak resident set of a process in MB (Linux: VmHWM), or null where /proc is absent. */
export function peakRssMb(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const m = /VmHWM:\s+(\d+)\s+kB/u.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

/** The requests an editor sends after opening a letter (hover, definition, outline, …). */
async function usualRequests(c: LspClient, uri: string, text: string): Promise<void> {
  const td = { uri };
  for (const f of [0.01, 0.5, 0.99]) {
    const position = positionAt(text, Math.floor(text.length * f));
    await c.hover(uri, position);
    await c.definition(uri, position);
    await c.request('textDocument/completion', { textDocument: td, position });
    await c.codeActions(uri, { start: position, end: position });
  }
  await c.symbols(uri);
  await c.folding(uri);
  await c.request('textDocument/codeLens', { textDocument: td });
}

/** A spot inside a word near `fraction` of the text (so a keystroke there edits a sentence). */
function wordSpot(text: string, fraction: number): number {
  let i = Math.floor(text.length * fraction);
  while (i < text.length && !/\p{L}/u.test(text[i])) i++;
  return i;
}

export async function run(ctx: Context): Promise<void> {
  const base = ctx.docs.real?.text ?? ctx.docs.mb1.text.slice(0, 20000);
  for (const size of [1, 10]) {
    const doc: Doc = size === 1 ? ctx.docs.mb1 : { name: '10MB', text: buildLetter(base, 10_000_000), bytes: 0, file: '' };
    doc.bytes = Buffer.byteLength(doc.text);
    const goal = 100 + (15 * doc.bytes) / MB;
    const c = await LspClient.start();
    try {
      const pid = c.child.pid!;
      const idle = peakRssMb(pid);
      if (idle === null) {
        note('peak memory: /proc is not available here; skipped');
        await c.shutdown();
        return;
      }
      const uri = `file:///bench/peak-${doc.name}.txt`;
      const emit = (after: string, ms: number) => {
        const peak = peakRssMb(pid)!;
        const r = record({ metric: 'server-peak-rss', doc: doc.name, bytes: doc.bytes, median_ms: ms, p95_ms: ms, floor: 'goal_mb = 100 + 15 x input MB', floor_ms: goal, ratio: peak / goal });
        ctx.emit({ ...r, after, peak_rss_mb: Math.round(peak), idle_rss_mb: Math.round(idle), goal_mb: Math.round(goal), target: 'ratio <= 1', ok: peak <= goal });
      };
      let t = performance.now();
      await c.open(uri, doc.text, 'plaintext');
      await c.diagnostics(uri, 1, 300000);
      await usualRequests(c, uri, doc.text);
      emit('open', performance.now() - t);

      // 20 keystrokes spread over the letter, each until its diagnostics (ms: the slowest).
      let slowest = 0;
      for (let k = 0; k < 20; k++) {
        const text = c.text(uri)!;
        const at = positionAt(text, wordSpot(text, ((k * 0.37) % 0.98) + 0.01));
        t = performance.now();
        const v = await c.edit(uri, { start: at, end: at }, k % 2 ? 'e' : 'a');
        await c.diagnostics(uri, v, 300000);
        slowest = Math.max(slowest, performance.now() - t);
      }
      emit('20 keystrokes', slowest);

      // Typing bursts: a word typed at 30 ms a key, then its diagnostics (ms: the slowest burst).
      slowest = 0;
      for (let b = 0; b < 3; b++) {
        const text = c.text(uri)!;
        const at = positionAt(text, wordSpot(text, 0.2 + 0.3 * b));
        t = performance.now();
        let v = 0;
        for (let k = 0; k < 20; k++) {
          v = await c.edit(uri, { start: { line: at.line, character: at.character + k }, end: { line: at.line, character: at.character + k } }, 'abcdefghijklmnopqrst'[k]);
          await new Promise((r) => setTimeout(r, 30));
        }
        await c.diagnostics(uri, v, 300000);
        slowest = Math.max(slowest, performance.now() - t);
      }
      emit('3 typing bursts', slowest);
      await c.shutdown(30000);
    } finally {
      c.kill();
    }
  }

  await typingWithRequests(ctx, base);
}

/**
 * Fast typing with requests (issue 10): 200 question units inserted at the top of the letter
 * 20 ms apart, a documentSymbol request every 5 insertions and a hover every 7, then the last
 * version's diagnostics; VmHWM beside the goal. ms: from the first insertion to the last
 * diagnostics. Also says how many requests were answered and how many ContentModified.
 */
async function typingWithRequests(ctx: Context, base: string): Promise<void> {
  for (const size of [1, 5]) {
    const doc: Doc = size === 1 ? ctx.docs.mb1 : { name: '5MB', text: buildLetter(base, 5_000_000), bytes: 0, file: '' };
    const c = await LspClient.start();
    try {
      const pid = c.child.pid!;
      if (peakRssMb(pid) === null) {
        await c.shutdown();
        return;
      }
      const uri = `file:///bench/typing-${doc.name}.txt`;
      await c.open(uri, doc.text, 'plaintext');
      await c.diagnostics(uri, 1, 300000);
      await c.symbols(uri);
      const t = performance.now();
      const answers: Promise<boolean>[] = [];
      const answered = (p: Promise<unknown>) =>
        answers.push(
          p.then(
            () => true,
            (e: { code?: number }) => {
              if (e.code !== -32801) throw e;
              return false;
            },
          ),
        );
      let v = 0;
      for (let k = 1; k <= 200; k++) {
        v = await c.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `Vraag ${900 + k}\nWaarom ${k}?\n\n`);
        if (k % 5 === 0) answered(c.symbols(uri));
        if (k % 7 === 0) answered(c.hover(uri, { line: 1, character: 3 }));
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.diagnostics(uri, v, 300000);
      const ms = performance.now() - t;
      const outcomes = await Promise.all(answers);
      const ok = outcomes.filter(Boolean).length;
      const bytes = Buffer.byteLength(c.text(uri)!);
      const goal = 100 + (15 * bytes) / MB;
      const peak = peakRssMb(pid)!;
      const r = record({ metric: 'server-peak-rss', doc: doc.name, bytes, median_ms: ms, p95_ms: ms, floor: 'goal_mb = 100 + 15 x input MB', floor_ms: goal, ratio: peak / goal });
      ctx.emit({
        ...r,
        after: `typing with requests (${ok} answered, ${outcomes.length - ok} ContentModified)`,
        peak_rss_mb: Math.round(peak),
        goal_mb: Math.round(goal),
        load_1m: Math.round(os.loadavg()[0] * 100) / 100,
        target: 'ratio <= 1',
        ok: peak <= goal,
      });
      await c.shutdown(30000);
    } finally {
      c.kill();
    }
  }
}
