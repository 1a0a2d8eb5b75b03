/**
 * Commitments (issue 12) on invented letters: every form, every exclusion, every due-date phrase
 * (with year rollover and an undated letter), and the corpus truth where ../shared is present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommitments, withFallbackDate, isCommitment, letterDateOf, dueOf, dueLabel, summerRecessRule, SUMMER_RECESS_START, prinsjesdag, recessStart } from '../../server/src/core/commitments';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { documentOutline } from '../../server/src/core/features/symbols';
import { createAnalyzer } from '../../server/src/core/analyzer';

/** The hover at `offset` as the language server asks it: through the analyzer's one hover dispatch. */
function hoverAt(text: string, offset: number, letterDate: string | null = null) {
  const analyzer = createAnalyzer();
  const analysis = analyzer.analyze(text);
  const diagnosis = analyzer.diagnose(analysis, { today: null, letterDate }, DEFAULT_SETTINGS);
  return analyzer.hover(analysis, offset, { diagnosis });
}
import { corpusPresent } from '../support/corpus-truth';
import { loadCommitmentTruth, matchCommitments, observeCommitments } from '../support/commitments-truth';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const COMMITMENTS = [
  'Ik stuur uw Kamer voor het zomerreces een brief over de uitkomsten.',
  'De Kamer wordt na de zomer geïnformeerd over de uitkomsten.',
  'Ik kom hierop terug in de begroting voor 2027.',
  'Ik zal uw Kamer voor het einde van het jaar informeren over de voortgang.',
  'Het kabinet zal de Kamer in het voorjaar informeren over de evaluatie.',
  'Uw Kamer wordt hierover dit najaar geïnformeerd.',
  'Voor de zomer wordt uw Kamer geïnformeerd over deze uitkomst.',
  'Uw Kamer zal in het najaar worden geïnformeerd over de strategie.',
  'Voor 1 juli ontvangt uw Kamer de evaluatie.',
  'Uw Kamer ontvangt in juni 2026 de eindrapportage.',
  'Wij zullen u binnen drie maanden op de hoogte stellen van de resultaten.',
  'De minister van OCW zal uw Kamer later dit jaar informeren over deze uitwerking.',
  'In de volgende voortgangsrapportage ga ik hier nader op in.',
  'Ik neem dit mee in de eerstvolgende voortgangsbrief.',
  'Het wetsvoorstel wordt zo spoedig mogelijk aan uw Kamer aangeboden.',
  'Zodra het onderzoek is afgerond, wordt het rapport naar uw Kamer gestuurd.',
  'Ik laat dit onderzoeken en zal uw Kamer binnen zes weken over de uitkomsten informeren.',
  'Ja, ik zal de Kamer hierover voor de zomer informeren.',
  'Ik verwacht uw Kamer dit najaar te informeren over de voortgang.',
  'Daarover zal ik uw Kamer eind dit jaar berichten.',
  'Ik informeer uw Kamer voor de zomer over de uitkomsten.',
  'Voor de zomer informeer ik uw Kamer over de uitkomsten.',
  'Ik streef ernaar uw Kamer voor 1 oktober te informeren.',
  'Het kabinet is voornemens de Kamer in het voorjaar een evaluatie te sturen.',
  'Ik ben graag bereid uw Kamer hierover na de zomer te informeren.',
  'Ik zeg toe uw Kamer voor het einde van het jaar te informeren.',
  'Voor de zomer wordt uw Kamer de evaluatie toegezonden.',
  'Ik houd uw Kamer op de hoogte van de voortgang.',
  'Ik doe uw Kamer voor de zomer het rapport toekomen.',
  'Uw Kamer kan de brief voor het zomerreces tegemoetzien.',
  'Ik kom voor de zomer met een brief over de uitvoering.',
  'Hierop kom ik terug in de voortgangsbrief van het najaar.',
  'Zoals toegezegd zal ik uw Kamer voor het kerstreces informeren over de afspraken.',
  'Mijn ministerie zal uw Kamer in de eerste helft van 2026 een rapportage sturen.',
  'Ik verwacht uw Kamer voor de zomer te kunnen informeren over de uitkomsten.',
  'Naar verwachting kan ik uw Kamer in het najaar informeren over de evaluatie.',
  'Ik ga in gesprek met de sector en informeer uw Kamer daarna over de uitkomst.',
  'De uitkomsten zullen na afronding met uw Kamer worden gedeeld.',
  'Ik zal de resultaten met uw Kamer delen.',
  'Ik zeg uw Kamer toe dat de evaluatie voor 1 juli gereed is.',
  'Ik stel uw Kamer op de hoogte zodra het advies er ligt.',
  'Hier kom ik voor de zomer op terug.',
  'Daar zal ik in de brief over de uitvoering op terugkomen.',
  'Het kabinet zal de Kamer blijven informeren over de voortgang.',
  'Uw Kamer wordt door middel van een brief geïnformeerd over de uitkomst.',
];

