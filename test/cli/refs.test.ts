/**
 * `antwoordbrief refs` through the bundled CLI (dist/cli.js) on real files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const FIXTURES = path.join(ROOT, 'test/fixtures/citations');

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('refs --format json lists references and motions with range and via', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-refs-'));
  try {
    copyFileSync(path.join(FIXTURES, 'notitie.md'), path.join(dir, 'notitie.md'));
    const r = run(['refs', '--format', 'json', 'notitie.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].file, 'notitie.md');
    const refs = out[0].references;
    assert.deepEqual(Object.keys(refs[0]).sort(), ['canonical', 'id', 'kind', 'range', 'text', 'via']);
    assert.deepEqual(refs[0], {
      text: 'de motie-Kathmann c.s.',
      range: { start: { line: 2, character: 26 }, end: { line: 2, character: 48 } },
      kind: 'motie',
      id: 'kst-36200-VII-41',
      canonical: 'Kamerstuk 36 200 VII, nr. 41',
      via: 'haakjes',
    });
    assert.equal(refs[1].kind, 'kamerstuk');
    assert.equal(refs[1].via, null);
    const viaNote = refs.find((x: any) => x.text === 'de motie van het lid Bontenbal');
    assert.equal(viaNote.via, 'voetnoot 4');
    const earlier = refs.find((x: any) => x.text === 'De motie Bontenbal');
    assert.equal(earlier.via, 'latere verwijzing regel 8');
    assert.equal(earlier.id, 'kst-32813-1201');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refs carries the doubt of an ambiguous dash form and of a motion with conflicting evidence (text and JSON)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-refs-'));
  try {
    writeFileSync(path.join(dir, 'twijfel.txt'), 'Zie de brief (36 123-45) en Kamerstuk 36 410, nr. 45.\n' +
      'De motie Bontenbal (Kamerstuk 32 813, nr. 1200) is gewijzigd. De gewijzigde motie Bontenbal (Kamerstuk 32 813, nr. 1215) is aangenomen. De motie Bontenbal wordt uitgevoerd.\n');
    const j = run(['refs', '--format', 'json', 'twijfel.txt'], dir);
    assert.equal(j.code, 0, j.stderr);
    const refs = JSON.parse(j.stdout)[0].references;
    const amb = refs.find((x: any) => x.id === 'kst-36123-45');
    assert.equal(amb.ambiguous, 'dossier 36 123-45');
    assert.equal(refs.find((x: any) => x.id === 'kst-36410-45').ambiguous, undefined, 'a certain paper carries no doubt');
    const last = refs.filter((x: any) => x.kind === 'motie').at(-1);
    assert.deepEqual([last.id, last.candidates], [null, ['kst-32813-1200', 'kst-32813-1215']]);
    const t = run(['refs', '--format', 'text', 'twijfel.txt'], dir);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /Kamerstuk 36 123, nr\. 45 of dossier 36 123-45\?  \[kst-36123-45 of dossier 36 123-45\?\]/);
    assert.match(t.stdout, /De motie Bontenbal → niet zeker: kst-32813-1200 of kst-32813-1215\?/);
    // A dossier is said to be one, in both formats.
    writeFileSync(path.join(dir, 'dossier.txt'), 'Zie Kamerstukken II 2023/24, 29 023 en het dossier 21501-32 en Kamerstuk 30 821, nr. 5.\n');
    const dj = JSON.parse(run(['refs', '--format', 'json', 'dossier.txt'], dir).stdout)[0].references;
    assert.deepEqual(dj.map((x: any) => [x.id, x.dossier]), [['kst-29023', '29 023'], ['kst-21501-32', '21 501-32'], ['kst-30821-5', undefined]]);
    const dt = run(['refs', '--format', 'text', 'dossier.txt'], dir).stdout;
    assert.match(dt, /regel 1: Dossier 29 023  \[kst-29023\]/);
    assert.match(dt, /regel 1: Dossier 21 501-32  \[kst-21501-32\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refs links motions through the other files given; an unreadable file is reported, the rest kept', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus: ../shared not present');
  const f = (p: string) => path.join(CORPUS, readdirSync(CORPUS).find((n) => n.startsWith(p))!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-refs-'));
  try {
    writeFileSync(path.join(dir, 'binair.pdf'), Buffer.from([37, 80, 68, 70, 0, 1, 2]));
    const r = run(['refs', '--format', 'json', f('002_'), f('000_'), path.join(dir, 'binair.pdf')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /binair\.pdf is beschadigd of geen PDF/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 2);
    const erkens = out[0].references.find((x: any) => x.kind === 'motie' && x.text === 'de motie Erkens');
    assert.equal(erkens.id, 'kst-36410-X-46');
    assert.match(erkens.via, /^eerdere verwijzing in 000_[0-9a-f]+\.txt regel 93$/);
    const broken = out[1].references.find((x: any) => x.id === 'kst-26643-1422');
    assert.equal(broken.text, 'Kamerstuk 26 643 nr. 1422');
    const line148 = readFileSync(f('000_'), 'utf8').split(/\r?\n/)[147];
    assert.deepEqual(broken.range.start, { line: 147, character: line148.indexOf('Kamerstuk 26') });
    assert.deepEqual(broken.range.end, { line: 149, character: '643 nr. 1422'.length });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refs without files is a usage error in Dutch', () => {
  const r = run(['refs']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /geef één of meer bestanden op/);
});

test('refs and check link a motion through the letters of its folder alike; the unlinked-motion message names no real number', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-refs-'));
  try {
    writeFileSync(path.join(dir, 'eerder.md'), 'Vraag 1\nWat doet u met de motie Erkens (Kamerstuk 36 410 X, nr. 46)?\n\nAntwoord 1\nIk voer haar uit.\n');
    writeFileSync(path.join(dir, 'nu.md'), 'Vraag 1\nWat doet u met de motie Erkens?\n\nAntwoord 1\nIk voer de motie Erkens uit.\n');
    mkdirSync(path.join(dir, 'los'));
    writeFileSync(path.join(dir, 'los', 'jansen.txt'), 'Vraag 1\nWat doet u met de motie Jansen?\n\nAntwoord 1\nIk voer de motie Jansen uit.\n');
    // Only nu.md named: its neighbour links the motion in both commands.
    const check = run(['check', '--format', 'json', 'nu.md'], dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.deepEqual(JSON.parse(check.stdout)[0].diagnostics.filter((d: any) => d.code === 'unlinked-motion'), []);
    const refs = run(['refs', 'nu.md'], dir);
    assert.equal(refs.code, 0, refs.stderr);
    assert.match(refs.stdout, /regel 2: de motie Erkens → Kamerstuk 36 410 X, nr\. 46 \(eerdere verwijzing in eerder\.md regel 2\)\n/);
    assert.doesNotMatch(refs.stdout, /geen Kamerstuknummer gevonden/);
    const json = JSON.parse(run(['refs', '--format', 'json', 'nu.md'], dir).stdout)[0].references;
    assert.deepEqual(json.map((e: any) => e.id), ['kst-36410-X-46', 'kst-36410-X-46']);
    // Alone in its folder the motion stays unlinked in both, and the message shows a pattern, not a number to paste.
    const alone = run(['check', 'los/jansen.txt'], dir);
    const messages = alone.stdout.split('\n').filter((l) => l.includes('unlinked-motion'));
    assert.ok(messages.length >= 1, alone.stdout);
    for (const m of messages) {
      assert.match(m, /„\(Kamerstuk \[dossiernummer\], nr\. \[nummer van de motie\]\)”/);
      assert.doesNotMatch(m, /\d{2} \d{3}|nr\. \d/, 'no real Kamerstuk number in the advice');
    }
    assert.match(run(['refs', 'los/jansen.txt'], dir).stdout, /de motie Jansen → geen Kamerstuknummer gevonden/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outline and refs print text by default, JSON with --format json', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-refs-'));
  try {
    writeFileSync(path.join(dir, 'brief.md'), 'Vraag 1\nHoeveel gemeenten zijn getroffen? Welke gemeenten betreft het (Kamerstuk 26 643, nr. 1317)?\n\nAntwoord 1\nZes.\n');
    const o = run(['outline', 'brief.md'], dir);
    assert.equal(o.code, 0, o.stderr);
    assert.equal(o.stdout, 'Vraag 1  (beantwoord)  regel 1\n  - Hoeveel gemeenten zijn getroffen?  regel 2\n  - Welke gemeenten betreft het (Kamerstuk 26 643, nr. 1317)?  regel 2\n');
    assert.equal(JSON.parse(run(['outline', '--format', 'json', 'brief.md'], dir).stdout).questions[0].subquestions.length, 2);
    const r = run(['refs', 'brief.md'], dir);
    assert.equal(r.stdout, 'brief.md\n  regel 2: Kamerstuk 26 643, nr. 1317  [kst-26643-1317]\n');
    assert.equal(JSON.parse(run(['refs', '--format', 'json', 'brief.md'], dir).stdout)[0].references[0].id, 'kst-26643-1317');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
