// Issue 11 (editor features after the new-user trial), over the real LSP connection: the
// skeleton of an answer letter, an untitled skeleton at a path that links to its question letter,
// the question-letter candidates and the link with its mismatch warning, the commitments
// register, quick fixes for a dangling reference and a placeholder, completion of motions,
// Kamerstukken and the next question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, applyEdits, editsFor, positionOf, withClient, type LspClient } from './lsp-client';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function workspace(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-11-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, uri: (name: string) => pathToFileURL(path.join(dir, name)).toString(), done: () => rmSync(dir, { recursive: true, force: true }) };
}

const CAPS = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } },
};

function withServer(fn: (c: LspClient) => Promise<void>, extra: Parameters<typeof withClient>[1] = {}) {
  return withClient(fn, { env: { ...process.env, ANTWOORDBRIEF_TODAY: '2025-03-30' }, capabilities: CAPS, ...extra });
}

/** Another question letter: other member, other date, other questions. */
const OTHER = `Vragen van het lid Bakker (SP) aan de minister van Volksgezondheid over wachtlijsten in de jeugdzorg (ingezonden 2 januari 2025)

1. Hoe lang zijn de wachtlijsten in de jeugdzorg op dit moment?

2. Welke maatregelen neemt u om die wachtlijsten te verkorten?
`;

const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : r?.items ?? []);

test('server: the skeleton of an answer letter is its linked question letter\'s; without a link the server refuses in Dutch', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      await c.open(uri, fixture('antwoord-kamervragen.md'));
      await c.diagnostics(uri, 1);
      const sk = await c.request('antwoordbrief/skeleton', { uri, text: fixture('antwoord-kamervragen.md') });
      assert.equal(sk.questionCount, 5);
      assert.equal(sk.questionLetterUri, ws.uri('kamervragen.md'));
      assert.match(sk.markdown, /^<!-- vragen: \.\/kamervragen\.md -->/);
      assert.doesNotMatch(sk.markdown, /antwoord\.md/);
      assert.match(sk.markdown, /Hoeveel gemeenten hebben in 2024/);

      // The same answer letter alone (no link, no question letter in its folder): refused, no skeleton of itself.
      const alone = workspace({});
      try {
        const lone = alone.uri('antwoord.md');
        const text = fixture('antwoord-kamervragen.md').replace(/^<!--.*-->\n/, '');
        await c.open(lone, text);
        await c.diagnostics(lone, 1);
        const r = await c.request('antwoordbrief/skeleton', { uri: lone, text });
        assert.equal(r.questionCount, 0);
        assert.equal(r.markdown, '');
        assert.match(r.refusal, /antwoordbrief .*zonder gekoppelde vragenbrief/);
      } finally {
        alone.done();
      }
    } finally {
      ws.done();
    }
  }));

test('server: an untitled skeleton at a path beside its question letter is linked by its own vragen: comment', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md') });
    try {
      const sk = await c.request('antwoordbrief/skeleton', { uri: ws.uri('kamervragen.md') });
      const untitled = pathToFileURL(path.join(ws.dir, 'kamervragen-antwoord.md')).toString().replace(/^file:/, 'untitled:');
      await c.open(untitled, sk.markdown);
      await c.diagnostics(untitled, 1);
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === untitled);
      assert.equal(status.questionLetter, 'kamervragen.md');
      const lenses = await c.request('textDocument/codeLens', { textDocument: { uri: untitled } });
      assert.match(lenses[0].command.title, /^Vragenbrief: kamervragen\.md/);
    } finally {
      ws.done();
    }
  }));

