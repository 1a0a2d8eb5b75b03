// Citation recognition (issue 3) against F_scan, and hover/definition lookups on the 1 MB letter.
import { findCitations } from '../../server/src/core/citations';
import { citationAt } from '../../server/src/core/features/citationLookup';
import { floorsFor, interleaved, record, type Context } from '../lib';

export async function run(ctx: Context): Promise<void> {
  for (const doc of ctx.analysisDocs) {
    const floors = floorsFor(doc);
    const r = await interleaved(() => findCitations(doc.text), { F_scan: floors.F_scan }, ctx.iterations);
    const scan = r.floors.F_scan.median;
    const rec = record({ metric: 'citations', doc: doc.name, bytes: doc.bytes, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_scan', floor_ms: scan, target: 'ratio <= 5' });
    ctx.emit({ ...rec, ok: rec.ratio <= 5 });
    // Lookup at a position (what hover and definition do once the analysis is cached).
    const c = findCitations(doc.text);
    const target = c.references[Math.floor(c.references.length / 2)]?.span.start ?? 0;
    const l = await interleaved(() => citationAt(c, target), { F_scan: floors.F_scan }, ctx.iterations);
    ctx.emit(record({ metric: 'citation-lookup', doc: doc.name, bytes: doc.bytes, median_ms: l.fn.median, p95_ms: l.fn.p95, floor: 'F_scan', floor_ms: scan }));
  }
}
