/**
 * Citations through the real language server (dist/server.js over JSON-RPC on stdio): hover,
 * definition, document links, references, completion, diagnostics and the canonical rewrite, on
 * real files in a temporary folder (the document's workspace).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, DocumentLink, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, applyEdits, positionOf, withClient, type LspClient, type StartOptions } from './lsp-client';
import { ANSWERED_MD } from './letters';

const FIXTURES = path.resolve(__dirname, '../fixtures/citations');

/** A folder with the fixture letters and a few papers, as a drafter's workspace. */
function workspace(): { dir: string; uri: (name: string) => string; text: (name: string) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-cit-'));
  for (const name of ['brief-pdf.txt', 'notitie.md', 'kst-32813-1201.md']) writeFileSync(path.join(dir, name), readFileSync(path.join(FIXTURES, name)));
  // A letter that cites the motion Omtzigt with its number: links the unlinked mention in brief-pdf.
  writeFileSync(
    path.join(dir, 'eerder.md'),
    'Eerder schreef het kabinet over de motie Omtzigt (Kamerstuk 26 643, nr. 1240) en over\nKamerstuk 26 643, nr. 1150.\n',
  );
  return { dir, uri: (name) => pathToFileURL(path.join(dir, name)).toString(), text: (name) => readFileSync(path.join(dir, name), 'utf8') };
}

async function withServer(fn: (c: LspClient, ws: ReturnType<typeof workspace>) => Promise<void>, options?: StartOptions) {
  const ws = workspace();
  try {
    await withClient((c) => fn(c, ws), options);
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

function value(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

test('hover on a reference: canonical form, identifier, offline facts, links', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('brief-pdf.txt');
    const text = ws.text('brief-pdf.txt');
    await c.open(uri, text, 'plaintext');
    const h = await c.hover(uri, positionOf(text, 'Kamerstukken II 2023/24, 36 410 XV', 3));
    const md = value(h);
    assert.match(md, /\*\*Kamerstukken II 2023\/24, 36 410 XV, nr\\\. 32\*\*/);
    assert.match(md, /Identificatie: kst\\-36410\\-XV\\-32/);
    assert.match(md, /Kamer: Tweede Kamer/);
    assert.match(md, /Vergaderjaar: 2023\\-2024/);
    assert.match(md, /\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-36410-XV-32\.html\)/);
    assert.match(md, /\(https:\/\/www\.tweedekamer\.nl\/zoeken\?qry=/);
    assert.deepEqual(h!.range!.start, positionOf(text, 'Kamerstukken II 2023/24, 36 410 XV'));
    // A list member hovers on its own paper.
    const h2 = value(await c.hover(uri, positionOf(text, '2003.')));
    assert.match(h2, /Kamerstuk 21 501\\-20, nr\\\. 2003/);
  }));

test('hover on a motion says how it was linked; plain-text clients get plain text', () =>
  withServer(
    async (c, ws) => {
      const uri = ws.uri('brief-pdf.txt');
      const text = ws.text('brief-pdf.txt');
      await c.open(uri, text, 'plaintext');
      const fn = value(await c.hover(uri, positionOf(text, 'motie van het lid', 2)));
      assert.equal((await c.hover(uri, positionOf(text, 'motie van het lid', 2)))!.contents && (await c.hover(uri, positionOf(text, 'motie van het lid', 2)) as any).contents.kind, 'plaintext');
      assert.match(fn, /Gekoppeld via voetnoot 2\./);
      assert.match(fn, /Kamerstukken II 2023\/24, 36 410 XV, nr\. 32/);
      assert.match(fn, /officielebekendmakingen\.nl: https:\/\/zoek\.officielebekendmakingen\.nl\/kst-36410-XV-32\.html/);
      const earlier = value(await c.hover(uri, positionOf(text, 'de motie Van der Werf', 8)));
      assert.match(earlier, /Gekoppeld via de eerdere verwijzing op regel 23\./);
      // The motion Omtzigt is cited with its number in another letter of the folder.
      const ws2 = value(await c.hover(uri, positionOf(text, 'de motie Omtzigt', 8)));
      assert.match(ws2, /Gekoppeld via de verwijzing in eerder\.md, regel 1\./);
      assert.match(ws2, /Kamerstuk 26 643, nr\. 1240/);
    },
    { capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } } } },
  ));

