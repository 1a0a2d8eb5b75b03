// Issue 6: checking an answer letter against its question letter. The question letter is cut
// out of the document at run time (its questions, by fractie), so both letters have the size
// of 002 (and of the 1 MB letter). Timed: both letters parsed plus the pair check, against
// F_scan over both texts; and a one-character edit → diagnostics through the bundled server
// with the question letter linked on disk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkPair } from '../../server/src/core/pair/check';
import { LspClient } from '../../test/server/lsp-client';
import { interleaved, note, record, timeKeystrokes, type Context, type Doc } from '../lib';

/** The question letter of a verslag: fractie headings and each unit's question text. */
function questionLetterOf(text: string): string {
  const letter = parseLetter(text);
  const out: string[] = ['Inbreng schriftelijk overleg', '', 'Datum 26 maart 2025', ''];
  let section = -2;
  for (const u of letter.questions) {
    if (u.sectionIndex !== section && u.sectionIndex >= 0) {
      const s = letter.sections[u.sectionIndex];
      out.push(text.slice(s.span.start, s.span.end).trim(), '');
      section = u.sectionIndex;
    }
    out.push(u.questionText, '');
  }
  return out.join('\n');
}

function scanBoth(a: string, b: string): () => number {
  return () => {
    let n = 0;
    for (const t of [a, b]) {
      const re = /[\p{L}\p{N}]+/gu;
      while (re.exec(t)) n++;
    }
    return n;
  };
}

export async function run(ctx: Context): Promise<void> {
  const docs = [ctx.docs.real, ctx.docs.mb1].filter((d): d is Doc => !!d);
  for (const doc of docs) {
    const questions = questionLetterOf(doc.text);
    const bytes = doc.bytes + Buffer.byteLength(questions);
    const findings = checkPair(parseLetter(questions), parseLetter(doc.text)).length;
    if (findings) note(`pair-check on ${doc.name}: ${findings} findings (expected none)`);
    const r = await interleaved(() => checkPair(parseLetter(questions), parseLetter(doc.text)), { F_scan: scanBoth(questions, doc.text) }, ctx.iterations);
    const rec = record({ metric: 'pair-check', doc: doc.name, bytes, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_scan', floor_ms: r.floors.F_scan.median, target: 'ratio <= 20' });
    ctx.emit({ ...rec, ok: rec.ratio <= 20 });
    // The pair check alone, on letters already parsed (what an edit of the question letter costs).
    const q = parseLetter(questions);
    const a = parseLetter(doc.text);
    const p = await interleaved(() => checkPair(q, a), { F_scan: scanBoth(questions, doc.text) }, ctx.iterations);
    ctx.emit(record({ metric: 'pair-match', doc: doc.name, bytes, median_ms: p.fn.median, p95_ms: p.fn.p95, floor: 'F_scan', floor_ms: p.floors.F_scan.median }));
  }

  const doc = ctx.docs.real ?? ctx.docs.kb100;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-bench-pair-'));
  const c = await LspClient.start();
  try {
    writeFileSync(path.join(dir, 'inbreng.md'), questionLetterOf(doc.text));
    // The same letter with and without its question letter, so the pair's share is visible.
    const variants: [string, string, string][] = [
      ['server-edit-paired', pathToFileURL(path.join(dir, 'verslag.txt')).toString(), `<!-- vragen: ./inbreng.md -->\n${doc.text}`],
      ['server-edit-unpaired', 'untitled:verslag-zonder-vragenbrief', `<!-- geen vragenbrief -->\n${doc.text}`],
    ];
    for (const [metric, uri, text] of variants) {
      await c.open(uri, text, 'plaintext');
      await c.diagnostics(uri, 1, 60000);
      const edit = await timeKeystrokes(c, uri, text, ctx.iterations);
      ctx.emit(record({ metric, doc: doc.name, bytes: Buffer.byteLength(text), median_ms: edit.fn.median, p95_ms: edit.fn.p95, floor: 'F_noop', floor_ms: edit.floors.F_noop.median }));
      await c.close(uri);
    }
    await c.shutdown();
  } finally {
    c.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
