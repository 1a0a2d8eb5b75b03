// The folder context of a letter is bounded (issue 10): the other letters on disk are read only
// when they can change its findings, at most CONTEXT_LIMITS of them; a question letter is looked
// for among bounded candidates, the smallest first. Real files on a real disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CitationFiles } from '../../server/src/host/citationFiles';
import { LetterContext } from '../../server/src/host/context';
import { CONTEXT_LIMITS } from '../../server/src/host/read';
import { createAnalyzer } from '../../server/src/core/analyzer';
import { PROJECT_ROOT } from './lsp-client';

const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');

function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-context-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** A letter of about `bytes` bytes that cites the motion Erkens with its number. */
function citingLetter(bytes: number): string {
  const head = 'Geachte voorzitter,\n\nIn deze brief ga ik in op de motie-Erkens (Kamerstuk 36 410 X, nr. 46).\n\n';
  return head + 'Het kabinet werkt aan de uitvoering en informeert uw Kamer daarover.\n'.repeat(Math.ceil(bytes / 69));
}

test('the letters on disk: read only when asked, within CONTEXT_LIMITS.bytes, the folder itself before its subfolders', () =>
  withDir(async (dir) => {
    const seven = 7 * 1024 * 1024;
    mkdirSync(path.join(dir, 'a'));
    // In name order the subfolder "a" comes first; by the rule the folder's own letters do.
    writeFileSync(path.join(dir, 'a', 'sub.md'), citingLetter(seven));
    writeFileSync(path.join(dir, 'b.md'), citingLetter(seven));
    writeFileSync(path.join(dir, 'c.md'), citingLetter(seven));
    writeFileSync(path.join(dir, 'd.md'), citingLetter(seven));
    writeFileSync(path.join(dir, 'kst-36410-X-46.pdf'), 'not read');
    writeFileSync(path.join(dir, 'brief.md'), 'Vraag 1\nWat?\n\nAntwoord 1\nIk voer de motie Erkens uit.\n');
    const uri = URI.file(path.join(dir, 'brief.md')).toString();
    const files = new CitationFiles(() => []);
    const names = (docs: { uri: string }[]) => docs.map((d) => path.relative(dir, URI.parse(d.uri).fsPath)).sort();

    // Not asked: no letter read, the paper files still known by name.
    const listed = await files.workspace(uri, false);
    assert.deepEqual(listed.documents(), []);
    assert.deepEqual(listed.paperFiles!().map((f) => f.id), ['kst-36410-X-46']);

    // Asked: two of the three 7 MB letters fit in 16 MB, read before the subfolder's; the letter itself is left out.
    assert.equal(CONTEXT_LIMITS.bytes, 16 * 1024 * 1024);
    const read = await files.workspace(uri, true);
    assert.deepEqual(names(read.documents()), ['b.md', 'c.md']);
  }));

test('LetterContext reads the other letters only for a letter that names a motion without number; the motion is still linked through them', () =>
  withDir(async (dir) => {
    writeFileSync(path.join(dir, 'eerder.md'), citingLetter(1000));
    writeFileSync(path.join(dir, 'zonder.md'), 'Vraag 1\nWat kost het?\n\nAntwoord 1\nNiets.\n');
    writeFileSync(path.join(dir, 'met.md'), 'Vraag 1\nWat kost het?\n\nAntwoord 1\nIk voer de motie Erkens uit.\n');
    const analyzer = createAnalyzer();
    const letters = new LetterContext();
    const of = async (name: string) => {
      const uri = URI.file(path.join(dir, name)).toString();
      const text = name === 'met.md' ? 'Vraag 1\nWat kost het?\n\nAntwoord 1\nIk voer de motie Erkens uit.\n' : 'Vraag 1\nWat kost het?\n\nAntwoord 1\nNiets.\n';
      const a = analyzer.analyze(text);
      const context = await letters.context(uri, a, '');
      return { context, diagnosis: analyzer.diagnose(a, context, { severity: {} }) };
    };
    const without = await of('zonder.md');
    assert.deepEqual(without.context.workspace, []);
    const withMotion = await of('met.md');
    assert.deepEqual(withMotion.context.workspace!.map((d) => path.basename(URI.parse(d.uri).fsPath)).sort(), ['eerder.md', 'zonder.md']);
    // Linked through the earlier letter: no unlinked-motion.
    assert.deepEqual(withMotion.diagnosis.findings.map((f) => f.code), []);
    assert.equal(withMotion.diagnosis.citations.motions[0].via?.kind, 'earlier');
  }));

test('check FILE finds the question letter among big answer letters in its folder: smallest candidates first, within the budget', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-context-'));
  try {
    const q = ['Wat kost de regeling voor mantelzorgers in Drenthe?', 'Welke afspraken maakt u met de zorgverzekeraars over de financiering?'];
    // Ten answer letters of 1 MB whose names sort before the question letter's.
    for (let i = 0; i < 10; i++) writeFileSync(path.join(dir, `a-antwoord-${i}.md`), `Vraag 1\nWaarom ${i}?\n\nAntwoord 1\n${'De kosten dalen. '.repeat(62000)}\n`);
    writeFileSync(path.join(dir, 'z-vragen.md'), `Vragen van het lid Jansen (VVD) aan de minister.\n\nVraag 1\n${q[0]}\n\nVraag 2\n${q[1]}\n`);
    writeFileSync(path.join(dir, 'antwoord.md'), `Vraag 1\n${q[0]}\n\nAntwoord 1\nDrie miljoen euro.\n\nVraag 2\n${q[1]}\n\nAntwoord 2\nDe financiering loopt door.\n`);
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', path.join(dir, 'antwoord.md')], { encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    const [result] = JSON.parse(r.stdout);
    assert.equal(result.questionLetter, 'z-vragen.md');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