test('server: question-letter candidates are ranked by match with a Dutch detail; a letter that does not match is linked only when forced', () =>
  withServer(async (c) => {
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md'), 'vragen-bakker.md': OTHER, 'notitie.md': 'Een notitie zonder vragen.\n' });
    try {
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord-kamervragen.md').replace(/^<!--.*-->\n/, '');
      await c.open(uri, text);
      await c.diagnostics(uri, 1);
      const cands = await c.request('antwoordbrief/questionLetterCandidates', { uri });
      assert.deepEqual(cands.map((x: any) => x.ref), ['./kamervragen.md', './vragen-bakker.md']);
      assert.ok(cands[0].score > cands[1].score, JSON.stringify(cands));
      assert.match(cands[0].detail, /^5 vragen · lid Verhoeven \(GroenLinks-PvdA\) · ingezonden 12 maart 2025 · komt overeen: 5 van 5 vragen letterlijk, leden, datum/);
      assert.match(cands[1].detail, /geen overeenkomst/);

      let applied: WorkspaceEdit | undefined;
      c.connection.onRequest('workspace/applyEdit', (p: any) => {
        applied = p.edit;
        return { applied: true };
      });
      const refused = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: ws.uri('vragen-bakker.md') });
      assert.equal(refused.linked, false);
      assert.match(refused.warning, /vragen-bakker\.md \(Bakker \(SP\), ingezonden 2 januari 2025\) lijkt niet bij deze antwoordbrief te horen/);
      assert.equal(applied, undefined);
      const forced = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: ws.uri('vragen-bakker.md'), force: true });
      assert.equal(forced.linked, true);
      assert.match(applyEdits(text, editsFor(applied, uri)), /^<!-- vragen: \.\/vragen-bakker\.md -->\n/);

      applied = undefined;
      const good = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: ws.uri('kamervragen.md') });
      assert.deepEqual(good, { linked: true });
      assert.match(applyEdits(text, editsFor(applied, uri)), /^<!-- vragen: \.\/kamervragen\.md -->\n/);
      const self = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: uri });
      assert.match(self.error, /eigen vragenbrief/);
      // A folder is no letter: one Dutch line, nothing linked.
      applied = undefined;
      const folder = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: pathToFileURL(ws.dir).toString() });
      assert.match(folder.error, /^Kan de vragenbrief niet lezen: /);
      assert.equal(applied, undefined);
      const notFile = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: 'https://example.org/vragen.md' });
      assert.match(notFile.error, /geen bestand/);
      // A PDF not read yet is linked as it is (its text follows in the background).
      writeFileSync(path.join(ws.dir, 'vragen.pdf'), '%PDF-1.4 geen echte pdf');
      const pdf = await c.request('antwoordbrief/linkQuestionLetter', { uri, target: ws.uri('vragen.pdf') });
      assert.deepEqual(pdf, { linked: true });
      assert.match(applyEdits(text, editsFor(applied, uri)), /^<!-- vragen: \.\/vragen\.pdf -->\n/);
    } finally {
      ws.done();
    }
  }));

test('server: the question-letter candidates list a Word or PDF letter of the folder before it was ever read, without reading it', () =>
  withServer(async (c) => {
    // Not real Word or PDF files: listing them must not read them (they are read when chosen).
    const ws = workspace({ 'kamervragen.md': fixture('kamervragen.md'), 'vragen-auto.docx': 'geen echt Word-bestand', 'vragen-scan.pdf': '%PDF-1.4 geen echte pdf' });
    try {
      const uri = ws.uri('antwoord.md');
      await c.open(uri, fixture('antwoord-kamervragen.md').replace(/^<!--.*-->\n/, ''));
      await c.diagnostics(uri, 1);
      const cands = await c.request('antwoordbrief/questionLetterCandidates', { uri });
      assert.deepEqual(cands.map((x: any) => x.ref), ['./kamervragen.md', './vragen-auto.docx', './vragen-scan.pdf']);
      for (const unread of cands.slice(1)) assert.deepEqual([unread.detail, unread.score], ['PDF/Word, wordt gelezen bij kiezen', 0]);
      assert.match(cands[0].detail, /komt overeen: 5 van 5 vragen letterlijk/);
    } finally {
      ws.done();
    }
  }));

test('server: the commitments request lists each commitment with its Dutch due date and position', () =>
  withServer(async (c) => {
    const ws = workspace({});
    try {
      const uri = ws.uri('brief.md');
      const text = 'Den Haag, 3 februari 2025\n\nVraag 1\n\nWanneer komt de evaluatie?\n\nAntwoord 1\n\nIk zal uw Kamer voor de zomer informeren over de evaluatie.\n';
      await c.open(uri, text);
      await c.diagnostics(uri, 1);
      const r = await c.request('antwoordbrief/commitments', { uri });
      assert.equal(r.letterDate, '2025-02-03');
      assert.equal(r.letterDateText, '3 februari 2025');
      assert.equal(r.letterDateFrom, 'uit de brief');
      assert.equal(r.items.length, 1);
      assert.match(r.items[0].text, /^Ik zal uw Kamer voor de zomer informeren/);
      assert.match(r.items[0].due, /^uiterlijk .* 2025 \(voor de zomer\)$/);
      assert.deepEqual(r.items[0].range.start, positionOf(text, 'Ik zal'));
    } finally {
      ws.done();
    }
  }));