test('hover text from the document is escaped', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('escape.md');
    const text = 'Zie de brief1 hierover.\n\n1 Kamerstuk 30 821, nr. 72 [klik](javascript:alert(1)) *nadruk* <b>x</b>.\n';
    await c.open(uri, text);
    const md = value(await c.hover(uri, positionOf(text, 'brief1', 5)));
    assert.match(md, /\*\*Voetnoot 1\*\*/);
    assert.ok(!md.includes('[klik](javascript'), md);
    assert.ok(!md.includes('<b>'), md);
    assert.match(md, /\\\[klik\\\]\\\(javascript:alert\\\(1\\\)\\\)/);
  }));

test('definition: to the paper in the workspace, to the footnote, to the earlier citation', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('notitie.md');
    const text = ws.text('notitie.md');
    await c.open(uri, text);
    // The motion Bontenbal → its paper kst-32813-1201.md in the folder.
    const toPaper = (await c.definition(uri, positionOf(text, 'Bontenbal[^4]', 2))) as Location[];
    assert.deepEqual(toPaper.map((l) => l.uri), [ws.uri('kst-32813-1201.md')]);
    // The footnote citation itself → the same file.
    const fromNote = (await c.definition(uri, positionOf(text, 'Kamerstukken II 2022/23', 4))) as Location[];
    assert.deepEqual(fromNote.map((l) => l.uri), [ws.uri('kst-32813-1201.md')]);
    // A marker → its footnote.
    const toNote = (await c.definition(uri, positionOf(text, '[^4].', 1))) as Location[];
    assert.equal(toNote[0].uri, uri);
    assert.equal(toNote[0].range.start.line, positionOf(text, '[^4]:').line);

    const pdf = ws.uri('brief-pdf.txt');
    const pdfText = ws.text('brief-pdf.txt');
    await c.open(pdf, pdfText, 'plaintext');
    // No paper on disk: the motion goes to the footnote that carries its number…
    const viaNote = (await c.definition(pdf, positionOf(pdfText, 'motie van het lid', 2))) as Location[];
    assert.equal(viaNote[0].uri, pdf);
    assert.equal(viaNote[0].range.start.line, positionOf(pdfText, '2 Kamerstukken II').line);
    // …and a later mention to the earlier citation.
    const viaEarlier = (await c.definition(pdf, positionOf(pdfText, 'de motie Van der Werf', 8))) as Location[];
    assert.equal(viaEarlier[0].range.start.line, positionOf(pdfText, '2 Kamerstukken II').line);
    // A document whose own header identifies it is the paper: brief-pdf.txt is kst-36600-17.
    const cites = 'Zie Kamerstuk 36 600, nr. 17 voor de brief.\n';
    const other = ws.uri('verwijst.md');
    await c.open(other, cites);
    const toHeader = (await c.definition(other, positionOf(cites, 'Kamerstuk 36 600', 3))) as Location[];
    assert.deepEqual(toHeader.map((l) => l.uri), [pdf]);
  }));

test('document links, references across the workspace, completion of numbers', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('brief-pdf.txt');
    const text = ws.text('brief-pdf.txt');
    await c.open(uri, text, 'plaintext');
    const links = (await c.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } })) ?? [];
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://zoek.officielebekendmakingen.nl/kst-26643-1150.html'));
    assert.ok(targets.includes('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1875.html'));
    assert.ok(targets.some((t) => t?.startsWith('https://www.tweedekamer.nl/zoeken?qry=2025Z04567')));
    assert.equal(links.length, 16, 'every reference is a link');

    // Kamerstuk 26 643, nr. 1150 is cited in footnote 1 here and in eerder.md on disk.
    const refs = (await c.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionOf(text, '1 Kamerstuk 26 643', 5),
      context: { includeDeclaration: true },
    }))!;
    const where = refs.map((l) => [path.basename(l.uri), l.range.start.line]).sort();
    assert.deepEqual(where, [['brief-pdf.txt', positionOf(text, '1 Kamerstuk 26 643').line], ['eerder.md', 1]]);

    // Completion after "Kamerstuk 26 643, nr. " offers what the workspace cites of that dossier.
    const draft = ws.uri('concept.md');
    const draftText = 'Zie Kamerstuk 26 643, nr. 1';
    await c.open(draft, draftText);
    const res = await c.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri: draft },
      position: { line: 0, character: draftText.length },
    });
    const items = Array.isArray(res) ? res : res?.items ?? [];
    const labels = items.map((i) => i.label);
    for (const n of ['1101', '1150', '1188', '1199', '1240']) assert.ok(labels.includes(n), `${n} in ${labels.join(',')}`);
    assert.ok(!labels.includes('41'), 'numbers of other dossiers are not offered');
    const pick = items.find((i) => i.label === '1150')!;
    const edit = (pick as any).textEdit;
    assert.equal(applyEdits(draftText, [edit]), 'Zie Kamerstuk 26 643, nr. 1150');
  }));

