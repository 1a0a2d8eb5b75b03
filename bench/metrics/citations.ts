// Citation recognition (issue 3) against F_scan, and hover + definition on a citation once the
// analysis is cached: these must not grow with the size of the letter.
import { hoverCitation } from '../../server/src/core/features/citationHover';
import { definitionCitation } from '../../server/src/core/features/citationDefinition';
import { LineIndex } from '../../server/src/core/text';
import { floorsFor, interleaved, record, shippedCore, type Context } from '../lib';

export async function run(ctx: Context): Promise<void> {
  const lookups: { doc: string; median: number }[] = [];
  const { findCitations } = shippedCore();
  for (const doc of ctx.analysisDocs) {
    const floors = floorsFor(doc);
    const r = await interleaved(() => findCitations(doc.text), { F_scan: floors.F_scan }, ctx.iterations);
    const scan = r.floors.F_scan.median;
    const rec = record({ metric: 'citations', doc: doc.name, bytes: doc.bytes, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_scan', floor_ms: scan, target: 'ratio <= 5' });
    ctx.emit({ ...rec, ok: rec.ratio <= 5 });
    // Hover and definition at every tenth citation, on the cached analysis.
    const a = { text: doc.text, lines: new LineIndex(doc.text), citations: findCitations(doc.text) };
    const targets = a.citations.references.filter((_, k) => k % 10 === 0).map((x) => x.span.start);
    const at = [...targets, ...a.citations.motions.map((m) => m.span.start)];
    const l = await interleaved(
      () => {
        for (const o of at) {
          hoverCitation(a, o);
          definitionCitation(a, o);
        }
      },
      { F_scan: floors.F_scan },
      ctx.iterations,
    );
    const per = l.fn.median / Math.max(1, at.length);
    lookups.push({ doc: doc.name, median: per });
    ctx.emit(record({ metric: 'citation-hover+definition', doc: doc.name, bytes: doc.bytes, median_ms: per, p95_ms: l.fn.p95 / Math.max(1, at.length), floor: 'F_scan', floor_ms: scan }));
  }
  if (lookups.length === 2) {
    const [small, big] = lookups;
    const rec = record({ metric: 'citation-hover+definition growth', doc: `${big.doc}/${small.doc}`, bytes: 0, median_ms: big.median, p95_ms: big.median, floor: `per lookup on ${small.doc}`, floor_ms: small.median, target: 'ratio <= 3' });
    ctx.emit({ ...rec, ok: rec.ratio <= 3 });
  }
}
