// The real CLI on inputs that are no letter: a FIFO (as a file and as --questions), /dev/zero, a
// folder, a 50 MB file, UTF-16 with and without a byte-order mark, a file name with a newline.
// Each ends with exit 2 and one Dutch line (never a hang: the spawn has a deadline), or is read.
// Output that cannot be written: a reader that leaves early, a full disk; an uncaught fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
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

/**
 * A letter whose every command prints well over a pipe's buffer (64 KB): questions with and
 * without an answer, each answer citing a Kamerstuk and promising to inform the Kamer.
 */
function bigLetter(n: number): string {
  let s = '';
  for (let i = 1; i <= n; i++) {
    s += `Vraag ${i}\nWaarom is regeling ${i} nog niet ingevoerd?\n\n`;
    if (i % 4) s += `Antwoord ${i}\nZie Kamerstuk 30 821, nr. ${i}. Ik zal uw Kamer voor de zomer van 2027 informeren over regeling ${i}.\n\n`;
  }
  return s;
}

/** Every command and output format of the CLI, as arguments before the file. */
const EVERY_OUTPUT: string[][] = [
  ['check'], ['check', '--format', 'json'], ['outline'], ['outline', '--format', 'json'], ['refs'], ['refs', '--format', 'json'],
  ['skeleton'], ['toezeggingen'], ['toezeggingen', '--format', 'json'], ['toezeggingen', '--format', 'csv'],
];

/** Runs the CLI with stdout a pipe that the reader closes after the first chunk (`| head -c 100`). */
function runClosingPipe(args: string[], cwd: string): Promise<{ code: number | null; signal: string | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let read = 0;
    const timer = setTimeout(() => (child.kill(), reject(new Error(`antwoordbrief ${args.join(' ')} hung after its reader left`))), 20000);
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
    child.on('exit', (code, signal) => (clearTimeout(timer), resolve({ code, signal, stderr, read })));
  });
}

test('cli: a reader that closes the pipe early ends every command quietly, with the exit code of the findings', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-hostile-cli-'));
  try {
    // Several letters where a command takes them: a letter shows at most 1,000 findings.
    const files = ['groot-1.md', 'groot-2.md', 'groot-3.md', 'groot-4.md'];
    for (const f of files) writeFileSync(path.join(dir, f), bigLetter(6000));
    for (const args of EVERY_OUTPUT) {
      const inputs = args[0] === 'outline' || args[0] === 'skeleton' ? files.slice(0, 1) : files;
      // What the command exits with when its output is read to the end.
      const full = run([...args, ...inputs], dir);
      assert.ok(full.stdout.length > 128 * 1024, `${args.join(' ')} prints only ${full.stdout.length} bytes`);
      const r = await runClosingPipe([...args, ...inputs], dir);
      assert.ok(r.read > 0 && r.read < full.stdout.length, `${args.join(' ')}: the reader got ${r.read} bytes`);
      assert.equal(r.signal, null, args.join(' '));
      assert.equal(r.code, full.code, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${args.join(' ')} wrote to stderr after its reader left`);
    }
    assert.equal(run(['check', 'groot-1.md'], dir).code, 1, 'the letter has unanswered questions: exit 1 is the findings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli: output that cannot be written (a full disk) is one Dutch line and exit 2 for every command and format', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'groot.md'), bigLetter(300));
    for (const args of EVERY_OUTPUT) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI, ...args, 'groot.md'], { cwd: dir, encoding: 'utf8', timeout: 20000, stdio: ['ignore', full, 'pipe'] });
        assert.equal(r.signal, null, `${args.join(' ')} hung`);
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr, 'antwoordbrief: kan de uitvoer niet schrijven: de schijf is vol\n', args.join(' '));
      } finally {
        closeSync(full);
      }
    }
  }),
);

test('cli: an error no command caught (thrown or rejected) is one Dutch line and exit 2, never a stack trace', () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), ANSWERED_MD);
    // A fault from outside any command: a preloaded module throws once the CLI is running.
    for (const fault of ["throw new Error('boem\\n    at iets (x.js:1:1)')", "Promise.reject(new TypeError('kapot'))"]) {
      writeFileSync(path.join(dir, 'fout.cjs'), `setTimeout(() => { ${fault}; }, 0); setTimeout(() => {}, 2000);`);
      const r = spawnSync(process.execPath, ['--require', path.join(dir, 'fout.cjs'), CLI, 'check', 'brief.md'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
      assert.equal(r.status, 2, r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^antwoordbrief: interne fout: (boem|kapot)$/);
      assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+|Node\.js v/);
    }
  }),
);

test('cli: options and command names from the user are quoted at most 80 characters', () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), ANSWERED_MD);
    const long = 'x'.repeat(10000);
    for (const args of [[long], ['check', `--${long}`, 'brief.md'], ['check', '--format', long, 'brief.md'], ['toezeggingen', '--datum', long, 'brief.md']]) {
      const r = run(args, dir);
      assert.equal(r.code, 2);
      assert.ok(r.stderr.length < 400, `${r.stderr.length} characters: ${r.stderr.slice(0, 200)}`);
      assert.match(r.stderr, /x{70,79}…/);
    }
  }),
);
