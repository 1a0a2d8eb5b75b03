// Run by scripts/build.mjs after the bundles are written: the V8 code cache of dist/extract.js
// (dist/extract.cache), made by the worker after it read the built-in sample PDF, so that the
// first PDF of a fresh process (the CLI) does not compile pdf.js's code again. Usage:
// node <bundled>.js <dir with extract.js>
import * as path from 'node:path';
import { Extractor } from '../server/src/host/extract/index';

async function main() {
  const dir = path.resolve(process.argv[2] ?? 'dist');
  const ok = await new Extractor(undefined, undefined, path.join(dir, 'extract.js')).writeCodeCache();
  if (!ok) {
    process.stderr.write('extract-cache: het codegeheugen van dist/extract.js is niet geschreven\n');
    process.exitCode = 1;
  }
}

void main();
