// Bundles the extension client, the language server (two bundles, see scripts/bundles.mjs) and
// the CLI with esbuild.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { common, serverBundles } from './bundles.mjs';

const production = process.argv.includes('--production');
const mode = { sourcemap: production ? false : 'linked', minify: production };

await Promise.all([
  esbuild.build({ ...common, ...mode, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  ...serverBundles('dist', { production }).map((o) => esbuild.build(o)),
  esbuild.build({ ...common, ...mode, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);

// The V8 code cache of the extraction worker for this Node (dist/extract.cache; see
// server/src/host/extract/index.ts): the first PDF of a fresh process then skips compiling pdf.js.
const tmp = mkdtempSync(join(tmpdir(), 'antwoordbrief-build-'));
try {
  const script = join(tmp, 'extract-cache.js');
  await esbuild.build({ ...common, entryPoints: ['scripts/extract-cache.ts'], outfile: script });
  const r = spawnSync(process.execPath, [script, 'dist'], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
