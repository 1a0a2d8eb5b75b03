// The bundled server under large and hostile letters (issue 10): peak memory beside the input
// size (goal: peak RSS <= 100 MB + 15 x the letter's size), and the slowest answer to a request
// on the adversarial shapes (many subquestions in one unit, many units with long answers, one
// enormous line, a PDF's run of question marks).
import { existsSync, readFileSync } from 'node:fs';
import { LspClient, positionAt } from '../../test/server/lsp-client';
import { buildLetter, floorsFor, note, record, type Context, type Doc } from '../lib';

const MB = 1024 * 1024;

/** Peak resident set of a process in MB (Linux: VmHWM), or null where /proc is absent. */
function peakRssMb(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const m = /VmHWM:\s+(\d+)\s+kB/u.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

function makeDoc(name: string, text: string): Doc {
  return { name, text, bytes: Buffer.byteLength(text), file: '' };
}

/** The requests an editor sends on a document, each timed; returns the slowest. */
async function worstRequest(c: LspClient, uri: string, text: string): Promise<{ method: string; ms: number }> {
  let worst = { method: '', ms: 0 };
  const time = async (method: string, p: () => Promise<unknown>) => {
    const t = performance.now();
    await p();
    const ms = performance.now() - t;
    if (ms > worst.ms) worst = { method, ms };
  };
  const td = { uri };
  const spots = [0.01, 0.5, 0.99].map((f) => positionAt(text, Math.floor(text.length * f)));
  for (const position of spots) {
    await time('hover', () => c.hover(uri, position));
    await time('definition', () => c.definition(uri, position));
    await time('references', () => c.request('textDocument/references', { textDocument: td, position, context: { includeDeclaration: true } }));
    await time('completion', () => c.request('textDocument/completion', { textDocument: td, position }));
    await time('codeAction', () => c.codeActions(uri, { start: position, end: position }));
  }
  await time('documentSymbol', () => c.symbols(uri));
  await time('foldingRange', () => c.folding(uri));
  await time('codeLens', () => c.request('textDocument/codeLens', { textDocument: td }));
  // A keystroke in the middle, until its diagnostics arrive.
  await time('edit → diagnostics', async () => {
    const v = await c.edit(uri, { start: spots[1], end: spots[1] }, 'x');
    await c.diagnostics(uri, v, 120000);
  });
  return worst;
}

/** The adversarial shapes of issue 10 at about `bytes` each. */
function shapes(bytes: number): Doc[] {
  const answer = 'Het kabinet neemt maatregelen om de wachttijden te verkorten en de kosten te beperken. ';
  const units: string[] = [];
  for (let i = 1, size = 0; size < bytes; i++) {
    const u = `Vraag ${i}\nWaarom stijgen de kosten? Kunt u aangeven welke maatregelen u neemt?\n\nAntwoord ${i}\n${answer.repeat(8)}\n\n`;
    units.push(u);
    size += u.length;
  }
  return [
    makeDoc('many-subquestions', `Vraag 1\n${'Waarom stijgt dit bedrag? '.repeat(Math.floor(bytes / 26))}\n\nAntwoord 1\n${answer.repeat(20)}\n`),
    makeDoc('question-marks', `Vraag 1\nKunt u dit toelichten${'?'.repeat(bytes)}\n\nAntwoord 1\n${answer.repeat(20)}\n`),
    makeDoc('many-long-answers', units.join('')),
    makeDoc('one-line', `Vraag 1 ${'kunt u dit toelichten en waarom niet? '.repeat(Math.floor(bytes / 38))}`),
  ];
}

export async function run(ctx: Context): Promise<void> {
  const base = ctx.docs.real?.text ?? ctx.docs.mb1.text.slice(0, 20000);
  // Peak memory: a fresh server per size, open + the usual requests + a few keystrokes.
  for (const size of [1, 10]) {
    const doc = size === 1 ? ctx.docs.mb1 : makeDoc('10MB', buildLetter(base, 10_000_000));
    const c = await LspClient.start();
    try {
      const idle = peakRssMb(c.child.pid!);
      if (idle === null) {
        note('peak memory: /proc is not available here; skipped');
        await c.shutdown();
        return;
      }
      const uri = `file:///bench/peak-${doc.name}.txt`;
      const t = performance.now();
      await c.open(uri, doc.text, 'plaintext');
      await c.diagnostics(uri, 1, 300000);
      const openMs = performance.now() - t;
      await worstRequest(c, uri, doc.text);
      const peak = peakRssMb(c.child.pid!)!;
      const goal = 100 + (15 * doc.bytes) / MB;
      const r = record({ metric: 'server-peak-rss', doc: doc.name, bytes: doc.bytes, median_ms: openMs, p95_ms: openMs, floor: 'goal_mb = 100 + 15 x input MB', floor_ms: goal, ratio: peak / goal });
      ctx.emit({ ...r, peak_rss_mb: Math.round(peak), idle_rss_mb: Math.round(idle), goal_mb: Math.round(goal), target: 'ratio <= 1', ok: peak <= goal });
      await c.shutdown(30000);
    } finally {
      c.kill();
    }
  }

  // The adversarial shapes at 100 KB and 1 MB: the slowest request after open.
  const c = await LspClient.start();
  try {
    for (const bytes of [100_000, 1_000_000]) {
      for (const doc of shapes(bytes)) {
        const name = `${doc.name}-${bytes >= 1_000_000 ? '1MB' : '100KB'}`;
        const uri = `file:///bench/adversarial-${name}.txt`;
        const t = performance.now();
        await c.open(uri, doc.text, 'plaintext');
        await c.diagnostics(uri, 1, 300000);
        const open = { method: 'open → diagnostics', ms: performance.now() - t };
        const req = await worstRequest(c, uri, doc.text);
        const worst = req.ms > open.ms ? req : open;
        await c.close(uri);
        const floor = floorsFor({ ...doc, name });
        const t0 = performance.now();
        await floor.F_scan();
        const scan = performance.now() - t0;
        const r = record({ metric: 'adversarial-worst-request', doc: name, bytes: doc.bytes, median_ms: worst.ms, p95_ms: worst.ms, floor: 'F_scan', floor_ms: scan });
        ctx.emit({ ...r, request: worst.method });
      }
    }
    await c.shutdown(30000);
  } finally {
    c.kill();
  }
}
