// Paths a letter, a setting or a request names, through the real server: a FIFO, /dev/zero, a
// folder, an oversized file, UTF-16, and what an untrusted workspace may follow. The server must
// answer every later request and say in Dutch why it did not use the path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, withClient, withTimeout } from './lsp-client';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const QUESTIONS = readFileSync(path.join(FIXTURES, 'kamervragen.md'), 'utf8');
/** The answer letter without its own `<!-- vragen: … -->` line: each test names its own link. */
const ANSWER = readFileSync(path.join(FIXTURES, 'antwoord-kamervragen.md'), 'utf8').replace(/^<!-- vragen: [^\n]*-->\n/u, '');
const CAN_FIFO = process.platform !== 'win32';

function folder(): { dir: string; uri: (name: string) => string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-hostile-'));
  return { dir, uri: (name) => pathToFileURL(path.join(dir, name)).toString(), done: () => rmSync(dir, { recursive: true, force: true }) };
}

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

/** The code lens title of an answer letter: says which question letter is used or why none. */
async function lensTitle(c: LspClient, uri: string): Promise<string> {
  const lenses = await withTimeout(c.request('textDocument/codeLens', { textDocument: { uri } }), 10000, 'codeLens hangs');
  return lenses[0]?.command?.title ?? '';
}

/** The server still answers promptly: a hover and the outline of another document. */
async function stillAnswers(c: LspClient): Promise<void> {
  const other = 'file:///elders/los.md';
  await c.open(other, 'Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n');
  await withTimeout(c.diagnostics(other, 1), 10000, 'no diagnostics after the hostile path');
  assert.ok(Array.isArray(await withTimeout(c.symbols(other), 10000, 'documentSymbol hangs')));
  await c.close(other);
}

const HOSTILE: { name: string; make: (dir: string) => string; expect: RegExp; skip?: boolean }[] = [
  { name: 'a FIFO', make: (d) => (mkfifo(path.join(d, 'fifo.md')), './fifo.md'), expect: /geen gewoon bestand \(een FIFO\)/, skip: !CAN_FIFO },
  { name: '/dev/zero', make: () => '/dev/zero', expect: /geen gewoon bestand \(een apparaat\)/, skip: !existsSync('/dev/zero') },
  {
    name: 'a link to /dev/zero with a letter name',
    make: (d) => (symlinkSync('/dev/zero', path.join(d, 'nul.md')), './nul.md'),
    expect: /geen gewoon bestand \(een apparaat\)/,
    skip: !existsSync('/dev/zero'),
  },
  { name: 'a folder', make: (d) => (mkdirSync(path.join(d, 'map.md')), './map.md'), expect: /map, geen gewoon bestand/ },
  {
    name: 'a file of 9 MB',
    make: (d) => (writeFileSync(path.join(d, 'groot.md'), 'Vraag 1\n' + 'Waarom? '.repeat(9 * 131072)), './groot.md'),
    expect: /te groot \(9,0 MB; een brief is hoogstens 8,0 MB\)/,
  },
  { name: 'a file that is not there', make: () => './weg.md', expect: /weg\.md bestaat niet/ },
  {
    // Two links naming each other: the path exists, it only loops (ELOOP); never "bestaat niet".
    name: 'a link that loops',
    make: (d) => (symlinkSync('lus-b.md', path.join(d, 'lus-a.md')), symlinkSync('lus-a.md', path.join(d, 'lus-b.md')), './lus-a.md'),
    expect: /lus-a\.md: dit pad verwijst in een kring naar zichzelf/,
  },
  // A NUL (Node refuses the path with ERR_INVALID_ARG_VALUE) and half a surrogate pair (a letter
  // caught mid-edit; it has no URI): a Dutch reason, never a raw code or a handler error.
  { name: 'a name with a NUL', make: () => './nul\u0000teken.md', expect: /ongeldig teken/ },
  { name: 'a name with half a surrogate pair', make: () => './half\ud83d.md', expect: /ongeldig teken/ },
];

