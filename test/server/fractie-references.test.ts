// "het antwoord op vraag 1 van de leden van de VVD-fractie": a reference that names a fractie
// means that fractie's question everywhere — checks, definition, hover, rename — and a rename
// can always be undone (1 → 104 → 1), through the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, editsFor, LspClient, positionOf, withClient } from './lsp-client';

/** Two fracties numbering from 1; D66's answer 1 points at the VVD's answer 1 in `phrase`. */
function letter(phrase: string): string {
  return `# Beantwoording schriftelijk overleg meldpunten

## Vragen en opmerkingen van de leden van de VVD-fractie

### Vraag 1

Waarom stijgen de kosten van de regionale meldpunten?

### Antwoord 1

De kosten stijgen door de extra inzet van personeel bij de meldpunten.

### Vraag 2

Hoeveel meldingen zijn er in 2024 gedaan?

### Antwoord 2

Er zijn in 2024 ruim vierhonderd meldingen gedaan.

## Vragen en opmerkingen van de leden van de D66-fractie

### Vraag 1

Waarom stijgen de kosten van de meldpunten zo snel?

### Antwoord 1

Zie ${phrase}.

### Vraag 2

Wanneer verschijnt de evaluatie?

### Antwoord 2

De evaluatie verschijnt in het najaar.
`;
}

const PHRASES = [
  'het antwoord op vraag 1 van de leden van de VVD-fractie',
  'het antwoord op vraag 1 van de VVD-fractie',
  'het antwoord op vraag 1 van het lid van de VVD-fractie',
  'het antwoord op vraag 1 van de fractie van de VVD',
  'het antwoord op vraag 1 (VVD-fractie)',
  'het antwoord op vraag 1 van de leden van de vvd-fractie',
];

const REFERENCE_CODES = new Set(['reference-to-unanswered', 'dangling-answer-reference', 'unanswered-question']);

async function rename(c: LspClient, uri: string, text: string, at: { line: number; character: number }, newName: string): Promise<string> {
  const edit: WorkspaceEdit = await c.request('textDocument/rename', { textDocument: { uri }, position: at, newName });
  return applyEdits(text, editsFor(edit, uri));
}

for (const phrase of PHRASES) {
  test(`fractie reference "${phrase}": no cycle, definition and hover on the VVD's answer, rename 1 → 104 → 1 round trip`, () =>
    withClient(async (c) => {
      const text = letter(phrase);
      const uri = 'file:///fracties.md';
      await c.open(uri, text);
      const diags = await c.diagnostics(uri, 1);
      assert.deepEqual(diags.filter((d) => REFERENCE_CODES.has(String(d.code))).map((d) => d.message), [], 'no cycle, nothing unanswered');

      const onNumber = positionOf(text, 'antwoord op vraag 1', 18);
      const def = (await c.definition(uri, onNumber)) as Location[];
      assert.equal(def.length, 1);
      assert.equal(def[0].range.start.line, positionOf(text, '### Antwoord 1').line, 'the VVD answer, not D66’s own');
      const hover = String(((await c.hover(uri, onNumber))?.contents as { value?: string })?.value ?? '').replace(/\\(.)/gu, '$1');
      assert.match(hover, /Antwoord op vraag 1 \(VVD-fractie\)/);
      assert.match(hover, /extra inzet van personeel/);

      // Rename the VVD's question 1: its headings and the D66 reference follow; D66's own 1 stays.
      const renamed = await rename(c, uri, text, positionOf(text, '### Vraag 1', 10), '104');
      assert.equal(
        renamed,
        text.replace('### Vraag 1\n', '### Vraag 104\n').replace('### Antwoord 1\n', '### Antwoord 104\n').replace('antwoord op vraag 1 ', 'antwoord op vraag 104 ').replace('antwoord op vraag 1 (', 'antwoord op vraag 104 ('),
      );
      const v2 = await c.change(uri, [{ text: renamed }]);
      assert.deepEqual((await c.diagnostics(uri, v2)).filter((d) => REFERENCE_CODES.has(String(d.code))), []);
      // And back: renaming 104 to 1 is accepted and gives the original text.
      const back = await rename(c, uri, renamed, positionOf(renamed, '### Vraag 104', 10), '1');
      assert.equal(back, text);
    }));
}

