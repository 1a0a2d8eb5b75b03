// The extractor's own contract (host/extract/index.ts), with the real worker bundle and real
// files: page of an offset, the time bound (a worker that runs over is ended and the next file
// gets a new one), bytes as input, and the kinds it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Extractor, extractKind } from '../../server/src/host/extract/index';
import { PROJECT_ROOT } from '../server/lsp-client';
import { deflateSync } from 'node:zlib';
import { ascii85, asciiHex, makeDocx, makeFilteredPdf, makePdf, runLength, textContent } from './make';

test('extractor: page starts and pageOf for a three-page PDF; bytes work like a path', async () => {
  const e = new Extractor();
  try {
    const bytes = await makePdf([['Vraag 1', 'Waarom?'], ['Antwoord 1', 'Daarom.'], ['Vraag 2', 'Wanneer?']]);
    const r = await e.extract(new Uint8Array(bytes), 'pdf', 'brief.pdf');
    assert.ok(!('error' in r), JSON.stringify(r));
    if ('error' in r) return;
    assert.equal(r.source, 'pdf');
    assert.equal(r.pageStarts.length, 3);
    for (const [needle, page] of [['Vraag 1', 1], ['Daarom.', 2], ['Wanneer?', 3]] as const) assert.equal(r.pageOf(r.text.indexOf(needle)), page, needle);
    // Lines as the PDF has them, pages apart.
    assert.match(r.text, /^Vraag 1\nWaarom\?\n\nAntwoord 1\nDaarom\.\n\nVraag 2\nWanneer\?\n$/);
  } finally {
    await e.close();
  }
});

