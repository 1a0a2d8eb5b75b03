// Letters as they arrive (issue 15), through the real CLI: the nine real PDFs read like their
// pdftotext text, Word letters made here with the `docx` library read like text letters, and
// hostile files end in one Dutch line and exit 2, in bounded time and memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ascii85Zeros,
  asciiHex,
  blocksFromText,
  deflateZeros,
  lzwSpaces,
  makeDocx,
  makeEncryptedPdf,
  makeFilteredPdf,
  makeFlateBombPdf,
  makePdf,
  makeRawDocx,
  makeScanPdf,
  makeZipBomb,
  runLengthSpaces,
  writeHugePdf,
} from './make';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SHARED = path.resolve(ROOT, '../shared');
const PDFS = path.join(SHARED, 'fixtures/pdf');
const CORPUS = path.join(SHARED, 'corpus');
const HAS_PDFS = existsSync(PDFS) && existsSync(CORPUS);
const PAIR_CODES = new Set(['question-missing', 'question-text-differs', 'question-order', 'question-extra']);

function run(args: string[], cwd: string, opts: { rss?: boolean } = {}) {
  const pre = opts.rss ? ['--require', path.join(__dirname, 'rss.cjs')] : [];
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [...pre, CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000, env: { ...process.env, ANTWOORDBRIEF_TODAY: '2025-03-10' } });
  const rss = /\[peak-rss-kb (\d+)\]/.exec(r.stderr ?? '');
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout,
    stderr: (r.stderr ?? '').replace(/\n?\[peak-rss-kb \d+\]\n/, ''),
    ms: Date.now() - t0,
    rssMb: rss ? Number(rss[1]) / 1024 : null,
  };
}

