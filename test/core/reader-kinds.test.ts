// Kinds of letters a new user's trial found misread (issue 9, second round): each test covers a
// kind with invented variants, never only the example that showed it. Runs without ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter, parseLetterFresh } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import type { QuestionUnit } from '../../server/src/core/model';
import { findingsAt, lineOf } from './letter-helpers';

const states = (qs: QuestionUnit[]) => qs.map((q) => `${q.section ? q.section + ':' : ''}${q.id}:${q.answer.status}`);

/** The states of a text's questions, asserting the reading with reuse equals the fresh one. */
function read(text: string): string[] {
  const s = states(parseLetter(text).questions);
  assert.deepEqual(s, states(parseLetterFresh(text).questions));
  return s;
}

/** Whenever the summary counts an open question there is an unanswered-question finding for it. */
function assertOpenIsReported(text: string): void {
  const L = parseLetter(text);
  const findings = checkQuestions(L);
  for (const q of L.questions) {
    if (q.answer.status !== 'missing') continue;
    assert.ok(findings.some((f) => f.code === 'unanswered-question' && f.question === q.id), `open question ${q.id} has no finding`);
  }
}

test('A1 signature blocks are never an answer: title, name, closing, in a letter and in a verslag', () => {
  const titles = [
    'De minister van Financiën,\n\nE. Heinen',
    'De Minister van Justitie en Veiligheid,\nD. Yeşilgöz-Zegerius',
    'De staatssecretaris van Infrastructuur en Waterstaat – Openbaar Vervoer en Milieu,\n\nV.L.W.A. Heijnen',
    'De minister voor Klimaat en Groene Groei\nR.A.A. Jetten',
    'Hoogachtend,\n\nnamens deze,\n\nJ. de Vries',
    'Met vriendelijke groet,\nC.E.G. van Gennip',
    'De Minister van Sociale Zaken en Werkgelegenheid\n\nC.E.G. van Gennip',
  ];
  for (const sig of titles) {
    const text = `Vraag 1\nHoeveel inspecteurs zijn er?\n\nAntwoord 1\nTien.\n\nVraag 2\nWanneer komt de brief?\n\nAntwoord 2\n\n${sig}\n`;
    assert.deepEqual(read(text), ['1:answered', '2:missing'], sig);
    assert.deepEqual(findingsAt(text), [`unanswered-question@${lineOf(text, 'Antwoord 2')}`], sig);
    // Without an answer heading (the answer follows the question directly) too.
    const bare = `Vraag 1\nHoeveel inspecteurs zijn er?\nTien.\n\nVraag 2\nWanneer komt de brief?\n\n${sig}\n`;
    assert.deepEqual(read(bare), ['1:answered', '2:missing'], sig);
  }
  // A written answer keeps its text; the signature after it is no part of it.
  const written = 'Vraag 1\nWanneer komt de brief?\n\nAntwoord 1\nIn juni.\n\nDe minister van Financiën,\n\nE. Heinen\n';
  const L = parseLetter(written);
  assert.equal(L.questions[0].answer.text.trim(), 'In juni.');
  // A verslag whose answer part ends with an unanswered question and the signature.
  const verslag = [
    'Vraag 1', 'Hoeveel inspecteurs zijn er op dit moment in dienst bij de Arbeidsinspectie?', '',
    'Vraag 2', 'Kunt u aangeven hoeveel meldingen er in 2023 zijn binnengekomen?', '',
    'BRIEF VAN DE MINISTER', '', 'Hierbij ontvangt u de antwoorden.', '',
    'Vraag 1', 'Hoeveel inspecteurs zijn er op dit moment in dienst bij de Arbeidsinspectie?', '', 'Er zijn 412 inspecteurs.', '',
    'Vraag 2', 'Kunt u aangeven hoeveel meldingen er in 2023 zijn binnengekomen?', '',
    'De minister van Sociale Zaken en Werkgelegenheid,', 'C.E.G. van Gennip', '',
  ].join('\n');
  assert.deepEqual(read(verslag), ['1:answered', '2:missing']);
  assertOpenIsReported(verslag);
  // A sentence that starts like a title is text ("De minister van Financiën heeft …").
  const prose = 'Vraag 1\nWie beslist?\n\nAntwoord 1\nDe minister van Financiën,\nna overleg met de Kamer, beslist in juni.\n';
  assert.deepEqual(read(prose), ['1:answered']);
});

