import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, editsFor, positionOf, withClient } from './lsp-client';
import { cutQuestionLetter, HAS_SHARED, LETTER_000, LETTER_002 } from '../core/pairCorpus';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const PAIR_CODES = new Set(['question-missing', 'question-text-differs', 'question-order', 'question-extra', 'answer-term-exceeded']);
const pairOnly = (d: Diagnostic[]) => d.filter((x) => PAIR_CODES.has(String(x.code))).map((x) => String(x.code));

/** A temp folder with the given files; returns the folder and a URI maker. */
function workspace(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-pair-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, uri: (name: string) => pathToFileURL(path.join(dir, name)).toString(), done: () => rmSync(dir, { recursive: true, force: true }) };
}

function withServer(fn: (c: LspClient) => Promise<void>, today = '2025-03-30') {
  return withClient(fn, { env: { ...process.env, ANTWOORDBRIEF_TODAY: today } });
}

/** Replace the whole text (one full change) and return the diagnostics of that version. */
async function setText(c: LspClient, uri: string, text: string): Promise<Diagnostic[]> {
  const v = await c.change(uri, [{ text }]);
  return c.diagnostics(uri, v);
}

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

test('server: the answer letter is linked to its question letter, the status carries the term, a changed word is reported and fixed', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord-kamervragen.md');
      await c.open(uri, text);
      assert.deepEqual(pairOnly(await c.diagnostics(uri, 1)), []);
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === 1);
      assert.equal(status.questionLetter, 'kamervragen.md');
      assert.deepEqual(status.due, { date: '2025-04-02', daysLeft: 3 });

      const hover = await c.hover(uri, { line: 0, character: 3 });
      assert.match(JSON.stringify(hover), /Vragenbrief: kamervragen/);
      assert.match(JSON.stringify(hover), /2 april 2025/);
      const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(lenses.length, 1);
      assert.equal(lenses[0].command.title, 'Vragenbrief: kamervragen.md · uiterlijk 2 april 2025 — wijzigen');

      const changed = text.replace('Hoeveel gemeenten hebben in 2024', 'Hoeveel gemeenten hadden in 2024');
      const diags = await setText(c, uri, changed);
      assert.deepEqual(pairOnly(diags), ['question-text-differs']);
      const d = diags.find((x) => x.code === 'question-text-differs')!;
      assert.match(d.message, /„hadden” in plaats van „hebben”/);
      const actions = (await c.codeActions(uri, d.range, [d]))!;
      const fix = actions.find((a) => /Herstel de tekst van vraag 2/.test(a.title))!;
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      const fixed = applyEdits(changed, editsFor(fix.edit, uri));
      assert.equal(fixed.replace(/\s+/g, ' '), text.replace(/\s+/g, ' '));
      assert.deepEqual(pairOnly(await setText(c, uri, fixed)), []);
    } finally {
      ws.done();
    }
  }));

test('server: a dropped subquestion, a dropped question, a swap and an extra question each give exactly their finding', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord-kamervragen.md');
      await c.open(uri, text);
      await c.diagnostics(uri, 1);
      assert.deepEqual(pairOnly(await setText(c, uri, text.replace(' Kunt u dit aantal uitsplitsen naar oorzaak?', ''))), ['question-missing']);
      const dropped = text.slice(0, text.indexOf('### Vraag 4')) + text.slice(text.indexOf('### Vraag 5'));
      const dd = await setText(c, uri, dropped);
      assert.deepEqual(pairOnly(dd), ['question-missing']);
      const missing = dd.find((x) => x.code === 'question-missing')!;
      const insert = (await c.codeActions(uri, missing.range, [missing]))!.find((a) => /Voeg vraag 4 letterlijk toe/.test(a.title))!;
      const restored = applyEdits(dropped, editsFor(insert.edit, uri));
      assert.deepEqual(pairOnly(await setText(c, uri, restored)), []);
      const s2 = text.indexOf('### Vraag 2');
      const s3 = text.indexOf('### Vraag 3');
      const s4 = text.indexOf('### Vraag 4');
      assert.deepEqual(pairOnly(await setText(c, uri, text.slice(0, s2) + text.slice(s3, s4) + text.slice(s2, s3) + text.slice(s4))), ['question-order']);
      assert.deepEqual(pairOnly(await setText(c, uri, text.replace('Hoogachtend,', '### Vraag 6\n\nEn de provincies?\n\n### Antwoord 6\n\nNee.\n\nHoogachtend,'))), ['question-extra']);
    } finally {
      ws.done();
    }
  }));

