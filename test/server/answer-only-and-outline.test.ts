// Issue 11, second new-user trial, over the real LSP connection and the CLI: a question of the
// question letter the draft leaves out stands in the outline (and is reported once, not also as
// a numbering gap); an answer-only draft ("Antwoord N" headings, its questions in the question
// letter beside it) is paired and counted against that letter; the quick fix of a reference to a
// question that does not exist offers answered questions; the Toezeggingen group ends the outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { positionOf, withClient, type LspClient } from './lsp-client';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const TODAY = '2026-11-20';

function workspace(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-11b-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, uri: (name: string) => pathToFileURL(path.join(dir, name)).toString(), done: () => rmSync(dir, { recursive: true, force: true }) };
}

function withServer(fn: (c: LspClient) => Promise<void>) {
  return withClient(fn, { env: { ...process.env, ANTWOORDBRIEF_TODAY: TODAY } });
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, ANTWOORDBRIEF_TODAY: TODAY } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lensTitles = async (c: LspClient, uri: string): Promise<string[]> =>
  (((await c.request('textDocument/codeLens', { textDocument: { uri } })) ?? []) as { command?: { title: string } }[]).map((l) => l.command?.title ?? '');

const QUESTIONS = `Vragen van het lid Visser (VVD) aan de minister van Infrastructuur over de verbreding van de A27 (ingezonden 2 november 2026)

1. Wanneer start de verbreding van de A27 tussen Houten en Hooipolder?

2. Hoeveel kost de verbreding volgens de laatste raming?

3. Welke gevolgen heeft de stikstofuitspraak voor de planning?

4. Bent u bereid de Kamer te informeren over de voortgang?
`;

const LEFT_OUT_3 = `<!-- vragen: ./vragen-visser.md -->
# Antwoorden op vragen van het lid Visser over de A27

Vraag 1
Wanneer start de verbreding van de A27 tussen Houten en Hooipolder?

Antwoord 1
De verbreding start in het voorjaar van 2028.

Vraag 2
Hoeveel kost de verbreding volgens de laatste raming?

Antwoord 2
Volgens de laatste raming kost de verbreding 1,2 miljard euro.

Vraag 4
Bent u bereid de Kamer te informeren over de voortgang?

Antwoord 4
Ja, dat doe ik in de voortgangsrapportage.
`;

test('a question the draft leaves out: its outline node stands where it belongs, and it is reported once (question-missing, no numbering gap)', () =>
  withServer(async (c) => {
    const ws = workspace({ 'vragen-visser.md': QUESTIONS });
    try {
      const uri = ws.uri('antwoord-visser.md');
      await c.open(uri, LEFT_OUT_3);
      const diags = await c.diagnostics(uri, 1);
      const codes = diags.map((d) => d.code);
      assert.ok(diags.some((d) => d.code === 'question-missing' && /^Vraag 3 uit de vragenbrief/.test(d.message)), JSON.stringify(codes));
      assert.ok(!codes.includes('missing-question-number'), JSON.stringify(codes));
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === 1);
      assert.equal(status.text, '3 van 4 vragen beantwoord');

      const symbols = (await c.symbols(uri)) as DocumentSymbol[];
      const questions = symbols.filter((s) => /^Vraag \d/.test(s.name));
      assert.deepEqual(
        questions.map((s) => [s.name, s.detail]),
        [
          ['Vraag 1', 'beantwoord'],
          ['Vraag 2', 'beantwoord'],
          ['Vraag 3', 'ontbreekt (staat in de vragenbrief)'],
          ['Vraag 4', 'beantwoord'],
        ],
      );
      // A subquestion has a Dutch detail and is no "(string)" in VS Code's tooltip ("<name> (<kind>)").
      const sub = questions[0].children![0];
      assert.equal(sub.detail, 'subvraag');
      assert.notEqual(sub.kind, 15 /* SymbolKind.String */);
      // At the gap: after the answer to question 2, before question 4's heading.
      const three = questions[2];
      assert.ok(three.range.start.line >= positionOf(LEFT_OUT_3, 'Volgens de laatste raming').line);
      assert.ok(three.range.start.line < positionOf(LEFT_OUT_3, 'Vraag 4').line);
    } finally {
      ws.done();
    }
  }));

