// The extractor's own contract (host/extract/index.ts), with the real worker bundle and real
// files: page of an offset, the time bound (a worker that runs over is ended and the next file
// gets a new one), bytes as input, and the kinds it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Extractor, extractKind } from '../../server/src/host/extract/index';
import { XmlShape, checkZip, readXmlTree } from '../../server/src/host/extract/docx';
import { PROJECT_ROOT } from '../server/lsp-client';
import { deflateSync } from 'node:zlib';
import { ascii85, asciiHex, makeDocx, makeFilteredPdf, makePdf, makeRawDocx, runLength, textContent } from './make';

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
        '| Regio | Aantal |\n| Noord | 3.000 |',
        '1 Kamerstuk 31 066, nr. 1000',
      ].join('\n\n') + '\n',
    );
  } finally {
    await e.close();
  }
});

test('extractor: a whole Word file too big for the heap bound is called too big for the limit, not damaged', async () => {
  // Many paragraphs: a valid .docx whose XML outgrows a small heap bound while mammoth reads it.
  const blocks = Array.from({ length: 15000 }, (_, i) => ({ text: `Alinea ${i}: de minister antwoordt op de vragen van het lid over de toeslagen en het herstel.` }));
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

test('extractor: a worker that dies after it replied (no request waiting) does not end the host; the next file gets a new worker', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-engine-'));
  // An engine that answers and then throws outside any request, as a late error in a parser would.
  const engine = path.join(dir, 'engine.js');
  writeFileSync(
    engine,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  parentPort.postMessage({ id: req.id, ok: true, text: 'Vraag 1\\nWaarom?\\n', pageStarts: [] });
  setTimeout(() => { throw new Error('later'); }, 20);
});`,
  );
  const e = new Extractor(20000, 64, engine);
  try {
    for (let i = 0; i < 2; i++) {
      const r = await e.extract(new Uint8Array([1, 2, 3]), 'docx', 'brief.docx');
      assert.ok(!('error' in r), JSON.stringify(r));
      // The worker throws meanwhile; an 'error' event without a listener would end this process.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('docx: XmlShape counts elements, attributes and nesting on raw bytes, in any chunks; markup inside comments, CDATA and quoted values does not count', () => {
  const xml = Buffer.from(
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]><w:document xmlns:w="u"><!-- <w:p><w:p> --><w:body>' +
      '<w:p w:rsidR="00A" w:x=\'a>b/\'><w:r><w:t xml:space="preserve"> 1 &lt; 2 </w:t></w:r><w:br/><w:tab /></w:p>' +
      '<![CDATA[<w:p><w:p>]]><w:p/></w:body></w:document>',
  );
  const whole = new XmlShape();
  assert.equal(whole.feed(xml, 1000, 1000), true);
  // Elements: document, body, p, r, t, br, tab, p = 8; attributes: xmlns:w, w:rsidR, w:x, xml:space = 4.
  assert.equal(whole.items, 12);
  assert.equal(whole.maxDepth, 5);
  assert.equal(whole.depth, 0);
  const bytewise = new XmlShape();
  for (const b of xml) bytewise.feed(Uint8Array.of(b), 1000, 1000);
  assert.deepEqual([bytewise.items, bytewise.maxDepth, bytewise.depth], [12, 5, 0]);
  // Over a bound: false, as soon as it is passed.
  assert.equal(new XmlShape().feed(xml, 11, 1000), false);
  assert.equal(new XmlShape().feed(xml, 1000, 4), false);
});

test('docx: the sax reader gives mammoth the tree its own xmldom reader gives', async () => {
  const xmldomReader = require('mammoth/lib/xml/reader') as { readString: (xml: string, ns: Record<string, string>) => Promise<unknown> };
  const ns = { 'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r' };
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x="urn:other">' +
    '<w:body><!-- c --><w:p w:rsidR="00A"><w:pPr><w:pStyle w:val="Kop2"/></w:pPr><w:hyperlink r:id="rId4"><w:r><w:t xml:space="preserve"> Vraag &amp; antwoord &#8364; </w:t></w:r></w:hyperlink><x:y a="1"/></w:p>\n' +
    '<w:p><w:r><w:t><![CDATA[weg]]>blijft</w:t></w:r></w:p></w:body></w:document>';
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
  assert.deepEqual(plain(readXmlTree(xml, ns)), plain(await xmldomReader.readString(xml, ns)));
});

test('extractor: a worker that fails during a request gives one Dutch line, without the error\'s English text', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-engine-'));
  const engine = path.join(dir, 'engine.js');
  writeFileSync(engine, `require('node:worker_threads').parentPort.on('message', () => { throw new RangeError('Maximum call stack size exceeded'); });`);
  const e = new Extractor(20000, 64, engine);
  try {
    const r = await e.extract(new Uint8Array([1, 2, 3]), 'docx', 'brief.docx');
    assert.deepEqual(r, { error: 'brief.docx kon niet gelezen worden: de lezer voor PDF en Word liep vast op dit bestand' });
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('docx: checkZip counts the body parts together across chunks and parts, and names which bound a file passes', async () => {
  const paragraphs = Array.from({ length: 1000 }, (_, i) => `<w:p><w:r><w:t>Alinea ${i} van de brief.</w:t></w:r></w:p>`).join('');
  const footnotes = '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p/></w:footnote></w:footnotes>';
  const bytes = makeRawDocx(paragraphs, [['word/footnotes.xml', footnotes]]);
  // document, xmlns:w, body and 1,000 × (p, r, t): 3,003; footnotes, xmlns:w, footnote, w:id, p: 5.
  const limits = { docxEntries: 4, docxUnpackedBytes: 1024 * 1024, docxItems: 3008, docxDepth: 5 };
  assert.equal(await checkZip(bytes, limits), null);
  assert.deepEqual(await checkZip(bytes, { ...limits, docxItems: 3007 }), { failure: 'too-big', detail: 'items' });
  assert.deepEqual(await checkZip(bytes, { ...limits, docxDepth: 4 }), { failure: 'too-big', detail: 'depth' });
  assert.deepEqual(await checkZip(bytes, { ...limits, docxEntries: 3 }), { failure: 'too-big', detail: 'entries' });
  assert.deepEqual(await checkZip(bytes, { ...limits, docxUnpackedBytes: 10_000 }), { failure: 'too-big' });
});