/** An inbreng with a fractie heading and the given body. */
const inbreng = (body: string) => `Vragen en opmerkingen van de leden van de VVD-fractie\n\n${body}\n`;

test('A6 unnumbered answer labels of an inbreng: Reactie/Antwoord van het kabinet, van de minister, Antwoord alone', () => {
  for (const label of ['Reactie van het kabinet', 'Antwoord van het kabinet', 'Reactie van de minister', 'Reactie van de staatssecretaris van Financiën', 'Antwoord', 'Reactie:', '**Reactie van het kabinet**', 'Beantwoording']) {
    const text = [
      'I Vragen en opmerkingen uit de fracties', '',
      'Vragen en opmerkingen van de leden van de VVD-fractie', '',
      'De leden van de VVD-fractie hebben kennisgenomen van de agenda. Kan de minister aangeven welke positie Nederland inneemt over de visquota?', '',
      label, 'Nederland zet in op quota op basis van wetenschappelijk advies.', '',
      'Vragen en opmerkingen van de leden van de NSC-fractie', '',
      'Hoe beoordeelt de minister het voorstel van de Commissie over nieuwe genomische technieken?', '',
      label, '',
      'Vragen en opmerkingen van de leden van de SP-fractie', '',
      'Deze leden vragen of de minister de Kamer informeert over de uitkomst.', '',
      label, 'Ja, dat doe ik na de Raad.', '',
    ].join('\n');
    assert.deepEqual(read(text), ['VVD-fractie:1:answered', 'NSC-fractie:2:missing', 'SP-fractie:3:answered'], label);
    assertOpenIsReported(text);
    const f = checkQuestions(parseLetter(text));
    assert.deepEqual(f.map((x) => x.code), ['unanswered-question'], label);
  }
});

test('A3 an asking paragraph after a prose answer that no answer follows is a question of its own, unanswered', () => {
  for (const label of ['1. Antwoord van het kabinet', 'Reactie van het kabinet']) {
    for (const asking of [
      'De leden vragen voorts of de minister bereid is de Kamer na de Raad te informeren over de uitkomst.',
      'Is het kabinet met deze leden van mening dat de quota te hoog zijn? Zo ja, wat gaat het doen?',
      'Graag vernemen deze leden wanneer de evaluatie komt.',
    ]) {
      const text = inbreng(`De leden van de VVD-fractie hebben kennisgenomen van de agenda. Kan de minister aangeven welke positie Nederland inneemt?\n\n${label}\nNederland zet in op quota op basis van wetenschappelijk advies.\n\n${asking}\n\nVoor deze leden is dat een belangrijk punt.`)
        + '\nVragen en opmerkingen van de leden van de NSC-fractie\n\nHoe beoordeelt de minister het voorstel?\n\n2. Antwoord van het kabinet\nPositief.\n';
      const L = parseLetter(text);
      assert.deepEqual(L.questions.map((q) => q.answer.status), ['answered', 'missing', 'answered'], `${label} / ${asking}`);
      assert.ok(L.questions[1].questionText.startsWith(asking.slice(0, 20)));
      assert.equal(L.questions[0].answer.text.trim(), 'Nederland zet in op quota op basis van wetenschappelijk advies.');
      assertOpenIsReported(text);
    }
  }
  // An answer that ends in its own words keeps every paragraph (a question quoted inside it is no unit).
  const kept = inbreng('Kan de minister aangeven welke positie Nederland inneemt?\n\n1. Antwoord van het kabinet\nWat is onze positie? Nederland zet in op quota.\n\nDat doen wij samen met Denemarken.');
  assert.deepEqual(parseLetter(kept).questions.map((q) => q.answer.status), ['answered']);
});

test('A6 invariant: every open question in the summary has a finding (letters of every layout)', async () => {
  const { summaryOf } = await import('../../server/src/cli/check');
  const { createAnalyzer } = await import('../../server/src/core/analyzer');
  const { DEFAULT_SETTINGS } = await import('../../server/src/core/settings');
  const { readdirSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const analyzer = createAnalyzer();
  const check = (text: string) => {
    const a = analyzer.analyze(text);
    const d = analyzer.diagnose(a, { today: null }, DEFAULT_SETTINGS);
    return { summary: summaryOf(d), findings: d.findings };
  };
  const dirs = [path.resolve(__dirname, '../fixtures/layouts'), path.resolve(__dirname, '../fixtures/letters')];
  let checked = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (!/\.(txt|md)$/.test(name)) continue;
      const r = check(readFileSync(path.join(dir, name), 'utf8'));
      const reported = new Set(r.findings.filter((f) => f.code === 'unanswered-question' || f.code === 'placeholder-in-answer').map((f) => f.question));
      assert.ok(reported.size >= r.summary.open, `${name}: ${r.summary.open} open, ${reported.size} reported`);
      checked++;
    }
  }
  assert.ok(checked > 5);
  // A question letter is not open: it asks.
  const q = check('Vragen van het lid Jansen (VVD) aan de minister (ingezonden 3 maart 2024).\n\n1. Kent u het bericht?\n\n2. Wat vindt u ervan?\n');
  assert.equal(q.summary.open, 0);
  assert.deepEqual(q.findings.filter((f) => f.code === 'unanswered-question'), []);
  analyzer.dispose();
});

