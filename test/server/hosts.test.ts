// One diagnosis for every host (issue 14): a folder with a question letter, its answer letter
// (one question changed, one unanswered, a motion named without number, a paper the cached
// facts do not know) and an earlier letter citing that motion with its number. The CLI's JSON,
// the editor's published diagnostics (every letter open) and the workspace check (every letter
// closed) must say the same thing per file; so must the status counts and the outline. And
// the dependent letter is published again when the letters it depends on open, change, close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FactsCache } from '../../server/src/sources/cache';
import { notFoundFacts, type PaperFacts } from '../../server/src/core/facts';
import { LspClient, PROJECT_ROOT, positionOf } from './lsp-client';

const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');
const TODAY = '2025-04-10';
const PAIR = path.join(PROJECT_ROOT, 'test/fixtures/pair');

const QUESTIONS = readFileSync(path.join(PAIR, 'kamervragen.md'), 'utf8');
const ANSWER = readFileSync(path.join(PAIR, 'antwoord-kamervragen.md'), 'utf8')
  .replace('./kamervragen.md', './vragen.md')
  // One question carried with another word, one answer left empty.
  .replace('Hoeveel gemeenten hebben in 2024', 'Hoeveel gemeenten hadden in 2024')
  .replace('De Informatiebeveiligingsdienst biedt kleine gemeenten een gezamenlijke beveiligingsmonitor, trainingen en een kennisbank.', '')
  // A motion named without its number (linked through the earlier letter), and a paper the source does not know.
  .replace('Ja, ik informeer uw Kamer voor de zomer.', 'Ja, ik informeer uw Kamer voor de zomer. Daarmee voer ik de motie Erkens uit. Zie ook Kamerstuk 36 410 X, nr. 999.');
const EARLIER =
  'Geachte voorzitter,\n\nIn deze brief ga ik in op de motie-Erkens (Kamerstuk 36 410 X, nr. 46) over het openbaar maken van cyberaanvallen.\n\nHoogachtend,\n';

const MOTION: PaperFacts = {
  id: 'kst-36410-X-46',
  found: true,
  title: 'Motie van het lid Erkens over het openbaar maken van cyberaanvallen',
  type: 'Motie',
  isMotion: true,
  date: '2024-11-20',
  signers: ['Erkens'],
  dossierTitle: 'Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2025',
  highestNumber: 120,
  kamer: 'II',
  motion: { outcome: 'verworpen', besluitTekst: 'Verworpen.', votes: [], kabinetsappreciatie: null, replaces: null },
  source: 'tweedekamer',
  fetchedAt: '2025-04-01T10:00:00.000Z',
};

