import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Location } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, PROJECT_ROOT, positionOf, withClient } from './lsp-client';

const CORPUS = path.resolve(PROJECT_ROOT, '../shared/corpus');

function corpus(prefix: string): { uri: string; text: string } | undefined {
  if (!existsSync(CORPUS)) return undefined;
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  if (!name) return undefined;
  const file = path.join(CORPUS, name);
  return { uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8') };
}

test('corpus 002 through the server: no errors, 71 questions in the outline, seven answered by reference', async (t) => {
  const doc = corpus('002_');
  if (!doc) return t.skip('corpus: ../shared not present');
  await withClient(async (c) => {
    await c.open(doc.uri, doc.text, 'plaintext');
    const diags = await c.diagnostics(doc.uri, 1, 30000);
    assert.deepEqual(diags.filter((d) => d.severity === 1), []);
    const status = await c.notification('antwoordbrief/status', (p) => p.uri === doc.uri);
    assert.equal(status.total, 71);
    assert.equal(status.answered, 71);
    const symbols = (await c.symbols(doc.uri)) as DocumentSymbol[];
    // The last group lists the letter's commitments (issue 12); the rest are the fractie sections.
    assert.deepEqual(symbols[symbols.length - 1].name, 'Toezeggingen');
    assert.equal(symbols[symbols.length - 1].children!.length, 5);
    const sections = symbols.slice(0, -1);
    const questions = sections.flatMap((s) => s.children ?? []);
    assert.deepEqual(
      questions.map((q) => q.name),
      Array.from({ length: 71 }, (_, i) => `Vraag ${i + 1}`),
    );
    const byRef = questions.filter((q) => q.detail?.startsWith('verwijst naar'));
    assert.equal(byRef.length, 7);
    assert.equal(questions[68].detail, 'verwijst naar vraag 50');
    // 60 points to 18 and 43 and then answers in its own words (test/truth): answered.
    assert.ok(!questions[59].detail?.startsWith('verwijst naar'), questions[59].detail);
  });
});

test('corpus 002 through the server: hover and definition on "het antwoord op vraag 50" reach answer 50', async (t) => {
  const doc = corpus('002_');
  if (!doc) return t.skip('corpus: ../shared not present');
  await withClient(
    async (c) => {
      await c.open(doc.uri, doc.text, 'plaintext');
      const at = positionOf(doc.text, 'het antwoord op vraag 50', 22);
      const hover = await c.hover(doc.uri, at);
      const value = (hover!.contents as { kind: string; value: string }).value;
      assert.match(value, /^Antwoord op vraag 50/);
      const answer50 = positionOf(doc.text, '50. Antwoord van het kabinet');
      const defs = (await c.definition(doc.uri, at)) as Location[];
      assert.equal(defs.length, 1);
      assert.equal(defs[0].range.start.line, answer50.line);
    },
    { capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } } } },
  );
});

test('corpus 000 through the server: PvdD 1 and 2 are context only, every other question answered', async (t) => {
  const doc = corpus('000_');
  if (!doc) return t.skip('corpus: ../shared not present');
  await withClient(async (c) => {
    await c.open(doc.uri, doc.text, 'plaintext');
    const sections = (await c.symbols(doc.uri)) as DocumentSymbol[];
    assert.deepEqual(
      sections.map((s) => [s.name, (s.children ?? []).map((q) => `${q.name}: ${q.detail}`)]),
      [
        [
          'Partij voor de Dieren-fractie',
          ['Vraag 1: alleen context', 'Vraag 1a: beantwoord', 'Vraag 1b: beantwoord', 'Vraag 1c: beantwoord', 'Vraag 1d: beantwoord', 'Vraag 1e: beantwoord', 'Vraag 2: alleen context', 'Vraag 2a: beantwoord', 'Vraag 2b: beantwoord', 'Vraag 3: beantwoord'],
        ],
        ['JA21-fractie', ['Vraag 1: beantwoord', 'Vraag 2: beantwoord', 'Vraag 3: beantwoord', 'Vraag 4: beantwoord']],
      ],
    );
    const folds = (await c.folding(doc.uri))!;
    assert.equal(folds.length, 2 + 14);
  });
});

test('corpus 004 through the server: a letter without questions gets no question diagnostics and an empty outline', async (t) => {
  const doc = corpus('004_');
  if (!doc) return t.skip('corpus: ../shared not present');
  await withClient(async (c) => {
    await c.open(doc.uri, doc.text, 'plaintext');
    const diags = await c.diagnostics(doc.uri, 1, 30000);
    assert.deepEqual(diags.filter((d) => ['unanswered-question', 'answer-without-question', 'missing-question-number', 'duplicate-question-number'].includes(String(d.code))), []);
    // No questions: the outline holds only the letter's two commitments (issue 12).
    const symbols = (await c.symbols(doc.uri)) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.children!.length]), [['Toezeggingen', 2]]);
    const status = await c.notification('antwoordbrief/status', (p) => p.uri === doc.uri);
    assert.equal(status.total, 0);
  });
});