for (const h of HOSTILE) {
  for (const via of ['comment', 'front matter', 'setting'] as const) {
    test(`server: a question letter named by ${via} that is ${h.name} gets a Dutch reason, and the server keeps answering`, { skip: h.skip && 'not on this platform' }, async () => {
      const ws = folder();
      try {
        const target = h.make(ws.dir);
        const text = via === 'comment' ? `<!-- vragen: ${target} -->\n${ANSWER}` : via === 'front matter' ? `---\nvragen: ${target}\n---\n${ANSWER}` : ANSWER;
        await withClient(
          async (c) => {
            const uri = ws.uri('antwoord.md');
            await c.open(uri, text);
            await withTimeout(c.diagnostics(uri, 1), 10000, 'no diagnostics for the letter');
            assert.match(await lensTitle(c, uri), h.expect);
            const hover = await withTimeout(c.hover(uri, { line: 0, character: 2 }), 10000, 'hover hangs');
            // The hover is Markdown: drop its escapes before matching the plain reason.
            assert.match(String((hover?.contents as { value?: string })?.value ?? '').replace(/\\(.)/gu, '$1'), h.expect);
            await stillAnswers(c);
            assert.equal(c.child.exitCode, null);
          },
          via === 'setting' ? { settings: { vragenbrief: target } } : {},
        );
      } finally {
        ws.done();
      }
    });
  }
}

test('server: the skeleton request on a FIFO, /dev/zero, a folder or a link that loops answers InvalidParams with the Dutch reason', { skip: !CAN_FIFO && 'no FIFOs here' }, () =>
  withClient(async (c) => {
    const ws = folder();
    try {
      mkfifo(path.join(ws.dir, 'fifo.md'));
      mkdirSync(path.join(ws.dir, 'map'));
      symlinkSync('lus-b.md', path.join(ws.dir, 'lus-a.md'));
      symlinkSync('lus-a.md', path.join(ws.dir, 'lus-b.md'));
      const cases: [string, RegExp][] = [
        [ws.uri('fifo.md'), /geen gewoon bestand \(een FIFO\)/],
        [ws.uri('map'), /map, geen gewoon bestand/],
        [ws.uri('lus-a.md'), /lus-a\.md: dit pad verwijst in een kring naar zichzelf/],
      ];
      if (existsSync('/dev/zero')) cases.push([pathToFileURL('/dev/zero').toString(), /geen gewoon bestand \(een apparaat\)/]);
      for (const [uri, expect] of cases) {
        await assert.rejects(withTimeout(c.request('antwoordbrief/skeleton', { uri }), 10000, 'skeleton hangs'), (e: any) => e.code === -32602 && expect.test(e.message));
      }
      await stillAnswers(c);
    } finally {
      ws.done();
    }
  }),
);

test('server: a question letter in UTF-16 with a byte-order mark is read; without one it is named as UTF-16', () =>
  withClient(async (c) => {
    const ws = folder();
    try {
      writeFileSync(path.join(ws.dir, 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QUESTIONS, 'utf16le')]));
      writeFileSync(path.join(ws.dir, 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(QUESTIONS, 'utf16le').swap16()]));
      writeFileSync(path.join(ws.dir, 'zonder.md'), Buffer.from(QUESTIONS, 'utf16le'));
      for (const [name, expect] of [
        ['le.md', /^Vragenbrief: le\.md/],
        ['be.md', /^Vragenbrief: be\.md/],
        ['zonder.md', /UTF-16-tekst zonder byte-order mark/],
      ] as const) {
        const uri = ws.uri(`antwoord-${name}`);
        await c.open(uri, `<!-- vragen: ./${name} -->\n${ANSWER}`);
        await c.diagnostics(uri, 1);
        assert.match(await lensTitle(c, uri), expect);
      }
    } finally {
      ws.done();
    }
  }),
);