test('fractie reference: a rename on D66’s question 1 leaves the VVD-qualified reference alone; 1 → 104 → 1 round trip', () =>
  withClient(async (c) => {
    const text = letter(PHRASES[0]);
    const uri = 'file:///fracties.md';
    await c.open(uri, text);
    await c.diagnostics(uri, 1);
    const at = positionOf(text, '### Vraag 1', 10, 1);
    const renamed = await rename(c, uri, text, at, '104');
    const d66 = text.indexOf('D66-fractie');
    assert.equal(renamed, text.slice(0, d66) + text.slice(d66).replace('### Vraag 1\n', '### Vraag 104\n').replace('### Antwoord 1\n', '### Antwoord 104\n'));
    const v2 = await c.change(uri, [{ text: renamed }]);
    await c.diagnostics(uri, v2);
    const back = await rename(c, uri, renamed, positionOf(renamed, '### Vraag 104', 10), '1');
    assert.equal(back, text);
    // A clash within the section is still refused.
    await c.diagnostics(uri, await c.change(uri, [{ text }]));
    await assert.rejects(c.request('textDocument/rename', { textDocument: { uri }, position: at, newName: '2' }), (e: any) => e.code === -32803 && /Vraag 2 bestaat al/.test(e.message));
  }));

test('fractie reference: a fractie the letter has no section for is a plain reference (resolved in its own section)', () =>
  withClient(async (c) => {
    const text = letter('het antwoord op vraag 2 van de leden van de PVV-fractie');
    const uri = 'file:///fracties.md';
    await c.open(uri, text);
    await c.diagnostics(uri, 1);
    const def = (await c.definition(uri, positionOf(text, 'antwoord op vraag 2', 18))) as Location[];
    assert.equal(def[0].range.start.line, positionOf(text, '### Antwoord 2', 0, 1).line, 'D66’s own answer 2');
  }));

/** Plain (PDF-like) headings; the VVD section's only question is 1, the PVV section has 1 and 2. */
const TWO_SECTIONS = `Vragen en opmerkingen van de leden van de VVD-fractie

Vraag 1
Waarom?

Antwoord 1
Omdat.

Vragen en opmerkingen van de leden van de PVV-fractie

Vraag 1
Hoe?

Antwoord 1
Zie het antwoord op vraag 1 van de leden van de VVD-fractie.

Vraag 2
Wat?

Antwoord 2
Zie het antwoord op vraag 1.
`;

test('rename uniqueness is per section: a section’s only Vraag 1 goes 1 → 104 → 1 and 1 → 1a → 1 beside another fractie’s Vraag 1; a gap names its true end', () =>
  withClient(async (c) => {
    const uri = 'file:///twee-fracties.md';
    await c.open(uri, TWO_SECTIONS);
    await c.diagnostics(uri, 1);
    const to104 = await rename(c, uri, TWO_SECTIONS, positionOf(TWO_SECTIONS, 'Vraag 1', 6), '104');
    assert.equal(to104, TWO_SECTIONS.replace('Vraag 1\n', 'Vraag 104\n').replace('Antwoord 1\n', 'Antwoord 104\n').replace('vraag 1 van de leden', 'vraag 104 van de leden'));
    const diags = await c.diagnostics(uri, await c.change(uri, [{ text: to104 }]));
    const gap = diags.find((d) => d.code === 'missing-question-number');
    assert.ok(gap, JSON.stringify(diags));
    assert.match(gap.message, /^Vragen 1 tot en met 103 ontbreken: de eerste vraag is vraag 104/);
    const back = await rename(c, uri, to104, positionOf(to104, 'Vraag 104', 6), '1');
    assert.equal(back, TWO_SECTIONS);
    await c.diagnostics(uri, await c.change(uri, [{ text: back }]));
    const to1a = await rename(c, uri, back, positionOf(back, 'Vraag 1', 6), '1a');
    assert.notEqual(to1a, back);
    await c.diagnostics(uri, await c.change(uri, [{ text: to1a }]));
    assert.equal(await rename(c, uri, to1a, positionOf(to1a, 'Vraag 1a', 6), '1'), TWO_SECTIONS);
    // In its own section a number is still taken: PVV's Vraag 1 → 2 is refused with RequestFailed (−32803).
    await c.diagnostics(uri, await c.change(uri, [{ text: TWO_SECTIONS }]));
    await assert.rejects(c.request('textDocument/rename', { textDocument: { uri }, position: positionOf(TWO_SECTIONS, 'Vraag 1', 6, 1), newName: '2' }), (e: any) => {
      assert.equal(e.code, -32803);
      assert.match(e.message, /Vraag 2 bestaat al/);
      return true;
    });
  }));
