/**
 * `antwoordbrief toezeggingen` through the bundled CLI (dist/cli.js) on files on disk: the JSON
 * and CSV shapes, a folder, --datum for an undated letter, and bad input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { makePdf } from '../extract/make';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DATED = [
  'Den Haag, 12 maart 2025',
  '',
  'Antwoord 1',
  'Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten, "het eindrapport" en de reactie.',
  '',
  'Antwoord 2',
  'Zoals ik uw Kamer in mei heb gemeld, loopt het onderzoek nog. In de volgende voortgangsrapportage ga ik hier nader op in.',
  '',
].join('\n');

const FIRST = DATED.split('\n')[3];

const UNDATED = 'Geachte voorzitter,\n\nUw Kamer wordt binnen zes weken geïnformeerd over de bevindingen.\n';

function withDir(fn: (dir: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-toezeggingen-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('toezeggingen --format json: file, commitments with text, range and due', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), DATED);
    const r = run(['toezeggingen', '--format', 'json', 'brief.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'brief.md',
        source: 'text',
        letterDate: { date: '2025-03-12', from: 'kop' },
        commitments: [
          {
            text: 'Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten, "het eindrapport" en de reactie.',
            range: { start: { line: 3, character: 0 }, end: { line: 3, character: FIRST.length } },
            due: { phrase: 'voor het zomerreces', date: '2025-07-04' },
          },
          {
            text: 'In de volgende voortgangsrapportage ga ik hier nader op in.',
            range: { start: { line: 6, character: 62 }, end: { line: 6, character: 121 } },
            due: { phrase: 'In de volgende voortgangsrapportage', date: null },
          },
        ],
      },
    ]);
  });
});

test('toezeggingen --format csv: header and one quoted row per commitment, over a folder', () => {
  withDir((dir) => {
    mkdirSync(path.join(dir, 'brieven'));
    writeFileSync(path.join(dir, 'brieven', 'a.md'), DATED);
    writeFileSync(path.join(dir, 'brieven', 'b.txt'), UNDATED);
    const r = run(['toezeggingen', '--format', 'csv', '--datum', '2025-01-01', 'brieven'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'bestand,toezegging,termijn,datum,regel,pagina',
        `${path.join('brieven', 'a.md')},"Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten, ""het eindrapport"" en de reactie.",voor het zomerreces,2025-07-04,4,`,
        `${path.join('brieven', 'a.md')},In de volgende voortgangsrapportage ga ik hier nader op in.,In de volgende voortgangsrapportage,,7,`,
        `${path.join('brieven', 'b.txt')},Uw Kamer wordt binnen zes weken geïnformeerd over de bevindingen.,binnen zes weken,2025-02-12,3,`,
        '',
      ].join('\r\n'),
    );
  });
});

test('toezeggingen --format csv --excel: semicolons and a byte order mark for Dutch Excel', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), DATED);
    const r = run(['toezeggingen', '--format', 'csv', '--excel', 'brief.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\r\n');
    assert.equal(lines[0], '\ufeffbestand;toezegging;termijn;datum;regel;pagina');
    assert.equal(lines[1], 'brief.md;"Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten, ""het eindrapport"" en de reactie.";voor het zomerreces;2025-07-04;4;');
    assert.equal(lines.length, 4);
    const misuse = run(['toezeggingen', '--excel', 'brief.md'], dir);
    assert.equal(misuse.code, 2);
    assert.match(misuse.stderr, /--excel geldt alleen bij --format csv/);
  });
});

test('toezeggingen text output, and Dutch messages for bad input', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'brief.md'), DATED);
    const r = run(['toezeggingen', 'brief.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^brief\.md: 2 toezeggingen\n  briefdatum: 12 maart 2025 \(uit de brief\)\n  regel 4: uiterlijk 4 juli 2025 \(voor het zomerreces\)\n/);
    const missing = run(['toezeggingen', 'weg.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /weg\.md: bestand niet gevonden/);
    const bad = run(['toezeggingen', '--datum', '2025-13-01', 'brief.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--datum 2025-13-01 is geen datum/);
    const fmt = run(['toezeggingen', '--format', 'xml', 'brief.md'], dir);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /onbekend formaat/);
    const empty = path.join(dir, 'leeg');
    mkdirSync(empty);
    const none = run(['toezeggingen', 'leeg'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /leeg: dit is een map zonder brieven/);
    const binary = path.join(dir, 'brief.pdf.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    const bin = run(['toezeggingen', 'brief.pdf.txt'], dir);
    assert.equal(bin.code, 2);
    assert.match(bin.stderr, /geen tekstbestand/);
    assert.doesNotMatch(bin.stderr, /at .*\.js/);
  });
});

test('toezeggingen: an undated letter gets no dates without --datum (not the file date), and says so; --datum is named as the origin', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'b.txt'), UNDATED);
    const json = JSON.parse(run(['toezeggingen', '--format', 'json', 'b.txt'], dir).stdout);
    assert.deepEqual(json[0].letterDate, { date: null, from: null });
    assert.deepEqual(json[0].commitments[0].due, { phrase: 'binnen zes weken', date: null });
    assert.equal(json[0].commitments[0].needsLetterDate, true);
    const text = run(['toezeggingen', 'b.txt'], dir).stdout;
    assert.match(text, /briefdatum: onbekend: de brief heeft geen datum — geef --datum JJJJ-MM-DD/);
    assert.match(text, /binnen zes weken \(datum onbekend: de brief heeft geen datum\)/);
    const given = JSON.parse(run(['toezeggingen', '--format', 'json', '--datum', '2025-01-01', 'b.txt'], dir).stdout);
    assert.deepEqual(given[0].letterDate, { date: '2025-01-01', from: '--datum' });
    assert.match(run(['toezeggingen', '--datum', '2025-01-01', 'b.txt'], dir).stdout, /briefdatum: 1 januari 2025 \(uit --datum\)/);
  });
});

test('toezeggingen: a due date before the letter date is flagged; CSV cells that a spreadsheet reads as a formula are neutralised', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, '=cmd.md'), 'Den Haag, 14 april 2025\n\nIk informeer uw Kamer voor 31 december 2024 over de uitkomsten.\n');
    const text = run(['toezeggingen', '=cmd.md'], dir).stdout;
    assert.match(text, /uiterlijk 30 december 2024 \(voor 31 december 2024\) — let op: de termijn ligt vóór de briefdatum/);
    assert.equal(JSON.parse(run(['toezeggingen', '--format', 'json', '=cmd.md'], dir).stdout)[0].commitments[0].pastDue, true);
    const csv = run(['toezeggingen', '--format', 'csv', '=cmd.md'], dir).stdout.split('\r\n');
    assert.ok(csv[1].startsWith("'=cmd.md,"), csv[1]);
  });
});

test('toezeggingen reads a PDF letter as check does: JSON says the source and the page', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-toezeggingen-pdf-'));
  try {
    writeFileSync(
      path.join(dir, 'antwoord.pdf'),
      await makePdf([
        ['Den Haag, 12 maart 2025', '', 'Antwoord 1', 'Het onderzoek loopt nog.'],
        ['Antwoord 2', 'Uw Kamer wordt voor het zomerreces geinformeerd over de uitkomsten.'],
      ]),
    );
    const r = run(['toezeggingen', '--format', 'json', 'antwoord.pdf'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out[0].source, 'pdf');
    assert.deepEqual(
      out[0].commitments.map((c: { text: string; due: { date: string | null }; page: number }) => [c.text, c.due.date, c.page]),
      [['Uw Kamer wordt voor het zomerreces geinformeerd over de uitkomsten.', '2025-07-04', 2]],
    );
    const text = run(['toezeggingen', 'antwoord.pdf'], dir);
    assert.match(text.stdout, /\(pagina 2\): uiterlijk 4 juli 2025 \(voor het zomerreces\)/);
    const csv = run(['toezeggingen', '--format', 'csv', 'antwoord.pdf'], dir);
    assert.deepEqual(csv.stdout.split('\r\n').map((l) => l.split(',').at(-1)), ['pagina', '2', ''], 'the page column');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
