// The server's document (lsp/document.ts: edits kept as pieces, no copy of the text per
// keystroke) behaves as the library's TextDocument it replaces, under random edit sequences; the
// store shares the analysis of an earlier text among the requests sent against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LetterDocument } from '../../server/src/lsp/document';

const PIECES = ['Vraag 5\n', 'Antwoord 5\n', '\n', '\r\n', '\r', '\n\n', ' ', 'é', '😀', 'Kunt u dat toelichten?', ''];
const BASES = ['', 'Vraag 1\nKunt u?\n\nAntwoord 1\nJa.\n', 'Vraag 1\r\nKunt u?\r\n\r\nAntwoord 1\r\nJa.', 'a\rb\r\nc\n\rd'];

/** A change as fractions of the current lines, so it stays valid; characters may run past a line's end. */
const changeArb = fc.record({
  full: fc.boolean().map((b) => b && Math.random() < 0.05),
  l0: fc.double({ min: 0, max: 1.1, noNaN: true }),
  c0: fc.nat({ max: 30 }),
  l1: fc.double({ min: 0, max: 1.1, noNaN: true }),
  c1: fc.nat({ max: 30 }),
  text: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 3 }).map((a) => a.join('')),
});

function toChange(doc: TextDocument, c: { full: boolean; l0: number; c0: number; l1: number; c1: number; text: string }): TextDocumentContentChangeEvent {
  if (c.full) return { text: c.text };
  const line = (f: number) => Math.floor(f * doc.lineCount);
  return { range: { start: { line: line(c.l0), character: c.c0 }, end: { line: line(c.l1), character: c.c1 } }, text: c.text };
}

test('the piece document gives the text, lines and positions of the library document after every update', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...BASES),
      fc.array(fc.tuple(fc.array(changeArb, { minLength: 1, maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 30 }),
      (base, updates) => {
        const ref = TextDocument.create('file:///d.txt', 'plaintext', 1, base);
        const doc = new LetterDocument('file:///d.txt', 'plaintext', 1, base);
        let v = 1;
        for (const [changes, read] of updates) {
          const events: TextDocumentContentChangeEvent[] = [];
          // Each change's range is in the text the earlier changes of the update left.
          const probe = TextDocument.create('file:///p.txt', 'plaintext', 0, ref.getText());
          for (const c of changes) {
            const e = toChange(probe, c);
            events.push(e);
            TextDocument.update(probe, [e], 0);
          }
          TextDocument.update(ref, events, ++v);
          doc.update(events, v);
          assert.equal(doc.version, ref.version);
          assert.equal(doc.lineCount, ref.lineCount);
          const n = ref.getText().length;
          for (const offset of [-1, 0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 1, n, n + 5]) {
            assert.deepEqual(doc.positionAt(offset), ref.positionAt(offset), `positionAt(${offset})`);
          }
          for (let line = -1; line <= ref.lineCount; line++) {
            for (const character of [0, 1, 3, 1000]) assert.equal(doc.offsetAt({ line, character }), ref.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
            assert.deepEqual(doc.getLineRange(line), ref.getLineRange(line));
            assert.equal(doc.getEOLCharacters(line), ref.getEOLCharacters(line));
          }
          // Reading joins the pieces; not reading lets them pile up (both must hold).
          if (read) assert.equal(doc.getText(), ref.getText());
        }
        assert.equal(doc.getText(), ref.getText());
        const range = { start: { line: 0, character: 1 }, end: { line: Math.floor(ref.lineCount / 2), character: 2 } };
        assert.equal(doc.getText(range), ref.getText(range));
      },
    ),
    { numRuns: 400 },
  );
});