test('without a question letter the same gap is still a numbering gap', () =>
  withServer(async (c) => {
    const uri = 'file:///werk/los/antwoord-visser.md';
    const text = LEFT_OUT_3.replace('<!-- vragen: ./vragen-visser.md -->\n', '');
    await c.open(uri, text);
    const diags = await c.diagnostics(uri, 1);
    assert.ok(diags.some((d) => d.code === 'missing-question-number' && /^Vraag 3 ontbreekt/.test(d.message)), JSON.stringify(diags.map((d) => d.code)));
  }));

const ANSWER_ONLY = `Antwoorden van de minister van Infrastructuur op de vragen van het lid Visser

Antwoord 1
De verbreding start in het voorjaar van 2028.

Antwoord 2

Antwoord 3
De uitspraak vertraagt de planning met een halfjaar.

Antwoord 4
[PM]
`;

const OTHER_QUESTIONS = `Vragen van het lid De Jong (PVV) aan de minister van Infrastructuur over spoorbomen (ingezonden 4 november 2026)

1. Hoeveel onbewaakte overwegen zijn er nog?

2. Wanneer zijn die allemaal beveiligd?
`;

test('an answer-only draft is paired with the question letter beside it and counted against its questions; without one it gets the lens', () =>
  withServer(async (c) => {
    const ws = workspace({ 'a27/vragen-visser.md': QUESTIONS, 'a27/spoor.md': OTHER_QUESTIONS, 'a27/antwoord-visser.md': ANSWER_ONLY, 'los/antwoord-visser.md': ANSWER_ONLY });
    try {
      // Alone in its folder: its questions come from elsewhere, so the lens offers to link one.
      const alone = ws.uri('los/antwoord-visser.md');
      await c.open(alone, ANSWER_ONLY);
      await c.diagnostics(alone, 1);
      assert.deepEqual(await lensTitles(c, alone), ['Geen vragenbrief gekoppeld — kiezen']);

      // Beside its question letter (and another one that asks other numbers): paired by number.
      const uri = ws.uri('a27/antwoord-visser.md');
      await c.open(uri, ANSWER_ONLY);
      const diags = await c.diagnostics(uri, 1);
      const codes = diags.map((d) => d.code);
      assert.deepEqual(await lensTitles(c, uri), ['Vragenbrief: vragen-visser.md · uiterlijk 23 november 2026 — wijzigen']);
      assert.ok(!codes.includes('answer-without-question'), JSON.stringify(codes));
      assert.ok(!codes.includes('no-questions-found'), JSON.stringify(codes));
      const empty = diags.filter((d: Diagnostic) => d.code === 'unanswered-question');
      assert.deepEqual(
        empty.map((d) => [d.range.start.line, d.message]),
        [[positionOf(ANSWER_ONLY, 'Antwoord 2').line, 'Vraag 2 is niet beantwoord. Schrijf het antwoord onder ‘Antwoord 2’.']],
      );
      assert.ok(diags.some((d) => d.code === 'placeholder-in-answer' && d.range.start.line === positionOf(ANSWER_ONLY, '[PM]').line));
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === 1);
      assert.equal(status.text, '2 van 4 vragen beantwoord');
      assert.deepEqual(status.unanswered.map((u: { id: string }) => u.id), ['2', '4']);
      const symbols = (await c.symbols(uri)) as DocumentSymbol[];
      assert.deepEqual(
        symbols.filter((s) => /^Vraag/.test(s.name)).map((s) => [s.name, s.detail]),
        [
          ['Vraag 1', 'beantwoord'],
          ['Vraag 2', 'niet beantwoord'],
          ['Vraag 3', 'beantwoord'],
          ['Vraag 4', 'niet beantwoord: nog een placeholder'],
        ],
      );

      // Writing the answer to question 2: the count follows.
      const v = await c.change(uri, [{ text: ANSWER_ONLY.replace('Antwoord 2\n', 'Antwoord 2\nDe raming is 1,2 miljard euro.\n') }]);
      const after = await c.diagnostics(uri, v);
      assert.ok(!after.some((d) => d.code === 'unanswered-question'));
      const s2 = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === v);
      assert.equal(s2.text, '3 van 4 vragen beantwoord');
    } finally {
      ws.done();
    }
  }));

