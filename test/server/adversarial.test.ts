import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { fastestCpu } from '../support/timing';

/** Adversarial inputs of TESTING.md, each a function of its size in characters. */
const INPUTS: [string, (n: number) => string][] = [
  ['one long line', (n) => 'Kunt u aangeven waarom '.repeat(Math.ceil(n / 23)).slice(0, n)],
  ['only question marks', (n) => '?'.repeat(n)],
  ['repeated Vraag 1a headings', (n) => 'Vraag 1a\n'.repeat(Math.ceil(n / 9)).slice(0, n)],
  ['open brackets', (n) => '['.repeat(n)],
  ['references without end', (n) => 'het antwoord op vraag 1, '.repeat(Math.ceil(n / 25)).slice(0, n)],
  ['Kamerstuk look-alikes', (n) => 'Kamerstuk 36 410, nrs. 1, '.repeat(Math.ceil(n / 26)).slice(0, n)],
  ['CR line ends and blank lines', (n) => 'Vraag 2\r\r?\r'.repeat(Math.ceil(n / 12)).slice(0, n)],
  ['binary noise', (n) => Array.from({ length: n }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
  ['motion mentions', (n) => 'de motie van het lid Van den Berg7 en '.repeat(Math.ceil(n / 38)).slice(0, n)],
];

/**
 * Fastest of four runs of each size in CPU milliseconds, measured in turns (small, big, small,
 * big, …) so both see the same conditions on a busy machine.
 */
function fastestPair(small: string, big: string): number[] {
  return fastestCpu(analyze, [small, big], 4);
}

for (const [name, make] of INPUTS) {
  test(`the analysis of ${name} grows linearly and stays bounded`, () => {
    const n = 300_000;
    const texts: [string, string] = [make(n), make(2 * n)];
    let [small, big] = fastestPair(...texts);
    // A busy machine or a badly timed garbage collection can spoil a measurement; a real
    // superlinearity shows up every time, so up to three rounds are measured.
    for (let round = 1; round < 3 && big > 5 && big / small > 2.5; round++) [small, big] = fastestPair(...texts);
    // Absolute bound first (a hang or a quadratic blow-up), then the growth ratio of TESTING.md;
    // tiny times are dominated by noise, so the ratio only counts above a few milliseconds.
    assert.ok(big < 5000, `${name}: ${big.toFixed(0)} ms for ${2 * n} characters`);
    if (big > 5) assert.ok(big / small <= 2.5, `${name}: t(2n)/t(n) = ${(big / small).toFixed(2)} (${small.toFixed(1)} → ${big.toFixed(1)} ms)`);
  });
}
