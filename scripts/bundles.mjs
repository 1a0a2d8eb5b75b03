// The esbuild options of the bundles, shared by the development build (scripts/build.mjs), the
// package (scripts/package.mjs) and the benchmark, so that what is measured is what ships.
//
// The language server is two bundles (and a third for PDF and Word files, below): dist/server.js (the LSP plumbing and the analysis core,
// everything the first diagnostics need) and dist/sources.js (the HTTP clients of the public
// sources, the XML parser and the disk cache), which server.js loads with `import()` only when a
// letter first cites a paper (server/src/lsp/facts.ts). A cold server thus parses less before
// its first publish.
import { join } from 'node:path';

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

/** Turns the dynamic `import('../sources/service')` of lsp/facts.ts into a require of ./sources.js. */
export const lazySources = {
  name: 'lazy-sources',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/sources\/service$/ }, (args) =>
      args.kind === 'dynamic-import' && /[\\/]lsp[\\/]facts\.ts$/.test(args.importer) ? { path: './sources.js', external: true } : undefined,
    );
  },
};

/**
 * The esbuild options of the server's two bundles written to `outdir`.
 * @param {string} outdir
 * @param {{ production?: boolean, absWorkingDir?: string }} [opts]
 */
export function serverBundles(outdir, opts = {}) {
  const mode = { sourcemap: opts.production ? false : 'linked', minify: !!opts.production, ...(opts.absWorkingDir ? { absWorkingDir: opts.absWorkingDir } : {}) };
  return [
    { ...common, ...mode, entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server.js'), plugins: [lazySources] },
    { ...common, ...mode, entryPoints: ['server/src/sources/service.ts'], outfile: join(outdir, 'sources.js') },
    // PDF and Word extraction (pdf.js, mammoth): started in a worker thread on the first PDF or
    // Word file (server/src/host/extract/index.ts), by the server and the CLI; never at start.
    { ...common, ...mode, entryPoints: ['server/src/host/extract/engine.ts'], outfile: join(outdir, 'extract.js') },
  ];
}
