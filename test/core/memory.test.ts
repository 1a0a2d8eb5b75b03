// The analyzer's caches outlive each analysis; they must not keep earlier versions of a long
// letter alive. In V8 a slice of a string (a section title, a sentence, a word) holds its whole
// parent: a cache that kept such a slice kept every earlier 10 MB text (issue 10, peak memory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createAnalyzer } from '../../server/src/core/analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { FIXTURES } from './letter-helpers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live heap after a full collection, in bytes. */
function live(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('edits all over a long letter leave the live heap at one version, not one more per edit', () => {
  const letters = readdirSync(FIXTURES).sort().map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
  const parts: string[] = [];
  for (let n = 0; n < 2_000_000; ) {
    const part = letters.join('\n\n');
    parts.push(part);
    n += part.length;
  }
  let text = parts.join('\n\n');
  const analyzer = createAnalyzer();
  let analysis = analyzer.analyze(text);
  analyzer.diagnose(analysis, { today: null }, DEFAULT_SETTINGS);
  let before = 0;
  for (let k = 0; k < 12; k++) {
    // A new question heading and a new sentence somewhere else each time: new lines, titles,
    // sentences and key terms enter the caches.
    const at = Math.floor(text.length * (((k * 0.37) % 0.9) + 0.05));
    const cut = text.indexOf('\n', at) + 1;
    text = text.slice(0, cut) + `Vragen van de leden van de fractie nummer ${k}\nVraag ${k}\nKunt u de maatregelen rond onderwerp ${k} toelichten?\n` + text.slice(cut);
    analysis = analyzer.analyze(text);
    analyzer.diagnose(analysis, { today: null }, DEFAULT_SETTINGS);
    if (k === 1) before = live();
  }
  const grown = live() - before;
  // Ten more versions, each of them a copy of the text (at 2 bytes a character at most): one
  // version's worth of growth is allowed, ten are what the fault looked like.
  assert.ok(grown < 2 * 2 * text.length, `the live heap grew by ${Math.round(grown / 1e6)} MB over 10 edits of a ${Math.round(text.length / 1e6)} M-character letter`);
  analyzer.dispose();
});
