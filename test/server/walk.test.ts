// Folder walks of the real server (issue 10, break-it items 1, 2 and 10): the workspace check over
// a link loop answers and checks each real letter once; a folder too large to walk whole is said
// in the check's result; typing in a letter does not list its folder again (the listing is kept
// until the editor reports a file change), counted in the server process by
// test/support/fs-count.cjs rather than timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CAPABILITIES, LspClient, PROJECT_ROOT } from './lsp-client';

const CAN_LINK = process.platform !== 'win32';
const LETTER = (i: number) => `Vraag 1\nWaarom ${i}?\n\nAntwoord 1\nDaarom ${i}.\n`;

async function withWorkspace(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-walk-ws-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('server: the workspace check over a folder with link loops answers and checks each real letter once', { skip: !CAN_LINK && 'no symbolic links here' }, () =>
  withWorkspace(async (dir) => {
    writeFileSync(path.join(dir, 'a.md'), LETTER(1));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'b.txt'), LETTER(2));
    for (let i = 0; i < 10; i++) symlinkSync('.', path.join(dir, `lus${i}`));
    symlinkSync('..', path.join(dir, 'sub', 'omhoog'));
    symlinkSync('a.md', path.join(dir, 'c.md'));
    const c = await LspClient.start({ rootUri: pathToFileURL(dir).toString() });
    try {
      const result = await c.request('antwoordbrief/checkWorkspace', {});
      assert.equal(result.files, 2, JSON.stringify(result));
      assert.equal(result.notices, undefined);
      const published = new Set(c.published.map((p) => p.uri));
      assert.deepEqual([...published].sort(), [pathToFileURL(path.join(dir, 'a.md')).toString(), pathToFileURL(path.join(dir, 'sub', 'b.txt')).toString()]);
      assert.equal(await c.shutdown(), 0);
    } finally {
      c.kill();
    }
  }),
);

test('server: the workspace check says in Dutch when a folder has more entries than are looked at', () =>
  withWorkspace(async (dir) => {
    writeFileSync(path.join(dir, '0-brief.md'), LETTER(1));
    // MAX_DIR_ENTRIES is 10,000 (host/read.ts); XML files (papers are saved so) count, no letters.
    const wide = path.join(dir, 'bijlagen');
    mkdirSync(wide);
    for (let i = 0; i <= 10_000; i++) writeFileSync(path.join(wide, `x${i}.xml`), '');
    // Files no walk takes (images) do not count: the letter among them is found.
    const images = path.join(dir, 'plaatjes');
    mkdirSync(images);
    for (let i = 0; i <= 10_000; i++) writeFileSync(path.join(images, `p${i}.png`), '');
    writeFileSync(path.join(images, 'zz-brief.md'), LETTER(2));
    const c = await LspClient.start({ rootUri: pathToFileURL(dir).toString() });
    try {
      const result = await c.request('antwoordbrief/checkWorkspace', {});
      assert.equal(result.files, 2, JSON.stringify(result));
      assert.equal(result.notices?.length, 1, JSON.stringify(result));
      assert.match(result.notices[0], /bijlagen bevat meer dan 10000 bestanden; alleen de eerste 10000 zijn bekeken$/);
      assert.equal(await c.shutdown(), 0);
    } finally {
      c.kill();
    }
  }),
);

test('server: typing in a letter does not list its folder again until a file changes on disk', () =>
  withWorkspace(async (dir) => {
    for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `b${i}.md`), LETTER(i));
    const countFile = path.join(os.tmpdir(), `antwoordbrief-walk-count-${process.pid}.json`);
    const counts = () => JSON.parse(readFileSync(countFile, 'utf8')) as { opendir: number; stat: number };
    const c = await LspClient.start({
      rootUri: pathToFileURL(dir).toString(),
      nodeArgs: ['-r', path.join(PROJECT_ROOT, 'test/support/fs-count.cjs')],
      env: { ...process.env, ANTWOORDBRIEF_FS_COUNT: countFile },
      capabilities: { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    try {
      const uri = pathToFileURL(path.join(dir, 'zz-antwoord.md')).toString();
      // A motion without its number: the letters of the folder are read to link it.
      await c.open(uri, 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom, zie de motie-Jansen.\n');
      await c.diagnostics(uri, 1);
      const first = counts();
      assert.ok(first.opendir >= 1, JSON.stringify(first));
      for (let k = 0; k < 5; k++) {
        const v = await c.edit(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, 'x');
        await c.diagnostics(uri, v);
      }
      const typed = counts();
      assert.equal(typed.opendir, first.opendir, `folder listed again while typing: ${JSON.stringify({ first, typed })}`);
      assert.ok(typed.stat - first.stat <= 5 * 5, `files looked at again while typing: ${JSON.stringify({ first, typed })}`);
      // A letter made on disk, as the editor's watcher reports it: the folder is listed afresh.
      const made = path.join(dir, 'nieuw.md');
      writeFileSync(made, LETTER(999));
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(made).toString(), type: 1 }] });
      const v = await c.edit(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, 'y');
      await c.diagnostics(uri, v);
      assert.ok(counts().opendir > typed.opendir, JSON.stringify(counts()));
      assert.equal(await c.shutdown(), 0);
    } finally {
      c.kill();
      rmSync(countFile, { force: true });
    }
  }),
);
