// Bundles the extension client, the language server (two bundles, see scripts/bundles.mjs) and
// the CLI with esbuild.
import * as esbuild from 'esbuild';
import { common, serverBundles } from './bundles.mjs';

const production = process.argv.includes('--production');
const mode = { sourcemap: production ? false : 'linked', minify: production };

await Promise.all([
  esbuild.build({ ...common, ...mode, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  ...serverBundles('dist', { production }).map((o) => esbuild.build(o)),
  esbuild.build({ ...common, ...mode, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);
