/**
 * Commitments through the real language server: the "Toezeggingen" outline group with due dates,
 * the hover on a commitment, the `new-commitment` finding (off by default), and the letter's
 * date from the `briefdatum` setting or, failing that, from the file on disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, withClient } from './lsp-client';

const DATED = [
  '# Antwoorden',
  '',
  'Den Haag, 12 maart 2025',
  '',
  '## Vraag 1',
  '',
  'Bent u bereid de Kamer te informeren over de uitkomsten?',
  '',
  '## Antwoord 1',
  '',
  'Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten.',
  '',
  '## Vraag 2',
  '',
  'Wat is de stand van zaken?',
  '',
  '## Antwoord 2',
  '',
  'Het onderzoek loopt. In de volgende voortgangsrapportage ga ik hier nader op in.',
  '',
].join('\n');

const UNDATED = DATED.replace('Den Haag, 12 maart 2025', 'Geachte voorzitter,');

test('outline: a Toezeggingen group with each commitment and its due date', () =>
  withClient(async (c) => {
    const uri = 'file:///werk/toezeggingen.md';
    await c.open(uri, DATED);
    const symbols = (await c.symbols(uri)) as DocumentSymbol[];
    const group = symbols.find((s) => s.name === 'Toezeggingen');
    assert.ok(group, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(group.detail, '2 toezeggingen');
    assert.deepEqual(
      group.children!.map((s) => [s.name, s.detail, s.range.start.line]),
      [
        ['Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten.', 'uiterlijk 4 juli 2025 (voor het zomerreces)', 10],
        ['In de volgende voortgangsrapportage ga ik hier nader op in.', 'In de volgende voortgangsrapportage (geen datum)', 18],
      ],
    );
    // The questions stay in the outline before it.
    assert.ok(symbols.findIndex((s) => s.name === 'Vraag 1') < symbols.indexOf(group));
  }));

test('hover on a commitment shows it is one and when it is due; elsewhere no commitment hover', () =>
  withClient(async (c) => {
    const uri = 'file:///werk/toezeggingen.md';
    await c.open(uri, DATED);
    const h = await c.hover(uri, positionOf(DATED, 'zomerreces informeren'));
    assert.ok(h);
    const value = (h.contents as MarkupContent).value.replace(/\\/g, '');
    assert.match(value, /Toezegging/);
    assert.match(value, /uiterlijk 4 juli 2025 \(voor het zomerreces\)/);
    assert.match(value, /12 maart 2025 \(uit de brief\)/);
    const none = await c.hover(uri, positionOf(DATED, 'stand van zaken'));
    assert.ok(!none || !/Toezegging/.test((none.contents as MarkupContent).value));
  }));

test('new-commitment is off by default and an information finding when switched on', async () => {
  const uri = 'file:///werk/toezeggingen.md';
  await withClient(async (c) => {
    await c.open(uri, DATED);
    const d = await c.diagnostics(uri, 1);
    assert.equal(d.filter((x) => x.code === 'new-commitment').length, 0);
  });
  await withClient(
    async (c) => {
      await c.open(uri, DATED);
      const d = (await c.diagnostics(uri, 1)).filter((x) => x.code === 'new-commitment');
      assert.deepEqual(
        d.map((x) => [x.range.start.line, x.severity, x.message]),
        [
          [10, 3, 'Toezegging aan de Kamer: uiterlijk 4 juli 2025 (voor het zomerreces).'],
          [18, 3, 'Toezegging aan de Kamer: In de volgende voortgangsrapportage (geen datum).'],
        ],
      );
    },
    { settings: { ernst: { 'new-commitment': 'information' } } },
  );
});

test('an undated letter is dated by the briefdatum setting, else by its file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-toezegging-'));
  try {
    const file = path.join(dir, 'brief.md');
    writeFileSync(file, UNDATED);
    const when = new Date(2025, 8, 1, 12, 0, 0); // 1 September 2025, local time: after the 2025 recess began
    utimesSync(file, when, when);
    const uri = pathToFileURL(file).href;
    const detail = async (settings?: Record<string, unknown>) => {
      let out = '';
      await withClient(
        async (c) => {
          await c.open(uri, UNDATED);
          const group = ((await c.symbols(uri)) as DocumentSymbol[]).find((s) => s.name === 'Toezeggingen');
          out = group!.children![0].detail!;
        },
        settings ? { settings } : undefined,
      );
      return out;
    };
    assert.equal(await detail(), 'uiterlijk 3 juli 2026 (voor het zomerreces)');
    assert.equal(await detail({ briefdatum: '2025-02-01' }), 'uiterlijk 4 juli 2025 (voor het zomerreces)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
