// The real CLI on inputs that are no letter: a FIFO (as a file and as --questions), /dev/zero, a
// folder, a 50 MB file, UTF-16 with and without a byte-order mark, a file name with a newline.
// Each ends with exit 2 and one Dutch line (never a hang: the spawn has a deadline), or is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANSWERED_MD, UNANSWERED_TXT } from '../server/letters';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CAN_FIFO = process.platform !== 'win32';

/** Runs the CLI; a run that does not end within 20 s is killed and fails the test (a hang). */
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 20000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.signal, null, `antwoordbrief ${args.join(' ')} hung and was killed`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-hostile-cli-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exit 2, nothing on stdout, exactly one Dutch line on stderr matching `expect`, no stack trace. */
function assertRefused(r: { code: number | null; stdout: string; stderr: string }, expect: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], expect);
  assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+|Error:/);
}

test('cli: a FIFO as the letter or as --questions exits 2 with one Dutch line', { skip: !CAN_FIFO && 'no FIFOs here' }, () =>
  withDir((dir) => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    writeFileSync(path.join(dir, 'brief.md'), ANSWERED_MD);
    for (const args of [['check', 'fifo.md'], ['outline', 'fifo.md'], ['skeleton', 'fifo.md'], ['refs', 'fifo.md'], ['check', '--questions', 'fifo.md', 'brief.md']]) {
      assertRefused(run(args, dir), /^antwoordbrief: fifo\.md: dit is geen gewoon bestand \(een FIFO\)/);
    }
  }),
);

test('cli: /dev/zero and a device behind a letter name exit 2 with one Dutch line', { skip: !existsSync('/dev/zero') && 'no /dev/zero here' }, () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), ANSWERED_MD);
    assertRefused(run(['check', '/dev/zero'], dir), /^antwoordbrief: \/dev\/zero: dit is geen gewoon bestand \(een apparaat\)/);
    assertRefused(run(['check', '--questions', '/dev/zero', 'brief.md'], dir), /geen gewoon bestand \(een apparaat\)/);
    execFileSync('ln', ['-s', '/dev/zero', path.join(dir, 'nul.md')]);
    assertRefused(run(['outline', 'nul.md'], dir), /^antwoordbrief: nul\.md: dit is geen gewoon bestand \(een apparaat\)/);
  }),
);

test('cli: a 50 MB file exits 2 with "te groot" without reading it', () =>
  withDir((dir) => {
    const big = path.join(dir, 'groot.md');
    writeFileSync(big, 'Vraag 1\nWaarom?\n');
    truncateSync(big, 50 * 1024 * 1024);
    for (const args of [['check', 'groot.md'], ['refs', 'groot.md'], ['skeleton', 'groot.md']]) {
      assertRefused(run(args, dir), /^antwoordbrief: groot\.md: dit bestand is te groot \(50 MB; een brief is hoogstens 8,0 MB\)/);
    }
  }),
);

test('cli: refs on a folder prints nothing on stdout and exits 2', () =>
  withDir((dir) => {
    mkdirSync(path.join(dir, 'map'));
    for (const format of ['json', 'text']) assertRefused(run(['refs', '--format', format, 'map'], dir), /^antwoordbrief: map: dit is een map, geen gewoon bestand/);
  }),
);

test('cli: UTF-16 with a byte-order mark (LE and BE) is read like UTF-8; without one it is named as UTF-16', () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'utf8.txt'), UNANSWERED_TXT);
    writeFileSync(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UNANSWERED_TXT, 'utf16le')]));
    writeFileSync(path.join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(UNANSWERED_TXT, 'utf16le').swap16()]));
    writeFileSync(path.join(dir, 'bom8.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UNANSWERED_TXT, 'utf8')]));
    writeFileSync(path.join(dir, 'zonder.txt'), Buffer.from(UNANSWERED_TXT, 'utf16le'));
    const expected = JSON.parse(run(['check', '--format', 'json', 'utf8.txt'], dir).stdout)[0].diagnostics;
    assert.ok(expected.length > 0);
    for (const name of ['le.txt', 'be.txt', 'bom8.txt']) {
      const r = run(['check', '--format', 'json', name], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics, expected, name);
    }
    assertRefused(run(['check', 'zonder.txt'], dir), /^antwoordbrief: zonder\.txt: dit bestand lijkt UTF-16-tekst zonder byte-order mark/);
    assert.doesNotMatch(run(['check', 'zonder.txt'], dir).stderr, /binair/);
  }),
);

test('cli: a file name with a newline keeps every finding on one file:line:col line', { skip: process.platform === 'win32' && 'no newlines in Windows file names' }, () =>
  withDir((dir) => {
    const name = 'brief\nmet regelovergang.txt';
    writeFileSync(path.join(dir, name), UNANSWERED_TXT);
    const r = run(['check', name], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    // Every line but the total names the file first: a finding (file:line:col) or its summary.
    const perFile = lines.slice(0, -1);
    assert.ok(perFile.some((l) => /^brief\\nmet regelovergang\.txt:\d+:\d+  (error|warning|information|hint)  [a-z-]+  \S/.test(l)), r.stdout);
    for (const l of perFile) assert.match(l, /^brief\\nmet regelovergang\.txt:(\d+:\d+  (error|warning|information|hint)  [a-z-]+  \S| \S)/, l);
    assert.match(lines.at(-1)!, /(melding|meldingen) in 1 bestand$/);
    // Unreadable ones name the file on one line too.
    mkdirSync(path.join(dir, 'map\nnaam'));
    writeFileSync(path.join(dir, 'map\nnaam', 'x.txt'), '');
    const bad = run(['refs', 'map\nnaam'], dir);
    assertRefused(bad, /^antwoordbrief: map\\nnaam: dit is een map/);
    // JSON output keeps the real name.
    assert.equal(JSON.parse(run(['check', '--format', 'json', name], dir).stdout)[0].file, name);
  }),
);

test('cli: check MAP skips FIFOs and oversized files in the folder and checks the letters', { skip: !CAN_FIFO && 'no FIFOs here' }, () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), ANSWERED_MD);
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /in 1 bestand/);
  }),
);
