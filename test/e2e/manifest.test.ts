// The manifest and the package a drafter installs: settings for every diagnostic code, Dutch UI
// strings for every placeholder, lazy activation, and a .vsix that holds only the allow-listed files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CODES } from '../../server/src/core/codes';
import { packageVsix, scratchDir } from './harness';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsNl = JSON.parse(readFileSync(join(ROOT, 'package.nls.nl.json'), 'utf8')) as Record<string, string>;

test('package.json contributions and the Dutch strings are generated from codes.ts and up to date', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen-manifest.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every diagnostic code has a severity setting, with "off" to switch the check off', () => {
  const props = pkg.contributes.configuration.properties['antwoordbrief.severity'].properties;
  assert.deepEqual(Object.keys(props).sort(), Object.keys(CODES).sort());
  for (const [code, info] of Object.entries(CODES)) {
    assert.ok(props[code].enum.includes('off'), code);
    assert.equal(props[code].default, info.severity, code);
  }
});

test('every placeholder in package.json has a Dutch string, and the nl file has the same keys', () => {
  const used = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 20);
  for (const key of used) assert.ok(nls[key], `ontbrekende tekst: ${key}`);
  assert.deepEqual(Object.keys(nlsNl).sort(), Object.keys(nls).sort());
  // Dutch, not English: the command titles are the ones the issue names.
  assert.equal(nls['command.maakAntwoordopzet'], 'Maak antwoordopzet');
  assert.equal(nls['command.openOfficieleBekendmakingen'], 'Open op officielebekendmakingen.nl');
  for (const [key, value] of Object.entries(nls)) assert.doesNotMatch(value, /\b(the|when|which|setting)\b/i, `Engels in ${key}`);
});

test('settings are per resource where they concern a letter, and the untrusted mode is declared', () => {
  const props = pkg.contributes.configuration.properties as Record<string, { scope: string }>;
  for (const key of ['antwoordbrief.severity', 'antwoordbrief.run', 'antwoordbrief.sources.offline', 'antwoordbrief.sources.tweedekamerUrl', 'antwoordbrief.sources.officielebekendmakingenUrl', 'antwoordbrief.cacheDir', 'antwoordbrief.questionLetter']) {
    assert.equal(props[key]?.scope, 'resource', key);
  }
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.ok(nls[untrusted.description.slice(1, -1)]);
  for (const key of untrusted.restrictedConfigurations) assert.ok(props[key], key);
});

test('activation is lazy and every contributed command is registered by the client', () => {
  assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.match(pkg.engines.vscode, /^\^1\.(\d+)\./);
  assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100, 'code-server 4.100 is VS Code 1.100');
  const sources = readdirSync(join(ROOT, 'client/src'), { recursive: true })
    .filter((f) => String(f).endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client/src', String(f)), 'utf8'))
    .join('\n');
  for (const c of pkg.contributes.commands) assert.ok(sources.includes(`'${c.command}'`), `niet geregistreerd: ${c.command}`);
});

/** Entry names in a zip file, read from its central directory. */
/** Compressed bytes of one entry of a zip, from its central directory. */
function compressedSize(file: string, entry: string): number {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    if (buf.subarray(at + 46, at + 46 + nameLen).toString('utf8') === entry) return buf.readUInt32LE(at + 20);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return 0;
}

function zipEntries(file: string): string[] {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'geen zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push(buf.subarray(at + 46, at + 46 + nameLen).toString('utf8'));
    at += 46 + nameLen + extra + comment;
  }
  return names;
}

test('the .vsix holds the bundles, manifest, strings, grammars, snippets and README only, under 1 MB besides the PDF/Word bundle', () => {
  const scratch = scratchDir('antwoordbrief-vsix-');
  try {
    const vsix = packageVsix(scratch.dir);
    // The PDF/Word extraction (pdf.js, mammoth) is its own bundle, loaded on the first PDF or
    // Word file only (issue 15); it has its own bound.
    const extract = compressedSize(vsix, 'extension/dist/extract.js');
    assert.ok(extract > 0 && extract <= 700 * 1024, `dist/extract.js: ${extract} bytes compressed`);
    const size = statSync(vsix).size - extract;
    assert.ok(size <= 1024 * 1024, `${size} bytes`);
    const names = zipEntries(vsix);
    const allowed = [
      /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
      /^extension\/dist\/(client|server|extract)\.js$/, /^extension\/package\.json$/, /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
      /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/, /^extension\/snippets\/[^/]+\.json$/, /^extension\/(readme|README)\.md$/i, /^extension\/LICENSE(\.txt)?$/i,
    ];
    for (const n of names) assert.ok(allowed.some((re) => re.test(n)), `hoort niet in het pakket: ${n}`);
    for (const must of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/extract.js', 'extension/package.json', 'extension/package.nls.json']) assert.ok(names.includes(must), must);
    assert.ok(!names.some((n) => /node_modules|\.map$|\.ts$/.test(n)));
  } finally {
    scratch.remove();
  }
});