const NOT_COMMITMENTS = [
  'Zoals ik uw Kamer in mei heb gemeld, is het onderzoek afgerond.',
  'In april 2019 heeft het kabinet uw Kamer geïnformeerd over het tegengaan van statelijke dreigingen.',
  'Uw Kamer is bij brief van 21 mei jl. geïnformeerd over de voortgang.',
  'Mogelijk laat ik dit onderzoeken en informeer ik uw Kamer daarna.',
  'Indien daar aanleiding toe is, wordt het parlement via de daarvoor bestemde kanalen geïnformeerd.',
  'Ik zou uw Kamer hierover kunnen informeren als dat gewenst is.',
  'De provincies informeren de inwoners over de maatregelen.',
  'Bent u bereid de Kamer te informeren over de uitkomsten?',
  'De leden van de VVD-fractie vragen of de minister de Kamer voor de zomer wil informeren.',
  'Het kabinet zet zich in voor een veilige digitale ruimte.',
  'Hierbij ontvangt u de antwoorden op de vragen van het lid Van Dijk.',
  'Met deze brief informeer ik uw Kamer over de stand van zaken.',
  'Het dreigingsbeeld wordt gelijktijdig met deze brief aan uw Kamer aangeboden.',
  'De minister van JenV heeft de Kamer toegezegd om in het voorjaar 2025 te komen met een verkenning.',
  'Zo zal ik bijvoorbeeld overleg initiëren met softwareleveranciers.',
  'Het kabinet informeert het parlement hier zeer regelmatig over, laatstelijk bij brieven van 14 juli.',
  'Ik zal uw Kamer hierover niet informeren, omdat het om vertrouwelijke gegevens gaat.',
  'Het kabinet is niet voornemens de Kamer een nieuwe brief te sturen.',
  'De NZa zal uw Kamer informeren over de marktscan.',
  'De motie verzoekt de regering de Kamer voor de zomer te informeren over de voortgang.',
  'Ik heb uw Kamer toegezegd voor de zomer een brief te sturen en die brief ligt nu voor u.',
  'Uw Kamer kan de stukken inzien bij de griffie.',
  'Mocht het onderzoek daartoe aanleiding geven, dan informeer ik uw Kamer voor de zomer.',
  'Uw Kamer wordt jaarlijks door de Algemene Rekenkamer geïnformeerd over de rechtmatigheid.',
  'Ik kan uw Kamer hierover op dit moment niets zeggen.',
  'Ik hoop uw Kamer ooit te kunnen informeren.',
  'De NZa informeert uw Kamer voor de zomer over de marktscan.',
  'Uw Kamer wordt gevraagd in te stemmen met het ontwerpbesluit.',
  'Zoals uw Kamer weet, wordt de wet per 1 januari 2026 ingevoerd.',
  'Het rapport wordt in het najaar gepubliceerd.',
  'Zodra de wet is aangenomen, worden de gemeenten geïnformeerd.',
  'De leden verzoeken de regering de Kamer voor de zomer te informeren over de voortgang.',
  'Graag ontvangen deze leden voor de zomer een brief over de uitvoering.',
];

test('every commitment form is found', () => {
  for (const s of COMMITMENTS) assert.equal(isCommitment(s), true, s);
});

test('past acts, conditions, others, questions, requests, policy and this letter are not commitments', () => {
  for (const s of NOT_COMMITMENTS) assert.equal(isCommitment(s), false, s);
});

test('the letter date is read from the header forms', () => {
  assert.equal(letterDateOf('Aan de Voorzitter\n\nDen Haag, 3 februari 2021\n\nBetreft …'), '2021-02-03');
  assert.equal(letterDateOf('Retouradres\nDatum 26 november 2025\nBetreft Vragen'), '2025-11-26');
  assert.equal(letterDateOf('Datum\n\n19 november 2025\n'), '2025-11-19');
  assert.equal(letterDateOf('Antwoord van Minister X (ontvangen 3 juni\n2024).'), '2024-06-03');
  assert.equal(letterDateOf('Geachte voorzitter,\n\nIk stuur u voor de zomer een brief.'), null);
  assert.equal(letterDateOf('Datum 31 februari 2025'), null);
});

test('the recess table follows its rule; the rule covers other years', () => {
  for (const [year, start] of Object.entries(SUMMER_RECESS_START)) assert.equal(summerRecessRule(+year), start, year);
  assert.equal(summerRecessRule(2027), '2027-07-09');
  assert.equal(prinsjesdag(2026), '2026-09-15');
  assert.equal(prinsjesdag(2024), '2024-09-17');
});

