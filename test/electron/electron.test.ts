// The same assertions as the code-server suite, in the VS Code that @vscode/test-electron downloads.
// These machines reach no download site, so the suite skips here saying so; on a machine that can
// reach update.code.visualstudio.com it runs (set ANTWOORDBRIEF_SKIP_ELECTRON=1 to skip it anyway).
import { test } from 'node:test';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LETTER, QUESTION_LETTER } from '../e2e/letter';

const ROOT = resolve(__dirname, '../..');

async function canDownloadVsCode(): Promise<string | null> {
  if (process.env.ANTWOORDBRIEF_SKIP_ELECTRON) return 'ANTWOORDBRIEF_SKIP_ELECTRON is gezet';
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(3000) });
    return res.ok ? null : `update.code.visualstudio.com antwoordde ${res.status}`;
  } catch (e) {
    return `geen verbinding met update.code.visualstudio.com (${e instanceof Error ? e.message : e})`;
  }
}

test('the extension in a downloaded VS Code (@vscode/test-electron) shows the same as in code-server', async (t) => {
  const why = await canDownloadVsCode();
  if (why) {
    t.skip(`VS Code kan hier niet worden gedownload: ${why}. De e2e-suite in code-server (test/e2e) toetst hetzelfde.`);
    return;
  }
  const { runTests } = await import('@vscode/test-electron');
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'antwoordbrief-electron-'));
  try {
    const suite = join(dir, 'suite/index.js');
    await esbuild.build({ entryPoints: [join(__dirname, 'suite/index.ts')], outfile: suite, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
    const workspace = join(dir, 'werkmap');
    mkdirSync(workspace);
    cpSync(join(ROOT, LETTER.path), join(workspace, 'antwoordbrief.md'));
    cpSync(join(ROOT, QUESTION_LETTER.path), join(workspace, 'vragenbrief.txt'));
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(dir, 'user-data')],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
