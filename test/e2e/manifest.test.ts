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
  const props = pkg.contributes.configuration.properties['antwoordbrief.ernst'].properties;
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
  for (const key of ['antwoordbrief.ernst', 'antwoordbrief.controleren', 'antwoordbrief.bronnen.offline', 'antwoordbrief.bronnen.adresTweedeKamer', 'antwoordbrief.bronnen.adresOfficiëleBekendmakingen', 'antwoordbrief.cachemap', 'antwoordbrief.vragenbrief']) {
    assert.equal(props[key]?.scope, 'resource', key);
  }
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.ok(nls[untrusted.description.slice(1, -1)]);
  for (const key of untrusted.restrictedConfigurations) assert.ok(props[key], key);
});

/**
 * The title VS Code's Settings editor derives from a key: `settingKeyToDisplayFormat` and
 * `wordifyKey` in VS Code's src/vs/workbench/contrib/preferences/browser/settingsTreeModels.ts
 * (1.100): the part after the last dot is the label, the rest the category (with the extension's
 * own prefix trimmed), dots become " › ", camelCase becomes words, the first letter a capital.
 */
function derivedTitle(key: string): string {
  const wordify = (k: string) => k
    .replace(/\.([a-z0-9])/g, (_, p1: string) => ` \u203A ${p1.toUpperCase()}`)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/^[a-z]/g, (m) => m.toUpperCase());
  const last = key.lastIndexOf('.');
  const category = key.slice(0, last).replace(/^antwoordbrief\.?/, '');
  const label = wordify(key.slice(last + 1));
  return category ? `${wordify(category)}: ${label}` : label;
}

test('settings: the titles VS Code derives from the keys are Dutch', () => {
  const keys = Object.keys(pkg.contributes.configuration.properties);
  const titles = Object.fromEntries(keys.map((k) => [k, derivedTitle(k)]));
  assert.deepEqual(titles, {
    'antwoordbrief.talen': 'Talen',
    'antwoordbrief.bestandspatronen': 'Bestandspatronen',
    'antwoordbrief.briefdatum': 'Briefdatum',
    'antwoordbrief.ernst': 'Ernst',
    'antwoordbrief.controleren': 'Controleren',
    'antwoordbrief.bronnen.offline': 'Bronnen: Offline',
    'antwoordbrief.bronnen.adresTweedeKamer': 'Bronnen: Adres Tweede Kamer',
    'antwoordbrief.bronnen.adresOfficiëleBekendmakingen': 'Bronnen: Adres Officiële Bekendmakingen',
    'antwoordbrief.bronnen.wachttijdMilliseconden': 'Bronnen: Wachttijd Milliseconden',
    'antwoordbrief.cachemap': 'Cachemap',
    'antwoordbrief.vragenbrief': 'Vragenbrief',
    // The language client reads this key by its name; the one exception.
    'antwoordbrief.trace.server': 'Trace: Server',
  });
  // No English word of the old keys in any title but the client's own.
  const english = /\b(sources?|severity|run|cache dir|question|letter|languages|include|timeout|url)\b/i;
  for (const [k, t] of Object.entries(titles)) if (k !== 'antwoordbrief.trace.server') assert.doesNotMatch(t, english, k);
});

test('settings: every enum, nested ones included, has a Dutch label for each value', () => {
  const enums: [string, { enum: string[]; enumItemLabels?: string[] }][] = [];
  const walk = (path: string, schema: any) => {
    if (!schema || typeof schema !== 'object') return;
    if (Array.isArray(schema.enum)) enums.push([path, schema]);
    for (const [k, v] of Object.entries(schema.properties ?? {})) walk(`${path}.${k}`, v);
  };
  for (const [k, v] of Object.entries(pkg.contributes.configuration.properties)) walk(k, v);
  assert.ok(enums.length >= Object.keys(CODES).length + 2, `${enums.length} enums`);
  for (const [path, e] of enums) {
    assert.equal(e.enumItemLabels?.length, e.enum.length, `${path}: een label per waarde`);
    const labels = e.enumItemLabels!.map((l) => nls[l.slice(1, -1)] ?? l);
    for (const [i, label] of labels.entries()) {
      assert.ok(label && !label.startsWith('%'), `${path}: geen tekst voor ${e.enum[i]}`);
      assert.notEqual(label, e.enum[i], `${path}: label is de waarde ${e.enum[i]}`);
    }
  }
  const run = pkg.contributes.configuration.properties['antwoordbrief.controleren'];
  assert.deepEqual(run.enumItemLabels.map((l: string) => nls[l.slice(1, -1)]), ['Tijdens het typen', 'Bij opslaan', 'Alleen op verzoek']);
});

test('activation never blocks the window: on a letter, or once startup has finished (so the server is warm and the commands are there); every contributed command is registered by the client', () => {
  // No "*": VS Code's own start never waits for the extension (issue 11).
  assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext', 'onStartupFinished']);
  assert.match(pkg.engines.vscode, /^\^1\.(\d+)\./);
  assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100, 'code-server 4.100 is VS Code 1.100');
  const sources = readdirSync(join(ROOT, 'client/src'), { recursive: true })
    .filter((f) => String(f).endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client/src', String(f)), 'utf8'))
    .join('\n');
  for (const c of pkg.contributes.commands) assert.ok(sources.includes(`'${c.command}'`), `niet geregistreerd: ${c.command}`);
});

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

/** Entry names in a zip file, read from its central directory. */
function zipEntries(file: string): string[] {
  return zipDirectory(file).map((e) => e.name);
}