const DUE: [sentence: string, letterDate: string | null, phrase: string | null, date: string | null][] = [
  ['Ik stuur uw Kamer voor het zomerreces een brief.', '2024-05-17', 'voor het zomerreces', '2024-07-05'],
  ['Ik stuur uw Kamer voor de zomer een brief.', '2024-02-01', 'voor de zomer', '2024-07-05'],
  // Rollover: the summer recess of the letter's year has begun, so next year's.
  ['Ik stuur uw Kamer voor de zomer een brief.', '2024-09-10', 'voor de zomer', '2025-07-04'],
  ['Ik stuur uw Kamer voor de zomer van 2026 een brief.', '2024-09-10', 'voor de zomer van 2026', '2026-07-03'],
  ['De Kamer wordt na de zomer geïnformeerd.', '2025-03-01', 'na de zomer', '2025-12-20'],
  ['Uw Kamer wordt in het najaar geïnformeerd.', '2025-03-01', 'in het najaar', '2025-12-20'],
  ['Uw Kamer wordt in het najaar geïnformeerd.', '2025-12-22', 'in het najaar', '2026-12-20'],
  ['Ik zal uw Kamer voor het einde van het jaar informeren.', '2025-03-01', 'voor het einde van het jaar', '2025-12-31'],
  ['Ik zal uw Kamer eind dit jaar informeren.', '2025-03-01', 'eind dit jaar', '2025-12-31'],
  ['Het kabinet zal de Kamer in het voorjaar informeren.', '2025-01-10', 'in het voorjaar', '2025-06-20'],
  ['Het kabinet zal de Kamer in het voorjaar informeren.', '2025-08-10', 'in het voorjaar', '2026-06-20'],
  ['Ik zal uw Kamer binnen drie maanden informeren.', '2025-11-30', 'binnen drie maanden', '2026-02-28'],
  ['Ik zal uw Kamer binnen zes weken informeren.', '2025-01-01', 'binnen zes weken', '2025-02-12'],
  // "voor <date>" is before that day: the day before is the last day on time; "uiterlijk <date>" is that day.
  ['Uw Kamer ontvangt voor 1 juli de evaluatie.', '2025-03-01', 'voor 1 juli', '2025-06-30'],
  ['Uw Kamer ontvangt voor 1 juli de evaluatie.', '2025-08-01', 'voor 1 juli', '2026-06-30'],
  ['Ik zal de Kamer voor 1 maart 2027 informeren.', '2026-11-25', 'voor 1 maart 2027', '2027-02-28'],
  ['Ik zal de Kamer vóór 1 maart 2028 informeren.', '2026-11-25', 'vóór 1 maart 2028', '2028-02-29'],
  ['Ik zal de Kamer uiterlijk voor 1 januari 2027 informeren.', '2026-11-25', 'uiterlijk voor 1 januari 2027', '2026-12-31'],
  ['Ik zal de Kamer uiterlijk 1 maart 2027 informeren.', '2026-11-25', 'uiterlijk 1 maart 2027', '2027-03-01'],
  ['Uw Kamer ontvangt in juni 2026 de rapportage.', '2025-08-01', 'in juni 2026', '2026-06-30'],
  ['In de volgende voortgangsrapportage ga ik hier nader op in.', '2025-08-01', 'In de volgende voortgangsrapportage', null],
  ['Ik kom hierop terug in de begroting voor 2027.', '2025-08-01', 'in de begroting voor 2027', '2026-09-15'],
  ['Het wetsvoorstel wordt zo spoedig mogelijk, waarschijnlijk in het eerste kwartaal van 2021, aan uw Kamer aangeboden.', '2021-02-03', 'in het eerste kwartaal van 2021', '2021-03-31'],
  // An undated letter: the phrase stays, the date is unknown unless the phrase names a year.
  ['Ik stuur uw Kamer voor de zomer een brief.', null, 'voor de zomer', null],
  ['Ik zal uw Kamer binnen drie maanden informeren.', null, 'binnen drie maanden', null],
  ['Uw Kamer ontvangt in juni 2026 de rapportage.', null, 'in juni 2026', '2026-06-30'],
  ['Ik zal uw Kamer hierover informeren.', '2025-01-01', null, null],
  ['Ik zal uw Kamer voor het kerstreces informeren.', '2025-03-01', 'voor het kerstreces', '2025-12-19'],
  ['Ik zal uw Kamer voor de kerst informeren.', '2024-03-01', 'voor de kerst', '2024-12-20'],
  ['Ik zal uw Kamer begin volgend jaar informeren.', '2025-10-01', 'begin volgend jaar', '2026-03-31'],
  ['Ik zal uw Kamer in de eerste helft van 2026 informeren.', '2025-10-01', 'in de eerste helft van 2026', '2026-06-30'],
  ['Ik zal uw Kamer voor de begrotingsbehandeling informeren.', '2025-10-01', 'voor de begrotingsbehandeling', null],
  ['Uw Kamer ontvangt de brief binnen zes weken na de publicatie van het rapport.', '2025-10-01', 'binnen zes weken na de publicatie van het rapport', null],
  ['Uw Kamer ontvangt eind juni de rapportage.', '2025-03-01', 'eind juni', '2025-06-30'],
  ['Uw Kamer ontvangt uiterlijk 15 september 2026 de rapportage.', '2025-03-01', 'uiterlijk 15 september 2026', '2026-09-15'],
  ['Ik zal uw Kamer met Prinsjesdag informeren.', '2025-10-01', 'met Prinsjesdag', '2026-09-15'],
];

