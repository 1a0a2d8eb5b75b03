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

// Architecture invariant (issue 14): the core keeps no module-level mutable state; caches live in
// an analyzer instance's memo (core/memo.ts) and facts about a model on the model. Read with the
// TypeScript parser: a top-level `let`/`var`, or a top-level const holding an empty container
// (Map, WeakMap, WeakSet, an empty Set or array, a typed array) is state.
test('the analysis core keeps no module-level mutable state', async () => {
  const ts = await import('typescript');
  const offenders: string[] = [];
  for (const file of sources(CORE)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const where = `${path.relative(CORE, file)}:${sf.getLineAndCharacterOfPosition(st.getStart()).line + 1}`;
      if (!(st.declarationList.flags & ts.NodeFlags.Const)) {
        offenders.push(`${where} declares a module-level let/var`);
        continue;
      }
      for (const d of st.declarationList.declarations) {
        let init = d.initializer;
        while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
        if (!init) continue;
        const empty =
          (ts.isNewExpression(init) &&
            ts.isIdentifier(init.expression) &&
            (/^(Map|WeakMap|WeakSet|WeakRef)$/.test(init.expression.text) ||
              /Array$/.test(init.expression.text) ||
              (init.expression.text === 'Set' && !init.arguments?.length))) ||
          (ts.isArrayLiteralExpression(init) && init.elements.length === 0) ||
          (ts.isObjectLiteralExpression(init) && init.properties.length === 0);
        if (empty) offenders.push(`${where} holds a mutable container at module level (${d.name.getText(sf)})`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
