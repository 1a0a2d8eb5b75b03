import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANSWERED_MD, UNANSWERED_TXT } from '../server/letters';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SHARED = path.resolve(ROOT, '../shared');
const CORPUS = path.join(SHARED, 'corpus');

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-cli-'));
}

function corpusFile(prefix: string): string | undefined {
  if (!existsSync(CORPUS)) return undefined;
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  return name && path.join(CORPUS, name);
}

test('check on a letter with an unanswered question prints a compiler-style line and exits 1', () => {
  const dir = tempDir();
  try {
    writeFileSync(path.join(dir, 'antwoorden.txt'), UNANSWERED_TXT);
    const r = run(['check', 'antwoorden.txt'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    const hit = lines.filter((l) => l.includes('unanswered-question'));
    assert.equal(hit.length, 1, r.stdout);
    assert.match(hit[0], /^antwoorden\.txt:(9|10):\d+  error  unanswered-question  \S.*$/);
    assert.equal(r.stderr, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check --format json gives one entry per file with code, severity, message, range and question', () => {
  const dir = tempDir();
  try {
    writeFileSync(path.join(dir, 'a.txt'), UNANSWERED_TXT);
    writeFileSync(path.join(dir, 'b.md'), ANSWERED_MD);
    const r = run(['check', '--format', 'json', 'a.txt', 'b.md'], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.map((f: any) => f.file), ['a.txt', 'b.md']);
    for (const f of out) {
      assert.deepEqual(Object.keys(f), ['file', 'source', 'diagnostics', 'summary']);
      assert.equal(f.source, 'text');
      for (const d of f.diagnostics) {
        assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'question']);
        assert.equal(typeof d.range.start.line, 'number');
        assert.equal(typeof d.range.end.character, 'number');
      }
    }
    const u = out[0].diagnostics.filter((d: any) => d.code === 'unanswered-question');
    assert.equal(u.length, 1);
    assert.equal(u[0].severity, 'error');
    assert.equal(u[0].question, '2');
    assert.ok([8, 9].includes(u[0].range.start.line));
    assert.deepEqual(out[1].diagnostics.filter((d: any) => d.severity === 'error'), []);
    // What was read, per file: a.txt asks four questions, answers two itself and one by reference.
    assert.deepEqual(out[0].summary, { questions: 4, answered: 3, byReference: 1, open: 1, questionLetter: false, errors: 1, noneRecognised: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check on a complete letter exits 0', () => {
  const dir = tempDir();
  try {
    writeFileSync(path.join(dir, 'b.md'), ANSWERED_MD);
    const r = run(['check', 'b.md'], dir);
    assert.equal(r.code, 0, r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outline --format json lists questions with subquestions and answer state', () => {
  const dir = tempDir();
  try {
    writeFileSync(path.join(dir, 'a.txt'), UNANSWERED_TXT);
    const r = run(['outline', '--format', 'json', 'a.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['file', 'source', 'questions']);
    assert.equal(out.file, 'a.txt');
    assert.deepEqual(
      out.questions.map((q: any) => [q.id, q.answer.status, q.answer.refersTo]),
      [
        ['1', 'answered', []],
        ['2', 'missing', []],
        ['3', 'answered', []],
        ['4', 'by-reference', ['1']],
      ],
    );
    const q2 = out.questions[1];
    assert.deepEqual(Object.keys(q2), ['id', 'section', 'range', 'subquestions', 'answer']);
    assert.deepEqual(Object.keys(q2.answer), ['status', 'range', 'refersTo']);
    assert.equal(q2.answer.range, null);
    assert.deepEqual(q2.subquestions.map((s: any) => s.text), ['Welke maatregelen neemt u om de wachttijden te verkorten?']);
    assert.deepEqual(q2.subquestions[0].range, { start: { line: 9, character: 0 }, end: { line: 9, character: 57 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unreadable input exits 2 with one Dutch line and no stack trace', () => {
  const dir = tempDir();
  try {
    mkdirSync(path.join(dir, 'map'));
    writeFileSync(path.join(dir, 'brief.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(path.join(dir, 'brief.bin'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(path.join(dir, 'rommel.bin'), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x07, 0x08, 0x00]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Vraag 1\nWat is het beleid ten aanzien van caf\xe9s?\n', 'latin1'));
    const cases: [string[], RegExp][] = [
      [['check', 'bestaat-niet.txt'], /bestaat-niet\.txt: bestand niet gevonden/],
      [['check', 'map'], /map: dit is een map/],
      [['check', 'rommel.bin'], /rommel\.bin: dit is geen tekstbestand/],
      // A file of another kind under a text name says what it is.
      [['check', 'brief.bin'], /brief\.bin is een PDF-bestand met de extensie \.bin; geef het de extensie \.pdf/],
      // A .pdf is read as a PDF (issue 15): this one stops after its header.
      [['check', 'brief.pdf'], /brief\.pdf is onvolledig/],
      [['check', 'latin1.txt'], /latin1\.txt: .*geen geldige UTF-8/],
      [['outline', '--format', 'json', 'bestaat-niet.txt'], /bestand niet gevonden/],
      [['check', '--format', 'xml', 'latin1.txt'], /onbekend formaat: xml/],
      [['check'], /geef minstens één bestand op/],
      [['verwijder', 'a.txt'], /onbekende opdracht 'verwijder'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreadable file among readable ones still checks the others, then exits 2', () => {
  const dir = tempDir();
  try {
    writeFileSync(path.join(dir, 'b.md'), ANSWERED_MD);
    const r = run(['check', '--format', 'json', 'b.md', 'weg.md'], dir);
    assert.equal(r.code, 2);
    // The unreadable file stands among the letters with its message, so a script sees it.
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.map((f: any) => f.file), ['b.md', 'weg.md']);
    assert.deepEqual(Object.keys(out[1]), ['file', 'error']);
    assert.match(out[1].error, /weg\.md: bestand niet gevonden/);
    assert.ok(Array.isArray(out[0].diagnostics));
    assert.match(r.stderr, /weg\.md: bestand niet gevonden/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--help explains the commands in Dutch', () => {
  const r = run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Gebruik:/);
  assert.match(r.stdout, /antwoordbrief check \[--format text\|json\]/);
  assert.match(r.stdout, /antwoordbrief outline/);
  assert.match(run(['check', '--help']).stdout, /^Gebruik: antwoordbrief check/);
});

test('the bin script runs the CLI', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/antwoordbrief.js'), '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /antwoordbrief check/);
});

test('the published corpus letters check without errors', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus: ../shared not present');
  for (const prefix of ['000_', '002_', '004_']) {
    const file = corpusFile(prefix)!;
    const r = run(['check', '--format', 'json', file]);
    assert.equal(r.code, 0, `${prefix}: ${r.stdout.slice(0, 2000)}`);
    const [entry] = JSON.parse(r.stdout);
    assert.equal(entry.file, file);
    assert.deepEqual(entry.diagnostics.filter((d: any) => d.severity === 'error'), []);
  }
});

test('outline of corpus 002 has answer units 1 to 71, seven answered by reference', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus: ../shared not present');
  const r = run(['outline', '--format', 'json', corpusFile('002_')!]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.questions.map((q: any) => q.id),
    Array.from({ length: 71 }, (_, i) => String(i + 1)),
  );
  // 49 and 60 point elsewhere and answer in their own words too: answered (test/truth).
  assert.equal(out.questions.filter((q: any) => q.answer.status === 'by-reference').length, 7);
  assert.deepEqual(out.questions.filter((q: any) => q.answer.status === 'missing'), []);
  assert.deepEqual(out.questions.find((q: any) => q.id === '69').answer.refersTo, ['50']);
  assert.equal(out.questions.find((q: any) => q.id === '60').answer.status, 'answered');
});

test('outline of corpus 004 holds no questions', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus: ../shared not present');
  const r = run(['outline', '--format', 'json', corpusFile('004_')!]);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout).questions, []);
});