test('A4 footnote bodies and page furniture under an emptied answer are no answer; page numbers before running text are', () => {
  const header = 'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel';
  const notes = [
    '1\n\nGezonde lunch onder oude wetgeving vrijgesteld (belastingdienst.nl)\n',
    '1\n2\n\nGezonde lunch onder oude wetgeving vrijgesteld (belastingdienst.nl)\nParagraaf 23, achtste lid, Besluit Fiscaal Bestuursrecht.\n',
    `2\n\nTK 2023/24, 31 839, nr. 1024.\n\n${header}\n\n3\n`,
    `1\n\nAD, 21 juni 2024, «Beoordeling arbeidsongeschiktheid» (https://www.ad.nl/a)\n\n${header}\n\n2\n`,
    '3 Kamerbrief over de voortgang, Kamerstuk 30 821, nr. 252\n',
  ];
  for (const n of notes) {
    const text = `Vraag 1\nBent u bekend met de uitspraak?\nAntwoord 1\nJa.\n\nVraag 2\nVerwacht u dat meer werkgevers zich melden?\nAntwoord 2\n${n}\nVraag 3\nWat gaat u doen?\nAntwoord 3\nNiets.\n`;
    assert.deepEqual(read(text), ['1:answered', '2:missing', '3:answered'], n);
    assert.deepEqual(findingsAt(text), [`unanswered-question@${lineOf(text, 'Antwoord 2')}`], n);
    // The last answer emptied, the notes ending the text.
    const last = `Vraag 1\nBent u bekend met de uitspraak?\nAntwoord 1\nJa.\n\nVraag 2\nVerwacht u dat meer werkgevers zich melden?\nAntwoord 2\n${n}`;
    assert.deepEqual(read(last), ['1:answered', '2:missing'], n);
  }
  // A page number after the running header, then the answer's text on the next page: answered.
  const page = `Vraag 1\nBent u bekend met de uitspraak?\nAntwoord 1\n\n${header}\n\n2\n\nJa, daar ben ik mee bekend.\n`;
  assert.deepEqual(read(page), ['1:answered']);
  // A page number at a page's foot followed by the sentence running on (lowercase): answered.
  const foot = 'Vraag 1\nBent u bekend met de uitspraak?\nAntwoord 1\nJa, en ik heb de uitspraak\n\n3\n\nmet belangstelling gelezen.\n';
  assert.deepEqual(read(foot), ['1:answered']);
  // Notes after a written answer leave it answered, and its text ends before them.
  const written = `Vraag 1\nBent u bekend met de uitspraak?\nAntwoord 1\nJa.1\n\n1\n\nHoge Raad, 24 mei 2024.\n\n${header}\n\n2\n\nVraag 2\nWat gaat u doen?\nAntwoord 2\nNiets.\n`;
  const L = parseLetter(written);
  assert.deepEqual(L.questions.map((q) => q.answer.status), ['answered', 'answered']);
  assert.ok(!L.questions[0].answer.text.includes('Hoge Raad'));
});

