// PDF and Word letters in every host: the workspace check awaits the extraction of a PDF
// question letter before it diagnoses the answer letter (the first check after start gives
// what the CLI gives), checks the PDF and Word letters of the folder themselves (published
// under their extracted text), and a question letter the answer letter names but that cannot
// be read is a warning on its name in the CLI, the editor and the workspace check alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, PROJECT_ROOT } from '../server/lsp-client';
import { makeDocx, makePdf, makeScanPdf, type WordBlock } from './make';

const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');
const TODAY = '2025-04-10';

const QUESTIONS: string[][] = [
  [
    'Vragen van het lid De Vries (VVD) aan de Minister van Financiën over de toeslagen (ingezonden 1 maart 2025).',
    '',
    'Vraag 1',
    'Hoeveel ouders wachten nog op herstel?',
    '',
    'Vraag 2',
    'Wanneer is het herstel afgerond? Welke middelen zet u daarvoor in?',
  ],
  ['Vraag 3', 'Voert u de aangenomen motie-Jansen uit (Kamerstuk 36 600 IX, nr. 12)?'],
];

const answer = (link: string) =>
  `<!-- vragen: ./${link} -->\n# Antwoorden\n\n## Vraag 1\n\nHoeveel ouders wachten nog op herstel?\n\n### Antwoord 1\n\nOp 1 februari wachtten nog 12.000 ouders.\n\n## Vraag 2\n\nWanneer is het herstel afgerond? Welke middelen zet u daarvoor in?\n\n### Antwoord 2\n\nEind 2026.\n\n## Vraag 3\n\nVoert u de motie-Jansen uit (Kamerstuk 36 600 IX, nr. 12)?\n\n### Antwoord 3\n\n`;

interface Found {
  code: string;
  line: number;
  message: string;
}
const key = (f: Found) => `${f.line} ${f.code} ${f.message}`;

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, ANTWOORDBRIEF_TODAY: TODAY } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliFindings(dir: string, args: string[]): { code: number | null; byFile: Map<string, string[]>; stderr: string } {
  const r = cli(['check', '--format', 'json', ...args], dir);
  const list = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }[];
  return { code: r.code, stderr: r.stderr, byFile: new Map(list.map((f) => [path.relative(dir, path.resolve(dir, f.file)), f.diagnostics.map((d) => key({ code: d.code, line: d.range.start.line, message: d.message })).sort()])) };
}

const fromLsp = (d: Diagnostic[]) => d.map((x) => key({ code: String(x.code), line: x.range.start.line, message: x.message })).sort();

function start(dir: string, initializationOptions?: unknown): Promise<LspClient> {
  return LspClient.start({ rootUri: pathToFileURL(dir).toString(), env: { ...process.env, ANTWOORDBRIEF_TODAY: TODAY }, settings: { bronnen: { offline: true } }, initializationOptions });
}

/** The latest publication for `uri` once `done` holds for it (the PDF is read in the background). */
async function settled(c: LspClient, uri: string, done: (keys: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 30000;
  let got: string[] = [];
  while (Date.now() < deadline) {
    got = fromLsp(c.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? []);
    if (done(got)) return got;
    await new Promise((res) => setTimeout(res, 50));
  }
  return got;
}

async function withDir(files: Record<string, string | Buffer>, fn: (dir: string) => Promise<void>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-hosts-'));
  try {
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), body);
    }
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The latest publication for `uri` after the request, or [] when there was none. */
const lastOf = (c: LspClient, uri: string) => c.published.filter((p) => p.uri === uri).at(-1)?.diagnostics;

test('workspace check: the first run after start awaits the PDF and Word question letters and equals the CLI', async () => {
  const wrongAnswer = answer('vragen.pdf').replace('Hoeveel ouders wachten nog op herstel?', 'Hoeveel ouders wachten er nog?');
  const docx = await makeDocx(QUESTIONS.flat().filter((l) => l).map((text): WordBlock => (/^Vraag \d/.test(text) ? { heading: text } : { text })));
  const files = {
    'vragen.pdf': await makePdf(QUESTIONS),
    'antwoord.md': wrongAnswer,
    'w/vragen.docx': docx,
    'w/antwoord.md': wrongAnswer.replace('vragen.pdf', 'vragen.docx'),
  };
  await withDir(files, async (dir) => {
    const expected = cliFindings(dir, ['.']);
    const answerCodes = expected.byFile.get('antwoord.md')!.map((k) => k.split(' ')[1]);
    assert.ok(answerCodes.includes('question-text-differs') && answerCodes.includes('unanswered-question'), answerCodes.join());
    const c = await start(dir);
    try {
      const result = await c.request('antwoordbrief/checkWorkspace', {});
      for (const f of ['antwoord.md', 'w/antwoord.md']) {
        const got = lastOf(c, pathToFileURL(path.join(dir, f)).toString());
        assert.ok(got, `${f} published`);
        assert.deepEqual(fromLsp(got), expected.byFile.get(f), `first workspace check: ${f}`);
      }
      // Every file the CLI checks (the PDF and Word letters too) is counted.
      assert.equal(result.files, 4);
    } finally {
      c.kill();
    }
  });
});

