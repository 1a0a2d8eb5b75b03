// Letters as they arrive (issue 15): the text of a 20-page PDF and of a Word letter, through the
// shipped extraction bundle (dist/extract.js in its worker thread), beside reading the same
// text from a file (F_read_text) and reading the PDF's bytes (F_read). Target: a 20-page PDF
// in at most 1 s, warm (the worker already runs) and cold (first PDF of a session: the worker
// starts and loads pdf.js).
import { readFileSync, mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Extractor } from '../../server/src/host/extract/index';
import { blocksFromText, makeDocx, makePdf } from '../../test/extract/make';
import { interleaved, note, record, SHARED, type Context } from '../lib';

/** 20 pages: the real PDFs put together when ../shared is present, otherwise generated pages. */
async function twentyPages(): Promise<{ bytes: Buffer; from: string }> {
  const dir = path.join(SHARED, 'fixtures/pdf');
  if (existsSync(dir)) {
    const out = await PDFDocument.create();
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
    for (let i = 0; out.getPageCount() < 20; i++) {
      const src = await PDFDocument.load(readFileSync(path.join(dir, files[i % files.length])));
      const want = Math.min(src.getPageCount(), 20 - out.getPageCount());
      for (const p of await out.copyPages(src, [...Array(want).keys()])) out.addPage(p);
    }
    return { bytes: Buffer.from(await out.save()), from: 'real PDFs' };
  }
  const page = Array.from({ length: 48 }, (_, i) => (i % 8 === 0 ? `Vraag ${i / 8 + 1}` : 'Kunt u aangeven hoeveel aanvragen in 2024 zijn ingediend en hoeveel daarvan zijn toegekend?'));
  return { bytes: await makePdf(Array.from({ length: 20 }, () => page)), from: 'generated pages' };
}

export async function run(ctx: Context): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-bench-extract-'));
  try {
    const { bytes, from } = await twentyPages();
    const pdf = path.join(dir, 'twintig.pdf');
    writeFileSync(pdf, bytes);
    const warm = new Extractor();
    const first = await warm.extract(pdf);
    if ('error' in first) throw new Error(first.error);
    const txt = path.join(dir, 'twintig.txt');
    writeFileSync(txt, first.text);
    note(`extract: 20-page PDF from ${from}, ${bytes.length} bytes, ${first.pageStarts.length} pages, ${first.text.length} characters of text`);
    const floors = {
      F_read_text: () => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(txt)),
      F_read: () => readFileSync(pdf),
    };
    const base = { doc: '20p-pdf', bytes: bytes.length };
    const r = await interleaved(() => warm.extract(pdf), floors, ctx.iterations);
    for (const [name, f] of Object.entries(r.floors)) ctx.emit(record({ metric: name, ...base, median_ms: f.median, p95_ms: f.p95, floor: name, floor_ms: f.median, ratio: 1 }));
    const w = record({ metric: 'extract-pdf-warm', ...base, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_read_text', floor_ms: r.floors.F_read_text.median, target: 'median <= 1000 ms' });
    ctx.emit({ ...w, ok: w.median_ms <= 1000 });
    await warm.close();

    // Cold: a new worker per run (what the first PDF of a session costs).
    const cold = await interleaved(
      async () => {
        const e = new Extractor();
        try {
          await e.extract(pdf);
        } finally {
          await e.close();
        }
      },
      floors,
      Math.max(5, Math.floor(ctx.iterations / 4)),
      1,
    );
    const c = record({ metric: 'extract-pdf-cold', ...base, median_ms: cold.fn.median, p95_ms: cold.fn.p95, floor: 'F_read_text', floor_ms: cold.floors.F_read_text.median, target: 'median <= 1000 ms' });
    ctx.emit({ ...c, ok: c.median_ms <= 1000 });

    // A Word letter: the longest corpus letter when present, else the generated pages' text.
    const corpus = path.join(SHARED, 'corpus/002_6751bf33f558afb4.txt');
    const letter = existsSync(corpus) ? readFileSync(corpus, 'utf8') : first.text;
    const docx = path.join(dir, 'brief.docx');
    const docxBytes = await makeDocx(blocksFromText(letter));
    writeFileSync(docx, docxBytes);
    const dtxt = path.join(dir, 'brief.txt');
    writeFileSync(dtxt, letter);
    const e = new Extractor();
    const d = await interleaved(() => e.extract(docx), { F_read_text: () => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(dtxt)) }, ctx.iterations);
    await e.close();
    ctx.emit(
      record({ metric: 'extract-docx-warm', doc: existsSync(corpus) ? '002-docx' : 'generated-docx', bytes: docxBytes.length, median_ms: d.fn.median, p95_ms: d.fn.p95, floor: 'F_read_text', floor_ms: d.floors.F_read_text.median }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