test('the due phrase nearest the commitment wins over an earlier date in the sentence', () => {
  const s = 'Het onderzoek is in 2024 gestart en uw Kamer wordt voor de zomer over de uitkomsten geïnformeerd.';
  const r = findCommitments(`Den Haag, 1 maart 2025\n\n${s}\n`);
  assert.deepEqual(r.items.map((c) => [c.due.phrase, c.due.date]), [['voor de zomer', '2025-07-04']]);
});

test('each due-date phrase gives its date, with rollover and without a letter date', () => {
  for (const [s, letter, phrase, date] of DUE) {
    const d = dueOf(s, letter);
    assert.deepEqual({ phrase: d.phrase, date: d.date }, { phrase, date }, `${s} (${letter})`);
  }
});

const LETTER = [
  'Den Haag, 12 maart 2025',
  '',
  'Vraag 1',
  'Bent u bereid de Kamer te informeren over de uitkomsten van het onderzoek?',
  '',
  'Antwoord 1',
  'Ja, ik zal uw Kamer voor het zomerreces informeren over de',
  'uitkomsten van het onderzoek.',
  '',
  'Vraag 2',
  'Wat is de stand van zaken?',
  '',
  'Antwoord 2',
  'Zoals ik uw Kamer in mei heb gemeld, loopt het onderzoek nog. Uw Kamer wordt binnen',
  'zes weken geïnformeerd over de eerste bevindingen.',
  '',
].join('\n');

test('findCommitments: spans, lines and due dates in a letter; the question itself is not one', () => {
  const r = findCommitments(LETTER);
  assert.equal(r.letterDate, '2025-03-12');
  assert.deepEqual(
    r.items.map((c) => [c.text, c.due.phrase, c.due.date]),
    [
      ['Ja, ik zal uw Kamer voor het zomerreces informeren over de uitkomsten van het onderzoek.', 'voor het zomerreces', '2025-07-04'],
      ['Uw Kamer wordt binnen zes weken geïnformeerd over de eerste bevindingen.', 'binnen zes weken', '2025-04-23'],
    ],
  );
  assert.equal(LETTER.slice(r.items[0].span.start, r.items[0].span.start + 3), 'Ja,');
  assert.ok(LETTER.slice(r.items[1].span.start, r.items[1].span.end).endsWith('bevindingen.'));
});

test('a letter without a date takes the fallback date; the header wins over it', () => {
  const undated = LETTER.replace('Den Haag, 12 maart 2025', 'Geachte voorzitter,');
  assert.equal(findCommitments(undated).items[0].due.date, null);
  const r = findCommitments(undated, { fallbackDate: '2025-09-01' });
  assert.equal(r.letterDateFrom, 'anders');
  assert.equal(r.items[0].due.date, '2026-07-03');
  assert.equal(findCommitments(LETTER, { fallbackDate: '2025-09-01' }).items[0].due.date, '2025-07-04');
});

test('analysis: outline group, hover, and the new-commitment finding (off by default)', () => {
  const a = analyze(LETTER);
  assert.equal(a.findings.filter((f) => f.code === 'new-commitment').length, 0);
  const on = analyze(LETTER, { ...DEFAULT_SETTINGS, severity: { 'new-commitment': 'information' } });
  const f = on.findings.filter((x) => x.code === 'new-commitment');
  assert.equal(f.length, 2);
  assert.equal(f[0].message, 'Toezegging aan de Kamer: uiterlijk 4 juli 2025 (voor het zomerreces).');
  const group = documentOutline(a.letter, a.commitments).find((n) => n.kind === 'commitments');
  assert.ok(group);
  assert.equal(group.name, 'Toezeggingen');
  assert.deepEqual(group.children.map((c) => c.detail), ['uiterlijk 4 juli 2025 (voor het zomerreces)', 'uiterlijk 23 april 2025 (binnen zes weken)']);
  const h = hoverAt(LETTER, LETTER.indexOf('zomerreces informeren'));
  assert.ok(h);
  assert.deepEqual(h.blocks[0], { kind: 'title', text: 'Toezegging' });
  assert.equal(hoverAt(LETTER, LETTER.indexOf('stand van zaken')), null);
});

test('linear: a long letter of commitments and near-misses is read once', () => {
  const unit = 'Uw Kamer wordt voor de zomer geïnformeerd. Zoals ik uw Kamer in mei heb gemeld, loopt het. Kamer Kamer terug.\n';
  const r = findCommitments('Den Haag, 1 maart 2025\n' + unit.repeat(2000));
  assert.equal(r.items.length, 2000);
  const one = findCommitments('x'.repeat(200_000) + ' Kamer');
  assert.equal(one.items.length, 0);
});