test('server: a dangling "antwoord op vraag 9" offers the nearest answered questions (never the PM one) and removing the sentence; a placeholder can be selected', () =>
  withServer(
    async (c) => {
      const ws = workspace({});
      try {
        const uri = ws.uri('brief.md');
        const text = [
          '## Vraag 1', '', 'Wat kost het?', '', '## Antwoord 1', '', 'Twee miljoen euro.', '',
          '## Vraag 2', '', 'Wie betaalt het?', '', '## Antwoord 2', '', 'Het Rijk betaalt. Zie het antwoord op vraag 9. Meer is er niet.', '',
          '## Vraag 3', '', 'Wanneer begint het?', '', '## Antwoord 3', '', 'PM', '',
          '## Vraag 4', '', 'Waar?', '', '## Antwoord 4', '', 'In Utrecht.', '',
        ].join('\n');
        await c.open(uri, text);
        const diags = await c.diagnostics(uri, 1);
        const dangling = diags.find((d: Diagnostic) => d.code === 'dangling-answer-reference')!;
        assert.ok(dangling, JSON.stringify(diags.map((d) => d.code)));
        const actions = (await c.codeActions(uri, dangling.range, [dangling]))!;
        const titles = actions.map((a) => a.title);
        // Question 3 holds only "PM": a reference to it would be reference-to-unanswered.
        assert.deepEqual(titles, ['Verwijs naar vraag 4 in plaats van vraag 9', 'Verwijs naar vraag 1 in plaats van vraag 9', 'Verwijder de verwijzing naar vraag 9']);
        const to4 = applyEdits(text, editsFor(actions[0].edit, uri));
        assert.match(to4, /Zie het antwoord op vraag 4\./);
        const v4 = await c.change(uri, [{ text: to4 }]);
        const after4 = await c.diagnostics(uri, v4);
        assert.ok(!after4.some((d) => d.code === 'dangling-answer-reference' || d.code === 'reference-to-unanswered'), JSON.stringify(after4.map((d) => d.code)));
        const removed = applyEdits(text, editsFor(actions[2].edit, uri));
        assert.match(removed, /Het Rijk betaalt\. Meer is er niet\./);
        const v = await c.change(uri, [{ text: removed }]);
        assert.ok(!(await c.diagnostics(uri, v)).some((d) => d.code === 'dangling-answer-reference'));

        const placeholder = (await c.diagnostics(uri, v)).find((d) => d.code === 'placeholder-in-answer')!;
        assert.ok(placeholder);
        const pa = (await c.codeActions(uri, placeholder.range, [placeholder]))!;
        const select = pa.find((a) => /Selecteer de placeholder/.test(a.title))!;
        assert.ok(select, JSON.stringify(pa.map((a) => a.title)));
        assert.equal(select.edit, undefined);
        assert.equal(select.command?.command, 'antwoordbrief.selecteerBereik');
        assert.deepEqual(select.command?.arguments, [uri, placeholder.range]);
      } finally {
        ws.done();
      }
    },
    { initializationOptions: { clientCommands: ['antwoordbrief.selecteerBereik'] } },
  ));

test('server: without the client\'s select command the placeholder gets no do-nothing fix', () =>
  withServer(async (c) => {
    const ws = workspace({});
    try {
      const uri = ws.uri('brief.md');
      const text = '## Vraag 1\n\nWat kost het?\n\n## Antwoord 1\n\nPM\n';
      await c.open(uri, text);
      const d = (await c.diagnostics(uri, 1)).find((x) => x.code === 'placeholder-in-answer')!;
      assert.ok(d);
      const actions = (await c.codeActions(uri, d.range, [d])) ?? [];
      assert.ok(!actions.some((a) => /Selecteer/.test(a.title)), JSON.stringify(actions));
    } finally {
      ws.done();
    }
  }));

