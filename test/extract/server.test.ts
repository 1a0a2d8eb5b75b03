// Letters as they arrive (issue 15), through the real language server over JSON-RPC: the text
// of a PDF ("Open als tekst") checked like any letter, a PDF question letter linked from an
// answer letter, the skeleton of a PDF as an untitled document beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, PROJECT_ROOT, positionOf, withClient } from '../server/lsp-client';
import { makePdf, makeScanPdf } from './make';

const PAIR_CODES = new Set(['question-missing', 'question-text-differs', 'question-order', 'question-extra']);

const QUESTIONS: string[][] = [
  [
    'Vragen van het lid De Vries (VVD) aan de Minister van Financiën over de toeslagen (ingezonden 1 maart 2025).',
    '',
    'Vraag 1',
    'Hoeveel ouders wachten nog op herstel?',
    '',
    'Vraag 2',
    'Wanneer is het herstel afgerond? Welke middelen zet u daarvoor in?',
  ],
  ['Vraag 3', 'Voert u de aangenomen motie-Jansen uit (Kamerstuk 36 600 IX, nr. 12)?'],
];

async function withPdfDir(fn: (dir: string, uri: (name: string) => string) => Promise<void>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-lsp-'));
  try {
    writeFileSync(path.join(dir, 'vragen.pdf'), await makePdf(QUESTIONS));
    writeFileSync(path.join(dir, 'scan.pdf'), await makeScanPdf(2));
    await fn(dir, (name) => pathToFileURL(path.join(dir, name)).toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for a publication of `uri` whose diagnostics satisfy `pred` (the PDF is read in the background). */
async function publicationWhere(c: LspClient, uri: string, pred: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
  const deadline = Date.now() + 30000;
  for (;;) {
    const hit = c.published.filter((p) => p.uri === uri).at(-1);
    if (hit && pred(hit.diagnostics)) return hit.diagnostics;
    if (Date.now() > deadline) throw new Error(`no publication of ${uri} with ${what}; last: ${JSON.stringify(hit?.diagnostics.map((d) => d.code))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('bundles: pdf.js and mammoth are in dist/extract.js only, not in the server or the CLI', () => {
  const read = (f: string) => readFileSync(path.join(PROJECT_ROOT, 'dist', f), 'utf8');
  const markers = [/getTextContent/, /convertToHtml/];
  for (const m of markers) assert.match(read('extract.js'), m);
  for (const f of ['server.js', 'cli.js']) for (const m of markers) assert.doesNotMatch(read(f), m, `${f} holds ${m}`);
});

test('server: "Open als tekst" — the text of a PDF, opened under antwoordbrief-tekst:, gets findings, hover and definition', () =>
  withPdfDir((dir, uri) =>
    withClient(async (c) => {
      const r = await c.request('antwoordbrief/extractText', { uri: uri('vragen.pdf') });
      assert.equal(r.source, 'pdf');
      assert.equal(r.pageStarts.length, 2);
      assert.match(r.text, /^Vraag 3$/m);
      const scan = await c.request('antwoordbrief/extractText', { uri: uri('scan.pdf') });
      assert.match(scan.error, /^scan\.pdf heeft geen tekstlaag \(gescand\?\)/);
      assert.match((await c.request('antwoordbrief/extractText', { uri: uri('nergens.docx') })).error, /nergens\.docx: bestand niet gevonden/);

      // An answer letter drafted as a PDF (page 2 leaves question 3 unanswered).
      writeFileSync(
        path.join(dir, 'antwoord.pdf'),
        await makePdf([['Vraag 1', 'Hoeveel ouders wachten nog op herstel?', '', 'Antwoord 1', 'Op 1 februari wachtten nog 12.000 ouders.', '', 'Vraag 2', 'Wanneer is het herstel afgerond? Welke middelen zet u daarvoor in?'], ['Antwoord 2', 'Eind 2026, met de middelen uit de begroting.', '', 'Vraag 3', 'Voert u de aangenomen motie-Jansen uit (Kamerstuk 36 600 IX, nr. 12)?', '', 'Antwoord 3', '', 'Vraag 4', 'Hoeveel kost het herstel in 2026?', '', 'Antwoord 4', 'Zie het antwoord op vraag 2.']]),
      );
      const a = await c.request('antwoordbrief/extractText', { uri: uri('antwoord.pdf') });
      const virtual = `antwoordbrief-tekst:${path.join(dir, 'antwoord.pdf')}`;
      await c.open(virtual, a.text, 'plaintext');
      const diags = await c.diagnostics(virtual, 1);
      assert.deepEqual(diags.filter((d) => d.severity === 1).map((d) => `${d.code}`), ['unanswered-question']);
      const unanswered = diags.find((d) => d.code === 'unanswered-question')!;
      assert.equal(unanswered.message.match(/Vraag \d+/)?.[0], 'Vraag 3');
      assert.ok([positionOf(a.text, 'Vraag 3').line, positionOf(a.text, 'Antwoord 3').line].includes(unanswered.range.start.line));
      const hover = await c.hover(virtual, positionOf(a.text, 'Kamerstuk 36 600', 3));
      assert.match(JSON.stringify(hover), /36 ?600/);
      const symbols = await c.symbols(virtual);
      assert.equal(symbols?.length, 4);
      // "Zie het antwoord op vraag 2" goes to answer 2, in the same read-only text.
      const def = await c.definition(virtual, positionOf(a.text, 'op vraag 2', 9));
      const target = (Array.isArray(def) ? def[0] : def) as any;
      assert.equal(target?.uri ?? target?.targetUri, virtual, JSON.stringify(def));
      assert.equal((target.range ?? target.targetRange).start.line, positionOf(a.text, 'Antwoord 2').line);
    }),
  ));

test('server: an answer letter linked to vragen.pdf is checked against the PDF once it is read; the skeleton of the PDF is clean', () =>
  withPdfDir((dir, uri) =>
    withClient(
      async (c) => {
        const answer = [
          '<!-- vragen: ./vragen.pdf -->',
          '',
          '### Vraag 1',
          '',
          'Hoeveel ouders wachten nog op herstel?',
          '',
          '### Antwoord 1',
          '',
          'Op 1 februari wachtten nog 12.000 ouders op herstel.',
          '',
        ].join('\n');
        writeFileSync(path.join(dir, 'antwoord.md'), answer);
        await c.open(uri('antwoord.md'), answer);
        const found = await publicationWhere(c, uri('antwoord.md'), (d) => d.some((x) => x.code === 'question-missing'), 'question-missing');
        assert.deepEqual(found.filter((d) => PAIR_CODES.has(String(d.code))).map((d) => String(d.code)), ['question-missing', 'question-missing']);
        const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri('antwoord.md') && p.questionLetter === 'vragen.pdf');
        assert.equal(status.questionLetter, 'vragen.pdf');

        // Go to definition from the answer's copy of a question lands in the PDF's text, shown read-only.
        const def = (await c.definition(uri('antwoord.md'), positionOf(answer, 'ouders wachten', 2))) as any;
        const target = Array.isArray(def) ? def[0] : def;
        assert.equal(target?.uri ?? target?.targetUri, `antwoordbrief-tekst:${path.join(dir, 'vragen.pdf')}`, JSON.stringify(def));

        const sk = await c.request('antwoordbrief/skeletonFromFile', { uri: uri('vragen.pdf') });
        assert.equal(sk.questionCount, 3);
        assert.ok(sk.markdown.startsWith('<!-- vragen: ./vragen.pdf -->'), sk.markdown.slice(0, 60));
        // Where the client puts the cursor: the blank line under the first answer heading.
        assert.match(sk.markdown.split('\n')[sk.cursor.line - 1], /^### Antwoord 1$/);
        // Opened as the client opens it: untitled, at a path beside the PDF.
        const untitled = `untitled:${path.join(dir, 'vragen-antwoord.md')}`;
        await c.open(untitled, sk.markdown);
        await c.notification('antwoordbrief/status', (p) => p.uri === untitled && p.questionLetter === 'vragen.pdf');
        const diags = await publicationWhere(c, untitled, (d) => d.some((x) => x.code === 'unanswered-question'), 'unanswered-question');
        assert.deepEqual(diags.filter((d) => PAIR_CODES.has(String(d.code))), []);
        assert.equal(diags.filter((d) => d.code === 'unanswered-question').length, 3);
        const scan = await c.request('antwoordbrief/skeletonFromFile', { uri: uri('scan.pdf') });
        assert.match(scan.error, /geen tekstlaag \(gescand\?\)/);
      },
      { env: { ...process.env, ANTWOORDBRIEF_TODAY: '2025-03-05' } },
    ),
  ));

test('server: the PDF and Word reader is prefetched after the first publish when the workspace holds a PDF, and not in a workspace without one', async () => {
  const READY = /de lezer voor PDF en Word staat klaar/;
  const waitFor = async (c: LspClient, pred: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!pred() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return pred();
  };
  await withPdfDir(async (dir, uri) => {
    const c = await LspClient.start({ rootUri: pathToFileURL(dir).toString() });
    try {
      assert.ok(!c.logs.some((l) => READY.test(l)), 'nothing is prefetched before a letter is published');
      await c.open(uri('antwoord.md'), 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n');
      await c.diagnostics(uri('antwoord.md'), 1);
      assert.ok(await waitFor(c, () => c.logs.some((l) => READY.test(l)), 30000), `prefetched; logs: ${c.logs.join(' | ')}`);
      // The prefetched worker reads the first PDF.
      const r = await c.request('antwoordbrief/extractText', { uri: uri('vragen.pdf') });
      assert.match(r.text, /Vraag 1\nHoeveel ouders wachten nog op herstel\?/);
    } finally {
      c.kill();
    }
  });
  const empty = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-noprefetch-'));
  try {
    writeFileSync(path.join(empty, 'notitie.md'), 'Geen vragen.\n');
    const c = await LspClient.start({ rootUri: pathToFileURL(empty).toString() });
    try {
      const u = pathToFileURL(path.join(empty, 'antwoord.md')).toString();
      await c.open(u, 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n');
      await c.diagnostics(u, 1);
      assert.equal(await waitFor(c, () => c.logs.some((l) => READY.test(l)), 3000), false, 'no PDF or Word file: no prefetch');
    } finally {
      c.kill();
    }
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