test('A5 a numbered list restarting at 1 inside an answer is answer text; the next question after it is read, open if empty', () => {
  const lists = [
    '1. Hoe groot is het tekort per regio?\n2. Wat zijn de oorzaken van uitstroom?',
    '1. Hoe groot is het tekort per regio?\n2. Wat zijn de oorzaken van uitstroom?\n3. Welke maatregelen werken?',
    '1. Hoe groot is het tekort?',
    '1) Hoe groot is het tekort per regio?\n2) Wat zijn de oorzaken?',
  ];
  for (const list of lists) {
    const text = `1. Gaat u onderzoek doen naar de oorzaken van het lerarentekort?\nJa. In het onderzoek komen de volgende vragen aan bod:\n${list}\nHet onderzoek wordt uitgevoerd door het CPB.\n\n2. Wanneer verwacht u de resultaten?\n\n3. Betrekt u de vakbonden bij het onderzoek?\nJa, de vakbonden zitten in de begeleidingscommissie.\n`;
    assert.deepEqual(read(text), ['1:answered', '2:missing', '3:answered'], list);
    assert.deepEqual(findingsAt(text), [`unanswered-question@${lineOf(text, '2. Wanneer')}`], list);
    const answered = text.replace('2. Wanneer verwacht u de resultaten?\n', '2. Wanneer verwacht u de resultaten?\nIn juni.\n');
    assert.deepEqual(read(answered), ['1:answered', '2:answered', '3:answered'], list);
    assert.ok(parseLetter(answered).questions[0].answer.text.includes('Hoe groot'), list);
  }
});

test('A2 a parent question that asks must be answered by its own answer; a parent that only introduces is context', () => {
  for (const parent of ['Hoeveel handhavers zet u in op de Waddenzee? Kunt u dit uitsplitsen?', 'Kunt u aangeven hoeveel handhavers u inzet.', 'De leden vragen de minister of er voldoende handhavers zijn.']) {
    const text = `Vraag 1\n${parent}\n\nVraag 1a\nHoeveel daarvan zijn boa?\n\nAntwoord 1a\nTwaalf.\n\nVraag 2\nWanneer komt het beheerplan?\n\nAntwoord 2\nIn juni.\n`;
    assert.deepEqual(read(text), ['1:missing', '1a:answered', '2:answered'], parent);
    assert.deepEqual(findingsAt(text), ['unanswered-question@1'], parent);
  }
  const intro = 'Vraag 1\nIn het beheerplan staat dat er meer handhavers komen.\n\nVraag 1a\nHoeveel daarvan zijn boa?\n\nAntwoord 1a\nTwaalf.\n';
  assert.deepEqual(read(intro), ['1:context', '1a:answered']);
  // In a verslag, the asking parent is answered by its repetition in the answer part.
  const verslag = [
    'Vraag 1', 'De leden vragen de minister of de toezichthouder voldoende capaciteit heeft.', '',
    'Vraag 1a', 'Graag vernemen zij hoeveel fte daarvoor beschikbaar is.', '',
    'BRIEF VAN DE MINISTER', '',
    'Vraag 1', 'De leden vragen de minister of de toezichthouder voldoende capaciteit heeft.', '', 'De AFM heeft voldoende capaciteit.', '',
    'Vraag 1a', 'Graag vernemen zij hoeveel fte daarvoor beschikbaar is.', '',
    'Er zijn 40 fte beschikbaar.', '',
  ].join('\n');
  assert.deepEqual(read(verslag), ['1:answered', '1a:answered']);
  const dropped = verslag.replace('De AFM heeft voldoende capaciteit.', '');
  assert.deepEqual(read(dropped), ['1:missing', '1a:answered']);
});

test('A7/B12 a lijst mixing "Vraag N (blz. x)" headings with bare numbers, and joint bare number lines ("2 en 3")', () => {
  const mixed = 'Vraag 12 (blz. 4)\nHoeveel fte is er bijgekomen?\n\nAntwoord\nEr is 450 fte bijgekomen.\n\nVraag 13 en 14 (blz. 5)\nHoe lang is de doorlooptijd? En van nareis?\n\nAntwoord\n38 weken respectievelijk 30 weken.\n\nVraag 15 (blz. 6)\nWat kost een procedure gemiddeld?\n\nAntwoord\n\n16\nHoeveel dwangsommen zijn er betaald?\n\nAntwoord\n€ 28 miljoen.\n\n17 en 18\nHoeveel beroepszaken zijn er? Hoeveel zijn er gewonnen?\n\nAntwoord\nEr zijn 11.000 beroepszaken, waarvan 60% gewonnen.\n';
  assert.deepEqual(read(mixed), ['12:answered', '13:answered', '14:answered', '15:missing', '16:answered', '17:answered', '18:answered']);
  for (const joint of ['2 en 3', '2, 3', '2 t/m 3', '2–3']) {
    const bare = `1\nHoeveel fte is er bijgekomen?\n\nAntwoord\n450 fte.\n\n${joint}\nHoe lang is de doorlooptijd? En van nareis?\n\nAntwoord\n38 weken.\n\n4\nWat kost een procedure?\n\nAntwoord\n\n5\nHoeveel dwangsommen zijn er betaald?\n\nAntwoord\n€ 28 miljoen.\n`;
    assert.deepEqual(read(bare), ['1:answered', '2:answered', '3:answered', '4:missing', '5:answered'], joint);
    assert.deepEqual(findingsAt(bare).filter((f) => !f.startsWith('subquestion')), [`unanswered-question@${lineOf(bare, 'Antwoord\n\n5')}`], joint);
  }
  // A number line that continues no count, or is followed by no question, stays text.
  const prose = 'Vraag 1\nWat kost het?\n\nAntwoord 1\nHet kost\n\n7 en 8\n\nmiljoen euro per jaar.\n';
  assert.deepEqual(read(prose), ['1:answered']);
});