test('workspace check: a PDF letter in the folder is checked like the CLI checks it, published under its extracted text', async () => {
  const bad = await makePdf([['Vraag 1', 'Hoeveel ouders wachten nog op herstel?', '', 'Antwoord 1', 'Nog 12.000.', '', 'Vraag 2', 'Wanneer is het herstel afgerond?', '', 'Antwoord 2', '']]);
  await withDir({ 'bad.pdf': bad, 'notitie.md': 'Geachte voorzitter,\n\nGeen vragen.\n' }, async (dir) => {
    const expected = cliFindings(dir, ['.']);
    const pdfFindings = expected.byFile.get('bad.pdf')!;
    assert.ok(pdfFindings.some((k) => k.includes('unanswered-question')), pdfFindings.join());
    const c = await start(dir);
    try {
      const result = await c.request('antwoordbrief/checkWorkspace', {});
      assert.equal(result.files, 2);
      const shown = 'antwoordbrief-tekst:' + pathToFileURL(path.join(dir, 'bad.pdf')).pathname;
      const got = c.published.filter((p) => decodeURIComponent(p.uri) === decodeURIComponent(shown)).at(-1);
      assert.ok(got, `published under ${shown}: ${c.published.map((p) => p.uri).join(', ')}`);
      assert.deepEqual(fromLsp(got.diagnostics), pdfFindings);
      assert.equal(result.findings, [...expected.byFile.values()].reduce((n, l) => n + l.length, 0));
    } finally {
      c.kill();
    }
  });
});