/** Entry names and uncompressed sizes in a zip file, read from its central directory. */
function zipDirectory(file: string): { name: string; size: number }[] {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'geen zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    names.push({ name: buf.subarray(at + 46, at + 46 + nameLen).toString('utf8'), size: buf.readUInt32LE(at + 24) });
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
      /^extension\/dist\/(client|server|sources|extract)\.js$/, /^extension\/package\.json$/, /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
      /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/, /^extension\/snippets\/[^/]+\.json$/, /^extension\/(readme|README)\.md$/i, /^extension\/LICENSE(\.txt)?$/i,
    ];
    for (const n of names) assert.ok(allowed.some((re) => re.test(n)), `hoort niet in het pakket: ${n}`);
    for (const must of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/sources.js', 'extension/dist/extract.js', 'extension/package.json', 'extension/package.nls.json']) assert.ok(names.includes(must), must);
    assert.ok(!names.some((n) => /node_modules|\.map$|\.ts$/.test(n)));
    // Issue 11: the server bundle a new window loads before its first squiggle stays small; the
    // sources code (HTTP, XML, cache) is a bundle of its own, loaded when a letter cites a paper.
    const sizes = Object.fromEntries(zipDirectory(vsix).map((e) => [e.name, e.size]));
    assert.ok(sizes['extension/dist/server.js'] <= 600 * 1024, `server.js: ${sizes['extension/dist/server.js']} bytes`);
    assert.ok(sizes['extension/dist/sources.js'] > 0);
  } finally {
    scratch.remove();
  }
});

test('settings: Ernst lists every check with its default and a Dutch description beside its key (the Settings editor table)', () => {
  const ernst = pkg.contributes.configuration.properties['antwoordbrief.ernst'];
  assert.deepEqual(ernst.default, Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, (info as { severity: string }).severity])));
  for (const code of Object.keys(CODES)) {
    const p = ernst.properties[code];
    const text = nls[String(p.description).slice(1, -1)];
    assert.ok(text && /[a-z]/.test(text) && !text.startsWith('%'), `${code}: geen beschrijving`);
    assert.doesNotMatch(text, /\b(the|question|answer|missing)\b/i, `${code}: ${text}`);
    // VS Code shows `description` as plain text (the row's tooltip): no Markdown in it; the rendered one has its own.
    assert.doesNotMatch(text, /`/, `${code}: ${text}`);
    assert.match(text, / Standaard: [a-z]+ \([a-z]+\)\.$/, `${code}: ${text}`);
    assert.match(nls[String(p.markdownDescription).slice(1, -1)], / Standaard: [a-z]+ \(`[a-z]+`\)\.$/, code);
  }
});

test('commands: Koppel vragenbrief and Toon toezeggingen have Dutch titles and are in the palette on a letter', () => {
  const titles = Object.fromEntries(pkg.contributes.commands.map((c: { command: string; title: string }) => [c.command, nls[c.title.slice(1, -1)]]));
  assert.equal(titles['antwoordbrief.koppelVragenbrief'], 'Koppel vragenbrief…');
  assert.equal(titles['antwoordbrief.toonToezeggingen'], 'Toon toezeggingen');
  const palette = pkg.contributes.menus.commandPalette.map((m: { command: string; when: string }) => `${m.command} ${m.when}`);
  assert.ok(palette.includes('antwoordbrief.toonToezeggingen antwoordbrief.letterActive'));
});

test('snippets: the Markdown snippets write Vraag/Antwoord headings at the skeleton\'s level', async () => {
  const { makeSkeleton } = await import('../../server/src/core/skeleton');
  const { parseLetter } = await import('../../server/src/core/letter/parse');
  const text = 'Vragen van het lid Jansen (D66) aan de minister over dijken (ingezonden 3 maart 2025)\n\n1. Wanneer begint het?\n\n2. Wat kost het?\n';
  const skeleton = makeSkeleton(parseLetter(text), text);
  const level = (s: string, word: string) => new RegExp(`^(#+) ${word} \\d`, 'm').exec(s)?.[1];
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets/antwoordbrief.json'), 'utf8')) as Record<string, { body: string[] }>;
  const bodies = Object.values(snippets).map((s) => s.body.join('\n')).filter((b) => /Vraag/.test(b));
  assert.ok(bodies.length >= 2);
  for (const body of bodies) {
    assert.equal(level(body.replace(/\$\{\d+:(\d+)\}/g, '$1'), 'Vraag'), level(skeleton, 'Vraag'), body);
    assert.equal(level(body.replace(/\$\{\d+:(\d+)\}/g, '$1'), 'Antwoord'), level(skeleton, 'Antwoord'), body);
  }
});

test('snippets: each suggestion has its own label and description (one prefix per snippet; two prefixes would list one snippet twice with the same description)', () => {
  for (const file of ['snippets/antwoordbrief.json', 'snippets/antwoordbrief.plaintext.json']) {
    const snippets = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, { prefix: string | string[]; description: string }>;
    const prefixes: string[] = [];
    const descriptions: string[] = [];
    for (const [name, s] of Object.entries(snippets)) {
      assert.equal(typeof s.prefix, 'string', `${file}: ${name} has more than one prefix`);
      prefixes.push(s.prefix as string);
      descriptions.push(s.description);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, `${file}: ${prefixes.join(', ')}`);
    assert.equal(new Set(descriptions).size, descriptions.length, `${file}: ${descriptions.join(' | ')}`);
    // The README names each prefix.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const p of prefixes) assert.ok(readme.includes(`\`${p}\``), `README does not name the snippet ${p}`);
  }
});