test('C14 "Voor het antwoord op vraag N verwijs ik naar mijn brief (Kamerstuk …)" answers by that paper, never by itself', () => {
  for (const lead of ['Voor het antwoord op vraag 1 verwijs ik naar', 'Voor het antwoord op deze vraag verwijs ik naar', 'Wat betreft het antwoord op vraag 1 verwijs ik u naar', 'Voor de beantwoording van vraag 1 verwijs ik naar']) {
    const text = `Vraag 1\nHoeveel bedrijven zijn geruimd?\n\nAntwoord 1\n${lead} mijn brief van 12 april 2024 (Kamerstuk 28 807, nr. 288).\n\nVraag 2\nWat kost het?\n\nAntwoord 2\nTien miljoen.\n`;
    const L = parseLetter(text);
    assert.equal(L.questions[0].answer.status, 'by-reference', lead);
    assert.equal(L.questions[0].answer.paper, 'kst-28807-288', lead);
    assert.deepEqual(findingsAt(text), [], lead);
  }
  const plural = 'Vraag 1\nA?\n\nVraag 2\nB?\n\nAntwoord op de vragen 1 en 2\nVoor het antwoord op de vragen 1 en 2 verwijs ik naar mijn brief van 12 april 2024 (Kamerstuk 28 807, nr. 288).\n';
  assert.deepEqual(findingsAt(plural), []);
  assert.deepEqual(read(plural), ['1:by-reference', '2:by-reference']);
  // Pointing to another answer stays a reference to that answer.
  const other = 'Vraag 1\nA?\n\nAntwoord 1\nJa.\n\nVraag 2\nB?\n\nAntwoord 2\nVoor het antwoord op deze vraag verwijs ik naar het antwoord op vraag 1.\n';
  assert.deepEqual(parseLetter(other).questions[1].answer.refersTo, ['1']);
});

test('C15 an unlabelled answer opening "Graag verwijs ik u naar …" is the answer, not part of the question', () => {
  for (const a of ['Graag verwijs ik u naar de Staat van het mbo 2023.', 'Gaarne wijs ik op de brief van 3 maart.', 'Graag informeer ik u dat het 18% is.']) {
    const text = `Vraag 1\nHoeveel jongeren zijn gestart?\n${a}\n\nVraag 2\nHoeveel vallen uit?\nDat is 18%.\n`;
    assert.deepEqual(read(text), ['1:answered', '2:answered'], a);
    const items = `1. Hoeveel jongeren zijn gestart?\n${a}\n\n2. Hoeveel vallen uit?\nDat is 18%.\n`;
    assert.deepEqual(read(items), ['1:answered', '2:answered'], a);
  }
  // A committee's "Graag vernemen zij …" still asks.
  assert.deepEqual(read('Vraag 1\nGraag vernemen zij hoeveel fte beschikbaar is.\n\nVraag 2\nWat kost het?\nTien.\n'), ['1:missing', '2:answered']);
});

test('C17 a mededeling naming a letter by its date only answers by reference (no paper id)', () => {
  for (const med of ['De vragen van het lid Kostić (PvdD) over de vogelgriep zijn beantwoord bij brief van 12 juni 2024 over de stand van zaken vogelgriep.', 'De vragen zijn reeds beantwoord met de brief van 12 juni 2024.']) {
    const text = `Vraag 1\nHoeveel bedrijven zijn geruimd?\n\nVraag 2\nWelke vaccinatiestrategie hanteert u?\n\nMededeling\n\n${med}\n`;
    const L = parseLetter(text);
    assert.deepEqual(read(text), ['1:by-reference', '2:by-reference'], med);
    assert.equal(L.questions[0].answer.paper, undefined);
    assert.deepEqual(findingsAt(text), [], med);
  }
});