test('corpus: every letter\'s commitments are the truth (test/truth/commitments)', { skip: corpusPresent() ? false : '../shared/corpus ontbreekt: corpus overgeslagen' }, () => {
  const dir = path.resolve(__dirname, '../../../shared/corpus');
  let checked = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const truth = loadCommitmentTruth(file);
    assert.ok(truth, `no commitments truth for ${file}`);
    const o = observeCommitments(readFileSync(path.join(dir, file), 'utf8'));
    assert.equal(o.letterDate, truth.letterDate, `${file}: letter date`);
    const m = matchCommitments(truth.commitments, o.items);
    assert.deepEqual(m.missed, [], `${file}: missed`);
    assert.deepEqual(m.extra, [], `${file}: extra`);
    for (const [t, f] of m.matched) {
      assert.deepEqual(f.due, t.due, `${file}:${t.line}`);
      assert.ok(f.text.replace(/\s+/g, ' ').includes(t.start), `${file}:${t.line}: ${f.text}`);
    }
    checked++;
  }
  assert.equal(checked, 12);
});

test('a question asking for a commitment is answered by one (no subquestion-not-addressed)', () => {
  const letter = (answer: string) =>
    [
      'Vraag 1',
      'Hoeveel opslagplaatsen zijn er in woonwijken? Bent u bereid de Kamer te informeren over de uitkomsten van het onderzoek naar de vuurwerkopslag?',
      '',
      'Antwoord 1',
      `Het zijn er 400. ${answer}`,
      '',
    ].join('\n');
  const flagged = (answer: string) => analyze(letter(answer)).findings.filter((f) => f.code === 'subquestion-not-addressed').map((f) => f.message.slice(0, 40));
  assert.deepEqual(flagged('Ja, uw Kamer ontvangt voor de zomer een brief.'), []);
  assert.deepEqual(flagged('Ja, ik zal de Kamer na de zomer berichten.'), []);
  // Not a commitment: the answer says nothing to the subquestion, so it stays flagged.
  assert.equal(flagged('De gemeenten houden toezicht.').length, 1);
  assert.equal(flagged('Zoals ik uw Kamer in mei heb gemeld, loopt het.').length, 1);
});

test('forms addressed to "u" without naming the Kamer are found in a letter', () => {
  const text = [
    'Den Haag, 2 juni 2025',
    '',
    'Wij houden u op de hoogte van de voortgang.',
    'Ik stuur u voor de zomer een brief over de uitkomsten.',
    'Ik zeg u toe dat het rapport voor 1 oktober gereed is.',
    'Ik doe u na de zomer het advies toekomen.',
    '',
  ].join('\n');
  assert.deepEqual(
    findCommitments(text).items.map((c) => [c.text.slice(0, 12), c.due.date]),
    [
      ['Wij houden u', null],
      ['Ik stuur u v', '2025-07-04'],
      ['Ik zeg u toe', '2025-09-30'],
      ['Ik doe u na ', '2025-12-20'],
    ],
  );
});

test('Markdown letters: list items, emphasis and headings bound the sentence', () => {
  const md = [
    '# Beantwoording',
    '',
    'Den Haag, 2 juni 2025',
    '',
    '## Antwoord 1',
    '',
    'Wij nemen de volgende stappen:',
    '- Ik zal uw Kamer voor de zomer',
    '  informeren over de pilot.',
    '- De gemeenten informeren de inwoners.',
    '* **Uw Kamer ontvangt in het najaar de evaluatie.**',
    '',
    '> Het kabinet zal de Kamer binnen zes weken berichten.',
    '',
  ].join('\n');
  const r = findCommitments(md);
  assert.deepEqual(
    r.items.map((c) => [md.slice(c.span.start, c.span.start + 12), c.due.phrase, c.due.date]),
    [
      ['Ik zal uw Ka', 'voor de zomer', '2025-07-04'],
      ['Uw Kamer ont', 'in het najaar', '2025-12-20'],
      ['Het kabinet ', 'binnen zes weken', '2025-07-14'],
    ],
  );
  assert.equal(r.items[0].text, 'Ik zal uw Kamer voor de zomer informeren over de pilot.');
});

test('labels: a phrase without a date, and a letter without a date', () => {
  assert.equal(dueLabel(dueOf('Ik stuur uw Kamer voor de zomer een brief.', null)), 'voor de zomer (datum onbekend: de brief heeft geen datum)');
  assert.equal(dueLabel(dueOf('Ik stuur uw Kamer zo spoedig mogelijk een brief.', null)), 'zo spoedig mogelijk (geen datum)');
  assert.equal(dueLabel(dueOf('Ik stuur uw Kamer een brief.', '2025-01-01')), 'geen termijn');
  const undated = 'Geachte voorzitter,\n\nIk stuur uw Kamer voor de zomer een brief over de uitkomsten.\n';
  const h = hoverAt(undated, undated.indexOf('stuur'));
  assert.ok(h);
  assert.deepEqual(h.blocks[2], {
    kind: 'fields',
    fields: [
      ['Termijn', 'voor de zomer (datum onbekend: de brief heeft geen datum)'],
      ['Briefdatum', 'onbekend: zet de datum in de brief ("Den Haag, 3 februari 2026") of in de instelling antwoordbrief.briefdatum'],
    ],
  });
});

