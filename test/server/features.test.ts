import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, applyEdits, editsFor, positionOf, withClient } from './lsp-client';
import { ANSWERED_MD, UNANSWERED_TXT } from './letters';

const MD = 'file:///werk/brief.md';
const TXT = 'file:///werk/brief.txt';

function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

test('document symbols list sections, then questions with their answer state, then subquestions', () =>
  withClient(async (c) => {
    await c.open(MD, ANSWERED_MD);
    const symbols = (await c.symbols(MD)) as DocumentSymbol[];
    assert.equal(symbols.length, 2);
    assert.match(symbols[0].name, /VVD/);
    assert.match(symbols[1].name, /D66/);
    assert.deepEqual(
      symbols[0].children!.map((q) => [q.name, q.detail]),
      [
        ['Vraag 1', 'alleen context'],
        ['Vraag 1a', 'beantwoord'],
        ['Vraag 1b', 'beantwoord'],
        ['Vraag 2', 'beantwoord'],
      ],
    );
    assert.deepEqual(symbols[1].children!.map((q) => [q.name, q.detail]), [['Vraag 3', 'beantwoord']]);
    const q1a = symbols[0].children![1];
    assert.equal(q1a.selectionRange.start.line, lineOf(ANSWERED_MD, '### Vraag 1a'));
    assert.deepEqual(q1a.children!.map((s) => s.name), ['Hoeveel geld gaat er naar de regionale meldpunten?']);
    assert.equal(q1a.children![0].range.start.line, lineOf(ANSWERED_MD, 'Hoeveel geld'));

    await c.open(TXT, UNANSWERED_TXT, 'plaintext');
    const flat = (await c.symbols(TXT)) as DocumentSymbol[];
    assert.deepEqual(
      flat.map((q) => [q.name, q.detail]),
      [
        ['Vraag 1', 'beantwoord'],
        ['Vraag 2', 'niet beantwoord'],
        ['Vraag 3', 'beantwoord'],
        ['Vraag 4', 'verwijst naar vraag 1'],
      ],
    );
  }));

test('clients without hierarchical symbols get a flat list with the state in the name', () =>
  withClient(
    async (c) => {
      await c.open(TXT, UNANSWERED_TXT, 'plaintext');
      const symbols = (await c.symbols(TXT)) as SymbolInformation[];
      assert.ok(symbols.every((s) => s.location.uri === TXT));
      assert.ok(symbols.some((s) => s.name === 'Vraag 2 (niet beantwoord)'));
    },
    { capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, documentSymbol: {} } } },
  ));

test('folding ranges cover each fractie section and each question with its answer', () =>
  withClient(async (c) => {
    await c.open(MD, ANSWERED_MD);
    const folds = (await c.folding(MD))!;
    const vvd = lineOf(ANSWERED_MD, '## Vragen en opmerkingen van de leden van de VVD');
    const d66 = lineOf(ANSWERED_MD, '## Vragen en opmerkingen van de leden van de D66');
    const section = folds.find((f) => f.startLine === vvd);
    assert.ok(section, JSON.stringify(folds));
    assert.ok(section.endLine >= lineOf(ANSWERED_MD, 'De samenwerking met de gemeenten') && section.endLine < d66, JSON.stringify(section));
    const q1a = folds.find((f) => f.startLine === lineOf(ANSWERED_MD, '### Vraag 1a'));
    assert.ok(q1a, JSON.stringify(folds));
    assert.equal(q1a.endLine, lineOf(ANSWERED_MD, 'Voor de regionale meldpunten'));
    assert.ok(folds.some((f) => f.startLine === d66));
  }));

const REF = 'het antwoord op vraag 2';

test('hover on "het antwoord op vraag 2" shows that answer as Markdown', () =>
  withClient(async (c) => {
    await c.open(MD, ANSWERED_MD);
    const hover = await c.hover(MD, positionOf(ANSWERED_MD, REF, REF.length - 1));
    assert.ok(hover);
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /\*\*Antwoord op vraag 2/);
    assert.match(contents.value, /De samenwerking met de gemeenten verloopt goed/);
    assert.equal(hover.range!.start.line, lineOf(ANSWERED_MD, REF));
  }));

test('hover is plain text for a client that asks for plain text', () =>
  withClient(
    async (c) => {
      await c.open(MD, ANSWERED_MD);
      const hover = await c.hover(MD, positionOf(ANSWERED_MD, REF, 5));
      const contents = hover!.contents as { kind: string; value: string };
      assert.equal(contents.kind, 'plaintext');
      assert.match(contents.value, /^Antwoord op vraag 2/);
      assert.match(contents.value, /De samenwerking met de gemeenten verloopt goed; er zijn afspraken gemaakt/);
      assert.doesNotMatch(contents.value, /\*\*|\\/);
    },
    { capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } } } },
  ));

test('hover elsewhere in the letter shows nothing', () =>
  withClient(async (c) => {
    await c.open(MD, ANSWERED_MD);
    assert.equal(await c.hover(MD, positionOf(ANSWERED_MD, 'samenwerking met de gemeenten verloopt')), null);
  }));

