/**
 * Every citation form and motion rule of issue 13, each as a kind with our own invented
 * variants: compact and dashed forms with the dossier table, ranges and lists, Eerste Kamer
 * letters and markup, PDF/OCR noise, other papers, look-alikes that are no papers, the motion
 * signer forms, the motion's own number, footnotes as PDFs give them, and conflicting evidence.
 * The neighbourhood lexing must give what lexing everything gives on each of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCitations, findCitationsLexingAll, type Citations } from '../../server/src/core/citations';
import { dashPart } from '../../server/src/core/citations/grammar';
import { DASH_TOEVOEGINGEN, PLAIN_DOSSIERS } from '../../server/src/core/citations/dossiers';
import { checkCitations } from '../../server/src/core/checks/citations';

function cite(text: string): Citations {
  const c = findCitations(text);
  assert.deepEqual(c, findCitationsLexingAll(text), `neighbourhood lexing differs on ${JSON.stringify(text)}`);
  return c;
}
const ids = (text: string) => cite(text).references.map((r) => r.id);
const motion = (text: string, k = 0) => cite(text).motions[k];
const linked = (text: string) => cite(text).motions.map((m) => m.refs.map((r) => r.id).join(' ') || (m.candidates ? `? ${m.candidates.map((c) => c.refs.map((r) => r.id).join(' ')).join(' | ')}` : '-'));

test('the dossier table is generated from the Kamerstukdossier records', () => {
  assert.ok(DASH_TOEVOEGINGEN['21501'].includes('20') && DASH_TOEVOEGINGEN['21501'].includes('32'));
  assert.ok(PLAIN_DOSSIERS.has(36410) && PLAIN_DOSSIERS.has(30821));
  assert.ok(!PLAIN_DOSSIERS.has(21501), '21 501 only exists with a dash toevoeging');
  assert.equal(dashPart('21501', '32'), 'toevoeging');
  assert.equal(dashPart('36410', '45'), 'number');
  assert.equal(dashPart('36123', '45'), 'ambiguous');
  assert.equal(dashPart('36123', '07'), 'toevoeging', 'no volgnummer starts with 0');
});

test('compact and dashed forms', () => {
  for (const [text, want] of [
    ['Zie 21501-32-1740 voor de inzet.', ['kst-21501-32-1740']],
    ['Zie 21 501-32, nr. 1740.', ['kst-21501-32-1740']],
    ['Zie 21 501-07 nr 1999 en 21501-08, nr. 12.', ['kst-21501-07-1999', 'kst-21501-08-12']],
    ['Kamerstuk 35 925-A, nr. 68 over het fonds.', ['kst-35925-A-68']],
    ['Kamerstuk 35 925-B nr. 3.', ['kst-35925-B-3']],
    ['In de brief (36 123-45) staat het.', ['kst-36123-45']],
    ['3 36 123-45.', ['kst-36123-45']],
    ['zie de Kamerbrief 36 123-45 van vorig jaar', ['kst-36123-45']],
    ['De brief 36410-45 is bekend.', ['kst-36410-45']],
    ['Kamerstuk 26643-1151 en 19637-3370.', ['kst-26643-1151', 'kst-19637-3370']],
  ] as [string, string[]][]) {
    assert.deepEqual(ids(text), want, text);
  }
  // The table decides: 21 501-20 is a dossier, 36 410 has volgnummers, 36 123 is not known.
  // A dossier with a dash toevoeging is no paper: a dossier reference (no number).
  assert.deepEqual(cite('Het dossier (21501-20) en (21 501-32).').references.map((r) => [r.id, r.number]), [['kst-21501-20', null], ['kst-21501-32', null]]);
  const dossier = cite('Kamerstuk 21 501-20 gaat over de Europese Raad.').references[0];
  assert.deepEqual([dossier.id, dossier.toevoeging, dossier.number, dossier.orDossier], ['kst-21501-20', '20', null, undefined]);
  const known = cite('Kamerstuk 36 410-45.').references[0];
  assert.deepEqual([known.id, known.toevoeging, known.number, known.orDossier], ['kst-36410-45', null, '45', undefined]);
  const amb = cite('Zie de brief (36 123-45).').references[0];
  assert.deepEqual([amb.id, amb.number, amb.orDossier], ['kst-36123-45', '45', '36 123-45']);
  assert.equal(cite('Kamerstuk 36123-45').references[0].orDossier, '36 123-45');
  // A spaced dash form in running text is no citation: "36 123-45 euro".
  assert.deepEqual(ids('Het kost 36 123-45 euro per jaar.'), []);
});

test('ranges and lists of numbers', () => {
  const four = ['kst-30821-12', 'kst-30821-13', 'kst-30821-14', 'kst-30821-15'];
  for (const text of ['Kamerstuk 30 821, nrs. 12 t/m 15.', 'Kamerstuk 30 821, nrs. 12 t/m. 15.', 'Kamerstuk 30 821, nrs. 12 tot en met 15.', 'Kamerstuk 30 821, nrs. 12–15.', 'Kamerstuk 30 821, nrs. 12 - 15.', 'Kamerstuk 30 821, nrs. 12 tm 15.']) {
    assert.deepEqual(ids(text), four, text);
  }
  assert.deepEqual(ids('Kamerstuk 30 821, nr. 679, nr. 684 en 685.'), ['kst-30821-679', 'kst-30821-684', 'kst-30821-685']);
  assert.deepEqual(ids('Kamerstukken 29 023, nrs. 591, 594 en 596'), ['kst-29023-591', 'kst-29023-594', 'kst-29023-596']);
  // Each paper of a range has its own span inside the citation.
  const r = cite('Kamerstuk 30 821, nrs. 12 t/m 14.').references;
  assert.deepEqual(r.map((x) => x.text), ['Kamerstuk 30 821, nrs. 12', 't/m', '14']);
  // A reversed range is no range.
  assert.deepEqual(ids('Kamerstuk 30 821, nrs. 15 t/m 12.'), ['kst-30821-15']);
  // Over a line break (issue 13, round 2).
  assert.deepEqual(ids('Kamerstuk 30 821, nrs. 12 t/m\n15.'), four);
  assert.deepEqual(ids('Kamerstuk 30 821, nrs. 12\ntot en met 15.'), four);
  assert.deepEqual(ids('Kamerstuk 30 821, nr. 12\n- 15 was het.'), ['kst-30821-12'], 'a dash opening a line is no range');
  // A range longer than the cap gives its two ends, each marked with the whole range; never silently one.
  const long = cite('Kamerstuk 30 821, nrs. 1 t/m 400.').references;
  assert.deepEqual(long.map((x) => [x.id, x.range]), [['kst-30821-1', '1-400'], ['kst-30821-400', '1-400']]);
  assert.equal(cite('Kamerstuk 30 821, nrs. 1 t/m 30.').references.length, 30, 'up to the cap every paper');
  assert.equal(cite('Kamerstuk 30 821, nrs. 1 t/m 30.').references[0].range, undefined);
});

test('Eerste Kamer letters and markup', () => {
  for (const text of [
    'Kamerstukken I 2025/26, 30 821, E.',
    '*Kamerstukken I* 2025/26, 30 821, E.',
    '**Kamerstukken I** 2025/26, 30 821, E.',
    '_Kamerstukken I_, 2025/26, 30 821, E.',
    'Kamerstukken I 2025/26, 30 821, E3.',
    'Kamerstukken I, 2025-2026, 30821, E',
    'Kamerstukken I 2025/26, *30 821, E*.',
  ]) {
    const c = cite(text);
    assert.deepEqual(c.references.map((x) => [x.id, x.kamer]), [['kst-30821-E', 'I']], text);
  }
  // The glued footnote marker stays out of the citation's span.
  const t = 'Kamerstukken I 2025/26, 30 821, E3.';
  assert.equal(cite(t).references[0].text, 'Kamerstukken I 2025/26, 30 821, E');
});

test('PDF and OCR noise', () => {
  const cases: [string, string, 'I' | 'II' | null, string | null][] = [
    ['Kamerstukken ll 2015/16, 30 821, nr. 874.', 'kst-30821-874', 'II', '2015-2016'],
    ['Kamerstukken II 2015/16, 30 821, nr 874.', 'kst-30821-874', 'II', '2015-2016'],
    ['Kamerstukken II2015–16, 30 821, nr. 874.', 'kst-30821-874', 'II', '2015-2016'],
    ['Kamer-\nstukken II 2015/16, 30 821, nr. 874.', 'kst-30821-874', 'II', '2015-2016'],
    ['Kamerstukken II 2015/16, 30\u00a0821, nr.\u2009874.', 'kst-30821-874', 'II', '2015-2016'],
    ['Kamerstuk\u202f30\u2009821,\u00a0nr.\u2007874.', 'kst-30821-874', null, null],
    ['Kamerstukken II 2015/16, 30 821,\n3 Zie de brief van 2 maart.\nnr. 874.', 'kst-30821-874', 'II', '2015-2016'],
    ['Kamerstuk 30 821, nr.\n4 Kamerstuk 29 023, nr. 5.\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n874 en verder', 'kst-30821-874', null, null],
  ];
  for (const [text, id, kamer, vj] of cases) {
    const r = cite(text).references.find((x) => x.id === id);
    assert.ok(r, `${id} in ${JSON.stringify(text)}`);
    assert.deepEqual([r.kamer, r.vergaderjaar], [kamer, vj], text);
  }
  // The footnote line inside a broken citation keeps its own citation.
  assert.deepEqual(ids('Kamerstuk 30 821, nr.\n4 Kamerstuk 29 023, nr. 5.\n874 en verder'), ['kst-30821-874', 'kst-29023-5']);
  // "nr.\n\n273": the number on the next line is the volgnummer, not a page number.
  assert.deepEqual(ids('Kamerstuk 29 517 nr.\n\n273'), ['kst-29517-273']);
});

test('other papers: Staatsblad, Staatscourant, Aanhangsel, Handelingen with item', () => {
  const c = cite('Stb. 2021, 45; Staatsblad 2019, nr. 7; Stcrt. 2020, 12345; Aanhangsel Handelingen II 2023/24, nr. 1028; ' +
    'Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028; Handelingen II 2019/20, nr. 96, item 7; stb-2022-3.');
  assert.deepEqual(c.references.map((r) => [r.id, r.kind]), [
    ['stb-2021-45', 'staatsblad'], ['stb-2019-7', 'staatsblad'], ['stcrt-2020-12345', 'staatscourant'],
    ['ah-tk-20232024-1028', 'aanhangsel'], ['ah-tk-20232024-1028', 'aanhangsel'], ['h-tk-20192020-96-7', 'handelingen'], ['stb-2022-3', 'staatsblad'],
  ]);
  assert.deepEqual(c.references.slice(0, 3).map((r) => r.canonical), ['Stb. 2021, 45', 'Stb. 2019, 7', 'Stcrt. 2020, 12345']);
  assert.deepEqual(ids('Zie de Staatscourant van gisteren en Stb. van 2021.'), []);
});

test('not papers: a documentnummer after "Kamerstuk", the letter\'s own id in its footer', () => {
  const r = cite('Zie Kamerstuk 2022D55262.').references;
  assert.deepEqual(r.map((x) => [x.id, x.kind, x.dossier, x.canonical]), [['2022D55262', 'document', null, 'documentnummer 2022D55262']]);
  const letter = 'Vraag 1\nWat?\nAntwoord 1\nZie ah-tk-20222023-12.\n\nah-tk-20232024-1432\nISSN 0921 - 7398\n’s-Gravenhage 2024\n\nMeer tekst.\nah-tk-20232024-1432\n';
  assert.deepEqual(ids(letter), ['ah-tk-20222023-12']);
  // The same id cited in a sentence, without the publication block, is a citation.
  assert.deepEqual(ids('Zie ah-tk-20232024-1432 voor het antwoord.'), ['ah-tk-20232024-1432']);
});

test('motion signer forms', () => {
  const forms: [string, string][] = [
    ['Ik voer de motie van het lid Bikker (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer de motie van de leden Bikker en Ceder (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer de motie van leden Bikker, Ceder en Bontenbal (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer de motie Kröger/Bikker (Kamerstuk 36 410, nr. 7) uit.', 'Kröger'],
    ['Ik voer de motie-Bikker c.s. (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer de aangenomen motie van de leden Bikker en Ceder (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer de door uw Kamer aangenomen motie Bikker (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer de gewijzigde motie Bikker (Kamerstuk 36 410, nr. 7) uit.', 'Bikker'],
    ['Ik voer onze motie (Kamerstuk 36 410, nr. 7) uit.', ''],
    ['Ik voer de motie van het lid Van der Plas (Kamerstuk 36 410, nr. 7) uit.', 'Van der Plas'],
    ['Ik voer de motie van het lid Yesilgöz-Zegerius (Kamerstuk 36 410, nr. 7) uit.', 'Yesilgöz-Zegerius'],
    ['Ik voer de motie van het lid Yesilgöz-\nZegerius (Kamerstuk 36 410, nr. 7) uit.', 'Yesilgöz-Zegerius'],
    ['Ik voer de motie van het lid Van\nden Berg (Kamerstuk 36 410, nr. 7) uit.', 'Van den Berg'],
  ];
  for (const [text, signer] of forms) {
    const m = motion(text);
    assert.ok(m, text);
    assert.equal(m.signer, signer, text);
    assert.deepEqual(m.refs.map((r) => r.id), ['kst-36410-7'], text);
  }
  assert.equal(motion('Ik voer de door uw Kamer aangenomen motie Bikker (Kamerstuk 36 410, nr. 7) uit.').text, 'de door uw Kamer aangenomen motie Bikker');
  assert.equal(motion('de gewijzigde motie Bikker (Kamerstuk 36 410, nr. 7)').amended, true);
  // A mention without signer and without a citation is an anaphor: no mention; "onze motie" is
  // the writers' own motion, meant as such: a mention without number (unlinked-motion).
  assert.deepEqual(cite('Wij steunen de motie die morgen komt.').motions, []);
  assert.deepEqual(cite('Wij steunen onze motie en de motie die morgen komt.').motions.map((m) => [m.text, m.refs.length, m.via]), [['onze motie', 0, null]]);
  const own = cite('Onze motie is aangenomen en wordt uitgevoerd.');
  assert.deepEqual(own.motions.map((m) => [m.text, m.signer, m.refs.length]), [['Onze motie', '', 0]]);
  assert.deepEqual(checkCitations('Onze motie is aangenomen en wordt uitgevoerd.', own).map((f) => f.code), ['unlinked-motion']);
  // Without signer, the footnote ending the sentence names the motion only when the sentence is about it.
  assert.deepEqual(linked('Kent u de aangenomen motie die de regering verzoekt te handelen?3\n\n3 Kamerstuk 36 410, nr. 7.\n'), ['kst-36410-7']);
  assert.deepEqual(cite('Zie de brief over de motie en de wet.3\n\n3 Kamerstuk 36 410, nr. 7.\n').motions, []);
  assert.deepEqual(linked('Zie de motie3 en de wet.\n\n3 Kamerstuk 36 410, nr. 7.\n'), ['kst-36410-7']);
});

test('the motion\'s own number wins over an earlier mention of the name', () => {
  const text = 'De motie Bikker (Kamerstuk 36 410, nr. 7) is uitgevoerd. Ook de motie Bikker, Kamerstuk 36 410, nr. 72, ' +
    'en de motie Bikker op stuk nummer 36 410, nr. 80. Later: de motie Bikker (nr. 9 van 36 410 bestaat niet).\n';
  assert.deepEqual(linked(text), ['kst-36410-7', 'kst-36410-72', 'kst-36410-80', '? kst-36410-7 | kst-36410-72 | kst-36410-80']);
  // Before it in the same footnote.
  const note = 'Het kabinet voert de motie uit.1 Zo ook de motie Ceder.2\n\n1 Kamerstuk 36 045, nr. 194, motie Bikker c.s.\n2 Kamerstuk 36 045, nr. 12.\n';
  const c = cite(note);
  const bikker = c.motions.find((m) => m.signer === 'Bikker')!;
  assert.deepEqual([bikker.refs.map((r) => r.id), bikker.via?.kind], [['kst-36045-194'], 'footnote']);
  // A gewijzigde motie is its own paper: never linked through the original motion's number.
  const amended = 'De motie Bikker (Kamerstuk 36 410, nr. 7) en de gewijzigde motie Bikker (Kamerstuk 36 410, nr. 11). Over de gewijzigde motie Bikker later meer; de motie Bikker is klaar.';
  // "de motie Bikker" after a gewijzigde motie Bikker: the original or the amended one (n04).
  assert.deepEqual(linked(amended), ['kst-36410-7', 'kst-36410-11', 'kst-36410-11', '? kst-36410-7 | kst-36410-11']);
  assert.deepEqual(linked('De motie Bontenbal (Kamerstuk 32 813, nr. 1200) is gewijzigd. De gewijzigde motie Bontenbal (Kamerstuk 32 813, nr. 1215) is aangenomen. De motie Bontenbal wordt uitgevoerd.'),
    ['kst-32813-1200', 'kst-32813-1215', '? kst-32813-1200 | kst-32813-1215']);
  assert.deepEqual(cite('De motie Bontenbal (Kamerstuk 32 813, nr. 1200). De gewijzigde motie Bontenbal (Kamerstuk 32 813, nr. 1215). De motie Bontenbal.').motions[2].candidates?.map((c) => [c.refs[0].id, c.amended ?? false]),
    [['kst-32813-1200', false], ['kst-32813-1215', true]]);
  assert.deepEqual(linked('De motie Bikker (Kamerstuk 36 410, nr. 7). De gewijzigde motie Bikker volgt.'), ['kst-36410-7', '-']);
  // A later mention with the number links an earlier one without.
  assert.deepEqual(linked('Over de motie Bikker straks meer. De motie Bikker (Kamerstuk 36 410, nr. 7) is aangenomen.'), ['kst-36410-7', 'kst-36410-7']);
});

test('footnotes as PDFs give them', () => {
  const variants: [string, string][] = [
    ['glued to a word', 'Ik voer de motie Bikker3 uit.\n\n3 Kamerstuk 36 410, nr. 7.\n'],
    ['glued to punctuation', 'Ik voer de motie Bikker uit.3\n\n3 Kamerstuk 36 410, nr. 7.\n'],
    ['after a question mark', 'Kent u de motie Bikker?3\n\n3 Kamerstuk 36 410, nr. 7.\n'],
    ['bracketed with a space', 'Ik voer de motie Bikker [3 ] uit.\n\n[3] Kamerstuk 36 410, nr. 7.\n'],
    ['superscript', 'Ik voer de motie Bikker³ uit.\n\n³ Kamerstuk 36 410, nr. 7.\n'],
    ['superscript two digits', 'Ik voer de motie Bikker¹² uit.\n\n¹² Kamerstuk 36 410, nr. 7.\n'],
    ['label alone, body on the next line', 'Ik voer de motie Bikker3 uit.\n3\nKamerstuk 36 410, nr. 7\n'],
    ['labels in a column, bodies after the publication block', 'Ik voer de motie Ceder2 en de motie Bikker3 uit.\n\n2\n3\n\nah-tk-20232024-9\nISSN 0921 - 7398\n’s-Gravenhage 2024\n\nKamerstuk 36 410, nr. 8\nKamerstuk 36 410, nr. 7\n'],
    ['several on one line, any order', 'Ik voer de motie Bikker3 uit en de motie Ceder2.\n\n3 Kamerstuk 36 410, nr. 7. 4 Kamerstuk 1, nr. 1.\n2 Kamerstuk 36 410, nr. 8.\n'],
    ['body on the next page', 'Ik voer de motie Bikker3 uit.\n' + 'Tekst van de brief. '.repeat(150) + '\n\n3 Kamerstuk 36 410, nr. 7.\n'],
  ];
  for (const [what, text] of variants) {
    const m = cite(text).motions.find((x) => x.signer === 'Bikker');
    assert.ok(m, what);
    assert.deepEqual([m.refs.map((r) => r.id), m.via?.kind], [['kst-36410-7'], 'footnote'], what);
  }
  const col = cite(variants[7][1]);
  assert.deepEqual(col.footnotes.map((f) => [f.label, f.text]), [['2', 'Kamerstuk 36 410, nr. 8'], ['3', 'Kamerstuk 36 410, nr. 7']]);
  const one = cite(variants[8][1]);
  assert.deepEqual(one.footnotes.map((f) => [f.label, f.text]), [['3', 'Kamerstuk 36 410, nr. 7.'], ['4', 'Kamerstuk 1, nr. 1.'], ['2', 'Kamerstuk 36 410, nr. 8.']]);
});

test('conflicting evidence: shown, never linked as certain', () => {
  // Parentheses and footnote disagree.
  const both = cite('Ik voer de motie Bikker (Kamerstuk 36 410, nr. 7)3 uit.\n\n3 Kamerstuk 36 410, nr. 9.\n').motions[0];
  assert.deepEqual([both.refs, both.via], [[], null]);
  assert.deepEqual(both.candidates?.map((c) => [c.refs[0].id, c.via.kind]), [['kst-36410-7', 'parenthesis'], ['kst-36410-9', 'footnote']]);
  // Agreeing evidence links.
  assert.deepEqual(linked('Ik voer de motie Bikker (Kamerstuk 36 410, nr. 7)3 uit.\n\n3 Kamerstuk 36 410, nr. 7.\n'), ['kst-36410-7']);
  // One motion, a footnote with two papers: the signer's other mention decides, else unsure.
  assert.deepEqual(
    linked('De moties van het lid Bikker en van het lid Ceder1 zijn uitgevoerd. De motie Bikker2 ook.\n\n1 Kamerstuk 36 410, nrs. 7 en 8.\n2 Kamerstuk 30 821, nr. 81 en Kamerstuk 36 410, nr. 7.\n'),
    ['kst-36410-7 kst-36410-8', 'kst-36410-7'],
  );
  assert.deepEqual(linked('De motie Bikker2 is uitgevoerd.\n\n2 Kamerstuk 30 821, nr. 81 en Kamerstuk 36 410, nr. 7.\n'), ['? kst-30821-81 | kst-36410-7']);
  // Two different motions of one signer and a bare mention: which one is not known.
  const bare = cite('De motie Bikker (Kamerstuk 36 410, nr. 7) en de motie Bikker (Kamerstuk 36 410, nr. 9). Over de motie Bikker het volgende.').motions[2];
  assert.deepEqual([bare.refs, bare.via, bare.candidates?.length], [[], null, 2]);
});

test('the sources settle an ambiguous dash form; unknown as a paper is no kamerstuk-not-found', async () => {
  const { dossierReading, checkFacts, notFoundFacts } = await import('../../server/src/core/facts');
  const text = 'Zie de brief (36 123-45).';
  const c = cite(text);
  const ref = c.references[0];
  assert.equal(dossierReading(ref, undefined), null, 'no facts yet: nothing said');
  const missing = notFoundFacts(ref.id, 'II', 'tweedekamer', '2026-11-30T04:00:00Z');
  assert.equal(dossierReading(ref, missing), 'De bron kent geen nr. 45 in dossier 36 123: bedoeld is waarschijnlijk het dossier 36 123-45.');
  assert.deepEqual(checkFacts(text, c, () => missing), [], 'not found as a paper: it may be the dossier');
  const found = { ...missing, found: true, title: 'Brief regering over het plan', type: 'Brief regering' };
  assert.equal(dossierReading(ref, found), 'Volgens de bron is dit Kamerstuk 36 123, nr. 45: "Brief regering over het plan", niet het dossier 36 123-45.');
  // A certain paper that the source does not know still gets its finding.
  const sure = cite('Zie Kamerstuk 36 410, nr. 45.');
  assert.equal(checkFacts('Zie Kamerstuk 36 410, nr. 45.', sure, (r) => notFoundFacts(r.id, 'II', 'tweedekamer', 'x')).length, 1);
});

test('own fixture (Aanhangsel as pasted from its PDF): the kinds mixed, exact', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const text = readFileSync(path.resolve(__dirname, '../fixtures/citations/aanhangsel-vormen.txt'), 'utf8');
  const c = cite(text);
  assert.deepEqual(c.references.map((r) => r.id + (r.orDossier ? '?' : '')), [
    'ah-tk-20252026-498', 'kst-36123-45?', 'kst-32698-874', 'kst-32698-880', 'kst-32698-881', 'kst-32698-882', 'kst-32698-883',
    'stb-2024-312', 'stcrt-2025-12345', 'h-tk-20242025-61-9', 'kst-21501-32-1744', 'kst-32698-870', 'kst-32698-871',
    'kst-32698-890', 'kst-36200-C', '2025D41234', 'kst-21501-32-1740', 'kst-32698-891',
  ]);
  assert.ok(!c.references.some((r) => r.id === 'ah-tk-20252026-512'), 'the letter\'s own id is no citation');
  assert.equal(c.references.find((r) => r.id === 'kst-32698-874')!.kamer, 'II', '"Kamerstukken ll" is the Tweede Kamer');
  assert.deepEqual(c.footnotes.map((f) => [f.label, f.text]), [
    ['1', 'Kamerstuk 32 698, nr. 870'], ['2', 'Kamerstuk 32 698, nr. 871'], ['3', '21501-32-1740.'], ['4', 'Kamerstuk 32 698, nr. 891.'], ['5', 'Brief van de minister.'],
  ]);
  assert.deepEqual(c.motions.map((m) => [m.signer, m.amended ?? false, m.via?.kind ?? null, m.refs.map((r) => r.id).join(), (m.candidates ?? []).map((x) => x.refs[0].id).join()]), [
    ['De Vries-Kramer', false, 'earlier', 'kst-32698-870', ''], // the title, through the mention with footnote 1 below it
    ['De Vries-Kramer', false, 'footnote', 'kst-32698-870', ''], // "De Vries-" / "Kramer c.s.1": label column, body after the ISSN block
    ['Bakker', false, null, '', 'kst-21501-32-1740,kst-21501-32-1744'], // the parenthesis belongs to the gewijzigde motie after it: original or amended?
    ['Bakker', true, 'parenthesis', 'kst-21501-32-1744', ''],
    ['Bakker', false, 'footnote', 'kst-21501-32-1740', ''], // superscript marker, compact form in the footnote
    ['Bakker', true, 'earlier', 'kst-21501-32-1744', ''], // a gewijzigde motie through the gewijzigde one only
    ['Smit', false, null, '', 'kst-32698-890,kst-32698-891'], // parenthesis and footnote disagree
  ]);
});

test('across the workspace: one motion of the signer links, two different ones do not', async () => {
  const { linkAcrossWorkspace } = await import('../../server/src/core/citations');
  const own = cite('Over de motie Bikker het volgende.');
  const one = [{ uri: 'file:///a.md', citations: cite('De motie Bikker (Kamerstuk 36 410, nr. 7).') }];
  assert.deepEqual(linkAcrossWorkspace(own, one).motions[0].refs.map((r) => r.id), ['kst-36410-7']);
  const two = [...one, { uri: 'file:///b.md', citations: cite('De motie Bikker (Kamerstuk 36 410, nr. 9).') }];
  const m = linkAcrossWorkspace(own, two).motions[0];
  assert.deepEqual([m.refs, m.via], [[], null]);
  assert.deepEqual(m.candidates?.map((c) => [c.refs[0].id, c.via.kind === 'earlier' && c.via.uri]), [['kst-36410-7', 'file:///a.md'], ['kst-36410-9', 'file:///b.md']]);
});

test('a letter toevoeging with a volgnummer is no Eerste Kamer letter (issue 13, round 2)', () => {
  for (const [text, want] of [
    ['Kamerstuk 35 925 A, nr. 68.', ['kst-35925-A-68']],
    ['Kamerstukken II 2023/24, 36 410 A, nr. 5.', ['kst-36410-A-5']],
    ['Zie 36 820 M, nr. 3.', ['kst-36820-M-3']],
    ['Kamerstuk 34 775 B nr. 12.', ['kst-34775-B-12']],
    // The compact form with a letter: never the dossier.
    ['Kamerstuk 35925-A-68.', ['kst-35925-A-68']],
    ['Zie 36 410-A-5 en 36410-B-3.', ['kst-36410-A-5', 'kst-36410-B-3']],
    // An Eerste Kamer letter stands alone.
    ['Kamerstukken I 2025/26, 30 821, E.', ['kst-30821-E']],
    ['Kamerstuk I 31145 AA', ['kst-31145-AA']],
    ['(30 821, F)', ['kst-30821-F']],
  ] as [string, string[]][]) {
    assert.deepEqual(ids(text), want, text);
  }
  assert.deepEqual(linked('De motie Van Dijk (Kamerstuk 35 925 A, nr. 68) is aangenomen.'), ['kst-35925-A-68']);
});

test('a dash at a line break keeps its toevoeging (issue 13, round 2)', () => {
  assert.deepEqual(ids('Kamerstuk 21 501-\n32, nr. 1740.'), ['kst-21501-32-1740']);
  assert.deepEqual(ids('Kamerstuk 35 570-\nVI, nr. 12.'), ['kst-35570-VI-12']);
  assert.deepEqual(ids('Kamerstukken II 2019/20, 21 501-\r\n02, nr. 2150.'), ['kst-21501-02-2150']);
});

test('a volgnummer that was written is never replaced by the dossier (issue 13, round 2)', () => {
  // Read: a four-digit number without "nr.", "nr," from OCR, a soft hyphen before the number.
  assert.deepEqual(ids('Kamerstuk 21 501-32, 1742.'), ['kst-21501-32-1742']);
  assert.deepEqual(ids('Kamerstuk 21 501-32, nr, 47.'), ['kst-21501-32-47']);
  assert.deepEqual(ids('Kamerstuk 21 501-32, nr. \u00ad47.'), ['kst-21501-32-47']);
  assert.deepEqual(ids('Kamerstuk 21 501-32, nr.\u00ad 1738.'), ['kst-21501-32-1738']);
  assert.deepEqual(ids('Handelingen II 2019/20, 96, item 7.'), ['h-tk-20192020-96-7']);
  // Not readable: no citation rather than the dossier or the year.
  for (const text of ['Kamerstuk 21 501-32, nr. ?47.', 'Kamerstukken II 2019/20, 30 821, nr. x.', 'Kamerstuk 30 821, nr. 123456.', 'Handelingen II 2019/20, nr. ?']) {
    assert.deepEqual(ids(text), [], text);
  }
  // A number broken over a line inside parentheses: nr. 1 or nr. 15? Not shown as either.
  assert.deepEqual(ids('Eerder gemeld (Kamerstukken II 2022/23, 36 200 X, nr. 1\n5).'), []);
  assert.deepEqual(ids('Eerder gemeld (Kamerstukken II 2022/23, 36 200 X, nr. 15).'), ['kst-36200-X-15']);
  // A year after the dossier is no volgnummer: the dossier is cited.
  assert.deepEqual(ids('Kamerstuk 30 821, 2020 was een druk jaar.'), ['kst-30821']);
});

test('a motion\'s own footnote wins; two superscript footnotes on one line; the long gewijzigde form (issue 13, round 2)', () => {
  // The footnote runs on over the next line, whose mention has its own parenthesis (m13).
  const m13 = 'Zoals verzocht in de motie Erkens3 rapporteer ik.\n3 Kamerstuk 36 045, nr. 194, motie Erkens c.s.\nEerder werd de motie Erkens (Kamerstuk 36 045, nr. 100) verworpen.';
  assert.deepEqual(linked(m13), ['kst-36045-194', 'kst-36045-194', 'kst-36045-100']);
  // Two papers in one footnote with no other mention claiming one: still not certain.
  assert.deepEqual(linked('De motie van het lid Erkens7 is uitgevoerd.\n7 Kamerstuk 30 821, nr. 81 en Kamerstuk 24 095, nr. 487.'), ['? kst-30821-81 | kst-24095-487']);
  // Superscript labels, two on one line (e10), also three.
  assert.deepEqual(linked('De motie Erkens¹ en de motie Kröger² zijn aangenomen.\n¹ Kamerstuk 36 410 X, nr. 46. ² Kamerstuk 36 410 X, nr. 47.'), ['kst-36410-X-46', 'kst-36410-X-47']);
  assert.deepEqual(linked('De motie Erkens¹, de motie Kröger² en de motie Bikker³.\n¹ Kamerstuk 36 410 X, nr. 46. ² Kamerstuk 36 410 X, nr. 47. ³ Kamerstuk 36 410 X, nr. 48.'), ['kst-36410-X-46', 'kst-36410-X-47', 'kst-36410-X-48']);
  // "ter vervanging van die gedrukt onder nr. 1200 (…, nr. 1215)": the amended motion's own paper.
  const e11 = cite('De gewijzigde motie van het lid Bontenbal c.s. ter vervanging van die gedrukt onder nr. 1200 (Kamerstuk 32 813, nr. 1215) is aangenomen.').motions[0];
  assert.deepEqual([e11.refs.map((r) => r.id), e11.via?.kind, e11.amended], [['kst-32813-1215'], 'parenthesis', true]);
});

test('a paper\'s own running header is no citation; one URL names a document once (issue 13, round 2)', () => {
  const paper = 'Kamerstukken II 2020/21, 30 821, nr. 125\n1\nTweede Kamer, vergaderjaar 2020–2021, 30 821, nr. 125\nHet dreigingsbeeld is ernstig (Kamerstuk 30 821, nr. 110).\n';
  assert.deepEqual(ids(paper), ['kst-30821-110']);
  // Mid-text, after a page break, with footnotes on both pages.
  const mid = 'De motie Van Dijk2 wordt uitgevoerd.\n\n2\nTweede Kamer, vergaderjaar 2023–2024, 31 066, nr. 1350\nDe rest.\n2 Kamerstuk 31 066, nr. 1300.\n';
  assert.deepEqual(ids(mid), ['kst-31066-1300']);
  // The same form inside a sentence or a footnote is a citation.
  assert.deepEqual(ids('Zie Tweede Kamer, vergaderjaar 2020–2021, 30 821, nr. 125 voor de brief.'), ['kst-30821-125']);
  assert.deepEqual(ids('3 Tweede Kamer, vergaderjaar 2020–2021, 30 821, nr. 125\n'), ['kst-30821-125']);
  // "?id=2022D25169&did=2022D25169": one documentnummer; written twice in the text: twice.
  assert.deepEqual(ids('Zie https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169 hier.'), ['2022D25169']);
  assert.deepEqual(ids('Zie 2022D25169 en later 2022D25169.'), ['2022D25169', '2022D25169']);
});

test('lists of letters and of dossiers; dossiers named as such (issue 13, round 2)', () => {
  assert.deepEqual(ids('Kamerstukken I 2025/26, 30 821, E en F.'), ['kst-30821-E', 'kst-30821-F']);
  assert.deepEqual(ids('Kamerstukken I 2025/26, 30 821, E, F en G.'), ['kst-30821-E', 'kst-30821-F', 'kst-30821-G']);
  assert.deepEqual(ids('(30 821, E en F)'), ['kst-30821-E', 'kst-30821-F']);
  assert.deepEqual(ids('Kamerstuk I, 30 821, E en U ontvangt die.'), ['kst-30821-E'], 'a list of letters ascends');
  // Dossiers: a second dossier is never read as volgnummer ("29 023, 30" is no nr. 30).
  assert.deepEqual(ids('Zie Kamerstukken 29 023 en 30 821 voor de achtergrond.'), ['kst-29023', 'kst-30821']);
  assert.deepEqual(ids('Kamerstukken 29 023, 30 821 en 31 000, nr. 5.'), ['kst-29023', 'kst-30821', 'kst-31000-5']);
  assert.deepEqual(ids('Kamerstuk 31 459, 22.'), ['kst-31459-22']);
  for (const [text, want] of [
    ['Dit staat in het dossier 21501-32.', 'kst-21501-32'],
    ['Zie Kamerstukdossier 36 123-45.', 'kst-36123-45'],
    ['Zie dossier 21 501-04.', 'kst-21501-04'],
    ['Zie dossier 36 410 X.', 'kst-36410-X'],
  ]) {
    const r = cite(text).references;
    assert.deepEqual(r.map((x) => [x.id, x.number, x.orDossier]), [[want, null, undefined]], text);
  }
  assert.deepEqual(ids('Zie dossier 30 821, nr. 5.'), ['kst-30821-5']);
  assert.deepEqual(ids('Het dossier kost 21 501-04 euro.'), []);
});

test('the signer after "op stuk nummer …" (issue 13, round 2)', () => {
  const m = motion('De motie op stuk nummer 21 501-20, nr. 2198 van het lid Sjoerdsma vraagt om sancties.');
  assert.deepEqual([m.signer, m.refs.map((r) => r.id)], ['Sjoerdsma', ['kst-21501-20-2198']]);
  const two = motion('De motie op stuknummer 36 410 X, nr. 46 van de leden Van der Lee en Bikker is aangenomen.');
  assert.deepEqual([two.signer, two.refs.map((r) => r.id)], ['Van der Lee', ['kst-36410-X-46']]);
  // Not past the end of the sentence.
  assert.equal(motion('Er is een motie op stuk nummer 21 501-20, nr. 2198. Van het lid Sjoerdsma weten we niets.').signer, '');
});

test('mentions joined by "en" before one citation with as many papers take them in order (issue 13, round 2)', () => {
  assert.deepEqual(linked('De motie Erkens en de motie Kröger (Kamerstuk 36 410 X, nrs. 46 en 47) worden uitgevoerd.'), ['kst-36410-X-46', 'kst-36410-X-47']);
  assert.deepEqual(linked('De motie Erkens, de motie Kröger en de motie Bikker (Kamerstuk 36 410 X, nrs. 46, 47 en 48).'), ['kst-36410-X-46', 'kst-36410-X-47', 'kst-36410-X-48']);
  // One paper for two mentions: only the mention beside it.
  assert.deepEqual(linked('De motie Erkens en de motie Kröger (Kamerstuk 36 410 X, nr. 47).'), ['-', 'kst-36410-X-47']);
  // Three papers for two mentions: which is whose is not known.
  assert.deepEqual(linked('De motie Erkens en de motie Kröger (Kamerstuk 36 410 X, nrs. 46, 47 en 48).'), ['-', '? kst-36410-X-46 | kst-36410-X-47 | kst-36410-X-48']);
});

test('a motion followed by its subject and then its citation in parentheses (QA round 15)', () => {
  const P = 'kst-31839-1012';
  for (const text of [
    'Met deze brief informeer ik u over de motie van het lid Westerveld over wachtlijsten in de jeugdzorg (Kamerstuk 31 839, nr. 1012).',
    'Ik informeer u over de motie-Westerveld over wachtlijsten (Kamerstuk 31 839, nr. 1012).',
    'De motie Westerveld inzake de wachtlijsten bij gemeenten (Kamerstuk 31 839, nr. 1012) is uitgevoerd.',
    'De motie van de leden Westerveld en Bikker betreffende jeugdzorg (zie Kamerstuk 31 839, nr. 1012) vraagt meer.',
    'De motie Westerveld om de wachtlijsten te halveren (Kamerstukken II 2023/24, 31 839, nr. 1012) is aangenomen.',
    'De motie Westerveld, die verzoekt de wachtlijsten te halveren (Kamerstuk 31 839, nr. 1012), is aangenomen.',
    'De aangenomen motie Westerveld waarin de regering wordt verzocht te rapporteren (Kamerstuk 31 839, nr. 1012) voeren we uit.',
  ]) assert.deepEqual(linked(text), [P], text);
  // The citation after the subject belongs to a letter, a report or another motion: not linked.
  for (const text of [
    'De motie Westerveld over de brief over wachtlijsten (Kamerstuk 31 839, nr. 1000) is aangenomen.',
    'De motie Westerveld over het verslag van de inspectie (Kamerstuk 31 839, nr. 1000) is aangenomen.',
    'De motie Westerveld over het rapport van de commissie (Kamerstuk 31 839, nr. 1000) is aangenomen.',
    'De motie Westerveld over de Kamerbrief van mei (Kamerstuk 31 839, nr. 1000) is aangenomen.',
    'De motie Westerveld over wachtlijsten. Zie ook de brief (Kamerstuk 31 839, nr. 1000).',
    'De motie Westerveld over wachtlijsten (zie de bijlage) en de stand van zaken (Kamerstuk 31 839, nr. 1000).',
  ]) assert.deepEqual(linked(text), ['-'], text);
  // Another motion named in between takes the citation.
  assert.deepEqual(linked('De motie Westerveld over wachtlijsten en de motie Bikker over jeugdzorg (Kamerstuk 31 839, nr. 1013).'), ['-', 'kst-31839-1013']);
  // With the number right after the name (the form that already worked).
  assert.deepEqual(linked('De motie van het lid Westerveld (Kamerstuk 31 839, nr. 1012) over wachtlijsten.'), [P]);
  // No unlinked-motion finding asking for what the letter already does.
  const text = 'Ik informeer u over de motie van het lid Westerveld over wachtlijsten in de jeugdzorg (Kamerstuk 31 839, nr. 1012).';
  assert.equal(checkCitations(text, cite(text)).filter((f) => f.code === 'unlinked-motion').length, 0);
});

test('coordinated motions: "de moties-X en -Y (nrs. 46 en 47)" and "de moties van de leden X en Y": each motion its own number', async () => {
  const { checkFacts, notFoundFacts } = await import('../../server/src/core/facts');
  for (const phrase of ['de moties-Erkens en -Kröger', 'de moties van de leden Erkens en Kröger', 'de moties Erkens en Kröger', 'de moties-Erkens c.s. en -Kröger', 'de aangenomen moties-Erkens en -Kröger c.s.']) {
    const text = `Tijdens het debat zijn ${phrase} (Kamerstuk 36 410 XIII, nrs. 46 en 47) aangenomen. Over de motie Kröger informeer ik u in mei.`;
    const m = motion(text);
    assert.deepEqual(m.refs.map((r) => r.id), ['kst-36410-XIII-46', 'kst-36410-XIII-47'], phrase);
    assert.deepEqual(m.signers, ['Erkens', 'Kröger'], phrase);
    // A later mention of the second signer alone is her motion, not the first.
    assert.deepEqual(linked(text), ['kst-36410-XIII-46 kst-36410-XIII-47', 'kst-36410-XIII-47'], phrase);
    // The sources' first signer of each motion is checked against its own signer: no false mismatch.
    const facts = (signer: string) => (r: { id: string }) => ({ ...notFoundFacts(r.id, 'II', 'tweedekamer', 'x'), found: true, isMotion: true, type: 'Motie', signers: [r.id.endsWith('46') ? 'Erkens' : signer] });
    const c = cite(text);
    assert.deepEqual(checkFacts(text, { ...c, motions: [c.motions[0]] }, facts('Kröger')).filter((f) => f.code === 'motion-mismatch'), [], phrase);
    const wrong = checkFacts(text, { ...c, motions: [c.motions[0]] }, facts('Bontenbal')).filter((f) => f.code === 'motion-mismatch');
    assert.equal(wrong.length, 1, phrase);
    assert.match(wrong[0].message, /is de motie van Bontenbal, niet van Kröger/);
  }
  // Volgnummers alone, the dossier named earlier in the paragraph.
  for (const context of ['Tijdens het debat over de begroting (Kamerstuk 36 410 XIII) zijn', 'In het commissiedebat over de begroting (Kamerstukken II 2024/25, 36 410 XIII, nr. 12) zijn na afloop']) {
    const text = `${context} de moties-Erkens en -Kröger (nrs. 46 en 47) aangenomen.`;
    assert.deepEqual(motion(text).refs.map((r) => r.id), ['kst-36410-XIII-46', 'kst-36410-XIII-47'], context);
    assert.ok(ids(text).includes('kst-36410-XIII-47'));
  }
  // No dossier in the paragraph, or two different ones: not linked, nothing guessed.
  for (const text of [
    'Ik verwijs naar de moties-Erkens en -Kröger (nrs. 46 en 47).',
    'In de brief (Kamerstuk 36 410, nr. 12) staat het.\n\nDe moties-Erkens en -Kröger (nrs. 46 en 47) zijn aangenomen.',
    'Het debat (Kamerstuk 36 410 XIII) en de brief (Kamerstuk 29 023, nr. 5) leidden tot de moties-Erkens en -Kröger (nrs. 46 en 47).',
  ]) {
    assert.deepEqual(motion(text).refs, [], text);
    assert.ok(!ids(text).some((id) => /-4[67]$/.test(id)), text);
  }
  // One motion of two signers stays one motion of its first signer.
  const joint = motion('de motie van de leden Erkens en Kröger (Kamerstuk 36 410, nr. 46)');
  assert.deepEqual(joint.refs.map((r) => r.id), ['kst-36410-46']);
  assert.equal(joint.signer, 'Erkens');
  assert.equal(joint.signers, undefined);
});
