import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import { createAnalyzer } from '../../server/src/core/analyzer';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings';
import { DocumentStore } from '../../server/src/lsp/documents';
import { LspClient, applyChange, positionAt } from './lsp-client';
import { ANSWERED_MD, UNANSWERED_TXT } from './letters';

/** Pieces an edit inserts: letter structure, question marks, line ends of every kind, astral characters. */
const PIECES = [
  'Vraag 5\n', 'Antwoord 5\n', '### Vraag 2\n', 'Antwoord 2\n', 'het antwoord op vraag 1', 'vraag 3 en 4',
  'Kunt u dat toelichten?', '?', '\n', '\r\n', '\r', '\n\n', ' ', 'PM', 'TODO', '[…]', 'é', '😀',
  'Vragen en opmerkingen van de leden van de CDA-fractie\n', 'Kamerstuk 36 410 X, nr. 46', 'de motie Erkens', '1. Antwoord van het kabinet\n',
  '<!-- antwoordbrief-disable-next-line unanswered-question -->\n',
];

/** An edit as fractions of the current text, so it stays valid whatever came before. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 40 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 3 }).map((a) => a.join('')),
});

function toChange(text: string, e: { at: number; len: number; insert: string }): { change: TextDocumentContentChangeEvent; range: Range } {
  const start = Math.floor(e.at * text.length);
  const end = Math.min(text.length, start + e.len);
  const range = { start: positionAt(text, start), end: positionAt(text, end) };
  return { change: { range, text: e.insert }, range };
}

const baseArb = fc.constantFrom(ANSWERED_MD, UNANSWERED_TXT, UNANSWERED_TXT.replace(/\n/g, '\r\n'));

test('incremental edits through the document store give the text and analysis of a fresh open', () => {
  fc.assert(
    fc.property(baseArb, fc.array(editArb, { minLength: 1, maxLength: 25 }), (base, edits) => {
      const doc = TextDocument.create('file:///p.md', 'markdown', 1, base);
      let expected = base;
      let v = 1;
      for (const e of edits) {
        const { change } = toChange(expected, e);
        expected = applyChange(expected, change);
        TextDocument.update(doc, [change], ++v);
      }
      assert.equal(doc.getText(), expected);
      const a = analyze(doc.getText());
      const b = analyze(expected);
      assert.deepEqual(a.findings, b.findings);
      assert.deepEqual(a.letter.questions, b.letter.questions);
    }),
    { numRuns: 200 },
  );
});

/** Settings that switch codes off, so a settings change alters the findings. */
const SETTINGS: Settings[] = [
  DEFAULT_SETTINGS,
  { ...DEFAULT_SETTINGS, severity: { 'unanswered-question': 'off', 'placeholder-in-answer': 'off' } },
  { ...DEFAULT_SETTINGS, severity: { 'subquestion-not-addressed': 'off', 'unlinked-motion': 'off', 'noncanonical-citation': 'warning' } },
];

test('the document store: analyses reused across versions equal a fresh analysis, and diagnose under any settings equals analyze', () => {
  // Each step is an edit or a settings change; after every step the store's analysis (made by an
  // analyzer that reuses its readings of earlier versions) must be that of a fresh analysis.
  const stepArb = fc.oneof(editArb.map((e) => ({ edit: e })), fc.nat({ max: SETTINGS.length - 1 }).map((k) => ({ settings: k })));
  fc.assert(
    fc.property(baseArb, fc.array(stepArb, { minLength: 1, maxLength: 15 }), (base, steps) => {
      const analyzer = createAnalyzer();
      const store = new DocumentStore(analyzer);
      const doc = TextDocument.create('file:///s.md', 'markdown', 1, base);
      let settings = { ...SETTINGS[0] };
      let v = 1;
      store.analysis(doc);
      for (const step of steps) {
        if ('edit' in step) {
          const { change } = toChange(doc.getText(), step.edit);
          TextDocument.update(doc, [change], ++v);
        } else {
          settings = { ...SETTINGS[step.settings] };
        }
        const a = store.analysis(doc);
        const b = analyze(doc.getText(), settings);
        assert.equal(a.text, b.text);
        assert.deepEqual(analyzer.diagnose(a, { today: null }, settings).findings, b.findings);
        assert.deepEqual(a.letter.questions, b.letter.questions);
        assert.deepEqual(a.citations, b.citations);
        assert.deepEqual(a.lines.lineStarts, b.lines.lineStarts);
        // The same version gives the same analysis object (computed once).
        assert.equal(store.analysis(doc), a);
      }
      analyzer.dispose();
    }),
    { numRuns: 150 },
  );
});

test('random edit sequences sent to the real server end in the same diagnostics, outline and folds as opening the final text', async () => {
  const c = await LspClient.start();
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(baseArb, fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (base, batches) => {
        const uri = `file:///prop/inc-${run}.md`;
        const fresh = `file:///prop/fresh-${run++}.md`;
        await c.open(uri, base);
        let v = 1;
        // Several changes per didChange and no waiting between them, as a fast typist produces.
        for (const batch of batches) {
          let text = c.text(uri)!;
          const changes: TextDocumentContentChangeEvent[] = [];
          for (const e of batch) {
            const { change } = toChange(text, e);
            text = applyChange(text, change);
            changes.push(change);
          }
          v = await c.change(uri, changes);
        }
        const incremental = await c.diagnostics(uri, v);
        const finalText = c.text(uri)!;
        await c.open(fresh, finalText);
        assert.deepEqual(incremental, await c.diagnostics(fresh, 1));
        assert.deepEqual(await c.symbols(uri), await c.symbols(fresh));
        assert.deepEqual(await c.folding(uri), await c.folding(fresh));
        await c.close(uri);
        await c.close(fresh);
      }),
      { numRuns: 40 },
    );
    assert.equal(await c.shutdown(), 0);
  } finally {
    c.kill();
  }
});
