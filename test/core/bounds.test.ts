// Bounds on what one letter produces (issue 10): at most MAX_CITATIONS citations and motion
// mentions read, at most MAX_FINDINGS findings shown (the most severe first) with one Dutch note
// on the rest, whatever the density of the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../server/src/core/analyzer';
import { findCitations, MAX_CITATIONS } from '../../server/src/core/citations';
import { MAX_FINDINGS, dutchNumber } from '../../server/src/core/bounds';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings';

function diagnoseText(text: string, settings: Settings = DEFAULT_SETTINGS) {
  const analyzer = createAnalyzer();
  const analysis = analyzer.analyze(text);
  return { analysis, diagnosis: analyzer.diagnose(analysis, { today: null }, settings) };
}

const count = (findings: { code: string }[], code: string) => findings.filter((f) => f.code === code).length;

test('dutchNumber writes thousands with a full stop', () => {
  assert.equal(dutchNumber(7), '7');
  assert.equal(dutchNumber(1000), '1.000');
  assert.equal(dutchNumber(66667), '66.667');
  assert.equal(dutchNumber(1234567), '1.234.567');
});

test('a citation every 45 characters on one line: reading stops after MAX_CITATIONS, and says where', () => {
  const unit = 'Zie Kamerstuk 36 410, nr. 12 en de motie Erkens; ';
  const n = Math.ceil((MAX_CITATIONS * 1.5) / 2);
  const text = 'Vraag 1 Wat kost het? Antwoord 1 ' + unit.repeat(n);
  const c = findCitations(text);
  assert.ok(c.truncatedAt !== undefined, 'truncated');
  const read = c.references.length + c.motions.length;
  assert.ok(read >= MAX_CITATIONS && read <= MAX_CITATIONS + 2, `${read} read`);
  // Nothing at or after the stop is read; the stop is at the next citation ("Zie Kamerstuk …").
  assert.ok(c.references.every((r) => r.span.end <= c.truncatedAt!) && c.motions.every((m) => m.span.end <= c.truncatedAt!));
  assert.ok(text.startsWith('Zie Kamerstuk', c.truncatedAt!) || text.startsWith('Kamerstuk', c.truncatedAt!), text.slice(c.truncatedAt!, c.truncatedAt! + 20));

  const { diagnosis } = diagnoseText(text);
  const f = diagnosis.findings;
  assert.equal(f.length, MAX_FINDINGS + 1);
  const cut = f.find((x) => x.code === 'too-many-citations')!;
  assert.equal(cut.span.start, c.truncatedAt);
  assert.match(cut.message, /^Deze brief noemt meer dan 10\.000 Kamerstukken en moties; vanaf hier worden verwijzingen niet meer gelezen/);
  const note = f.find((x) => x.code === 'too-many-findings')!;
  assert.deepEqual(note.span, { start: 0, end: 5 });
  // 5,000 unlinked motions were read (every other citation is one) plus the cut: all counted.
  assert.match(note.message, /^Deze brief heeft 5\.001 meldingen; alleen de 1\.000 belangrijkste worden getoond \(eerst fouten, dan waarschuwingen, dan informatie\) en 4\.001 zijn weggelaten\./);
  // Sorted by position, every span inside the text.
  for (let i = 1; i < f.length; i++) assert.ok(f[i - 1].span.start <= f[i].span.start);
});

test('errors are kept before information: an unanswered question after 3,000 unlinked motions is shown', () => {
  const text = `Vraag 1\nWat kost het?\n\nAntwoord 1\n${'Ik voer de motie Erkens uit. '.repeat(3000)}\n\nVraag 2\nEn wanneer is het klaar?\n\nAntwoord 2\n\n`;
  const { diagnosis } = diagnoseText(text);
  const f = diagnosis.findings;
  assert.equal(f.length, MAX_FINDINGS + 1);
  assert.equal(count(f, 'unanswered-question'), 1);
  assert.equal(count(f, 'unlinked-motion'), MAX_FINDINGS - 1);
  assert.match(f.find((x) => x.code === 'too-many-findings')!.message, /heeft 3\.001 meldingen; alleen de 1\.000 belangrijkste .* en 2\.001 zijn weggelaten/);
  // The motions kept are the first ones in the letter.
  const motions = f.filter((x) => x.code === 'unlinked-motion');
  assert.equal(motions[0].span.start, text.indexOf('de motie Erkens'));
});

test('with too-many-findings switched off the findings are still bounded, without the note; a letter within the bound is untouched', () => {
  const text = `Vraag 1\nWat kost het?\n\nAntwoord 1\n${'Ik voer de motie Erkens uit. '.repeat(1500)}\n`;
  const off = diagnoseText(text, { severity: { 'too-many-findings': 'off' } }).diagnosis.findings;
  assert.equal(off.length, MAX_FINDINGS);
  assert.equal(count(off, 'too-many-findings'), 0);
  // Switching the many findings off leaves nothing to leave out.
  const quiet = diagnoseText(text, { severity: { 'unlinked-motion': 'off' } }).diagnosis.findings;
  assert.deepEqual(quiet, []);
  const small = diagnoseText(`Vraag 1\nWat kost het?\n\nAntwoord 1\n${'Ik voer de motie Erkens uit. '.repeat(MAX_FINDINGS)}\n`).diagnosis.findings;
  assert.equal(small.length, MAX_FINDINGS);
  assert.equal(count(small, 'too-many-findings'), 0);
});

test('inline suppressions count before the bound: silenced findings never hide the ones left, nor count as left out', () => {
  const unanswered = (i: number, silenced = '') => `Vraag ${i}\nWat kost maatregel ${i}?\n\n${silenced}Antwoord ${i}\n\n`;
  // B: MAX_FINDINGS unanswered questions each silenced on their line (the finding is on the answer
  // heading), then five that are not.
  let b = '';
  for (let i = 1; i <= MAX_FINDINGS; i++) b += unanswered(i, '<!-- antwoordbrief-disable-next-line unanswered-question -->\n');
  for (let i = MAX_FINDINGS + 1; i <= MAX_FINDINGS + 5; i++) b += unanswered(i);
  const shown = diagnoseText(b).diagnosis.findings;
  assert.equal(count(shown, 'unanswered-question'), 5);
  assert.equal(count(shown, 'too-many-findings'), 0);
  // D: the whole code silenced for the file, 1.5 × MAX_FINDINGS unanswered and one placeholder.
  let d = '<!-- antwoordbrief-disable unanswered-question -->\n';
  for (let i = 1; i <= MAX_FINDINGS * 1.5; i++) d += unanswered(i);
  d += 'Vraag 9999\nWat kost het laatste?\n\nAntwoord 9999\n\n[PM antwoord]\n';
  const shownD = diagnoseText(d).diagnosis.findings;
  assert.equal(count(shownD, 'unanswered-question'), 0);
  assert.equal(count(shownD, 'too-many-findings'), 0, JSON.stringify(shownD.filter((f) => f.code === 'too-many-findings')));
  assert.equal(count(shownD, 'placeholder-in-answer'), 1);
});