test('text pasted from a PDF: a blank line after every line, a word broken over a line, a footnote number', () => {
  const pdf = [
    'Den Haag, 2 juni 2025',
    '',
    'De evaluatie is in april afgerond. Ik zal uw Kamer voor de zomer informeren over de uitkomsten',
    '',
    'Nederlandse Voedsel- en Warenautoriteit en over de gevolgen die het kabinet daaraan verbindt.',
    '',
    'Het wetsvoorstel wordt na de zomer aan uw Kamer aangebo-',
    'den.12 Daarnaast loopt een onderzoek.',
    '',
  ].join('\n');
  const r = findCommitments(pdf);
  assert.deepEqual(
    r.items.map((c) => [c.text, c.due.date]),
    [
      ['Ik zal uw Kamer voor de zomer informeren over de uitkomsten Nederlandse Voedsel- en Warenautoriteit en over de gevolgen die het kabinet daaraan verbindt.', '2025-07-04'],
      ['Het wetsvoorstel wordt na de zomer aan uw Kamer aangeboden.12', '2025-12-20'],
    ],
  );
});

test('withFallbackDate dates the commitments found once exactly as finding them with that date', () => {
  const undated = 'Geachte voorzitter,\n\nIk stuur uw Kamer voor de zomer een brief. Uw Kamer wordt binnen zes weken geïnformeerd.\n';
  const once = findCommitments(undated);
  for (const date of ['2025-03-01', '2025-09-01', null]) {
    const direct = findCommitments(undated, { fallbackDate: date });
    assert.deepEqual(withFallbackDate(once, date), direct, String(date));
    assert.deepEqual(withFallbackDate(withFallbackDate(once, '2024-01-01'), date), direct, `${date} after another date`);
  }
  const dated = findCommitments('Den Haag, 1 maart 2025\n\nIk stuur uw Kamer voor de zomer een brief.\n');
  assert.equal(withFallbackDate(dated, '2030-01-01'), dated);
});

// --- Second round (a new user's trial): the kinds behind what it missed ----------------------

test('every subject in every tense with a future meaning: present, zal/zullen, ga/gaan', () => {
  const subjects: [string, string, string, string][] = [
    // subject, present of informeren, of sturen, future auxiliaries (zal, ga)
    ['Ik', 'informeer', 'stuur', 'zal|ga'],
    ['Wij', 'informeren', 'sturen', 'zullen|gaan'],
    ['We', 'informeren', 'sturen', 'zullen|gaan'],
    ['Het kabinet', 'informeert', 'stuurt', 'zal|gaat'],
    ['De minister', 'informeert', 'stuurt', 'zal|gaat'],
    ['De staatssecretaris van Financiën', 'informeert', 'stuurt', 'zal|gaat'],
  ];
  for (const [who, inform, send, aux] of subjects) {
    const [zal, ga] = aux.split('|');
    const forms = [
      `${who} ${inform} de Kamer in het najaar over de gevolgen voor gemeenten.`,
      `In het najaar ${inform} ${who.toLowerCase()} de Kamer over de gevolgen voor gemeenten.`.replace(/^In het najaar (\S+) (ik|wij|we)/, 'In het najaar $1 $2'),
      `${who} ${send} de Kamer binnen acht weken een overzicht van de knelpunten.`,
      `${who} ${zal} de Kamer in het najaar informeren over de gevolgen.`,
      `${who} ${ga} de Kamer in het najaar informeren over de gevolgen.`,
    ];
    for (const s of forms) assert.ok(isCommitment(s), s);
  }
  assert.equal(isCommitment('De gemeenten informeren de inwoners in het najaar over de gevolgen.'), false);
  assert.equal(isCommitment('Wij informeren uw Kamer met deze brief over de gevolgen.'), false);
});

test('present tense with any recess as the time: kerstreces, herfstreces, voorjaarsreces, meireces', () => {
  for (const s of [
    'De staatssecretaris informeert de Kamer voor het meireces over de aanbesteding.',
    'Voor het herfstreces ontvangt de Kamer het uitvoeringsplan.',
    'Wij sturen uw Kamer voor het kerstreces de tussenrapportage.',
    'Ik informeer u voor het voorjaarsreces over de stand van de onderhandelingen.',
  ]) assert.ok(isCommitment(s), s);
  // Without a time ahead, the present tense states what is done now.
  assert.equal(isCommitment('Ik informeer de Kamer over de stand van de onderhandelingen.'), false);
});

test('sending to the Kamer with the object first, and a commitment in a clause after "en zal"', () => {
  for (const s of [
    'Wij sturen de evaluatie na afloop van de pilot naar de Kamer.',
    'Na ontvangst van het advies biedt het kabinet de kabinetsreactie met een tijdpad aan de Kamer aan.',
    'Het kabinet laat de regeling doorlichten en zal de bevindingen, samen met een eerste reactie van het kabinet, in het najaar aan de Kamer toesturen.',
    'Ik voer overleg met de provincies en de waterschappen en zal uw Kamer over de afspraken die daaruit voortkomen in het najaar nader berichten.',
    'Ik laat uitzoeken of het mogelijk is de termijn te verlengen en zal uw Kamer daarover voor het kerstreces informeren.',
  ]) assert.ok(isCommitment(s), s);
  // Sending to someone else, or a possibility, stays out.
  assert.equal(isCommitment('Wij sturen de evaluatie na afloop van de pilot naar de gemeenten.'), false);
  assert.equal(isCommitment('Het is mogelijk dat ik het rapport na de zomer aan uw Kamer stuur.'), false);
});

