// The esbuild options of the bundles, shared by the development build (scripts/build.mjs), the
// package (scripts/package.mjs) and the benchmark, so that what is measured is what ships.
//
// The language server is two bundles (and a third for PDF and Word files, below): dist/server.js (the LSP plumbing and the analysis core,
// everything the first diagnostics need) and dist/sources.js (the HTTP clients of the public
// sources, the XML parser and the disk cache), which server.js loads with `import()` only when a
// letter first cites a paper (server/src/lsp/facts.ts). A cold server thus parses less before
// its first publish.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

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

/** The global through which pdf.js's decoders ask the extraction worker for room (server/src/host/extract/pdf.ts). */
export const DECODE_HOOK = 'antwoordbrief.decode';

/**
 * Bounds what pdf.js decodes. Every pdf.js decoder of a stream (Flate, LZW, RunLength, ASCII85,
 * ASCIIHex, CCITT fax, predictors, decryption) grows its output through
 * `DecodeStream.ensureBuffer(requested)`; the patched method first asks the worker's hook, which
 * throws once one stream or the document's streams together would decode beyond the bounds
 * (host/extract/types.ts LIMITS). The build fails when the method is not found (another pdf.js).
 */
export const boundedPdfjs = {
  name: 'bounded-pdfjs',
  setup(build) {
    build.onLoad({ filter: /[\\/]unpdf[\\/]dist[\\/]pdfjs\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const method = 'ensureBuffer(e){const n=this.buffer;if(e<=n.byteLength)return n;';
      const at = source.indexOf(method);
      if (at < 0 || source.indexOf(method, at + 1) >= 0) throw new Error(`bounded-pdfjs: DecodeStream.ensureBuffer not found once in ${args.path}; update scripts/bundles.mjs for this pdf.js`);
      const hook = `globalThis[Symbol.for(${JSON.stringify(DECODE_HOOK)})]?.(e,n.byteLength);`;
      return { contents: source.slice(0, at + method.length) + hook + source.slice(at + method.length), loader: 'js' };
    });
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
    { ...common, ...mode, entryPoints: ['server/src/host/extract/engine.ts'], outfile: join(outdir, 'extract.js'), plugins: [boundedPdfjs] },
  ];
}