test('server: completion after "de motie ", "motie-" and "Kamerstuk " offers what this letter and its neighbours cite; at a line start the next question', () =>
  withServer(async (c) => {
    const question = [
      'Vragen van het lid Erkens (VVD) aan de minister over cyberveiligheid (ingezonden 3 maart 2025)',
      '',
      '1. Hoe voert u de motie Erkens (Kamerstuk 36 410 X, nr. 46) uit?',
      '',
      '2. Kent u de motie Kathmann c.s. (Kamerstukken II 2023/24, 26 643, nr. 1317)?',
      '',
    ].join('\n');
    const ws = workspace({ 'vragen.md': question });
    try {
      const uri = ws.uri('antwoord.md');
      const text = ['<!-- vragen: ./vragen.md -->', '', '## Vraag 1', '', 'Hoe?', '', '## Antwoord 1', '', 'Met de motie Dassen (Kamerstuk 21 501-20, nr. 2198) en de motie ', ''].join('\n');
      await c.open(uri, text);
      await c.diagnostics(uri, 1);
      const at = positionOf(text, 'en de motie ', 'en de motie '.length);
      const motions = items(await c.request('textDocument/completion', { textDocument: { uri }, position: at }));
      const labels = motions.map((i) => i.label);
      assert.ok(labels.includes('Dassen') && labels.includes('Erkens') && labels.includes('Kathmann'), JSON.stringify(labels));
      const erkens = motions.find((i) => i.label === 'Erkens')!;
      assert.match(erkens.detail!, /Kamerstukken II, 36 410 X, nr\. 46|36 410 X, nr\. 46/);
      assert.match(erkens.detail!, /genoemd in een andere brief/);

      // "motie-K" filters by signer.
      const hyphen = text.replace('en de motie \n', 'en de motie-K\n');
      let v = await c.change(uri, [{ text: hyphen }]);
      await c.diagnostics(uri, v);
      const k = items(await c.request('textDocument/completion', { textDocument: { uri }, position: positionOf(hyphen, 'motie-K', 7) }));
      assert.deepEqual(k.map((i) => i.label), ['Kathmann']);
      assert.deepEqual(k[0].textEdit && 'range' in k[0].textEdit ? k[0].textEdit.newText : null, 'Kathmann');

      // "(Kamerstuk " offers whole citations of this letter and the question letter.
      const kst = text.replace('en de motie \n', 'en (Kamerstuk \n');
      v = await c.change(uri, [{ text: kst }]);
      await c.diagnostics(uri, v);
      const papers = items(await c.request('textDocument/completion', { textDocument: { uri }, position: positionOf(kst, '(Kamerstuk ', 11, 1) }));
      const canon = papers.map((i) => i.label);
      assert.ok(canon.some((l) => /21 501-20, nr\. 2198/.test(l)) && canon.some((l) => /36 410 X, nr\. 46/.test(l)) && canon.some((l) => /26 643, nr\. 1317/.test(l)), JSON.stringify(canon));
      const edit = papers[0].textEdit as { range: { start: { character: number } }; newText: string };
      assert.equal(edit.range.start.character, kst.split('\n')[8].lastIndexOf('Kamerstuk '));
      assert.match(edit.newText, /^Kamerstuk(?:ken)? /);

      // At the start of a new line after answer 1: "## Vraag 2" with its answer heading, as a snippet.
      const next = text.replace('en de motie \n', 'en de motie Dassen.\n\n## V');
      v = await c.change(uri, [{ text: next }]);
      await c.diagnostics(uri, v);
      const end = positionOf(next, '## V', 4);
      const q = items(await c.request('textDocument/completion', { textDocument: { uri }, position: end }));
      assert.equal(q.length, 1, JSON.stringify(q));
      assert.equal(q[0].label, '## Vraag 2');
      assert.equal(q[0].insertTextFormat, 2);
      assert.match((q[0].textEdit as { newText: string }).newText, /^## Vraag 2\n\n\$\{1:Tekst van de vraag\?\}\n\n## Antwoord 2\n/);
      assert.deepEqual((q[0].textEdit as { range: unknown }).range, { start: { line: end.line, character: 0 }, end });
      // In prose no such item.
      const prose = items(await c.request('textDocument/completion', { textDocument: { uri }, position: positionOf(next, 'Met de', 3) }));
      assert.ok(!prose.some((i) => /Vraag/.test(String(i.label))));
    } finally {
      ws.done();
    }
  }));