test('server: rename Vraag 3 → 9 renumbers its headings and references only; definition and references cross the two letters', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord-kamervragen.md').replace('antwoord op vraag 4', 'antwoord op vraag 3');
      await c.open(uri, text);
      await c.diagnostics(uri, 1);
      const at = positionOf(text, '### Vraag 3', 10);
      const prep = await c.request('textDocument/prepareRename', { textDocument: { uri }, position: at });
      assert.equal(prep.placeholder, '3');
      const edit: WorkspaceEdit = await c.request('textDocument/rename', { textDocument: { uri }, position: at, newName: '9' });
      const renamed = applyEdits(text, editsFor(edit, uri));
      assert.equal(renamed, text.replace('### Vraag 3', '### Vraag 9').replace('### Antwoord 3', '### Antwoord 9').replace('antwoord op vraag 3', 'antwoord op vraag 9'));
      await assert.rejects(c.request('textDocument/rename', { textDocument: { uri }, position: at, newName: '4' }), (e: any) => e.code === -32803 && /Vraag 4 bestaat al/.test(e.message));
      assert.equal(await c.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(text, 'Geachte') }), null);

      const def = (await c.definition(uri, positionOf(text, '### Vraag 4', 5))) as Location[];
      assert.equal(def.length, 1);
      assert.equal(def[0].uri, ws.uri('kamervragen.md'));
      assert.equal(def[0].range.start.line, fixture('kamervragen.md').split('\n').findIndex((l) => l.startsWith('4.')));

      const qUri = ws.uri('kamervragen.md');
      const qText = fixture('kamervragen.md');
      await c.open(qUri, qText);
      await c.diagnostics(qUri, 1);
      const refs = (await c.request('textDocument/references', { textDocument: { uri: qUri }, position: positionOf(qText, 'Welke ondersteuning'), context: { includeDeclaration: false } })) as Location[];
      assert.deepEqual(refs.filter((r) => r.uri === uri).map((r) => r.range.start.line), [text.split('\n').indexOf('### Vraag 4')]);
    } finally {
      ws.done();
    }
  }));

test('server: an edit of the open question letter re-checks the answer letter that uses it', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      const qUri = ws.uri('kamervragen.md');
      await c.open(qUri, fixture('kamervragen.md'));
      await c.open(uri, fixture('antwoord-kamervragen.md'));
      assert.deepEqual(pairOnly(await c.diagnostics(uri, 1)), []);
      const before = c.published.length;
      await c.change(qUri, [{ text: fixture('kamervragen.md').replace('Bent u bereid de Kamer', 'Bent u genegen de Kamer') }]);
      const p = await c.publicationAfter(uri, before);
      assert.deepEqual(pairOnly(p.diagnostics), ['question-text-differs']);
    } finally {
      ws.done();
    }
  }));