test('another agent named after the form ("door de Inspectie") is not the government\'s promise; "door mij" is', () => {
  assert.equal(isCommitment('De Kamer wordt na de zomer bericht door het Planbureau voor de Leefomgeving.'), false);
  assert.equal(isCommitment('Uw Kamer wordt in het najaar geïnformeerd door de toezichthouder.'), false);
  assert.ok(isCommitment('Uw Kamer wordt in het najaar door mij geïnformeerd over de uitkomsten.'));
  assert.ok(isCommitment('Uw Kamer wordt in het najaar geïnformeerd door het kabinet.'));
});

test('rollover per phrase: "na de zomer" after the summer recess means next year; during the recess this year', () => {
  assert.equal(dueOf('Na de zomer ontvangt de Kamer het plan.', '2025-11-03').date, '2026-12-20');
  assert.equal(dueOf('Na de zomer ontvangt de Kamer het plan.', '2025-08-20').date, '2025-12-20');
  assert.equal(dueOf('Na de zomer ontvangt de Kamer het plan.', '2025-03-01').date, '2025-12-20');
  assert.equal(dueOf('Na de zomer van 2025 ontvangt de Kamer het plan.', '2025-11-03').date, '2025-12-20');
  // "in het najaar" in autumn is this autumn; after its end, the next.
  assert.equal(dueOf('In het najaar ontvangt de Kamer het plan.', '2025-10-01').date, '2025-12-20');
  assert.equal(dueOf('In het najaar ontvangt de Kamer het plan.', '2025-12-23').date, '2026-12-20');
});

test('recess, budget-cycle and year-part phrases give their dates; "voorjaar" is not read inside a longer word', () => {
  assert.equal(recessStart('voorjaars', 2024), '2024-02-16');
  assert.equal(recessStart('mei', 2025), '2025-04-25');
  assert.equal(recessStart('herfst', 2024), '2024-10-18');
  const d = (s: string, l = '2026-01-12') => dueOf(s, l);
  assert.equal(d('Ik zal de Kamer voor het voorjaarsreces informeren.').date, recessStart('voorjaars', 2026));
  assert.equal(d('Ik zal de Kamer voor het herfstreces informeren.').date, recessStart('herfst', 2026));
  assert.equal(d('Ik zal de Kamer voor het meireces van 2027 informeren.').date, recessStart('mei', 2027));
  assert.equal(d('Ik zal de Kamer voor het herfstreces informeren.', '2026-11-02').date, recessStart('herfst', 2027));
  assert.equal(d('Uw Kamer ontvangt begin 2027 de evaluatie.').date, '2027-03-31');
  assert.equal(d('Uw Kamer ontvangt medio 2027 de evaluatie.').date, '2027-06-30');
  const vjn = d('Ik kom hierop terug bij de Voorjaarsnota.');
  assert.deepEqual([vjn.phrase, vjn.date], ['bij de Voorjaarsnota', '2026-06-01']);
  assert.equal(d('In de Voorjaarsnotabrief staat het bedrag; ik stuur de Kamer in juni de brief.').phrase, 'in juni');
  assert.equal(d('Ik kom hierop terug in de Miljoenennota.').date, prinsjesdag(2026));
  assert.equal(d('Ik kom hierop terug bij de begroting.', '2026-10-01').date, prinsjesdag(2027));
});

test('a bare "Ja." answering a request to inform the Kamer is a commitment dated by the question', () => {
  const letter = [
    'Den Haag, 2 februari 2026',
    '',
    'Vraag 1',
    'Klopt het dat de regeling wordt verlengd?',
    '',
    'Antwoord 1',
    'Ja.',
    '',
    'Vraag 2',
    'Bent u bereid de Kamer voor het kerstreces te berichten over de uitkomsten van de gesprekken?',
    '',
    'Antwoord 2',
    'Ja.',
    '',
    'Vraag 3',
    'Wilt u de Kamer een brief sturen over de uitvoering?',
    '',
    'Antwoord 3',
    'Ja. Die brief is al verstuurd.',
    '',
  ].join('\n');
  const found = findCommitments(letter);
  assert.equal(found.items.length, 1);
  assert.equal(found.items[0].text, 'Ja.');
  assert.equal(found.items[0].span.start, letter.indexOf('Ja.', letter.indexOf('Antwoord 2')));
  assert.deepEqual([found.items[0].due.phrase, found.items[0].due.date], ['voor het kerstreces', '2026-12-18']);
});