test('CLI: check MAP pairs the answer-only draft and says what the editor says', () => {
  const ws = workspace({ 'a27/vragen-visser.md': QUESTIONS, 'a27/antwoord-visser.md': ANSWER_ONLY });
  try {
    const r = cli(['check', 'a27'], ws.dir);
    assert.match(r.stdout, /a27\/antwoord-visser\.md: vragenbrief vragen-visser\.md/);
    assert.match(r.stdout, /a27\/antwoord-visser\.md: 4 vragen, 2 beantwoord, 2 open/);
    assert.match(r.stdout, /antwoord-visser\.md:6:1 {2}error {2}unanswered-question {2}Vraag 2 is niet beantwoord\. Schrijf het antwoord onder ‘Antwoord 2’\./);
    assert.doesNotMatch(r.stdout, /answer-without-question|no-questions-found|geen vragen herkend/);
    assert.equal(r.stderr, '');
  } finally {
    ws.done();
  }
});

test('two question letters that both ask the numbers of an answer-only draft: none is picked, the lens asks', () =>
  withServer(async (c) => {
    const ws = workspace({ 'vragen-visser.md': QUESTIONS, 'vragen-visser-2.md': QUESTIONS.replace('Visser (VVD)', 'Bos (CDA)') });
    try {
      const uri = ws.uri('antwoord.md');
      await c.open(uri, ANSWER_ONLY);
      const diags = await c.diagnostics(uri, 1);
      assert.deepEqual(await lensTitles(c, uri), ['Geen vragenbrief gekoppeld — kiezen']);
      assert.ok(diags.some((d) => d.code === 'answer-without-question'), JSON.stringify(diags.map((d) => d.code)));
    } finally {
      ws.done();
    }
  }));

test('quick fix of a reference to a question that does not exist: unanswered questions only when no answered one exists', () =>
  withServer(async (c) => {
    const uri = 'file:///werk/verwijzing.md';
    const text = ['Vraag 1', 'Wat kost het?', '', 'Antwoord 1', 'PM', '', 'Vraag 2', 'Wie betaalt het?', '', 'Antwoord 2', 'Zie het antwoord op vraag 9.', '', 'Vraag 3', 'Wanneer?', '', 'Antwoord 3', ''].join('\n');
    await c.open(uri, text);
    const diags = await c.diagnostics(uri, 1);
    const dangling = diags.find((d) => d.code === 'dangling-answer-reference')!;
    assert.ok(dangling, JSON.stringify(diags.map((d) => d.code)));
    const titles = ((await c.codeActions(uri, dangling.range, [dangling])) ?? []).map((a) => a.title);
    assert.deepEqual(titles, ['Verwijs naar vraag 3 in plaats van vraag 9', 'Verwijs naar vraag 1 in plaats van vraag 9', 'Verwijder de verwijzing naar vraag 9']);
  }));

test('outline: the Toezeggingen group comes after every question, also when its commitments stand in the first answer', () =>
  withServer(async (c) => {
    const uri = 'file:///werk/toezegging-vooraan.md';
    const text = [
      'Den Haag, 12 maart 2025', '', 'Vraag 1', 'Komt er een evaluatie?', '', 'Antwoord 1', 'Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten.', '',
      'Vraag 2', 'Wat kost het?', '', 'Antwoord 2', 'Twee miljoen euro.', '',
    ].join('\n');
    await c.open(uri, text);
    const symbols = (await c.symbols(uri)) as DocumentSymbol[];
    const group = symbols[symbols.length - 1];
    assert.equal(group.name, 'Toezeggingen');
    // An editor sorts by range start, a tie in either order: the group's starts after every question's.
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);
    for (const s of symbols.slice(0, -1)) assert.ok(before(s.range.start, group.range.start), `${s.name} ${JSON.stringify(s.range)} / ${JSON.stringify(group.range)}`);
    assert.equal(group.children![0].range.start.line, 6);
    // The selection lies inside the range (VS Code refuses a symbol otherwise).
    const inside = (r: DocumentSymbol) => r.selectionRange.start.line >= r.range.start.line && r.selectionRange.end.line <= r.range.end.line;
    assert.ok(inside(group));
  }));