test('server: without a named question letter, the inbreng in the same folder is found because the answer letter quotes it; the skeleton request builds a clean answer letter', () =>
  withServer(async (c) => {
    const ws = workspace({ 'inbreng.md': fixture('inbreng.md'), 'notitie.md': 'Een notitie zonder vragen.\n' });
    try {
      const qUri = ws.uri('inbreng.md');
      const sk = await c.request('antwoordbrief/skeleton', { uri: qUri });
      assert.equal(sk.questionCount, 5);
      assert.match(sk.markdown, /^<!-- vragen: \.\/inbreng\.md -->/);
      // The client puts the cursor where the drafter writes first: the blank line under the first answer heading.
      const skLines = (sk.markdown as string).split('\n');
      assert.match(skLines[sk.cursor.line - 1], /^### Antwoord 1$/);
      assert.deepEqual([skLines[sk.cursor.line], sk.cursor.character], ['', 0]);
      // Without the link comment, discovery finds the inbreng.
      const body = sk.markdown.replace(/^<!--.*-->\n\n/, '');
      const uri = ws.uri('antwoord.md');
      await c.open(uri, body);
      // Unfinished and past the term (3 March 2025): only the uitstelbericht advice.
      assert.deepEqual(pairOnly(await c.diagnostics(uri, 1)), ['answer-term-exceeded']);
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri);
      assert.equal(status.questionLetter, 'inbreng.md');
      assert.deepEqual(status.due, { date: '2025-03-03', daysLeft: -27 });
      const hover = await c.hover(uri, { line: 0, character: 1 });
      assert.match(JSON.stringify(hover), /automatisch gevonden/);
    } finally {
      ws.done();
    }
  }, '2025-03-30'));

test('server: "Vragenbrief — wijzigen" asks which question letter and writes the link comment', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md'), 'inbreng.md': fixture('inbreng.md') });
    try {
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord-kamervragen.md');
      await c.open(uri, text);
      await c.diagnostics(uri, 1);
      let asked: string[] = [];
      let applied: WorkspaceEdit | undefined;
      c.connection.onRequest('window/showMessageRequest', (p: any) => {
        asked = p.actions.map((a: any) => a.title);
        return p.actions.find((a: any) => a.title === './inbreng.md');
      });
      c.connection.onRequest('workspace/applyEdit', (p: any) => {
        applied = p.edit;
        return { applied: true };
      });
      await c.request('workspace/executeCommand', { command: 'antwoordbrief.kiesVragenbrief', arguments: [uri] });
      // Best match first: the answer letter quotes kamervragen.md.
      assert.deepEqual(asked, ['./kamervragen.md', './inbreng.md']);
      const out = applyEdits(text, editsFor(applied, uri));
      assert.match(out, /^<!-- vragen: \.\/inbreng\.md -->/);
      const v = await c.change(uri, [{ text: out }]);
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === v);
      assert.equal(status.questionLetter, 'inbreng.md');
      const codes = pairOnly(await c.diagnostics(uri, v));
      assert.ok(codes.includes('question-missing') && codes.includes('question-extra'), JSON.stringify(codes));
    } finally {
      ws.done();
    }
  }));

test('server: 000 PvdD questions cut out at test time — skeleton clean; word, subquestion, swap give their finding; rename edits', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  return withServer(async (c) => {
    const ws = workspace({ 'inbreng-pvdd.md': cutQuestionLetter(LETTER_000, { sections: ['Partij voor de Dieren-fractie'], headings: true }) });
    try {
      const sk = (await c.request('antwoordbrief/skeleton', { uri: ws.uri('inbreng-pvdd.md') })).markdown as string;
      const uri = ws.uri('antwoord.md');
      await c.open(uri, sk);
      assert.deepEqual(pairOnly(await c.diagnostics(uri, 1)), []);
      assert.deepEqual(pairOnly(await setText(c, uri, sk.replace('Welke maatregelen zijn of worden', 'Welke stappen zijn of worden'))), ['question-text-differs']);
      assert.deepEqual(pairOnly(await setText(c, uri, sk.replace(' Zo ja, welke voorstellen daartoe worden ontwikkeld?', ''))), ['question-missing']);
      const a = sk.indexOf('### Vraag 2a');
      const b = sk.indexOf('### Vraag 2b');
      const e = sk.indexOf('### Vraag 3');
      assert.deepEqual(pairOnly(await setText(c, uri, sk.slice(0, a) + sk.slice(b, e) + sk.slice(a, b) + sk.slice(e))), ['question-order']);
      await setText(c, uri, sk);
      const edit: WorkspaceEdit = await c.request('textDocument/rename', { textDocument: { uri }, position: positionOf(sk, '### Vraag 3', 10), newName: '4' });
      assert.equal(applyEdits(sk, editsFor(edit, uri)), sk.replace('### Vraag 3', '### Vraag 4').replace('### Antwoord 3', '### Antwoord 4'));
    } finally {
      ws.done();
    }
  });
});