test('go to definition on an answer reference lands on the referred answer', () =>
  withClient(async (c) => {
    await c.open(MD, ANSWERED_MD);
    const def = (await c.definition(MD, positionOf(ANSWERED_MD, REF, REF.length - 1))) as Location[];
    assert.equal(def.length, 1);
    assert.equal(def[0].uri, MD);
    assert.equal(def[0].range.start.line, lineOf(ANSWERED_MD, '### Antwoord 2'));

    await c.open(TXT, UNANSWERED_TXT, 'plaintext');
    const def4 = (await c.definition(TXT, positionOf(UNANSWERED_TXT, 'antwoord op vraag 1', 18))) as Location[];
    assert.equal(def4[0].range.start.line, lineOf(UNANSWERED_TXT, 'Antwoord 1'));
  }));

const SELECT = 'antwoordbrief.selecteerBereik';
const WITH_SELECT = { initializationOptions: { clientCommands: [SELECT] } };

/** The text a range of `text` covers (LSP positions, UTF-16). */
function textOf(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  const at = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(at(range.start), at(range.end));
}

test('the quick fix writes an answer heading in the letter\'s style with placeholder text, selected; the finding becomes placeholder-in-answer', () =>
  withClient(async (c) => {
    await c.open(TXT, UNANSWERED_TXT, 'plaintext');
    const diags = (await c.diagnostics(TXT, 1)).filter((d) => d.code === 'unanswered-question');
    assert.equal(diags.length, 1);
    const actions = (await c.codeActions(TXT, diags[0].range, diags))!;
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Voeg een antwoord toe onder vraag 2');
    assert.equal(actions[0].kind, 'quickfix');
    assert.deepEqual(actions[0].diagnostics, diags);
    const fixed = applyEdits(UNANSWERED_TXT, editsFor(actions[0].edit, TXT));
    assert.equal(
      fixed,
      UNANSWERED_TXT.replace(
        'Welke maatregelen neemt u om de wachttijden te verkorten?\n\n',
        'Welke maatregelen neemt u om de wachttijden te verkorten?\n\nAntwoord 2\n[PM antwoord]\n\n',
      ),
    );
    // The client selects the placeholder after the edit, so typing replaces it.
    assert.equal(actions[0].command?.command, SELECT);
    const [uri, range] = actions[0].command!.arguments!;
    assert.equal(uri, TXT);
    assert.equal(textOf(fixed, range), '[PM antwoord]');
    // After the fix: no error on question 2, a placeholder warning on the placeholder.
    await c.change(TXT, [{ text: fixed }], 2);
    const after = await c.diagnostics(TXT, 2);
    assert.deepEqual(after.filter((d) => d.code === 'unanswered-question'), []);
    const ph = after.filter((d) => d.code === 'placeholder-in-answer');
    assert.equal(ph.length, 1);
    assert.deepEqual(ph[0].range, range);
    assert.match(ph[0].message, /vraag 2 is nog alleen een placeholder/);
  }, WITH_SELECT));

test('under an empty "## Antwoord 2" that stands there already, the quick fix puts placeholder text, selected', () =>
  withClient(async (c) => {
    const text = ANSWERED_MD.replace(/(### Antwoord 2\n\n)[^\n]*\n\n/, '$1');
    assert.notEqual(text, ANSWERED_MD);
    await c.open(MD, text);
    const diags = (await c.diagnostics(MD, 1)).filter((d) => d.code === 'unanswered-question');
    assert.equal(diags.length, 1, JSON.stringify(diags));
    const actions = (await c.codeActions(MD, diags[0].range, diags))!;
    const fixed = applyEdits(text, editsFor(actions[0].edit, MD));
    assert.equal(fixed, text.replace('### Antwoord 2\n', '### Antwoord 2\n\n[PM antwoord]\n'));
    const range = actions[0].command!.arguments![1];
    assert.equal(textOf(fixed, range), '[PM antwoord]');
    await c.change(MD, [{ text: fixed }], 2);
    const after = await c.diagnostics(MD, 2);
    assert.deepEqual(after.filter((d) => d.code === 'unanswered-question'), []);
    assert.deepEqual(after.filter((d) => d.code === 'placeholder-in-answer').map((d) => d.range), [range]);
    // Once the drafter writes over the selection, the letter is clean.
    const written = fixed.replace('[PM antwoord]', 'De samenwerking met de gemeenten verloopt goed; wij overleggen elk kwartaal.');
    await c.change(MD, [{ text: written }], 3);
    assert.deepEqual((await c.diagnostics(MD, 3)).filter((d) => d.code === 'placeholder-in-answer' || d.code === 'unanswered-question'), []);
  }, WITH_SELECT));

test('in a Markdown letter without an answer heading the quick fix writes a Markdown heading and the placeholder; no select command for a client without it', () =>
  withClient(async (c) => {
    const text = ANSWERED_MD.replace(/### Antwoord 2\n\n[^\n]*\n\n/, '');
    await c.open(MD, text);
    const diags = (await c.diagnostics(MD, 1)).filter((d) => d.code === 'unanswered-question');
    assert.equal(diags.length, 1, JSON.stringify(diags));
    const actions = (await c.codeActions(MD, diags[0].range, diags))!;
    const fixed = applyEdits(text, editsFor(actions[0].edit, MD));
    assert.equal(
      fixed,
      text.replace('Hoe verloopt de samenwerking met de gemeenten?\n\n', 'Hoe verloopt de samenwerking met de gemeenten?\n\n### Antwoord 2\n\n[PM antwoord]\n\n'),
    );
    assert.equal(actions[0].command, undefined);
  }));
