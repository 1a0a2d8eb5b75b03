// Issue 9 through the real CLI process: the per-file summary ("4 vragen, 4 beantwoord, 0 open";
// JSON `summary`) and the no-questions-found finding; corpus 004 (no questions) gets neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const LAYOUTS = path.join(ROOT, 'test/fixtures/layouts');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inTemp(fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-layouts-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('check prints what was read per file: a verslag counts each question once; a joint heading counts each number', () =>
  inTemp((dir) => {
    copyFileSync(path.join(LAYOUTS, 'verslag-herdruk.txt'), path.join(dir, 'verslag.txt'));
    copyFileSync(path.join(LAYOUTS, 'gezamenlijk.txt'), path.join(dir, 'gezamenlijk.txt'));
    const r = run(['check', 'verslag.txt', 'gezamenlijk.txt'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes('verslag.txt: 4 vragen, 4 beantwoord, 0 open'), r.stdout);
    assert.ok(lines.includes('gezamenlijk.txt: 17 vragen, 16 beantwoord, 1 open'), r.stdout);
    assert.ok(lines.some((l) => /^gezamenlijk\.txt:\d+:1 {2}error {2}unanswered-question {2}Vraag 17 /.test(l)), r.stdout);
    assert.equal(lines[lines.length - 1], '1 melding in 2 bestanden');
    const json = JSON.parse(run(['check', '--format', 'json', 'verslag.txt', 'gezamenlijk.txt'], dir).stdout);
    assert.deepEqual(json.map((f: any) => f.summary), [
      { questions: 4, answered: 4, byReference: 0, open: 0, questionLetter: false, errors: 0, noneRecognised: false },
      { questions: 17, answered: 16, byReference: 0, open: 1, questionLetter: false, errors: 1, noneRecognised: false },
    ]);
  }));

test('check on a mededeling: answered by reference to the Kamerstuk, exit 0', () =>
  inTemp((dir) => {
    copyFileSync(path.join(LAYOUTS, 'mededeling.txt'), path.join(dir, 'mededeling.txt'));
    const r = run(['check', 'mededeling.txt'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stdout, 'mededeling.txt: 2 vragen, 2 beantwoord (2 door verwijzing), 0 open\ngeen meldingen in 1 bestand\n');
  }));

test('check never stays silent: no-questions-found with the markers it saw, "geen vragen herkend"', () =>
  inTemp((dir) => {
    writeFileSync(path.join(dir, 'los.txt'), 'Aan de Kamer\n\nWat vindt u van het plan? Kunt u dat toelichten? En wanneer komt de brief?\n');
    const r = run(['check', 'los.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^los\.txt:3:1 {2}information {2}no-questions-found {2}Geen vragen herkend in deze brief, terwijl er wel iets op vragen lijkt: 3 zinnen met een vraagteken\./);
    assert.equal(lines[1], 'los.txt: geen vragen herkend');
    const json = JSON.parse(run(['check', '--format', 'json', 'los.txt'], dir).stdout);
    assert.deepEqual(json[0].summary, { questions: 0, answered: 0, byReference: 0, open: 0, questionLetter: false, errors: 0, noneRecognised: true });
  }));

test('corpus 004 (a letter without questions): neither no-questions-found nor anything else, "geen vragen"', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus: ../shared not present');
  const file = readdirSync(CORPUS).find((f) => f.startsWith('004_'))!;
  const r = run(['check', path.join(CORPUS, file)], ROOT);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /no-questions-found/);
  assert.match(r.stdout, /: geen vragen\n/);
});
