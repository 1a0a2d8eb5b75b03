// Folder walks through the real CLI (issue 10, break-it items 1-3): links to folders (a loop, many
// links to one folder) visit each real folder and file once; a walk that is cut says so in Dutch;
// `check MAP` lists and looks at each file a bounded number of times per letter (counted in the
// real process by test/support/fs-count.cjs, not timed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const COUNTER = path.join(ROOT, 'test/support/fs-count.cjs');
const CAN_LINK = process.platform !== 'win32';
const LETTER = (i: number) => `Vraag 1\nWaarom ${i}?\n\nAntwoord 1\nDaarom ${i}.\n`;

/** Runs the CLI (killed after 30 s: a hang fails the test); with `count`, the fs calls it made. */
function run(args: string[], cwd: string, count = false) {
  const countFile = path.join(cwd, '..', `count-${process.pid}.json`);
  const r = spawnSync(process.execPath, [...(count ? ['-r', COUNTER] : []), CLI, ...args], {
    encoding: 'utf8',
    cwd,
    timeout: 30000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ANTWOORDBRIEF_FS_COUNT: countFile },
  });
  assert.equal(r.signal, null, `antwoordbrief ${args.join(' ')} hung and was killed`);
  const counts = count ? (JSON.parse(readFileSync(countFile, 'utf8')) as { opendir: number; stat: number }) : null;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, counts };
}

function withDir(fn: (dir: string) => void): void {
  const base = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-walk-'));
  const dir = path.join(base, 'map');
  mkdirSync(dir);
  try {
    fn(dir);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

test('cli: a folder with links to itself (a loop) and to a subfolder checks each real letter once', { skip: !CAN_LINK && 'no symbolic links here' }, () =>
  withDir((dir) => {
    writeFileSync(path.join(dir, 'a.md'), LETTER(1));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'b.txt'), LETTER(2));
    for (let i = 0; i < 10; i++) symlinkSync('.', path.join(dir, `lus${i}`));
    symlinkSync('sub', path.join(dir, 'ook-sub'));
    symlinkSync('..', path.join(dir, 'sub', 'omhoog'));
    // The same file under a second name (a link and a hard link) is one letter.
    symlinkSync('a.md', path.join(dir, 'c-link.md'));
    linkSync(path.join(dir, 'a.md'), path.join(dir, 'd-hard.md'));
    const check = run(['check', '--format', 'json', '.'], dir);
    assert.equal(check.stderr, '');
    const files = (JSON.parse(check.stdout) as { file: string }[]).map((r) => r.file);
    assert.deepEqual(files, ['a.md', path.join('sub', 'b.txt')]);
    const promises = run(['toezeggingen', '--format', 'json', '.'], dir);
    assert.equal(promises.code, 0, promises.stderr);
    assert.deepEqual((JSON.parse(promises.stdout) as { file: string }[]).map((r) => r.file), files);
  }),
);

test('cli: a folder with only a link loop and no letters says so in one Dutch line', { skip: !CAN_LINK && 'no symbolic links here' }, () =>
  withDir((dir) => {
    for (let i = 0; i < 10; i++) symlinkSync('.', path.join(dir, `l${i}`));
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^antwoordbrief: \.: dit is een map zonder brieven/);
  }),
);

test('cli: more letters than a folder check takes is said in Dutch on stderr, not cut silently', () =>
  withDir((dir) => {
    // WORKSPACE_LIMITS.files is 2,000 (host/read.ts).
    for (let i = 0; i < 2001; i++) writeFileSync(path.join(dir, `b${String(i).padStart(4, '0')}.txt`), `Vraag 1\nWaarom ${i}?\n`);
    const r = run(['check', '--format', 'json', '.'], dir);
    const results = JSON.parse(r.stdout) as { file: string }[];
    assert.equal(results.length, 2000);
    assert.ok(!results.some((x) => x.file === 'b2000.txt'));
    assert.match(r.stderr, /^antwoordbrief: \.: meer dan 2000 brieven gevonden; alleen de eerste 2000 \(op naam\) zijn gecontroleerd\n$/);
    // The notice is no error: the exit code is the findings' (unanswered questions: 1).
    assert.equal(r.code, 1);
    const t = run(['toezeggingen', '.'], dir);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stderr, /meer dan 2000 brieven gevonden/);
  }),
);

test('cli: letters in folders deeper than a folder check goes are named in a Dutch notice, the others checked', () =>
  withDir((dir) => {
    // WORKSPACE_LIMITS.maxDepth is 6 (host/read.ts): a letter 6 folders down is read, 7 down is not.
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    mkdirSync(path.join(dir, ...levels), { recursive: true });
    writeFileSync(path.join(dir, ...levels.slice(0, 6), 'diep.txt'), LETTER(6));
    writeFileSync(path.join(dir, ...levels, 'te-diep.txt'), LETTER(7));
    const r = run(['check', '--format', 'json', '.'], dir);
    const results = JSON.parse(r.stdout) as { file: string }[];
    assert.deepEqual(results.map((x) => x.file), [path.join(...levels.slice(0, 6), 'diep.txt')]);
    assert.match(r.stderr, /^antwoordbrief: \.: mappen dieper dan 6 niveaus zijn overgeslagen \(bijvoorbeeld a\/b\/c\/d\/e\/f\/g\)\n$/);
    assert.equal(r.code, 0);
  }),
);

test('cli: check MAP lists each folder once and looks at each file a bounded number of times per letter', () =>
  withDir((dir) => {
    const sizes = [150, 600];
    const counts: { opendir: number; stat: number }[] = [];
    for (const n of sizes) {
      const sub = path.join(dir, `n${n}`);
      mkdirSync(sub);
      for (let i = 0; i < n; i++) writeFileSync(path.join(sub, `a${i}.txt`), LETTER(i));
      const r = run(['check', `n${n}`], dir, true);
      assert.match(r.stdout, new RegExp(`geen meldingen in ${n} bestanden`));
      counts.push(r.counts!);
    }
    // One listing of the folder for the whole run (the walk, every letter's question-letter search
    // and citation context share it), not one per letter.
    for (const c of counts) assert.ok(c.opendir <= 3, JSON.stringify(counts));
    // Looks grow with the number of letters, not its square (it was about 1.2 n^2: 306,000 at 500).
    for (const [i, n] of sizes.entries()) assert.ok(counts[i].stat <= 8 * n, `${counts[i].stat} looks for ${n} letters`);
  }),
);