test('C18 a Kamervragen letter numbered as a lijst (bare numbers) is a question letter: not checked for answers', () => {
  const text = 'Vragen van het lid Dassen (Volt) aan de minister van Financiën over de bankenbelasting (ingezonden 4 maart 2024).\n\n1\nHoeveel bracht de bankenbelasting in 2023 op?\n\n2\nBent u van plan het tarief te verhogen?\n\n3\nKunt u een overzicht geven van de tarieven in de buurlanden?\n';
  const L = parseLetter(text);
  assert.equal(L.kind, 'question-letter');
  assert.equal(L.questions.length, 3);
  assert.deepEqual(findingsAt(text), []);
  // The same letter with "Vraag N" headings, and once it holds an answer, is an answer letter.
  const headed = text.replace('\n1\n', '\nVraag 1\n').replace('\n2\n', '\nVraag 2\n').replace('\n3\n', '\nVraag 3\n');
  assert.equal(parseLetter(headed).kind, 'question-letter');
  const answered = headed.replace('Hoeveel bracht de bankenbelasting in 2023 op?\n', 'Hoeveel bracht de bankenbelasting in 2023 op?\n\nAntwoord 1\n\n');
  assert.equal(parseLetter(answered).kind, 'answer-letter');
  assert.deepEqual(findingsAt(answered).filter((f) => f.startsWith('unanswered')).length, 3);
});

test('B8/B9/B13 heading variants: party in brackets, question or answer on the heading line, capitals, quotes, bullets, no space', () => {
  const pairs: [string, string][] = [
    ['Vraag 2 (SP)', 'Antwoord 2'],
    ['Vraag 2 (GroenLinks-PvdA)', 'Antwoord 2 (minister)'],
    ['VRAAG 2', 'ANTWOORD 2'],
    ['> Vraag 2', 'Antwoord 2'],
    ['- **Vraag 2:**', '- **Antwoord 2:**'],
    ['Vraag2', 'Antwoord2'],
    ['Vraag 2:', 'Antw. 2'],
    ['Vraag 2', 'Antwoord vraag 2'],
  ];
  for (const [q, a] of pairs) {
    const text = `Vraag 1\nHoeveel woningen zijn er gebouwd?\n\nAntwoord 1\nTienduizend.\n\n${q}\nWanneer komt de wet?\n\n${a}\n\nVraag 3\nWie betaalt het?\n\nAntwoord 3\nHet Rijk.\n`;
    assert.deepEqual(read(text), ['1:answered', '2:missing', '3:answered'], q);
    assertOpenIsReported(text);
    const answered = text.replace(`${a}\n`, `${a}\nIn juni.\n`);
    assert.deepEqual(read(answered), ['1:answered', '2:answered', '3:answered'], q);
  }
  // The question and the answer on the heading's line.
  const same = 'Vraag 1 Bent u bekend met het bericht?\nAntwoord 1 Ja.\n\nVraag 2 Wanneer komt de wet?\nAntwoord 2\n\nVraag 3 Wie betaalt?\nAntwoord 3 Het Rijk.\n';
  assert.deepEqual(read(same), ['1:answered', '2:missing', '3:answered']);
  // A sentence starting with the word is no heading.
  assert.deepEqual(read('Vraag 1\nWat kost het?\n\nAntwoord 1\nAntwoord 3 is eerder gegeven. Het kost tien.\n'), ['1:answered']);
});

test('B10 short letters on one line: read where their markers are unambiguous', () => {
  const one = 'Vraag 1 Hoeveel woningen zijn er gebouwd? Antwoord 1 Tienduizend. Vraag 2 Wanneer komt de wet? Antwoord 2 In juni.\n';
  assert.deepEqual(read(one), ['1:answered', '2:answered']);
  assert.deepEqual(read(one.replace(' In juni.', '')), ['1:answered', '2:missing']);
  assert.deepEqual(read(one.replace(' In juni.\n', '')), ['1:answered', '2:missing']);
  assert.deepEqual(read(one.replace(' Antwoord 1 Tienduizend.', ' Antwoord 1')), ['1:missing', '2:answered']);
  // A short line naming a question in passing is no letter on one line.
  assert.deepEqual(read('Vraag 1\nWat kost het?\n\nAntwoord 1\nZoals gezegd. Vraag 2 van de commissie komt later. Antwoord 3 ook.\n'), ['1:answered']);
});