test('an unreadable named question letter is a warning on its name in the CLI, the editor and the workspace check', async () => {
  const scan = await makeScanPdf(2);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-unreadable-'));
  try {
    writeFileSync(path.join(dir, 'scan.pdf'), scan);
    writeFileSync(path.join(dir, 'antwoord.md'), answer('scan.pdf'));
    writeFileSync(path.join(dir, 'ander.md'), answer('ontbreekt.pdf'));
    // The CLI on the answer letters (named inputs that are readable): a finding, not exit 2.
    const r = cliFindings(dir, ['antwoord.md', 'ander.md']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'the unanswered question is an error; the unreadable question letter a warning');
    const scanFinding = r.byFile.get('antwoord.md')!.find((k) => k.includes('question-letter-unreadable'));
    assert.match(scanFinding ?? '', /^0 question-letter-unreadable .*scan\.pdf heeft geen tekstlaag \(gescand\?\)/);
    assert.match(r.byFile.get('ander.md')!.find((k) => k.includes('question-letter-unreadable')) ?? '', /ontbreekt\.pdf bestaat niet/);
    // The CLI still exits 2 for an unreadable file it is given.
    assert.equal(cli(['check', 'scan.pdf'], dir).code, 2);

    const c = await start(dir);
    try {
      const uri = pathToFileURL(path.join(dir, 'antwoord.md')).toString();
      await c.open(uri, answer('scan.pdf'));
      const deadline = Date.now() + 30000;
      let got: string[] = [];
      while (Date.now() < deadline) {
        got = fromLsp(lastOf(c, uri) ?? []);
        if (got.some((k) => k.includes('question-letter-unreadable'))) break;
        await new Promise((res) => setTimeout(res, 50));
      }
      assert.deepEqual(got, r.byFile.get('antwoord.md'), 'editor');
      const d = lastOf(c, uri)!.find((x) => x.code === 'question-letter-unreadable')!;
      assert.equal(d.severity, 2);
      assert.equal(d.range.start.line, 0);
      await c.close(uri);
    } finally {
      c.kill();
    }
    const w = await start(dir);
    try {
      await w.request('antwoordbrief/checkWorkspace', {});
      for (const f of ['antwoord.md', 'ander.md']) assert.deepEqual(fromLsp(lastOf(w, pathToFileURL(path.join(dir, f)).toString()) ?? []), r.byFile.get(f), `workspace check: ${f}`);
    } finally {
      w.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('untrusted workspace: a PDF or Word question letter is followed inside the workspace folders only, in the editor and the workspace check', async () => {
  const pdf = await makePdf(QUESTIONS);
  const docx = await makeDocx(QUESTIONS.flat().filter((l) => l).map((text): WordBlock => (/^Vraag \d/.test(text) ? { heading: text } : { text })));
  const outer = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-extract-untrusted-'));
  try {
    const work = path.join(outer, 'werk');
    mkdirSync(work);
    mkdirSync(path.join(outer, 'elders'));
    writeFileSync(path.join(work, 'vragen.pdf'), pdf);
    writeFileSync(path.join(outer, 'elders', 'vragen.pdf'), pdf);
    writeFileSync(path.join(outer, 'elders', 'vragen.docx'), docx);
    // A link inside the workspace that leads outside it counts as outside.
    symlinkSync(path.join(outer, 'elders', 'vragen.pdf'), path.join(work, 'stiekem.pdf'));
    const targets = ['vragen.pdf', '../elders/vragen.pdf', 'stiekem.pdf', '../elders/vragen.docx', path.join(outer, 'elders', 'vragen.docx')];
    const letters = targets.map((t, i) => ({ name: `antwoord-${i}.md`, text: answer(t).replace('./' + t, t.startsWith('/') ? t : './' + t) }));
    for (const l of letters) writeFileSync(path.join(work, l.name), l.text);
    const unreadable = (keys: string[]) => keys.find((k) => k.includes('question-letter-unreadable'));
    const linked = (keys: string[]) => keys.some((k) => k.includes('question-text-differs') || k.includes('question-missing')) || keys.some((k) => k.includes('unanswered-question'));
    for (const trusted of [false, true]) {
      const c = await start(work, { trusted });
      try {
        for (const [i, l] of letters.entries()) {
          const uri = pathToFileURL(path.join(work, l.name)).toString();
          await c.open(uri, l.text);
          const inside = i === 0;
          const got = await settled(c, uri, (k) => (inside || trusted ? !k.some((x) => x.includes('wordt nog gelezen')) && linked(k) : !!unreadable(k)));
          if (inside || trusted) assert.equal(unreadable(got), undefined, `${targets[i]} (trusted: ${trusted}) is read: ${got.join(' | ')}`);
          else assert.match(unreadable(got) ?? '', /buiten de werkruimte/, `${targets[i]} (trusted: ${trusted}): ${got.join(' | ')}`);
          await c.close(uri);
        }
      } finally {
        c.kill();
      }
    }
    // The workspace check of the closed letters follows the same rule.
    const w = await start(work, { trusted: false });
    try {
      await w.request('antwoordbrief/checkWorkspace', {});
      for (const [i, l] of letters.entries()) {
        const got = fromLsp(lastOf(w, pathToFileURL(path.join(work, l.name)).toString()) ?? []);
        if (i === 0) assert.equal(unreadable(got), undefined, got.join(' | '));
        else assert.match(unreadable(got) ?? '', /buiten de werkruimte/, `workspace check: ${targets[i]}: ${got.join(' | ')}`);
      }
    } finally {
      w.kill();
    }
  } finally {
    rmSync(outer, { recursive: true, force: true });
  }
});

test('workspace check: a letter that cannot be read is an error on the file with the line the CLI prints, and is cleared once it reads', async () => {
  const good = await makePdf(QUESTIONS);
  const files = {
    'vragen.pdf': good,
    'kort.pdf': good.subarray(0, Math.floor(good.length / 2)),
    'scan.pdf': await makeScanPdf(1),
    'oud.docx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    // UTF-16 with a byte-order mark but an unpaired surrogate: not a text the reader can decode.
    'kapot.md': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]),
    'notitie.md': 'Geachte voorzitter,\n\nGeen vragen.\n',
  };
  await withDir(files, async (dir) => {
    const r = cli(['check', '.'], dir);
    assert.equal(r.code, 2);
    const cliLines = r.stderr.trim().split('\n').map((l) => l.replace(/^antwoordbrief: /, '')).sort();
    assert.equal(cliLines.length, 4, r.stderr);
    const c = await start(dir);
    try {
      const result = await c.request('antwoordbrief/checkWorkspace', {});
      const unreadable = (result.unreadable ?? []) as { uri: string; message: string }[];
      assert.deepEqual(unreadable.map((u) => u.message).sort(), cliLines);
      for (const u of unreadable) {
        const d = lastOf(c, u.uri);
        assert.equal(d?.length, 1, u.uri);
        assert.equal(d![0].severity, 1);
        assert.equal(d![0].message, u.message);
      }
      assert.equal(result.files, 2, 'the readable letters are checked');
      // Once the file reads, the next check clears its error (its findings go to its extracted text).
      writeFileSync(path.join(dir, 'kort.pdf'), good);
      const again = await c.request('antwoordbrief/checkWorkspace', {});
      assert.equal(again.unreadable.length, 3);
      assert.deepEqual(lastOf(c, pathToFileURL(path.join(dir, 'kort.pdf')).toString()), []);
      assert.equal(again.files, 3);
    } finally {
      c.kill();
    }
  });
});