test('server: in an untrusted workspace a letter may name a question letter inside the workspace, not outside it', async () => {
  const ws = folder();
  try {
    mkdirSync(path.join(ws.dir, 'werk'));
    mkdirSync(path.join(ws.dir, 'elders'));
    writeFileSync(path.join(ws.dir, 'werk', 'vragen.md'), QUESTIONS);
    writeFileSync(path.join(ws.dir, 'elders', 'vragen.md'), QUESTIONS);
    // A link inside the workspace that leads outside it counts as outside.
    symlinkSync(path.join(ws.dir, 'elders', 'vragen.md'), path.join(ws.dir, 'werk', 'stiekem.md'));
    const root = pathToFileURL(path.join(ws.dir, 'werk')).toString();
    const cases: [string, RegExp, RegExp][] = [
      ['./vragen.md', /^Vragenbrief: vragen\.md/, /^Vragenbrief: vragen\.md/],
      ['../elders/vragen.md', /buiten de werkruimte/, /^Vragenbrief: vragen\.md/],
      ['./stiekem.md', /buiten de werkruimte/, /^Vragenbrief: stiekem\.md/],
      [path.join(ws.dir, 'elders', 'vragen.md'), /buiten de werkruimte/, /^Vragenbrief: vragen\.md/],
    ];
    for (const trusted of [false, true]) {
      await withClient(
        async (c) => {
          let n = 0;
          for (const [target, untrustedExpect, trustedExpect] of cases) {
            const uri = pathToFileURL(path.join(ws.dir, 'werk', `antwoord-${n++}.md`)).toString();
            await c.open(uri, `<!-- vragen: ${target} -->\n${ANSWER}`);
            await c.diagnostics(uri, 1);
            assert.match(await lensTitle(c, uri), trusted ? trustedExpect : untrustedExpect, `${target} (trusted: ${trusted})`);
          }
        },
        { rootUri: root, initializationOptions: { trusted } },
      );
    }
  } finally {
    ws.done();
  }
});

test('server: checking the workspace skips FIFOs, devices and oversized files and still checks the letters', { skip: !CAN_FIFO && 'no FIFOs here' }, async () => {
  const ws = folder();
  try {
    writeFileSync(path.join(ws.dir, 'brief.md'), 'Vraag 1\nWaarom?\n\nAntwoord 1\n\nVraag 2\nHoe?\n\nAntwoord 2\nZo.\n');
    mkfifo(path.join(ws.dir, 'fifo.md'));
    if (existsSync('/dev/zero')) symlinkSync('/dev/zero', path.join(ws.dir, 'nul.md'));
    writeFileSync(path.join(ws.dir, 'groot.md'), 'x'.repeat(9 * 1024 * 1024));
    await withClient(
      async (c) => {
        const result = await withTimeout(c.request('antwoordbrief/checkWorkspace', {}), 20000, 'checkWorkspace hangs');
        assert.deepEqual(result, { files: 1, findings: 1 });
      },
      { rootUri: pathToFileURL(ws.dir).toString() },
    );
  } finally {
    ws.done();
  }
});

test('server: the skeleton of a file whose name holds a newline or a NUL answers one Dutch line, the name escaped as the CLI does', () =>
  withClient(async (c) => {
    const ws = folder();
    try {
      mkdirSync(path.join(ws.dir, 'twee\nregels.md'));
      const cases: [string, RegExp][] = [
        [ws.uri('twee\nregels.md'), /^Kan de vragenbrief niet lezen: de vragenbrief twee\\nregels\.md: dit is een map, geen gewoon bestand\.$/u],
        [ws.uri('weg\nook.md'), /^Kan de vragenbrief niet lezen: de vragenbrief weg\\nook\.md bestaat niet\.$/u],
        [ws.uri('nul\u0000teken.md'), /^Kan de vragenbrief niet lezen: de vragenbrief nul\\x00teken\.md: de bestandsnaam bevat een ongeldig teken/u],
      ];
      for (const [uri, expect] of cases) {
        await assert.rejects(withTimeout(c.request('antwoordbrief/skeleton', { uri }), 10000, 'skeleton hangs'), (e: any) => {
          assert.match(e.message, expect);
          assert.doesNotMatch(e.message, /[\n\u0000]|ERR_|E[A-Z]{3,}/u);
          return true;
        });
      }
      assert.equal(c.child.exitCode, null);
    } finally {
      ws.done();
    }
  }));
