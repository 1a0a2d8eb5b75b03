// The bundled language server over a real JSON-RPC connection: open → diagnostics and a
// one-character edit → diagnostics of exactly that version.
import { LspClient } from '../../test/server/lsp-client';
import { floorsFor, interleaved, record, timeKeystrokes, type Context, type Doc, type Record } from '../lib';

export async function run(ctx: Context): Promise<void> {
  const c = await LspClient.start();
  const noop = () => c.request('antwoordbrief/noop', {}).catch(() => null);
  try {
    const docs = [ctx.docs.real, ctx.docs.kb100, ctx.docs.mb1].filter((d): d is Doc => !!d);
    const edits = new Map<string, Record>();
    for (const doc of docs) {
      const base = { doc: doc.name, bytes: doc.bytes };
      let n = 0;
      const open = await interleaved(
        async () => {
          const uri = `file:///bench/open-${doc.name}-${n++}.txt`;
          await c.open(uri, doc.text, 'plaintext');
          await c.diagnostics(uri, 1, 60000);
          await c.close(uri);
        },
        { F_json: floorsFor(doc).F_json, F_noop: noop },
        Math.max(15, Math.floor(ctx.iterations * 0.75)),
      );
      ctx.emit(record({ metric: 'server-open', ...base, median_ms: open.fn.median, p95_ms: open.fn.p95, floor: 'F_json', floor_ms: open.floors.F_json.median }));

      const uri = `file:///bench/edit-${doc.name}.txt`;
      await c.open(uri, doc.text, 'plaintext');
      await c.diagnostics(uri, 1, 60000);
      const edit = await timeKeystrokes(c, uri, doc.text, ctx.iterations);
      await c.close(uri);
      const r = record({ metric: 'server-edit', ...base, median_ms: edit.fn.median, p95_ms: edit.fn.p95, floor: 'F_noop', floor_ms: edit.floors.F_noop.median });
      edits.set(doc.name, r);
      ctx.emit(doc.name === '1MB' ? { ...r, target: 'p95_ms <= 50', ok: r.p95_ms <= 50 } : r);
    }
    const big = edits.get('1MB');
    const small = edits.get('100KB');
    if (big && small) {
      const growth = record({
        metric: 'server-edit-growth',
        doc: '1MB',
        bytes: big.bytes,
        median_ms: big.p95_ms,
        p95_ms: big.p95_ms,
        floor: 'server-edit p95 on 100KB',
        floor_ms: small.p95_ms,
        ratio: small.p95_ms > 0 ? big.p95_ms / small.p95_ms : 0,
        target: 'ratio <= 3',
      });
      ctx.emit({ ...growth, ok: growth.ratio <= 3 });
    }
    await c.shutdown();
  } finally {
    c.kill();
  }
}
