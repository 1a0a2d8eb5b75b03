/**
 * Properties of findCitations on generated text: it never throws, every span lies in the text
 * and its `text` is the slice, references are sorted and do not overlap, and adversarial
 * repetitions take bounded time that grows linearly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCitations, findCitationsLexingAll } from '../../server/src/core/citations';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkCitations } from '../../server/src/core/checks/citations';
import { citationAt } from '../../server/src/core/features/citationLookup';
import { fastestCpu } from '../support/timing';

const PIECES = [
  'Kamerstuk', 'Kamerstukken', 'II', 'I', 'TK', 'Tweede Kamer', '2023/24', '2019–2020', 'vergaderjaar', '30 821', '30821', '21 501-20',
  '36 410 X', '26', '643', ',', ' ', '\n', '\n\n', 'nr.', 'nrs.', '46', '591', 'en', '–', '(', ')', '/', 'E', 'AA', 'motie', 'de', 'van het lid',
  'Van den Berg', 'c.s.', 'Erkens', '7', '12', '.', 'Handelingen', 'Aanhangsel', 'item', 'p.', '2025Z01234', 'kst-30821-125', 'stuk nummer',
  '[^3]', '[^3]:', 'brief', 'NIS2', '€', '2023-2028', 't.v.v.', '19637-3370', 'https://zoek.officielebekendmakingen.nl/', '.html', 'é', '’', '😀',
];

const textArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(' ')),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
);

test('findCitations is total and its spans are consistent', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const c = findCitations(text);
      let prevEnd = -1;
      for (const r of c.references) {
        assert.ok(r.span.start >= 0 && r.span.end <= text.length && r.span.start < r.span.end);
        assert.equal(r.text, text.slice(r.span.start, r.span.end));
        assert.ok(r.citationSpan.start <= r.span.start && r.span.end <= r.citationSpan.end);
        assert.ok(r.span.start >= prevEnd, 'references are sorted and disjoint');
        prevEnd = r.span.end;
        assert.ok(r.id.length > 0 && r.canonical.length > 0);
      }
      for (const m of c.motions) {
        assert.equal(m.text, text.slice(m.span.start, m.span.end));
        assert.ok(m.signer.length > 0);
        assert.equal(m.via === null, m.refs.length === 0);
      }
      for (const f of [...c.footnotes, ...c.markers]) assert.ok(f.span.start >= 0 && f.span.end <= text.length);
      checkCitations(text, c);
      for (let o = 0; o <= text.length; o += 7) citationAt(c, o);
    }),
    { numRuns: 1500 },
  );
});

/**
 * Text far from any digit, `[` or "motie" (which the lexer skips), of every length around the
 * margins: words, punctuation, Eerste Kamer-like capitals, and long runs of whitespace.
 */
const FILLER = ['het kabinet neemt dit mee ', 'Zie ook. ', 'T.K. ', 'Kamer ', 'Aanhangsel van de Handelingen ', 'lid Van den Berg ', 'A, B, C, ', '   ', '\n', '\r\n', '\r', '\n\n', '\u00a0', '\u200b', 'é', '😀', '\ud800', '(', ')', 'h-', 'ah-tk-', 'kst-'];
const spacedArb = fc
  .array(
    fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((a) => a.join(' ')),
      fc.tuple(fc.constantFrom(...FILLER), fc.nat({ max: 60 })).map(([f, k]) => f.repeat(k)),
    ),
    { maxLength: 30 },
  )
  .map((a) => a.join(''));

test('lexing only the neighbourhoods of digits, [ and "motie" finds exactly what lexing everything finds', () => {
  fc.assert(
    fc.property(fc.oneof(textArb, spacedArb), (text) => {
      assert.deepEqual(findCitations(text), findCitationsLexingAll(text));
    }),
    { numRuns: 1500 },
  );
});

test('neighbourhood lexing on the corpus and the fixtures: identical results', (t) => {
  const dirs = [path.resolve(__dirname, '../fixtures/citations'), path.resolve(__dirname, '../../../shared/corpus')];
  let n = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      t.diagnostic(`${dir}: not present`);
      continue;
    }
    for (const f of readdirSync(dir)) {
      if (!/\.(txt|md)$/.test(f)) continue;
      const text = readFileSync(path.join(dir, f), 'utf8');
      assert.deepEqual(findCitations(text), findCitationsLexingAll(text), f);
      n++;
    }
  }
  assert.ok(n > 0);
});

test('adversarial repetitions of trigger tokens: bounded and linear, t(2n)/t(n) <= 2.5', () => {
  const patterns = [
    'Kamerstuk ',
    'Kamerstukken II 2023/24, ',
    '30 821, nr. ',
    'nrs. 1, 2, ',
    'de motie van het lid Van ',
    'motie-',
    '1 ',
    'woord1 ',
    '\n1 ',
    '[^1] ',
    'TK 2020-2021, ',
    'kst-',
    '21501-',
    'https://zoek.officielebekendmakingen.nl/',
    '(',
  ];
  // Half a megabyte and a megabyte of each, timed in CPU milliseconds of this process, fastest of
  // interleaved runs (so other work on a shared machine does not count). An absolute, wide bound
  // catches a hang; the growth ratio catches anything superlinear.
  const fastest = (texts: string[], runs: number) => fastestCpu(findCitations, texts, runs, false);
  for (const p of patterns) {
    const big = p.repeat(Math.ceil(1_000_000 / p.length));
    const small = big.slice(0, p.length * Math.ceil(big.length / p.length / 2));
    let [a, b] = fastest([small, big], 3);
    for (let attempt = 0; attempt < 2 && b / a > 2.5; attempt++) [a, b] = fastest([small, big], 7);
    assert.ok(b < 5000, `${JSON.stringify(p)} x ${big.length / p.length}: ${b.toFixed(0)} ms`);
    if (b > 5) assert.ok(b / a <= 2.5, `${JSON.stringify(p)}: t(2n)/t(n) = ${(b / a).toFixed(2)} (${a.toFixed(1)} → ${b.toFixed(1)} ms)`);
  }
});