test('extractor: a file over the time bound ends the worker with one Dutch line; the next file gets a new worker', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extractor-'));
  const slow = new Extractor(1);
  try {
    const file = path.join(dir, 'brief.pdf');
    writeFileSync(file, await makePdf([['Vraag 1', 'Waarom?']]));
    const r = await slow.extract(file);
    assert.deepEqual(r, { error: `${file} kon niet binnen 1 seconde gelezen worden (beschadigd of te zwaar?)` });
    const ok = new Extractor();
    try {
      const again = await ok.extract(file);
      assert.ok(!('error' in again) && again.text.startsWith('Vraag 1'), JSON.stringify(again));
    } finally {
      await ok.close();
    }
  } finally {
    await slow.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extractor: kinds by extension; other files and folders are refused in Dutch', async () => {
  assert.equal(extractKind('a/Brief.PDF'), 'pdf');
  assert.equal(extractKind('antwoord.docx'), 'docx');
  assert.equal(extractKind('oud.doc'), null);
  assert.equal(extractKind('brief.md'), null);
  const e = new Extractor();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extractor-'));
  try {
    assert.deepEqual(await e.extract(path.join(dir, 'brief.md')), { error: `${path.join(dir, 'brief.md')} is geen PDF of Word-bestand (.pdf, .docx)` });
    const folder = path.join(dir, 'map.pdf');
    require('node:fs').mkdirSync(folder);
    assert.deepEqual(await e.extract(folder, 'pdf', 'map.pdf'), { error: 'map.pdf: dit is een map, geen gewoon bestand' });
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extractor: Word paragraphs, numbered headings and nested lists as Word numbers them, a table, footnotes at the end', async () => {
  const e = new Extractor();
  try {
    const bytes = await makeDocx(
      [
        { numberedHeading: 'vraagkop' },
        { text: 'Hoeveel ouders wachten nog op herstel?', footnotes: [1] },
        { numberedHeading: 'antwoordkop' },
        { text: 'Nog 12.000, verdeeld over:' },
        { numbered: 'gemeenten' },
        { numbered: 'met een eigen regeling', level: 1 },
        { numbered: 'zonder', level: 1 },
        { numbered: 'provincies' },
        { table: [['Regio', 'Aantal'], ['Noord', '3.000']] },
      ],
      { 1: 'Kamerstuk 31 066, nr. 1000' },
    );
    const r = await e.extract(new Uint8Array(bytes), 'docx', 'brief.docx');
    assert.ok(!('error' in r), JSON.stringify(r));
    if ('error' in r) return;
    assert.equal(r.source, 'docx');
    assert.equal(r.pageOf(0), null);
    assert.equal(
      r.text,
      [
        'Vraag 1',
        'Hoeveel ouders wachten nog op herstel?1',
        'Antwoord 1',
        'Nog 12.000, verdeeld over:',
        '1. gemeenten',
        'a. met een eigen regeling',
        'b. zonder',
        '2. provincies',
        'Regio\nAantal',
        'Noord\n3.000',
        '1 Kamerstuk 31 066, nr. 1000',
      ].join('\n\n') + '\n',
    );
  } finally {
    await e.close();
  }
});

test('extractor: a whole Word file too big for the heap bound is called too big for the limit, not damaged', async () => {
  // Many paragraphs: a valid .docx whose XML outgrows a small heap bound while mammoth reads it.
  const blocks = Array.from({ length: 40000 }, (_, i) => ({ text: `Alinea ${i}: de minister antwoordt op de vragen van het lid over de toeslagen en het herstel.` }));
  const bytes = await makeDocx(blocks);
  const small = new Extractor(60000, 24);
  try {
    const r = await small.extract(bytes, 'docx', 'groot.docx');
    assert.ok('error' in r, 'refused');
    assert.equal(r.error, 'groot.docx is te groot om te lezen: het lezen vraagt meer dan de grens van 24 MB geheugen');
    assert.doesNotMatch(r.error, /beschadigd/);
  } finally {
    await small.close();
  }
});

test('extractor: a Word list numbered again in a new list instance (start override) restarts; other lists go on', async () => {
  const e = new Extractor();
  try {
    // An inbreng: each party's questions are numbered from 1 in their own list instance (the
    // docx library writes w:num with w:lvlOverride/w:startOverride, as Word does for "Opnieuw
    // nummeren"); the numbered "Vraag %1" headings of the answers are one list throughout.
    const bytes = await makeDocx([
      { heading: 'Vragen en opmerkingen van de leden van de VVD-fractie' },
      { numbered: 'Hoeveel ouders wachten nog?', instance: 1 },
      { numbered: 'per gemeente', level: 1, instance: 1 },
      { numbered: 'per provincie', level: 1, instance: 1 },
      { numbered: 'Wanneer is het herstel klaar?', instance: 1 },
      { heading: 'Vragen en opmerkingen van de leden van de SP-fractie' },
      { numbered: 'Wat kost het herstel?', instance: 2 },
      { numbered: 'uitvoering', level: 1, instance: 2 },
      { numbered: 'Wie betaalt het?', instance: 2 },
      { numberedHeading: 'vraagkop' },
      { text: 'Hoeveel ouders wachten nog?' },
      { numberedHeading: 'vraagkop' },
      { text: 'Wat kost het herstel?' },
    ]);
    const r = await e.extract(new Uint8Array(bytes), 'docx', 'inbreng.docx');
    assert.ok(!('error' in r), JSON.stringify(r));
    if ('error' in r) return;
    assert.deepEqual(r.text.split('\n\n').filter((l) => /^(\d+|[a-z])\. |^Vraag \d/u.test(l)), [
      '1. Hoeveel ouders wachten nog?',
      'a. per gemeente',
      'b. per provincie',
      '2. Wanneer is het herstel klaar?',
      '1. Wat kost het herstel?',
      'a. uitvoering',
      '2. Wie betaalt het?',
      'Vraag 1',
      'Vraag 2',
    ]);
  } finally {
    await e.close();
  }
});

test('extractor: content streams under ASCIIHex, ASCII85, RunLength and chains with Flate read as plain ones (the decode bound leaves them whole)', async () => {
  const e = new Extractor();
  try {
    const lines = ['Vraag 1', 'Waarom is de brug bij Zaltbommel dicht?', 'Antwoord 1', 'Voor onderhoud.'];
    const content = textContent(lines);
    const cases: [string, Buffer][] = [
      ['[]', content],
      ['/ASCIIHexDecode', asciiHex(content)],
      ['/ASCII85Decode', ascii85(content)],
      ['/RunLengthDecode', runLength(content)],
      ['[/ASCII85Decode /FlateDecode]', ascii85(deflateSync(content))],
      ['[/ASCIIHexDecode /RunLengthDecode]', asciiHex(runLength(content))],
    ];
    for (const [filter, data] of cases) {
      const r = await e.extract(new Uint8Array(makeFilteredPdf(data, filter)), 'pdf', 'brief.pdf');
      assert.ok(!('error' in r), `${filter}: ${JSON.stringify(r)}`);
      if ('error' in r) continue;
      assert.equal(r.text, lines.join('\n') + '\n', filter);
    }
  } finally {
    await e.close();
  }
});

test('extractor: the worker compiles its bundle with the code cache the build wrote, and without one that does not fit', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-cache-'));
  try {
    const engine = path.join(dir, 'extract.js');
    copyFileSync(path.join(PROJECT_ROOT, 'dist/extract.js'), engine);
    const pdf = new Uint8Array(await makePdf([['Vraag 1', 'Waarom is de brug dicht?', '', 'Antwoord 1', 'Voor onderhoud.']]));
    const read = async () => {
      const e = new Extractor(undefined, undefined, engine);
      try {
        const r = await e.extract(pdf, 'pdf', 'brief.pdf');
        assert.ok(!('error' in r), JSON.stringify(r));
        if (!('error' in r)) assert.match(r.text, /^Vraag 1\nWaarom is de brug dicht\?/);
      } finally {
        await e.close();
      }
    };
    // No cache; a damaged one; one written for a different bundle: V8 compiles afresh.
    await read();
    writeFileSync(path.join(dir, 'extract.cache'), Buffer.alloc(4096, 7));
    await read();
    // The one the build writes (after the sample), then used.
    assert.equal(await new Extractor(undefined, undefined, engine).writeCodeCache(), true);
    const written = readFileSync(path.join(dir, 'extract.cache'));
    assert.ok(written.length > 100 * 1024 && !written.equals(Buffer.alloc(written.length, 7)), `cache of ${written.length} bytes`);
    await read();
    writeFileSync(engine, readFileSync(engine, 'utf8') + '\n// changed\n');
    await read();
    assert.ok(statSync(path.join(PROJECT_ROOT, 'dist/extract.cache')).size > 100 * 1024, 'npm run build writes dist/extract.cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
