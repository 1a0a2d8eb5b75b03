// The bundled server under large and hostile letters (issue 10): the slowest answer to a request
// on the adversarial shapes (many subquestions in one unit, many units with long answers, one
// enormous line, a PDF's run of question marks). Peak memory: memory.ts.
import { LspClient, positionAt } from '../../test/server/lsp-client';
import { floorsFor, record, type Context, type Doc } from '../lib';

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