test('diagnostics: unlinked motion; noncanonical citation (when switched on) with its rewrite', () =>
  withServer(
    async (c, ws) => {
      const uri = ws.uri('los.md');
      const text = 'Conform de motie Klaver wordt Kamerstuk 36 410 X nr. 46 uitgevoerd.\n';
      await c.open(uri, text);
      const diags = await c.diagnostics(uri, 1);
      const unlinked = diags.find((d) => d.code === 'unlinked-motion')!;
      assert.ok(unlinked, JSON.stringify(diags));
      assert.equal(unlinked.severity, 3);
      assert.match(unlinked.message, /^Bij de motie Klaver staat geen Kamerstuknummer/);
      const nc = diags.find((d) => d.code === 'noncanonical-citation')!;
      assert.ok(nc, 'switched on in the settings');
      const actions = (await c.codeActions(uri, nc.range, [nc])) ?? [];
      const fix = actions.find((a) => /officiële vorm/.test(a.title))!;
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      const edits = fix.edit!.changes![uri];
      assert.equal(applyEdits(text, edits), 'Conform de motie Klaver wordt Kamerstuk 36 410 X, nr. 46 uitgevoerd.\n');
    },
    { settings: { ernst: { 'noncanonical-citation': 'hint' } } },
  ));

test('noncanonical-citation is off by default', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('los.md');
    await c.open(uri, 'Zie Kamerstuk 36 410 X nr. 46.\n');
    const diags = await c.diagnostics(uri, 1);
    assert.deepEqual(diags.filter((d) => d.code === 'noncanonical-citation'), []);
  }));

test('completion of question ids after "vraag "', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('antwoorden.md');
    const text = ANSWERED_MD + '\nZie verder het antwoord op vraag 1';
    await c.open(uri, text);
    const end = positionOf(text, 'vraag 1', 7, text.split('vraag 1').length - 2);
    const res = await c.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: end });
    const items = Array.isArray(res) ? res : res?.items ?? [];
    assert.deepEqual(items.map((i) => i.label), ['1', '1a', '1b']);
    assert.match(items[1].detail ?? '', /^Hoeveel geld/);
  }));

test('completion after "vraag " leaves out the question being answered and puts answered questions first', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('concept.md');
    const text =
      '### Vraag 1\n\nHoeveel gemeenten zijn getroffen?\n\n### Antwoord 1\n\n[PM antwoord]\n\n' +
      '### Vraag 2\n\nWelke maatregelen neemt u?\n\n### Antwoord 2\n\nZie het antwoord op vraag \n\n' +
      '### Vraag 3\n\nWanneer informeert u de Kamer?\n\n### Antwoord 3\n\nVoor de zomer van 2027.\n';
    await c.open(uri, text);
    const at = async (offset: number) => {
      const lines = text.slice(0, offset).split('\n');
      const res = await c.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
        textDocument: { uri },
        position: { line: lines.length - 1, character: lines.at(-1)!.length },
      });
      const items = Array.isArray(res) ? res : res?.items ?? [];
      return items.sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? '')).map((i) => i.label);
    };
    // Under Antwoord 2: not 2 itself (a circular reference); 3 (answered) before 1 (a placeholder).
    assert.deepEqual(await at(text.indexOf('vraag \n') + 'vraag '.length), ['3', '1']);
  }));

