// Letters as they arrive (issue 15): the text of a 20-page PDF and of a Word letter, through the
// shipped extraction bundle (dist/extract.js in its worker thread), beside reading the same
// text from a file (F_read_text) and reading the PDF's bytes (F_read). Target: a 20-page PDF
// in at most 1 s: warm (the worker already runs), prefetched (the editor's first PDF: the worker
// was started after the first publish), cold in this process (a new worker), and first in a
// fresh process (what a CLI user meets: `extract-pdf-first-fresh`; beside it the whole
// `antwoordbrief outline` of the PDF and of its text, each in a fresh process). Each record
// carries the machine's load (1-minute average) when it was measured.
import { readFileSync, mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import * as os from 'node:os';
import * as path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Extractor } from '../../server/src/host/extract/index';
import { blocksFromText, makeDocx, makePdf } from '../../test/extract/make';
import { interleaved, note, record, ROOT, SHARED, stats, type Context } from '../lib';

const load = () => Math.round(os.loadavg()[0] * 10) / 10;

/** Runs `args` with node in a fresh process; its stdout, and the wall time in ms. */
function fresh(args: string[]): { stdout: string; ms: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120000 });
  return { stdout: r.stdout, ms: performance.now() - t0, code: r.status };
}

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
    ctx.emit({ ...w, ok: w.median_ms <= 1000, load_1m: load() });
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
    ctx.emit({ ...c, ok: c.median_ms <= 1000, load_1m: load() });

    // Prefetched: the editor starts the worker after its first publish (lsp/extract.ts ExtractPrefetch).
    const prefetched: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(ctx.iterations / 4)); i++) {
      const e = new Extractor();
      try {
        await e.prefetch();
        const t0 = performance.now();
        await e.extract(pdf);
        prefetched.push(performance.now() - t0);
      } finally {
        await e.close();
      }
    }
    const ps = stats(prefetched);
    const p = record({ metric: 'extract-pdf-prefetched', ...base, median_ms: ps.median, p95_ms: ps.p95, floor: 'F_read_text', floor_ms: r.floors.F_read_text.median, target: 'median <= 1000 ms' });
    ctx.emit({ ...p, ok: p.median_ms <= 1000, load_1m: load() });

    // First PDF in a fresh process (a CLI user): the extraction alone, and the whole CLI run of the
    // PDF beside the same run on its text, interleaved.
    const child = path.join(dir, 'fresh-extract.js');
    buildSync({ entryPoints: [path.join(__dirname, '../fresh-extract.ts')], outfile: child, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const engine = path.join(ROOT, 'dist/extract.js');
    const cli = path.join(ROOT, 'dist/cli.js');
    const firstFresh: number[] = [];
    const sinceStart: number[] = [];
    const cpu: number[] = [];
    const cliPdf: number[] = [];
    const cliTxt: number[] = [];
    const runs = Math.max(5, Math.floor(ctx.iterations / 3));
    for (let i = 0; i < runs + 1; i++) {
      const f = fresh([child, engine, pdf]);
      const t = fresh([cli, 'outline', '--format', 'json', txt]);
      const c2 = fresh([cli, 'outline', '--format', 'json', pdf]);
      if (i === 0) continue; // the first round warms the disk cache
      const out = JSON.parse(f.stdout) as { ok: boolean; extract_ms: number; since_start_ms: number; cpu_ms: number };
      if (!out.ok || t.code !== 0 || c2.code !== 0) throw new Error(`fresh run failed: ${f.stdout} ${t.code} ${c2.code}`);
      firstFresh.push(out.extract_ms);
      sinceStart.push(out.since_start_ms);
      cpu.push(out.cpu_ms);
      cliTxt.push(t.ms);
      cliPdf.push(c2.ms);
    }
    const fs1 = stats(firstFresh);
    const txtStats = stats(cliTxt);
    const fr = record({ metric: 'extract-pdf-first-fresh', ...base, median_ms: fs1.median, p95_ms: fs1.p95, floor: 'F_read_text', floor_ms: r.floors.F_read_text.median, target: 'median <= 1000 ms' });
    ctx.emit({ ...fr, ok: fr.median_ms <= 1000, load_1m: load(), cpu_ms: Math.round(stats(cpu).median) });
    const ss = stats(sinceStart);
    ctx.emit({ ...record({ metric: 'extract-pdf-first-fresh-since-start', ...base, median_ms: ss.median, p95_ms: ss.p95, floor: 'F_read_text', floor_ms: r.floors.F_read_text.median }), load_1m: load() });
    const cp = stats(cliPdf);
    ctx.emit({ ...record({ metric: 'cli-outline-pdf-fresh', ...base, median_ms: cp.median, p95_ms: cp.p95, floor: 'cli-outline-txt-fresh', floor_ms: txtStats.median }), load_1m: load() });

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
