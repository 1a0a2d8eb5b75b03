// Architecture invariant: the analysis core imports no Node built-in and nothing of an editor or
// the LSP connection, so every host (server, CLI, tests) can run it as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../server/src/core');
const FORBIDDEN = new Set([...builtinModules, 'vscode', 'vscode-languageserver', 'vscode-languageclient', 'vscode-jsonrpc']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('the analysis core imports no Node built-in, editor or LSP module', () => {
  const files = sources(CORE);
  assert.ok(files.length > 10, 'core sources found');
  const offenders: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1].replace(/^node:/, '');
      const root = spec.split('/')[0];
      if (FORBIDDEN.has(spec) || FORBIDDEN.has(root) || m[1].startsWith('node:')) {
        offenders.push(`${path.relative(CORE, file)} imports ${m[1]}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