test('hover on an ambiguous dash form and on a motion with conflicting evidence (issue 13)', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('twijfel.md');
    const text =
      'In de brief (36 123-45) staat het plan. De motie Bikker (Kamerstuk 36 410, nr. 7)[^3] is uitgevoerd.\n' +
      'Zie ook Kamerstuk 21 501-32-1740 en Kamerstuk 2022D55262.\n\n' +
      '[^3]: Kamerstuk 36 410, nr. 9.\n';
    await c.open(uri, text);
    const amb = value(await c.hover(uri, positionOf(text, '36 123-45', 2)));
    assert.match(amb, /\*\*kst\\-36123\\-45 of dossier 36 123\\-45\?\*\*/);
    assert.match(amb, /Niet zeker: dit is Kamerstuk 36 123, nr\\\. 45, of het dossier 36 123\\-45 zelf/);
    const compact = value(await c.hover(uri, positionOf(text, '21 501-32-1740', 3)));
    assert.match(compact, /Identificatie: kst\\-21501\\-32\\-1740/);
    assert.doesNotMatch(compact, /of dossier/);
    const doc = value(await c.hover(uri, positionOf(text, '2022D55262', 3)));
    assert.match(doc, /Soort: Documentnummer \\\(Tweede Kamer\\\)/);
    const m = value(await c.hover(uri, positionOf(text, 'motie Bikker', 3)));
    assert.match(m, /Niet zeker gekoppeld: de verwijzingen spreken elkaar tegen\\\. Mogelijk bedoeld: kst\\-36410\\-7 of kst\\-36410\\-9\\\./);
    assert.match(m, /\*\*Kamerstuk 36 410, nr\\\. 7\?\*\*/);
    assert.match(m, /\*\*Kamerstuk 36 410, nr\\\. 9\?\*\*/);
    assert.match(m, /Gevonden via de verwijzing direct na de vermelding\\\./);
    assert.match(m, /Gevonden via voetnoot 3\\\./);
    assert.doesNotMatch(m, /Gekoppeld via/);
    // Not linked as certain: no definition jumps to either paper, and the diagnostic says why.
    const diags = await c.diagnostics(uri, 1);
    const d = diags.find((x) => x.code === 'unlinked-motion');
    assert.ok(d, 'unlinked-motion on the conflicting mention');
    assert.match(d.message, /niet zeker welk Kamerstuk bedoeld is: Kamerstuk 36 410, nr\. 7 of Kamerstuk 36 410, nr\. 9/);
  }));

test('hover wording (issue 13, round 2): a dossier, one footnote naming two papers, a long range, a Handelingen item', () =>
  withServer(async (c, ws) => {
    const uri = ws.uri('woorden.md');
    const text =
      'Zie Kamerstukken 29 023 en het dossier (21 501-20). De motie van het lid Erkens[^7] is uitgevoerd.\n' +
      'Zie Kamerstuk 30 821, nrs. 1 t/m 400 en Handelingen II 2019/20, 96, item 7. De motie van het lid Podt-\nOvermars (Kamerstuk 36 200 XII, nr. 33).\n\n' +
      '[^7]: Kamerstuk 30 821, nr. 81 en Kamerstuk 24 095, nr. 487.\n';
    await c.open(uri, text);
    const dossier = value(await c.hover(uri, positionOf(text, '29 023', 2)));
    assert.match(dossier, /\*\*Dossier 29 023\*\*/);
    assert.doesNotMatch(dossier, /\*\*Kamerstuk/);
    assert.match(value(await c.hover(uri, positionOf(text, '21 501-20', 2))), /\*\*Dossier 21 501\\-20\*\*/);
    const two = value(await c.hover(uri, positionOf(text, 'lid Erkens', 5)));
    assert.match(two, /Niet zeker gekoppeld: voetnoot 7 noemt meer dan één Kamerstuk/);
    assert.doesNotMatch(two, /spreken elkaar tegen/);
    const range = value(await c.hover(uri, positionOf(text, '400', 1)));
    assert.match(range, /De reeks nrs\\\. 1 tot en met 400 is te lang/);
    const h = value(await c.hover(uri, positionOf(text, 'Handelingen II', 3)));
    assert.match(h, /Vergadering: 96/);
    assert.match(h, /Item: 7/);
    const amended = ws.uri('gewijzigd.md');
    const atext = 'De motie Bontenbal (Kamerstuk 32 813, nr. 1200) is gewijzigd. De gewijzigde motie Bontenbal (Kamerstuk 32 813, nr. 1215) is aangenomen. De motie Bontenbal wordt uitgevoerd.\n';
    await c.open(amended, atext);
    const last = value(await c.hover(amended, positionOf(atext, 'motie Bontenbal wordt', 3)));
    assert.match(last, /Niet zeker gekoppeld: de motie is ook gewijzigd; bedoeld is de oorspronkelijke of de gewijzigde motie/);
    assert.match(last, /De gewijzigde motie, gevonden via de eerdere verwijzing op regel 1/);
    const podt = value(await c.hover(uri, positionOf(text, 'lid Podt', 5)));
    assert.match(podt, /> de motie van het lid Podt\\-Overmars/i);
  }));
