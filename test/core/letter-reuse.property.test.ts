// The letter reader reuses the line and sentence readings of the previous version of a long text
// (one keystroke changes one or two lines). Whatever the edits, the result must equal a fresh read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readLines, readLinesFresh } from '../../server/src/core/letter/lines';
import { readSentences, readSentencesFresh } from '../../server/src/core/letter/sentences';
import { parseLetter, parseLetterFresh } from '../../server/src/core/letter/parse';
import { FIXTURES } from './letter-helpers';
import { Memo } from '../../server/src/core/memo';

/** Long enough for the reuse to apply (it starts at 32 KiB). */
function longLetter(eol: string, doubleSpaced: boolean): string {
  const letters = readdirSync(FIXTURES).sort().map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
  let text = '';
  while (text.length < 40_000) text += letters.join('\n\n');
  if (doubleSpaced) text = text.replace(/\n/g, '\n\n');
  return text.replace(/\r?\n/g, eol);
}

/** Pieces that change line kinds, sentence ends, blocks and line ends. */
const PIECES = [
  'Vraag 5\n', 'Antwoord 5\n', '## Vraag 2a\n', 'Antwoord 1 en 2\n', '1. Kent u het bericht?\n', '12. Antwoord van het kabinet\n',
  'Kunt u dat toelichten?', '?', '.', '. ', ' nr. ', '\n', '\r\n', '\r', '\n\n', ' ', '[PM]\n', '- ', '• ', '> ',
  '1 Zie Kamerstuk 36 410 X, nr. 46\n', ' 3\n', 'Hoogachtend,\n', 'Vragen en opmerkingen van de leden van de CDA-fractie\n',
  'digitali-\nsering', 'De leden vragen of', '*', '😀', 'é', 'II Reactie van de minister\n',
];

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 60 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 3 }).map((a) => a.join('')),
});

const BASES = [longLetter('\n', false), longLetter('\r\n', false), longLetter('\n', true)];

test('line and sentence readings reused across edits equal a fresh reading', () => {
  fc.assert(
    fc.property(fc.nat({ max: BASES.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (b, edits) => {
      let text = BASES[b];
      // The first reading fills the memo (an analyzer's caches); every later one reuses what the edit left alone.
      const memo = new Memo();
      readSentences(text, readLines(text, memo), memo);
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        text = text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.len));
        const lines = readLines(text, memo);
        const fresh = readLinesFresh(text);
        assert.deepEqual(lines, fresh);
        assert.deepEqual(readSentences(text, lines, memo), readSentencesFresh(text, fresh));
      }
    }),
    { numRuns: 150 },
  );
});

test('parseLetter after edits to a long letter equals a fresh parse', () => {
  fc.assert(
    fc.property(fc.nat({ max: BASES.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 5 }), (b, edits) => {
      let text = BASES[b];
      const memo = new Memo();
      parseLetter(text, memo);
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        text = text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.len));
        assert.deepEqual(parseLetter(text, memo), parseLetterFresh(text));
      }
    }),
    { numRuns: 60 },
  );
});

test('a block whose text is unchanged but whose line kinds changed is read again', () => {
  // A footnote runs on until a line with a leading space (the next page): whether " Vraag 91"
  // has that space decides whether the line after the footnote is furniture or text, though the
  // block holding both lines keeps its text.
  const tail = (space: string) => `\nVraag 90\nDit is de tekst.\n1 Zie de brief van de minister\nover de wachttijden bij de IND\n${space}Vraag 91\nKunt u dat toelichten?\n`;
  const before = BASES[0] + tail(' ');
  const after = BASES[0] + tail('');
  const fresh = (t: string) => readSentencesFresh(t, readLinesFresh(t));
  assert.notDeepEqual(fresh(before), fresh(after), 'the two texts must read differently for this test to mean anything');
  const memo = new Memo();
  const read = (t: string) => readSentences(t, readLines(t, memo), memo);
  read(before);
  assert.deepEqual(read(after), fresh(after));
  assert.deepEqual(read(before), fresh(before));
});