test('server: 002 verslag is clean against its cut-out inbreng; rename 50 → 72 moves every reference to it', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  return withServer(async (c) => {
    const verslag = readFileSync(LETTER_002, 'utf8');
    const ws = workspace({ 'inbreng.md': cutQuestionLetter(LETTER_002, { headings: false }) });
    try {
      const uri = ws.uri('verslag.txt');
      await c.open(uri, `<!-- vragen: ./inbreng.md -->\n${verslag}`, 'plaintext');
      const text = c.text(uri)!;
      assert.deepEqual(pairOnly(await c.diagnostics(uri, 1)), []);
      const at = positionOf(text, '50. Antwoord van het kabinet', 0);
      const edit: WorkspaceEdit = await c.request('textDocument/rename', { textDocument: { uri }, position: at, newName: '72' });
      const edits = editsFor(edit, uri);
      const out = applyEdits(text, edits);
      assert.ok(out.includes('72. Antwoord van het kabinet'));
      assert.ok(!/antwoord op vraag 50\b/.test(out));
      assert.equal((out.match(/antwoord op vraag 72\b/g) ?? []).length, (text.match(/antwoord op vraag 50\b/g) ?? []).length);
      assert.equal(edits.length, 1 + (text.match(/antwoord op vraag 50\b/g) ?? []).length);
      assert.deepEqual(pairOnly(await setText(c, uri, out)), []);
    } finally {
      ws.done();
    }
  });
});