test('labels are time phrases; a due date before the letter date is said in the hover; the hover names the file date', () => {
  assert.equal(dueOf('Ik zal de uitkomsten met een beleidsreactie aan uw Kamer sturen.', '2026-01-12').phrase, null);
  assert.equal(dueOf('Ik zal de uitkomsten met de volgende voortgangsbrief aan uw Kamer sturen.', '2026-01-12').phrase, 'met de volgende voortgangsbrief');
  const text = 'Den Haag, 14 april 2025\n\nIk informeer uw Kamer voor 1 maart 2025 over de uitkomsten.\n';
  const h = hoverAt(text, text.indexOf('informeer'));
  const fields = (h?.blocks.find((b) => b.kind === 'fields') as { fields: [string, string][] } | undefined)?.fields ?? [];
  assert.deepEqual(fields.find((f) => f[0] === 'Let op'), ['Let op', 'de termijn ligt vóór de briefdatum']);
  const undated = 'Geachte voorzitter,\n\nIk informeer uw Kamer binnen zes weken over de uitkomsten.\n';
  const analyzer = createAnalyzer();
  const a = analyzer.analyze(undated);
  const diagnosis = analyzer.diagnose(a, { today: null, letterDate: '2025-05-01', letterDateFrom: 'bestandsdatum' }, DEFAULT_SETTINGS);
  const hf = (analyzer.hover(a, undated.indexOf('zes'), { diagnosis })?.blocks.find((b) => b.kind === 'fields') as { fields: [string, string][] }).fields;
  assert.match(hf.find((f) => f[0] === 'Briefdatum')![1], /^1 mei 2025 \(datum van het bestand: de brief heeft geen datum/);
});

test('a footnote\'s last sentence ends at its stop before the body text it interrupted', () => {
  const text = [
    'Den Haag, 3 februari 2026',
    '',
    '12 Zie ook de brief over de uitvoering die binnenkort aan uw Kamer wordt verzonden.',
    ' toezicht – in de zin van de wet – is op dit moment niet geregeld.',
    '',
  ].join('\n');
  const found = findCommitments(text);
  assert.equal(found.items.length, 1);
  assert.match(found.items[0].text, /wordt verzonden\.$/);
});

test('a future verb whose act belongs to a clause of another subject, the Kamer unnamed, is not a commitment', () => {
  assert.equal(isCommitment('Ik zal de regeling aanpassen, waarna de gemeenten hun inwoners voor de zomer zullen informeren.'), false);
  assert.equal(isCommitment('Ik verwacht dat de NZa de zorgverzekeraars na de zomer zal informeren.'), false);
  assert.ok(isCommitment('Ik verwacht dat ik uw Kamer na de zomer kan informeren over de uitkomsten.'));
  assert.ok(isCommitment('Ik zal hierop na de zomer terugkomen.'));
});

test('a footnote marker glued to an abbreviation or an end mark is no text of the commitment', () => {
  for (const [glued, plain] of [
    ['Na aanname van de motie-Kathmann c.s.2 zal ik uw Kamer voor de zomer informeren over de voortgang.', 'Na aanname van de motie-Kathmann c.s. zal ik uw Kamer voor de zomer informeren over de voortgang.'],
    ['Zoals gevraagd in de motie-Van Nispen e.a.12, zal ik uw Kamer voor 1 juli informeren.', 'Zoals gevraagd in de motie-Van Nispen e.a., zal ik uw Kamer voor 1 juli informeren.'],
  ]) {
    const text = `Den Haag, 10 april 2024\n\nAntwoord 1\n${glued}\n`;
    assert.deepEqual(findCommitments(text).items.map((c) => c.text), [plain], glued);
  }
  // A number that is text stays: "nr.2", "1.5 miljoen".
  const nr = 'Den Haag, 10 april 2024\n\nAntwoord 1\nIk zal uw Kamer voor de zomer informeren over Kamerstuk 36 410, nr.2 voor de regio.\n';
  assert.match(findCommitments(nr).items[0].text, /nr\.2 voor/);
});

test('a commitment in a footnote does not start with the footnote number', () => {
  const text = [
    'Den Haag, 3 februari 2025', '', 'Het kabinet werkt aan de strategie.36 De uitvoering loopt.37', '',
    '36 Kamerstuk 30 821, nr. 110.',
    '37 Zie ook de Kamerbrief over het planbureau die voor de zomer aan uw Kamer wordt verzonden.',
    '¹² Ik zal uw Kamer voor het kerstreces informeren over de voortgang.', '',
  ].join('\n');
  const texts = findCommitments(text).items.map((c) => c.text);
  assert.ok(texts.includes('Zie ook de Kamerbrief over het planbureau die voor de zomer aan uw Kamer wordt verzonden.'), JSON.stringify(texts));
  assert.ok(texts.includes('Ik zal uw Kamer voor het kerstreces informeren over de voortgang.'), JSON.stringify(texts));
  // A number that starts a sentence of the body is its own: kept.
  assert.deepEqual(findCommitments('Den Haag, 3 februari 2025\n\n12 gemeenten krijgen geld. Ik zal uw Kamer voor de zomer informeren.\n').items.map((c) => c.text), ['Ik zal uw Kamer voor de zomer informeren.']);
});