function json(r: { code: number | null; stdout: string; stderr: string }) {
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function withDir(fn: (dir: string) => Promise<void> | void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const realPdfs = () => (HAS_PDFS ? readdirSync(PDFS).filter((f) => f.endsWith('.pdf')).sort() : []);

/** The outline as the proof compares it: question ids, answer states, references. */
const outlineKey = (o: any) => o.questions.map((q: any) => `${q.id}:${q.answer.status}:${q.answer.refersTo.join(',')}`);

test('pdf: each real PDF gives the outline of its pdftotext text, with the page of each question', async (t) => {
  if (!HAS_PDFS) return t.skip('../shared/fixtures/pdf or ../shared/corpus not present');
  const names = realPdfs();
  assert.equal(names.length, 9);
  for (const name of names) {
    const fromPdf = json(run(['outline', '--format', 'json', path.join(PDFS, name)], ROOT));
    const fromText = json(run(['outline', '--format', 'json', path.join(CORPUS, name.replace(/\.pdf$/, '.txt'))], ROOT));
    assert.ok(fromText.questions.length > 0, name);
    assert.deepEqual(outlineKey(fromPdf), outlineKey(fromText), name);
    assert.equal(fromPdf.source, 'pdf');
    assert.equal(fromText.source, 'text', 'a text letter says so too');
    const pages = fromPdf.questions.map((q: any) => q.page);
    assert.ok(pages.every((p: unknown) => Number.isInteger(p) && (p as number) >= 1), `${name}: ${pages}`);
    assert.deepEqual([...pages].sort((a, b) => a - b), pages, `${name}: pages in order`);
  }
});

test('pdf: cited papers and findings from each real PDF equal those from its pdftotext text', async (t) => {
  if (!HAS_PDFS) return t.skip('../shared/fixtures/pdf or ../shared/corpus not present');
  const names = realPdfs();
  const pdfFiles = names.map((n) => path.join(PDFS, n));
  const txtFiles = names.map((n) => path.join(CORPUS, n.replace(/\.pdf$/, '.txt')));
  const refsPdf = json(run(['refs', '--format', 'json', ...pdfFiles], ROOT));
  const refsTxt = json(run(['refs', '--format', 'json', ...txtFiles], ROOT));
  const checkPdf = json(run(['check', '--format', 'json', ...pdfFiles], ROOT));
  const checkTxt = json(run(['check', '--format', 'json', ...txtFiles], ROOT));
  let linkedByFootnote = 0;
  for (let i = 0; i < names.length; i++) {
    const papers = (r: any) => [...new Set(r.references.filter((e: any) => e.kind !== 'motie').map((e: any) => e.id))].sort();
    assert.deepEqual(papers(refsPdf[i]), papers(refsTxt[i]), names[i]);
    assert.equal(refsPdf[i].source, 'pdf');
    // Motions: the same mentions; each linked as in the text, or, where pdftotext cut the
    // footnote numbers from their footnotes, linked by the PDF's footnote to a cited paper.
    const motions = (r: any) => r.references.filter((e: any) => e.kind === 'motie');
    const mp = motions(refsPdf[i]);
    const mt = motions(refsTxt[i]);
    const firstLinks = (ms: any[]) => {
      const byText = new Map<string, string | null>();
      for (const m of ms) if (!byText.has(`${m.range.start.line}|${m.text}`)) byText.set(`${m.range.start.line}|${m.text}`, m.id);
      return [...byText.values()];
    };
    const lp = firstLinks(mp);
    const lt = firstLinks(mt);
    assert.equal(lp.length, lt.length, `${names[i]}: motion mentions`);
    let extra = 0;
    lp.forEach((id, k) => {
      if (id === lt[k]) return;
      assert.equal(lt[k], null, `${names[i]}: motion ${k} linked differently`);
      assert.ok(papers(refsPdf[i]).includes(id), `${names[i]}: motion ${k} linked to ${id}, a paper the letter cites`);
      assert.ok(mp.some((m: any) => m.id === id && /^voetnoot /.test(m.via)), `${names[i]}: linked through a footnote`);
      extra++;
    });
    linkedByFootnote += extra;
    // Findings: the same codes for the same questions (ranges differ: other line breaks),
    // less one unlinked-motion per motion the PDF's footnotes link.
    const codes = (f: any) => f.diagnostics.map((d: any) => `${d.code}:${d.question ?? ''}`).sort();
    const expected = codes(checkTxt[i]);
    for (let k = 0; k < extra; k++) expected.splice(expected.indexOf('unlinked-motion:'), 1);
    assert.deepEqual(codes(checkPdf[i]), expected, names[i]);
    for (const d of checkPdf[i].diagnostics) assert.ok(Number.isInteger(d.page) && d.page >= 1, `${names[i]}: page of ${d.code}`);
  }
  // ah-tk-20232024-1432: "de aangenomen motie … c.s.2" — footnote 2 is Kamerstuk 36 410 VIII, nr. 82.
  assert.ok(linkedByFootnote <= 2, `${linkedByFootnote}`);
});

test('pdf: skeleton X.pdf is clean under check --questions X.pdf, and the skeleton links the PDF itself', async (t) => {
  if (!HAS_PDFS) return t.skip('../shared/fixtures/pdf or ../shared/corpus not present');
  await withDir((dir) => {
    for (const name of realPdfs()) {
      copyFileSync(path.join(PDFS, name), path.join(dir, name));
      const sk = run(['skeleton', name], dir);
      assert.equal(sk.code, 0, `${name}: ${sk.stderr}`);
      assert.ok(sk.stdout.startsWith(`<!-- vragen: ./${name} -->`), name);
      const md = name.replace(/\.pdf$/, '-antwoord.md');
      writeFileSync(path.join(dir, md), sk.stdout);
      const viaFlag = json(run(['check', '--format', 'json', '--questions', name, md], dir));
      assert.deepEqual(viaFlag[0].diagnostics.filter((d: any) => PAIR_CODES.has(d.code)), [], name);
      // Only the empty answers are reported, one per question that needs an answer.
      assert.ok(viaFlag[0].diagnostics.some((d: any) => d.code === 'unanswered-question'), name);
      const viaComment = json(run(['check', '--format', 'json', md], dir));
      assert.equal(viaComment[0].questionLetter, name);
      assert.deepEqual(viaComment[0].diagnostics.filter((d: any) => PAIR_CODES.has(d.code)), [], name);
    }
  });
});

test('pdf: a PDF made here (two pages) gives pages, ranges in its text, and pairs inside check MAP', async () => {
  await withDir(async (dir) => {
    const q = [
      ['Vragen van het lid De Vries (VVD) aan de Minister van Financiën over de toeslagen (ingezonden 1 maart 2025).', '', 'Vraag 1', 'Hoeveel ouders wachten nog op herstel?', '', 'Vraag 2', 'Wanneer is het herstel afgerond? Welke'],
      ['middelen zet u daarvoor in?', '', 'Vraag 3', 'Bent u bereid de Kamer elk kwartaal te informeren?'],
    ];
    writeFileSync(path.join(dir, 'vragen.pdf'), await makePdf(q));
    const outline = json(run(['outline', '--format', 'json', 'vragen.pdf'], dir));
    assert.deepEqual(outline.questions.map((x: any) => [x.id, x.page]), [['1', 1], ['2', 1], ['3', 2]]);
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
      '### Vraag 2',
      '',
      'Wanneer is het herstel afgerond? Welke middelen zet u daarvoor in?',
      '',
      '### Antwoord 2',
      '',
      'Het herstel is eind 2026 afgerond; de middelen staan in de begroting.',
      '',
    ].join('\n');
    mkdirSync(path.join(dir, 'map'));
    copyFileSync(path.join(dir, 'vragen.pdf'), path.join(dir, 'map/vragen.pdf'));
    writeFileSync(path.join(dir, 'map/antwoord.md'), answer);
    const r = json(run(['check', '--format', 'json', 'map'], dir));
    const byFile = Object.fromEntries(r.map((f: any) => [path.basename(f.file), f]));
    assert.deepEqual(Object.keys(byFile).sort(), ['antwoord.md', 'vragen.pdf']);
    assert.equal(byFile['antwoord.md'].questionLetter, 'vragen.pdf');
    assert.deepEqual(byFile['antwoord.md'].diagnostics.filter((d: any) => PAIR_CODES.has(d.code)).map((d: any) => `${d.code}:${d.question}`), ['question-missing:3']);
    assert.equal(byFile['vragen.pdf'].source, 'pdf');
    // The text format names the page of a finding in a PDF.
    writeFileSync(path.join(dir, 'antwoord.pdf'), await makePdf([['Vraag 1', 'Hoeveel ouders wachten nog op herstel?', '', 'Antwoord 1', 'Nog 12.000.'], ['Vraag 2', 'Wanneer is het herstel afgerond? Welke middelen zet u daarvoor in?', '', 'Antwoord 2']]));
    const text = run(['check', 'antwoord.pdf'], dir);
    const lines = text.stdout.split('\n').filter((l) => /^antwoord\.pdf:\d+:\d+ /.test(l));
    assert.deepEqual(lines.filter((l) => l.includes('unanswered-question')).map((l) => / \(pagina (\d+)\)$/.exec(l)?.[1]), ['2'], text.stdout);
    const j = json(run(['check', '--format', 'json', 'antwoord.pdf'], dir));
    assert.deepEqual(j[0].diagnostics.filter((d: any) => d.code === 'unanswered-question').map((d: any) => [d.question, d.page]), [['2', 2]]);
  });
});

test('word: a .docx with headings, numbered questions, footnotes and a table is checked like a text letter', async () => {
  await withDir(async (dir) => {
    writeFileSync(
      path.join(dir, 'vragen.docx'),
      await makeDocx([
        { text: 'Vragen van het lid Jansen (D66) aan de Minister van Infrastructuur en Waterstaat over de brug bij Zaltbommel (ingezonden 3 maart 2025).' },
        { numbered: 'Bent u bekend met het bericht ‘Brug dicht tot de zomer’?' },
        { numbered: 'Hoe lang blijft de brug gesloten? Welke omleiding geldt er?' },
        { numbered: 'Voert u de aangenomen motie van het lid Jansen uit?' },
      ]),
    );
    writeFileSync(
      path.join(dir, 'antwoord.docx'),
      await makeDocx(
        [
          { heading: 'Vraag 1' },
          { text: 'Bent u bekend met het bericht ‘Brug dicht tot de zomer’?' },
          { heading: 'Antwoord 1' },
          { text: 'Ja.' },
          { heading: 'Vraag 2' },
          { text: 'Hoe lang blijft de brug gesloten? Welke omleiding geldt er?' },
          { heading: 'Antwoord 2' },
          { text: 'De brug blijft gesloten tot 1 juli; de omleiding loopt via de A2, zoals de aangenomen motie van het lid Jansen vraagt.', footnotes: [1] },
          { table: [['Traject', 'Omleiding'], ['Zaltbommel', 'A2']] },
          { heading: 'Vraag 3' },
          { text: 'Voert u de aangenomen motie van het lid Jansen uit?' },
          { heading: 'Antwoord 3' },
        ],
        { 1: 'Kamerstuk 36 600 XII, nr. 12' },
      ),
    );
    const q = json(run(['outline', '--format', 'json', 'vragen.docx'], dir));
    assert.equal(q.source, 'docx');
    assert.deepEqual(q.questions.map((x: any) => x.id), ['1', '2', '3'], 'numbered list items keep their numbers');
    assert.equal(q.questions[0].page, undefined, 'Word has no pages');
    const a = json(run(['outline', '--format', 'json', 'antwoord.docx'], dir));
    assert.deepEqual(a.questions.map((x: any) => `${x.id}:${x.answer.status}`), ['1:answered', '2:answered', '3:missing']);
    const refs = json(run(['refs', '--format', 'json', 'antwoord.docx'], dir));
    assert.deepEqual(refs[0].references.map((e: any) => `${e.kind}:${e.id}`), ['motie:kst-36600-XII-12', 'motie:kst-36600-XII-12', 'kamerstuk:kst-36600-XII-12']);
    assert.equal(refs[0].references[0].via, 'voetnoot 1', 'the footnote at the end, linked by its marker');
    assert.match(refs[0].references[1].via, /verwijzing regel 26$/, 'the second mention through the footnote\'s citation (line 26)');
    const c = json(run(['check', '--format', 'json', '--questions', 'vragen.docx', 'antwoord.docx'], dir));
    assert.equal(c[0].source, 'docx');
    assert.deepEqual(c[0].diagnostics.filter((d: any) => d.severity === 'error').map((d: any) => `${d.code}:${d.question}`), ['unanswered-question:3']);
    assert.deepEqual(c[0].diagnostics.filter((d: any) => PAIR_CODES.has(d.code)), []);
  });
});

test('word: headings numbered by Word itself ("Vraag %1", "Antwoord %1") and nested lists keep their numbers', async () => {
  await withDir(async (dir) => {
    writeFileSync(
      path.join(dir, 'antwoord.docx'),
      await makeDocx([
        { numberedHeading: 'vraagkop' },
        { text: 'Hoeveel ouders wachten nog op herstel?' },
        { numberedHeading: 'antwoordkop' },
        { text: 'Nog 12.000, verdeeld over:' },
        { numbered: 'gemeenten' },
        { numbered: 'met een eigen regeling', level: 1 },
        { numbered: 'zonder', level: 1 },
        { numbered: 'provincies' },
        { numberedHeading: 'vraagkop' },
        { text: 'Wanneer is het herstel afgerond?' },
        { numberedHeading: 'antwoordkop' },
        { numberedHeading: 'vraagkop' },
        { text: 'Welke middelen zet u in?' },
        { numberedHeading: 'antwoordkop' },
        { text: 'De middelen uit de begroting.' },
      ]),
    );
    const o = json(run(['outline', '--format', 'json', 'antwoord.docx'], dir));
    assert.deepEqual(o.questions.map((q: any) => `${q.id}:${q.answer.status}`), ['1:answered', '2:missing', '3:answered']);
    const c = json(run(['check', '--format', 'json', 'antwoord.docx'], dir));
    assert.deepEqual(c[0].diagnostics.filter((d: any) => d.severity === 'error').map((d: any) => `${d.code}:${d.question}`), ['unanswered-question:2']);
  });
});

test('word: a .docx made from each corpus letter gives that letter\'s outline', async (t) => {
  if (!HAS_PDFS) return t.skip('../shared/corpus not present');
  await withDir(async (dir) => {
    for (const name of realPdfs().map((n) => n.replace(/\.pdf$/, '.txt'))) {
      const text = readFileSync(path.join(CORPUS, name), 'utf8');
      const docx = name.replace(/\.txt$/, '.docx');
      writeFileSync(path.join(dir, docx), await makeDocx(blocksFromText(text)));
      const ids = (o: any) => o.questions.map((q: any) => `${q.id}:${q.answer.status}`);
      assert.deepEqual(ids(json(run(['outline', '--format', 'json', docx], dir))), ids(json(run(['outline', '--format', 'json', path.join(CORPUS, name)], dir))), name);
    }
  });
});

test('hostile: scan, encrypted, truncated, zip bombs, a 100 MB PDF, a .doc: one Dutch line, exit 2, bounded time and memory', async () => {
  await withDir(async (dir) => {
    const good = await makePdf([['Vraag 1', 'Waarom is dat zo?', '', 'Antwoord 1', 'Daarom.']]);
    writeFileSync(path.join(dir, 'scan.pdf'), await makeScanPdf(4));
    writeFileSync(path.join(dir, 'beveiligd.pdf'), makeEncryptedPdf());
    writeFileSync(path.join(dir, 'afgebroken.pdf'), good.subarray(0, Math.floor(good.length * 0.6)));
    writeFileSync(path.join(dir, 'bom.docx'), await makeZipBomb(200 * 1024 * 1024));
    writeFileSync(path.join(dir, 'leugen.docx'), await makeZipBomb(200 * 1024 * 1024, true));
    writeHugePdf(path.join(dir, 'groot.pdf'), 100 * 1024 * 1024);
    writeFileSync(path.join(dir, 'oud.docx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]));
    writeFileSync(path.join(dir, 'tekst.pdf'), 'Vraag 1\nWaarom?\n');
    // A content stream of 128 MB compressed to a few hundred KB: refused before pdf.js decodes it.
    writeFileSync(path.join(dir, 'flatebom.pdf'), makeFlateBombPdf(128 * 1024 * 1024));
    // Files under another kind's extension say what they are (an old .doc, a password-protected
    // .docx: an OLE file with an EncryptedPackage stream, MS-OFFCRYPTO; a PDF named .docx and back).
    writeFileSync(path.join(dir, 'oud.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]));
    writeFileSync(path.join(dir, 'wachtwoord.docx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(2048)]));
    writeFileSync(path.join(dir, 'pdf-als.docx'), good);
    writeFileSync(path.join(dir, 'word-als.pdf'), await makeDocx([{ text: 'Vraag 1' }, { text: 'Waarom?' }]));
    const cases: [string, RegExp][] = [
      ['scan.pdf', /^antwoordbrief: scan\.pdf heeft geen tekstlaag \(gescand\?\)/],
      ['beveiligd.pdf', /^antwoordbrief: beveiligd\.pdf is beveiligd met een wachtwoord/],
      ['afgebroken.pdf', /^antwoordbrief: afgebroken\.pdf is onvolledig/],
      ['bom.docx', /^antwoordbrief: bom\.docx pakt uit tot meer dan 64 MB/],
      ['leugen.docx', /^antwoordbrief: leugen\.docx is beschadigd of geen Word-bestand/],
      ['groot.pdf', /^antwoordbrief: groot\.pdf is te groot \(100 MB; de grens voor een PDF is 40 MB\)/],
      ['oud.docx', /^antwoordbrief: oud\.docx is een oud Word-bestand \(\.doc\)/],
      ['tekst.pdf', /^antwoordbrief: tekst\.pdf is beschadigd of geen PDF/],
      ['flatebom.pdf', /^antwoordbrief: flatebom\.pdf pakt uit tot meer dan 64 MB per onderdeel/],
      ['oud.doc', /^antwoordbrief: oud\.doc is een oud Word-bestand \(\.doc\); sla het in Word op als \.docx$/m],
      ['wachtwoord.docx', /^antwoordbrief: wachtwoord\.docx is beveiligd met een wachtwoord/],
      ['pdf-als.docx', /^antwoordbrief: pdf-als\.docx is een PDF-bestand met de extensie \.docx; geef het de extensie \.pdf$/m],
      ['word-als.pdf', /^antwoordbrief: word-als\.pdf is een Word-bestand \(\.docx\) met de extensie \.pdf; geef het de extensie \.docx$/m],
    ];
    for (const [file, message] of cases) {
      for (const args of [['check', file], ['outline', file], ['skeleton', file], ['refs', file], ['check', '--questions', file, 'scan.pdf']]) {
        const r = run(args, dir, { rss: true });
        assert.equal(r.signal, null, `${args.join(' ')}: killed after ${r.ms} ms`);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, message, args.join(' '));
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.doesNotMatch(r.stderr, /at .*\.js:\d+|Error:/);
        assert.ok(r.rssMb !== null && r.rssMb < 400, `${args.join(' ')}: peak RSS ${r.rssMb} MB`);
      }
    }
    writeFileSync(path.join(dir, 'goed.pdf'), good);
    // A folder check reads the good letters and names the bad ones, in its JSON too ({ file, error }).
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 2);
    const walked = cases.filter(([f]) => !f.endsWith('.doc')); // a .doc is no letter file of a folder
    assert.equal(r.stderr.trim().split('\n').length, walked.length, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.filter((f: any) => f.diagnostics).map((f: any) => f.file), ['goed.pdf']);
    assert.deepEqual(out.filter((f: any) => f.error).map((f: any) => f.file), walked.map(([f]) => f).sort());
    for (const e of out.filter((f: any) => f.error)) assert.ok(r.stderr.includes(e.error), e.error);
  });
});

test('hostile: Word files shaped to cost mammoth too much (many short paragraphs, deep nesting, many entries) are refused before it reads them, each in its own words', async () => {
  await withDir(async (dir) => {
    const paragraph = (i: number) => `<w:p><w:r><w:t>Vraag ${i}</w:t></w:r></w:p><w:p><w:r><w:t>Waarom is dat zo?</w:t></w:r></w:p>`;
    // 80,000 short paragraphs (1 MB of text, 240,000 elements): mammoth's objects took 430 MB before.
    writeFileSync(path.join(dir, 'alineas.docx'), makeRawDocx(Array.from({ length: 40000 }, (_, i) => paragraph(i + 1)).join('')));
    // 200,000 paragraphs inside each other: mammoth's recursive reader overflowed its stack.
    writeFileSync(path.join(dir, 'genest.docx'), makeRawDocx('<w:p>'.repeat(200000) + '</w:p>'.repeat(200000)));
    // 12,000 empty entries: not a zip bomb, just too many parts.
    writeFileSync(path.join(dir, 'onderdelen.docx'), makeRawDocx(paragraph(1), Array.from({ length: 12000 }, (_, i) => [`word/media/x${i}.xml`, ''] as [string, string])));
    const cases: [string, RegExp][] = [
      ['alineas.docx', /^antwoordbrief: alineas\.docx is te groot om als brief te lezen: de tekst bestaat uit meer dan 200\.000 onderdelen/],
      ['genest.docx', /^antwoordbrief: genest\.docx is dieper dan 100 lagen in elkaar genest/],
      ['onderdelen.docx', /^antwoordbrief: onderdelen\.docx bestaat uit meer dan 10\.000 onderdelen/],
    ];
    for (const [file, message] of cases) {
      for (const args of [['check', file], ['outline', file]]) {
        const r = run(args, dir, { rss: true });
        assert.equal(r.signal, null, `${args.join(' ')}: killed after ${r.ms} ms`);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, message, args.join(' '));
        assert.doesNotMatch(r.stderr, /zip-bom|is beschadigd of geen Word-bestand/);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        // Refused on the counts, before mammoth builds anything: the CLI's own size.
        assert.ok(r.rssMb !== null && r.rssMb < 200, `${args.join(' ')}: peak RSS ${r.rssMb} MB`);
      }
    }
    // Within the bounds (written last: `check` reads the letters beside the one it checks): 3,000
    // paragraphs of a long letter, nested 60 deep in content controls, read as text.
    const nest = (inner: string, n: number) => '<w:sdt><w:sdtContent>'.repeat(n) + inner + '</w:sdtContent></w:sdt>'.repeat(n);
    writeFileSync(path.join(dir, 'lang.docx'), makeRawDocx(nest(Array.from({ length: 1500 }, (_, i) => paragraph(i + 1)).join(''), 30)));
    const r = run(['outline', '--format', 'json', 'lang.docx'], dir);
    assert.equal(r.code, 0, r.stderr);
    const outline = JSON.parse(r.stdout);
    assert.equal(outline.source, 'docx');
    assert.equal(outline.questions.length, 1500);
  });
});

test('pdf: refs names the page of the reference a motion is linked through (a line of extracted text alone is hard to find)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-refs-'));
  try {
    const pdf = await makePdf([
      ['Vraag 1', 'Voert u de motie van het lid Van Zanten uit?', '', 'Antwoord 1', 'Ja, ik voer de motie van het lid Van Zanten uit.'],
      ['Vraag 2', 'Wanneer?', '', 'Antwoord 2', 'Zoals gevraagd in de motie van het lid Van Zanten (Kamerstuk 36 410 VIII, nr. 82) voor de zomer.'],
    ]);
    writeFileSync(path.join(dir, 'brief.pdf'), pdf);
    const r = run(['refs', '--format', 'json', 'brief.pdf'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [file] = JSON.parse(r.stdout);
    const linked = file.references.filter((e: any) => e.kind === 'motie' && e.via?.startsWith('latere verwijzing'));
    assert.ok(linked.length, JSON.stringify(file.references));
    for (const e of linked) {
      assert.match(e.via, /^latere verwijzing regel \d+, pagina 2$/);
      assert.equal(e.page, 1);
    }
    // Text (the default): the linked reference's page in the parentheses, the mention's page once after them.
    const t = run(['refs', 'brief.pdf'], dir);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /→ Kamerstuk 36 410 VIII, nr\. 82 \(latere verwijzing regel \d+, pagina 2\) {2}\(pagina 1\)\n/);
    // A mention linked through a citation on its own page names that page once, not twice.
    writeFileSync(path.join(dir, 'een.pdf'), await makePdf([
      ['Vraag 1', 'Voert u de motie van het lid Van Zanten uit?', '', 'Antwoord 1', 'Zoals gevraagd in de motie van het lid Van Zanten (Kamerstuk 36 410 VIII, nr. 82) voor de zomer.'],
    ]));
    const one = run(['refs', 'een.pdf'], dir);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /→ Kamerstuk 36 410 VIII, nr\. 82 \(latere verwijzing regel \d+\) {2}\(pagina 1\)\n/);
    assert.doesNotMatch(one.stdout, /pagina 1\) {2}\(pagina 1\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile: bombs in every PDF filter pdf.js decodes (LZW, RunLength, ASCII85, Flate under ASCIIHex) are refused within the decode bound', async () => {
  await withDir(async (dir) => {
    // Each content stream decodes to far more than the 64 MB a stream may take; the Flate one
    // hides behind ASCIIHex, where no zlib header shows. Unbounded, each costs pdf.js its output in memory.
    // Made one at a time, right before its run, so the test process stays small (see deflateZeros).
    const bombs: [string, () => Promise<Buffer> | Buffer][] = [
      ['lzw.pdf', () => makeFilteredPdf(lzwSpaces(512 * 1024 * 1024), '/LZWDecode')],
      ['runlength.pdf', () => makeFilteredPdf(runLengthSpaces(320 * 1024 * 1024), '/RunLengthDecode')],
      ['ascii85.pdf', () => makeFilteredPdf(ascii85Zeros(80 * 1024 * 1024), '/ASCII85Decode')],
      ['hexflate.pdf', async () => makeFilteredPdf(asciiHex(await deflateZeros(320 * 1024 * 1024, 0x20, true)), '[/ASCIIHexDecode /FlateDecode]')],
    ];
    for (const [name, make] of bombs) {
      writeFileSync(path.join(dir, name), await make());
      const r = run(['outline', name], dir, { rss: true });
      assert.equal(r.signal, null, `${name}: killed after ${r.ms} ms`);
      assert.equal(r.code, 2, `${name}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^antwoordbrief: ${name.replace('.', '\\.')} pakt uit tot meer dan 64 MB per onderdeel`), name);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.ok(r.rssMb !== null && r.rssMb < 400, `${name}: peak RSS ${r.rssMb} MB`);
    }
  });
});

test('word: a table between questions is one block with a line per row and keeps every cell; the skeleton checks clean', async () => {
  await withDir(async (dir) => {
    writeFileSync(
      path.join(dir, 'vragen.docx'),
      await makeDocx([
        { text: 'Vragen van het lid Kathmann (GroenLinks-PvdA) aan de staatssecretaris over het tekort aan jeugdzorgmedewerkers (ingezonden 12 maart 2025).' },
        { numbered: 'Hoeveel vacatures staan er open in de jeugdzorg?' },
        { numbered: 'Deelt u de mening dat de wachttijden onaanvaardbaar zijn?' },
        { table: [['Regio', 'Vacatures'], ['Noord', '120'], ['Zuid', '85']] },
        { numbered: 'Welke maatregelen neemt u?' },
      ]),
    );
    const q = json(run(['outline', '--format', 'json', 'vragen.docx'], dir));
    assert.deepEqual(q.questions.map((x: any) => x.id), ['1', '2', '3']);
    const skeleton = run(['skeleton', 'vragen.docx'], dir);
    assert.equal(skeleton.code, 0, skeleton.stderr);
    // No cell is lost: a lone "120" on its own line would be taken for a page number.
    for (const row of ['| Regio | Vacatures |', '| Noord | 120 |', '| Zuid | 85 |']) assert.ok(skeleton.stdout.includes(row), `${row} in\n${skeleton.stdout}`);
    assert.ok(skeleton.stdout.indexOf('| Noord | 120 |') < skeleton.stdout.indexOf('### Vraag 3'), 'the table stays before question 3');
    writeFileSync(path.join(dir, 'antwoord.md'), skeleton.stdout);
    const c = json(run(['check', '--format', 'json', 'antwoord.md'], dir));
    assert.deepEqual(c[0].diagnostics.filter((d: any) => PAIR_CODES.has(d.code)), []);
  });
});

test('answer term: compared with the answer letter\'s own date, not today; a sent date broken over two lines is read', async () => {
  await withDir(async (dir) => {
    // As the PDFs of Aanhangsel 1076 and 2129 break it: "(ingezonden 5 juni⏎2024)". Due 26 June 2024 (three weeks).
    writeFileSync(
      path.join(dir, 'vragen.md'),
      'Vragen van het lid Jansen (D66) aan de minister van Buitenlandse Zaken over ontwikkelingen in Jemen (ingezonden 5 juni\n2024).\n\nVraag 1\n\nKent u het bericht over Jemen?\n\nVraag 2\n\nWat gaat u doen?\n',
    );
    const letter = (date: string) => `<!-- vragen: ./vragen.md -->\n\nDen Haag, ${date}\n\nVraag 1\n\nKent u het bericht over Jemen?\n\nAntwoord 1\n\nJa.\n\nVraag 2\n\nWat gaat u doen?\n\nAntwoord 2\n\nPM\n`;
    const term = (file: string) => json(run(['check', '--format', 'json', file], dir))[0].diagnostics.filter((d: any) => d.code === 'answer-term-exceeded');
    writeFileSync(path.join(dir, 'op-tijd.md'), letter('20 juni 2024'));
    writeFileSync(path.join(dir, 'te-laat.md'), letter('1 juli 2024'));
    // Today (2025-03-10) is long past the term; the letter dated within it is not late.
    assert.deepEqual(term('op-tijd.md'), []);
    const late = term('te-laat.md');
    assert.equal(late.length, 1);
    assert.match(late[0].message, /ingezonden op 5 juni 2024 en het antwoord werd uiterlijk 26 juni 2024 verwacht \(de brief is gedateerd 1 juli 2024, 5 dagen later\)/);
    // Without a date of its own the letter is measured against today.
    writeFileSync(path.join(dir, 'zonder.md'), letter('').replace('Den Haag, \n\n', ''));
    assert.match(term('zonder.md')[0]?.message ?? '', /dagen geleden/);
  });
});

test('check: an answer that still holds a placeholder is open, and an open question makes the exit code 1', async () => {
  await withDir(async (dir) => {
    writeFileSync(path.join(dir, 'pm.md'), 'Vraag 1\n\nKent u het bericht?\n\nAntwoord 1\n\nJa.\n\nVraag 2\n\nWat gaat u doen?\n\nAntwoord 2\n\nPM\n');
    const r = run(['check', 'pm.md'], dir);
    assert.match(r.stdout, /pm\.md: 2 vragen, 1 beantwoord, 1 open/);
    assert.doesNotMatch(r.stdout, / error /, 'the placeholder is a warning');
    assert.equal(r.code, 1, r.stdout);
    writeFileSync(path.join(dir, 'klaar.md'), 'Vraag 1\n\nKent u het bericht?\n\nAntwoord 1\n\nJa.\n');
    assert.equal(run(['check', 'klaar.md'], dir).code, 0);
  });
});
