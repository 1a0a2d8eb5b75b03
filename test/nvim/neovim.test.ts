// A second real editor: Neovim's built-in LSP client (Debian's neovim 0.7.2, headless) drives the
// bundled server for diagnostics, hover in both content formats, definition, and an edit that
// answers the open question. Skips with a message where nvim is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LETTER, lineOf, posOf } from '../e2e/letter';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
const nvim = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();

interface Seen {
  error?: string;
  client_started: boolean;
  got_diagnostics: boolean;
  diagnostics: { line: number; col: number; severity: number; message: string; code?: string }[];
  hover_format_sent: string[];
  hover: { result?: { contents: unknown } | null; error?: string };
  definition: { result?: unknown; error?: string };
  diagnostics_changed: boolean;
  after_edit: { line: number; code?: string }[];
  stopped: boolean;
}

function drive(format: 'markdown' | 'plaintext'): Seen {
  const dir = mkdtempSync(join(tmpdir(), 'antwoordbrief-nvim-'));
  try {
    cpSync(join(ROOT, LETTER.path), join(dir, 'antwoordbrief.md'));
    const out = join(dir, 'result.json');
    const hover = posOf(LETTER.hover.line, LETTER.hover.needle);
    const def = posOf(LETTER.definition.line, LETTER.definition.needle);
    const r = spawnSync(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${join(__dirname, 'drive.lua')}`], {
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        AB_SERVER: SERVER,
        AB_FILE: join(dir, 'antwoordbrief.md'),
        AB_OUT: out,
        AB_HOVER_FORMAT: format,
        AB_HOVER_LINE: String(hover.line),
        AB_HOVER_COL: String(hover.character),
        AB_DEF_LINE: String(def.line),
        AB_DEF_COL: String(def.character),
        AB_EDIT_LINE: String(lineOf(LETTER.unanswered.answerHeading)),
        AB_EDIT_TEXT: LETTER.unanswered.answerText,
      },
    });
    assert.equal(r.status, 0, `nvim stopte met ${r.status}: ${r.stderr}`);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
    assert.equal(seen.error, undefined, `fout in het Lua-script: ${seen.error}`);
    return seen;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hoverText(contents: unknown): { kind: string; value: string } {
  if (typeof contents === 'string') return { kind: 'marked', value: contents };
  if (contents && typeof contents === 'object' && 'kind' in contents) return contents as { kind: string; value: string };
  if (Array.isArray(contents)) return { kind: 'marked', value: contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n') };
  return { kind: '?', value: JSON.stringify(contents) };
}

test('Neovim 0.7 sees the unanswered question, hover, definition and the fix, over the bundled server', { skip: nvim ? false : 'nvim is niet geïnstalleerd: draai scripts/setup-e2e.sh (apt-get install neovim)' }, async (t) => {
  await t.test('with Markdown hover (what Neovim asks by default)', () => {
    const seen = drive('markdown');
    assert.ok(seen.client_started && seen.got_diagnostics, 'geen diagnostiek ontvangen');
    const unanswered = seen.diagnostics.filter((d) => d.code === 'unanswered-question');
    assert.deepEqual(unanswered.map((d) => d.line), [lineOf(LETTER.unanswered.diagnosticLine)], JSON.stringify(seen.diagnostics));
    assert.equal(unanswered[0].severity, 1, 'een onbeantwoorde vraag is een fout');
    assert.match(unanswered[0].message, LETTER.unanswered.message);

    const hover = hoverText(seen.hover.result?.contents);
    assert.equal(hover.kind, 'markdown', JSON.stringify(seen.hover));
    for (const re of LETTER.hover.expect) assert.match(hover.value, re);

    const target = definitionLine(seen.definition.result);
    assert.equal(target, lineOf(LETTER.definition.targetLine), JSON.stringify(seen.definition));

    assert.ok(seen.diagnostics_changed, 'de diagnostiek veranderde niet na het typen van een antwoord');
    assert.deepEqual(seen.after_edit.filter((d) => d.code === 'unanswered-question'), []);
    assert.ok(seen.stopped, 'de server stopte niet na shutdown');
  });

  await t.test('with plain-text hover only (what eglot and ALE accept)', () => {
    const seen = drive('plaintext');
    assert.deepEqual(seen.hover_format_sent, ['plaintext']);
    const hover = hoverText(seen.hover.result?.contents);
    assert.equal(hover.kind, 'plaintext', JSON.stringify(seen.hover));
    for (const re of LETTER.hover.expect) assert.match(hover.value, re);
    // Plain text carries no Markdown markup a plain-text client would show literally.
    assert.doesNotMatch(hover.value, /\*\*|\]\(|^#+ /m);
  });
});

function definitionLine(result: unknown): number | undefined {
  const first = Array.isArray(result) ? result[0] : result;
  if (!first || typeof first !== 'object') return undefined;
  const r = (first as { range?: { start: { line: number } }; targetSelectionRange?: { start: { line: number } } });
  return (r.targetSelectionRange ?? r.range)?.start.line;
}
