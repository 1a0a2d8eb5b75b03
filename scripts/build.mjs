// Bundles the extension client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // PDF and Word extraction (pdf.js, mammoth): its own bundle, started in a worker thread on the
  // first PDF or Word file (server/src/host/extract/index.ts), never part of the server's start.
  esbuild.build({ ...common, entryPoints: ['server/src/host/extract/engine.ts'], outfile: 'dist/extract.js' }),
]);
