// Finding commitments (issue 12) against F_scan: target ratio <= 0.5 on 002 and the 1 MB letter.
import { floorsFor, interleaved, record, shippedCore, type Context } from '../lib';

export async function run(ctx: Context): Promise<void> {
  const { findCommitments } = shippedCore();
  for (const doc of ctx.analysisDocs) {
    const floors = floorsFor(doc);
    const r = await interleaved(() => findCommitments(doc.text), { F_scan: floors.F_scan }, ctx.iterations);
    const rec = record({ metric: 'commitments', doc: doc.name, bytes: doc.bytes, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_scan', floor_ms: r.floors.F_scan.median, target: 'ratio <= 0.5' });
    ctx.emit({ ...rec, ok: rec.ratio <= 0.5 });
  }
}