test('server: the setting antwoordbrief.vragenbrief names the question letter; the renumber action follows a rename', () =>
  withServer(async (c) => {
    const ws = workspace({ 'vragen/kamervragen.md': fixture('kamervragen.md') });
    try {
      c.settings = { vragenbrief: path.join(ws.dir, 'vragen/kamervragen.md') };
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord-kamervragen.md').replace(/^<!--.*-->\n/, '');
      await c.open(uri, text);
      assert.deepEqual(pairOnly(await c.diagnostics(uri, 1)), []);
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === 1);
      assert.equal(status.questionLetter, 'kamervragen.md');
      const hover = await c.hover(uri, { line: 0, character: 1 });
      assert.match(JSON.stringify(hover), /ingesteld met antwoordbrief/);

      // A new question inserted as Vraag 3: the action on its heading renumbers the rest.
      const inserted = text.replace('### Vraag 3', '### Vraag 3\n\nIs er een nieuwe vraag?\n\n### Antwoord 3\n\nJa.\n\n### Vraag 3');
      await setText(c, uri, inserted);
      const at = positionOf(inserted, '### Vraag 3', 10);
      const actions = (await c.codeActions(uri, { start: at, end: at }))!;
      const renumber = actions.find((a) => a.title === 'Nummer de vragen na vraag 3 door')!;
      assert.ok(renumber, JSON.stringify(actions.map((a) => a.title)));
      const out = applyEdits(inserted, editsFor(renumber.edit, uri));
      assert.deepEqual(out.match(/^### Vraag \d+$/gm), ['### Vraag 1', '### Vraag 2', '### Vraag 3', '### Vraag 4', '### Vraag 5', '### Vraag 6']);
      assert.match(out, /Zie ook het antwoord op vraag 5\./);
    } finally {
      ws.done();
    }
  }));

// Issue 11: the lens that offers to link a question letter stands only on an answer letter whose
// questions come from elsewhere.
const DRAFT_ANSWER = `Beantwoording Kamervragen over de wachtlijsten in de jeugdzorg

## Vraag 1

Hoe lang zijn de wachtlijsten in de jeugdzorg nu?

## Antwoord 1

Gemiddeld elf weken.

## Vraag 2

Welke maatregelen neemt u om de wachtlijsten te verkorten?

## Antwoord 2

Er komen meer plaatsen bij.
`;

const OWN_VERSLAG = `Verslag van een schriftelijk overleg

Binnen de vaste commissie voor Volksgezondheid hebben de onderstaande fracties de behoefte vragen en opmerkingen voor te leggen aan de staatssecretaris over de jeugdzorg.
De vragen en opmerkingen zijn met de door de staatssecretaris bij brief van 3 maart toegezonden antwoorden hieronder afgedrukt.

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie vragen hoe lang de wachtlijsten in de jeugdzorg nu zijn.

1. Antwoord van het kabinet

Gemiddeld elf weken.
`;

const AANHANGSEL = `Tweede Kamer der Staten-Generaal
Vergaderjaar 2031–2032
Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden
123 Vragen van het lid De Vries (XYZ) aan de Staatssecretaris over de jeugdzorg (ingezonden 1 maart 2032).
Antwoord van Staatssecretaris Jansen (ontvangen 20 maart 2032).

Vraag 1
Hoe lang zijn de wachtlijsten in de jeugdzorg nu?

Antwoord 1
Gemiddeld elf weken.
`;

test('server: "Geen vragenbrief gekoppeld — kiezen" only on an answer letter whose questions come from elsewhere', () =>
  withServer(async (c) => {
    const ws = workspace({ 'notities.txt': 'Geen brief.\n' });
    try {
      const lensTitles = async (name: string, text: string) => {
        const uri = ws.uri(name);
        await c.open(uri, text, name.endsWith('.md') ? 'markdown' : 'plaintext');
        await c.diagnostics(uri, 1);
        const lenses = (await c.request('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[];
        return lenses.map((l) => l.command.title);
      };
      assert.deepEqual(await lensTitles('antwoord.md', DRAFT_ANSWER), ['Geen vragenbrief gekoppeld — kiezen']);
      assert.deepEqual(await lensTitles('verslag.txt', OWN_VERSLAG), []);
      // A nader schriftelijk overleg is as self-contained, also without the "hieronder afgedrukt" formula.
      const nader = OWN_VERSLAG.replace('Verslag van een schriftelijk overleg', 'Verslag van een nader schriftelijk overleg').replace(/^De vragen en opmerkingen zijn .*$/mu, '');
      assert.deepEqual(await lensTitles('nader-verslag.txt', nader), []);
      assert.deepEqual(await lensTitles('aanhangsel.txt', AANHANGSEL), []);
      // The hover on the first line says nothing about a question letter there either.
      assert.doesNotMatch(JSON.stringify(await c.hover(ws.uri('aanhangsel.txt'), { line: 0, character: 3 })), /Geen vragenbrief/);
      assert.match(JSON.stringify(await c.hover(ws.uri('antwoord.md'), { line: 0, character: 3 })), /Geen vragenbrief gekoppeld/);
    } finally {
      ws.done();
    }
  }));

test('corpus: no question-letter lens on the published Aanhangsel answers and the verslag 002; one on the answer letter 000', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  return withServer(async (c) => {
    const titles: Record<string, string[]> = {};
    for (const file of [LETTER_000, LETTER_002, path.join(path.dirname(LETTER_000), 'ah-tk-20232024-2129.txt')]) {
      const uri = pathToFileURL(file).toString();
      await c.open(uri, readFileSync(file, 'utf8'), 'plaintext');
      await c.diagnostics(uri, 1);
      titles[path.basename(file)] = ((await c.request('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[]).map((l) => l.command.title);
    }
    assert.deepEqual(titles['ah-tk-20232024-2129.txt'], []);
    assert.deepEqual(titles['002_6751bf33f558afb4.txt'], []);
    assert.equal(titles['000_d3bc5dac7f923b81.txt'].length, 1);
  });
});