interface Finding {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

const key = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.code} ${f.message}`;
const norm = (list: Finding[]) => list.map(key).sort();
const fromLsp = (p: PublishDiagnosticsParams) => norm(p.diagnostics.map((d) => ({ code: String(d.code), range: d.range, message: d.message })));

async function withFolder(fn: (dir: string, cache: string, files: Record<string, string>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-hosts-'));
  const cache = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-hosts-cache-'));
  const files: Record<string, string> = { 'vragen.md': QUESTIONS, 'antwoord.md': ANSWER, 'eerder.md': EARLIER };
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    // Facts cached on disk, written by the cache itself.
    const facts = new FactsCache(cache);
    await facts.put(MOTION);
    await facts.put(notFoundFacts('kst-36410-X-999', 'II', 'officielebekendmakingen', '2025-04-01T10:00:00.000Z', { dossierTitle: MOTION.dossierTitle, highestNumber: 120 }));
    await fn(dir, cache, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, ANTWOORDBRIEF_TODAY: TODAY } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function startServer(dir: string, cache: string): Promise<LspClient> {
  return LspClient.start({
    rootUri: pathToFileURL(dir).toString(),
    env: { ...process.env, ANTWOORDBRIEF_TODAY: TODAY },
    settings: { bronnen: { offline: true }, cachemap: cache },
  });
}

/** The latest publication for `uri` once it equals `expected`, or the latest after `ms` (facts load from disk in the background). */
async function settled(c: LspClient, uri: string, expected: string[], ms = 15000): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const last = [...c.published].reverse().find((p) => p.uri === uri);
    const got = last ? fromLsp(last) : [];
    if (JSON.stringify(got) === JSON.stringify(expected) || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('the CLI, the editor (letters open) and the workspace check (letters closed) give each letter the same findings', async () => {
  await withFolder(async (dir, cache, files) => {
    const r = cli(['check', '--format', 'json', '--cache', cache, '.'], dir);
    assert.equal(r.stderr, '');
    const byFile = new Map<string, string[]>((JSON.parse(r.stdout) as { file: string; diagnostics: Finding[] }[]).map((f) => [path.basename(f.file), norm(f.diagnostics)]));
    assert.deepEqual([...byFile.keys()].sort(), Object.keys(files).sort());
    // The answer letter has every kind of finding: its own, the pair's, the workspace's and the facts'.
    const codes = new Set(byFile.get('antwoord.md')!.map((k) => k.split(' ')[1]));
    for (const code of ['unanswered-question', 'question-text-differs', 'answer-term-exceeded', 'kamerstuk-not-found', 'motion-rejected']) assert.ok(codes.has(code), `${code} in ${[...codes]}`);
    assert.ok(!codes.has('unlinked-motion'), 'the motion is linked through eerder.md');
    assert.ok(byFile.get('eerder.md')!.some((k) => k.includes('motion-rejected')) === false, 'eerder.md does not say it executes the motion');

    // The editor, every letter open.
    const open = await startServer(dir, cache);
    try {
      for (const [name, text] of Object.entries(files)) await open.open(pathToFileURL(path.join(dir, name)).toString(), text);
      for (const name of Object.keys(files)) {
        const uri = pathToFileURL(path.join(dir, name)).toString();
        assert.deepEqual(await settled(open, uri, byFile.get(name)!), byFile.get(name), `editor: ${name}`);
      }
      // Status counts and outline: the editor's equal the CLI's outline.
      const answerUri = pathToFileURL(path.join(dir, 'antwoord.md')).toString();
      const status = [...open.notifications].reverse().find((n) => n.method === 'antwoordbrief/status' && n.params.uri === answerUri)!.params;
      const outline = JSON.parse(cli(['outline', '--format', 'json', 'antwoord.md'], dir).stdout);
      // The status item counts the units that need an answer (not context-only ones) and those answered, in writing or by reference.
      const needing = outline.questions.filter((q: { answer: { status: string } }) => q.answer.status !== 'context');
      const answered = needing.filter((q: { answer: { status: string } }) => ['answered', 'by-reference'].includes(q.answer.status));
      assert.deepEqual({ total: status.total, answered: status.answered }, { total: needing.length, answered: answered.length });
      assert.deepEqual(status.unanswered.map((u: { id: string }) => u.id), ['4']);
      assert.equal(status.questionLetter, 'vragen.md');
      const all = (await open.symbols(answerUri)) as DocumentSymbol[];
      // The last group lists the letter's commitments (issue 12): the same as `antwoordbrief toezeggingen`.
      const commitments = all.find((s) => s.name === 'Toezeggingen');
      const symbols = all.filter((s) => s !== commitments);
      const listed = JSON.parse(cli(['toezeggingen', '--format', 'json', 'antwoord.md'], dir).stdout)[0].commitments as { range: { start: { line: number } } }[];
      assert.deepEqual((commitments?.children ?? []).map((c) => c.range.start.line), listed.map((c) => c.range.start.line));
      assert.deepEqual(
        symbols.map((s) => s.range.start.line),
        outline.questions.map((q: { range: { start: { line: number } } }) => q.range.start.line),
      );
      assert.equal(await open.shutdown(), 0);
    } finally {
      open.kill();
    }

    // The workspace check, every letter closed.
    const closed = await startServer(dir, cache);
    try {
      const result = await closed.request('antwoordbrief/checkWorkspace', {});
      assert.equal(result.files, 3);
      for (const name of Object.keys(files)) {
        const uri = pathToFileURL(path.join(dir, name)).toString();
        assert.deepEqual(await settled(closed, uri, byFile.get(name)!), byFile.get(name), `workspace check: ${name}`);
      }
      assert.equal(result.findings, [...byFile.values()].reduce((n, l) => n + l.length, 0));
      assert.equal(await closed.shutdown(), 0);
    } finally {
      closed.kill();
    }
  });
});

test('opening, changing and closing the linking letter and the question letter publishes the dependent letter again', async () => {
  await withFolder(async (dir, cache, files) => {
    // The earlier letter is not on disk yet: only an editor holds it.
    rmSync(path.join(dir, 'eerder.md'));
    const c = await startServer(dir, cache);
    try {
      const answerUri = pathToFileURL(path.join(dir, 'antwoord.md')).toString();
      const earlierUri = pathToFileURL(path.join(dir, 'eerder.md')).toString();
      const questionsUri = pathToFileURL(path.join(dir, 'vragen.md')).toString();
      // The first publication after the `n`th whose codes satisfy `ok` (facts loaded from disk publish too).
      const publishedAfter = async (n: number, ok: (codes: string[]) => boolean) => {
        for (let at = n; ; ) {
          const p = await c.publicationAfter(answerUri, at);
          const codes = p.diagnostics.map((d) => String(d.code));
          if (ok(codes)) return codes;
          at = c.published.indexOf(p) + 1;
        }
      };
      const linked = (codes: string[]) => !codes.includes('unlinked-motion');
      const unlinked = (codes: string[]) => codes.includes('unlinked-motion');
      await c.open(answerUri, files['antwoord.md']);
      let codes = (await c.diagnostics(answerUri, 1)).map((d) => String(d.code));
      assert.ok(codes.includes('unlinked-motion'), codes.join());

      // Opening the linking letter links the motion.
      let seen = c.published.length;
      await c.open(earlierUri, EARLIER);
      await publishedAfter(seen, linked);

      // Changing it so that it no longer cites the motion's number unlinks it again.
      seen = c.published.length;
      await c.edit(earlierUri, { start: positionOf(EARLIER, ' (Kamerstuk'), end: positionOf(EARLIER, ') over') }, '');
      await publishedAfter(seen, unlinked);

      // Closing it (it is not on disk) leaves the motion unlinked.
      seen = c.published.length;
      await c.close(earlierUri);
      await publishedAfter(seen, unlinked);
      // Written to disk (the editor's file watcher reports it), it links the motion again.
      writeFileSync(path.join(dir, 'eerder.md'), EARLIER);
      seen = c.published.length;
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: earlierUri, type: 1 }] });
      codes = await publishedAfter(seen, linked);

      // The question letter: opened and edited to the answer letter's wording, the difference goes.
      assert.ok(codes.includes('question-text-differs'), codes.join());
      seen = c.published.length;
      await c.open(questionsUri, QUESTIONS);
      await c.edit(questionsUri, { start: positionOf(QUESTIONS, 'hebben in 2024'), end: positionOf(QUESTIONS, ' in 2024') }, 'hadden');
      await publishedAfter(seen, (codes) => !codes.includes('question-text-differs'));
      // Closed again, the disk's text counts: the difference is back.
      seen = c.published.length;
      await c.close(questionsUri);
      await publishedAfter(seen, (codes) => codes.includes('question-text-differs'));
      assert.equal(await c.shutdown(), 0);
    } finally {
      c.kill();
    }
  });
});
