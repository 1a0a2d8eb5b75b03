// Builds the .vsix a drafter installs: production bundles (minified, no sourcemaps) of the
// client and the server in a staging folder, so the development build in dist/ that tests use is
// never overwritten mid-run, then `vsce package` with the allow-list in .vscodeignore.
// Usage: node scripts/package.mjs [--out <file.vsix>]   (default: antwoordbrief.vsix)
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { serverBundles } from './bundles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(root, 'antwoordbrief.vsix'));
const stage = mkdtempSync(join(tmpdir(), 'antwoordbrief-package-'));

try {
  const copy = ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'LICENSE.txt', 'syntaxes', 'snippets',
    ...readdirSync(root).filter((f) => /^package\.nls(\..+)?\.json$/.test(f))];
  for (const f of copy) if (existsSync(join(root, f))) cpSync(join(root, f), join(stage, f), { recursive: true });

  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, minify: true, logLevel: 'warning', absWorkingDir: root };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: join(stage, 'dist/client.js'), external: ['vscode'] }),
    ...serverBundles(join(stage, 'dist'), { production: true, absWorkingDir: root }).map((o) => esbuild.build(o)),
  ]);

  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  const args = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out];
  const r = spawnSync(process.execPath, args, { cwd: stage, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vsce package mislukt (code ${r.status})`);
  const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' });
  process.stdout.write(`Inhoud van het pakket:\n${ls.stdout}`);
  console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
