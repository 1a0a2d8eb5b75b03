// Full analysis of a letter in process, against the floors and markdown-it as a peer.
import MarkdownIt from 'markdown-it';
import { floorsFor, interleaved, record, shippedCore, type Context } from '../lib';

export async function run(ctx: Context): Promise<void> {
  const md = new MarkdownIt();
  const { analyze } = shippedCore();
  for (const doc of ctx.analysisDocs) {
    const floors = floorsFor(doc);
    const r = await interleaved(() => analyze(doc.text), { ...floors, markdownIt: () => md.parse(doc.text, {}) }, ctx.iterations);
    const base = { doc: doc.name, bytes: doc.bytes };
    for (const name of ['F_read', 'F_json', 'F_scan']) {
      const f = r.floors[name];
      ctx.emit(record({ metric: name, ...base, median_ms: f.median, p95_ms: f.p95, floor: name, floor_ms: f.median, ratio: 1 }));
    }
    const scan = r.floors.F_scan.median;
    const a = record({ metric: 'analysis', ...base, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_scan', floor_ms: scan, target: 'ratio <= 10' });
    ctx.emit({ ...a, ok: a.ratio <= 10 });
    const m = r.floors.markdownIt;
    ctx.emit(record({ metric: 'markdown-it', ...base, median_ms: m.median, p95_ms: m.p95, floor: 'F_scan', floor_ms: scan }));
    const vs = record({ metric: 'analysis-vs-markdown-it', ...base, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'markdown-it', floor_ms: m.median, target: 'ratio <= 0.25' });
    ctx.emit({ ...vs, ok: vs.ratio <= 0.25 });
  }
}
