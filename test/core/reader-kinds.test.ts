// Kinds of letters a new user's trial found misread (issue 9, second round): each test covers a
// kind with invented variants, never only the example that showed it. Runs without ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter, parseLetterFresh } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import type { QuestionUnit } from '../../server/src/core/model';
import { findingsAt, lineOf, replaceOnce } from './letter-helpers';

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

/** A committee letter of two fracties, each numbering its questions from 1, as a verslag prints it. */
const COMMITTEE = [
  'Vragen en opmerkingen van de leden van de PVV-fractie', '',
  'Vraag 1', 'Hoeveel inspecteurs zijn er in dienst bij de Arbeidsinspectie?',
  'Vraag 2', 'Wanneer komt de evaluatie van de nieuwe werkwijze?', '',
  'Vragen en opmerkingen van de leden van de CDA-fractie', '',
  'Vraag 1', 'Wat kost de nieuwe regeling per jaar?',
  'Vraag 2', 'Wie betaalt de kosten van de regeling?', '',
  'BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID', 'Hierbij ontvangt u de antwoorden op de vragen van de vaste commissie.', '',
].join('\n');
const ANSWERS = ['Er zijn 42 inspecteurs in dienst.', 'De evaluatie komt in juni.', 'Zij kost 3 miljoen euro.', 'Het Rijk betaalt de kosten.'];
const ALL_ANSWERED = ['PVV-fractie:1:answered', 'PVV-fractie:2:answered', 'CDA-fractie:1:answered', 'CDA-fractie:2:answered'];

test('D1 a verslag whose answer letter numbers on (1..N) while the committee restarted per fractie: matched by order', () => {
  // Only answer headings, numbered on through the letter, with or without the fractie headings.
  const bare = (nums: number[]) => COMMITTEE + nums.map((n) => `Antwoord ${n}\n${ANSWERS[n - 1]}\n`).join('');
  const L = parseLetter(bare([1, 2, 3, 4]));
  assert.deepEqual(read(bare([1, 2, 3, 4])), ALL_ANSWERED);
  assert.deepEqual(L.questions.map((q) => q.answer.text.trim()), ANSWERS);
  assert.deepEqual(findingsAt(bare([1, 2, 3, 4])), []);
  // The covering letter is nobody's question or answer.
  for (const q of L.questions) assert.ok(!/BRIEF|Hierbij/.test(q.questionText + q.answer.text), q.id);
  // An answer left out: that question is open, at the question; the others keep their answers.
  const three = bare([1, 2, 4]);
  assert.deepEqual(read(three), ['PVV-fractie:1:answered', 'PVV-fractie:2:answered', 'CDA-fractie:1:missing', 'CDA-fractie:2:answered']);
  assert.deepEqual(findingsAt(three), [`unanswered-question@${lineOf(three, 'Vraag 1\nWat kost')}`]);
  // With the fractie headings repeated in the answer letter.
  const headed = COMMITTEE + 'Vragen en opmerkingen van de leden van de PVV-fractie\nAntwoord 1\nA1.\nAntwoord 2\nA2.\nVragen en opmerkingen van de leden van de CDA-fractie\nAntwoord 3\nA3.\nAntwoord 4\nA4.\n';
  assert.deepEqual(read(headed), ALL_ANSWERED);
  assert.deepEqual(parseLetter(headed).questions.map((q) => q.answer.text.trim()), ['A1.', 'A2.', 'A3.', 'A4.']);
  // Both restarting, the answer letter without fractie headings: in order, each fractie's own answers.
  const restart = COMMITTEE + 'Antwoord 1\nA1.\nAntwoord 2\nA2.\nAntwoord 1\nA3.\nAntwoord 2\nA4.\n';
  assert.deepEqual(parseLetter(restart).questions.map((q) => q.answer.text.trim()), ['A1.', 'A2.', 'A3.', 'A4.']);
  // Both restarting, the answer letter repeating the fractie headings in another order: by fractie.
  const swapped = COMMITTEE + 'Vragen en opmerkingen van de leden van de CDA-fractie\nAntwoord 1\nA3.\nAntwoord 2\nA4.\nVragen en opmerkingen van de leden van de PVV-fractie\nAntwoord 1\nA1.\nAntwoord 2\nA2.\n';
  assert.deepEqual(parseLetter(swapped).questions.map((q) => q.answer.text.trim()), ['A1.', 'A2.', 'A3.', 'A4.']);
  assert.deepEqual(findingsAt(swapped), []);
});

test('D2 interleaved verslag: the questions restart per fractie, the answers number on; never an invented match', () => {
  const text = [
    'Vragen en opmerkingen van de leden van de PVV-fractie',
    'Vraag 1', 'Hoeveel inspecteurs zijn er in dienst?', 'Antwoord 1', 'Er zijn er 42.',
    'Vraag 2', 'Wanneer komt de evaluatie?', 'Antwoord 2', 'In juni.',
    'Vragen en opmerkingen van de leden van de CDA-fractie',
    'Vraag 1', 'Wat kost de regeling per jaar?', 'Antwoord 3', 'Drie miljoen euro.',
    'Vraag 2', 'Wie betaalt de kosten?', 'Antwoord 4', 'Het Rijk.', '',
  ].join('\n');
  assert.deepEqual(read(text), ALL_ANSWERED);
  assert.deepEqual(findingsAt(text), []);
  // A number that fits neither count stays an answer without question, its question open.
  const wrong = replaceOnce(text, 'Antwoord 3', 'Antwoord 7');
  assert.deepEqual(read(wrong), ['PVV-fractie:1:answered', 'PVV-fractie:2:answered', 'CDA-fractie:1:missing', 'CDA-fractie:2:answered']);
  assert.deepEqual(findingsAt(wrong), [`unanswered-question@${lineOf(wrong, 'Vraag 1\nWat kost')}`, `answer-without-question@${lineOf(wrong, 'Antwoord 7')}`]);
  // Without a restart (one fractie numbering 1..3) a skipped answer number is not renumbered.
  const one = 'Vraag 1\nWat kost het?\nAntwoord 1\nTien.\nVraag 2\nWie betaalt?\nAntwoord 3\nHet Rijk.\n';
  assert.deepEqual(read(one), ['1:answered', '2:missing']);
  assert.ok(findingsAt(one).includes(`answer-without-question@${lineOf(one, 'Antwoord 3')}`));
});

test('D3 a verslag reprinting the committee letter, the answer letter repeating each question renumbered: matched by order and text', () => {
  const reprint = (nums: number[], qs: string[]) => COMMITTEE + nums.map((n, k) => `Vraag ${n}\n${qs[k]}\nAntwoord ${n}\n${ANSWERS[k]}\n`).join('');
  const QS = ['Hoeveel inspecteurs zijn er in dienst bij de Arbeidsinspectie?', 'Wanneer komt de evaluatie van de nieuwe werkwijze?', 'Wat kost de nieuwe regeling per jaar?', 'Wie betaalt de kosten van de regeling?'];
  const text = reprint([1, 2, 3, 4], QS);
  assert.deepEqual(read(text), ALL_ANSWERED);
  assert.deepEqual(parseLetter(text).questions.map((q) => q.answer.text.trim()), ANSWERS);
  assert.deepEqual(findingsAt(text), []);
  // A question left out of the answer letter: open at the question in the committee's part.
  const left = COMMITTEE + [0, 1, 3].map((k) => `Vraag ${k + 1}\n${QS[k]}\nAntwoord ${k + 1}\n${ANSWERS[k]}\n`).join('');
  assert.deepEqual(read(left), ['PVV-fractie:1:answered', 'PVV-fractie:2:answered', 'CDA-fractie:1:missing', 'CDA-fractie:2:answered']);
  // A renumbered question whose text differs is no repetition of the question at its place.
  const other = reprint([1, 2, 3, 4], [QS[0], QS[1], 'Hoeveel boetes zijn er opgelegd in 2024?', QS[3]]);
  const states = read(other);
  assert.equal(states.filter((s) => s.endsWith(':missing')).length, 1);
  assert.ok(states.includes('CDA-fractie:1:missing'));
});

test('D4 a duplicated answer is named as such, never "no question N"', () => {
  const base = 'Vraag 1\nWat kost het?\nAntwoord 1\nTien.\nVraag 2\nWie betaalt?\nAntwoord 2\nHet Rijk.\nVraag 3\nWanneer?\nAntwoord 3\nIn mei.\n';
  const dup = (text: string) => checkQuestions(parseLetter(text)).filter((f) => f.code !== 'subquestion-not-addressed');
  // The same answer twice, right after itself or later in the letter.
  for (const text of [
    replaceOnce(base, 'Het Rijk.\n', 'Het Rijk.\nAntwoord 2\nHet Rijk.\n'),
    base + 'Antwoord 2\nHet Rijk betaalt.\n',
    replaceOnce(base, 'Antwoord 3\nIn mei.\n', 'Antwoord 3\nIn mei.\nAntwoord op vraag 2\nHet Rijk.\n'),
  ]) {
    assert.deepEqual(read(text), ['1:answered', '2:answered', '3:answered']);
    const f = dup(text);
    assert.deepEqual(f.map((x) => x.code), ['duplicate-answer'], text);
    assert.equal(f[0].message, 'Het antwoord op vraag 2 staat twee keer in de brief. Verwijder een van beide antwoorden of controleer het nummer.');
    assert.doesNotMatch(f[0].message, /hoort geen vraag/);
  }
  // The heading repeated over an empty answer: the answer is the text under the second heading.
  const twice = replaceOnce(base, 'Antwoord 2\nHet Rijk.\n', 'Antwoord 2\nAntwoord 2\nHet Rijk.\n');
  assert.deepEqual(read(twice), ['1:answered', '2:answered', '3:answered']);
  assert.deepEqual(findingsAt(twice), [`duplicate-answer@${lineOf(twice, 'Antwoord 2') + 1}`]);
  // In a fractie section the message names the fractie; prose answer headings likewise.
  const prose = 'Vragen en opmerkingen van de leden van de VVD-fractie\n\nDe leden vragen hoeveel inspecteurs er zijn.\n\n1. Antwoord van het kabinet\nEr zijn er 42.\n\n1. Antwoord van het kabinet\nEr zijn er 42.\n\nWanneer komt de evaluatie?\n\n2. Antwoord van het kabinet\nIn juni.\n';
  const p = dup(prose);
  assert.deepEqual(p.map((x) => x.code), ['duplicate-answer']);
  assert.match(p[0].message, /^Het antwoord op vraag 1 \(VVD-fractie\) staat twee keer in de brief/);
  // Restarted numbering per fractie: each fractie's answer 1 is its own, no duplicate.
  const restart = 'Vragen en opmerkingen van de leden van de VVD-fractie\nVraag 1\nWat kost het?\nAntwoord 1\nTien.\nVragen en opmerkingen van de leden van de CDA-fractie\nVraag 1\nWie betaalt?\nAntwoord 1\nHet Rijk.\n';
  assert.deepEqual(dup(restart), []);
  // An answer whose number no question has is still an answer without question.
  assert.deepEqual(dup(base + 'Antwoord 7\nOok dat.\n').map((x) => x.code), ['answer-without-question']);
});

test('D5 a footnote marker glued to the start of a subquestion is no text, no split and no question number', () => {
  const second = 'Klopt het dat de wachtlijsten zijn verdubbeld?';
  const subs = (text: string) => parseLetter(text).questions.map((q) => q.subquestions.map((s) => s.text));
  for (const [marked, note] of [
    [`«Wachtlijsten lopen op»?3 ${second}`, ''],
    [`«Wachtlijsten lopen op»?3\u00a0${second}`, ''],
    [`«Wachtlijsten lopen op»?”3 ${second}`, ''],
    [`«Wachtlijsten lopen op»?\n3${second}`, '\n3 https://nos.nl/artikel/1\n'],
    [`«Wachtlijsten lopen op»?\n3 ${second}`, ''],
    [`«Wachtlijsten lopen op»?3\n${second}`, '\n3 NOS, 3 maart 2024.\n'],
    [`«Wachtlijsten lopen op»?\n\n3\n\n${second}`, ''],
  ]) {
    const text = `Vraag 1\nHoeveel kost het?\nAntwoord 1\nTien.\nVraag 2\nBent u bekend met het bericht ${marked}\nAntwoord 2\nJa, en dat klopt.\nVraag 3\nWat gaat u doen?\nAntwoord 3\nNiets.\n${note}`;
    assert.deepEqual(read(text), ['1:answered', '2:answered', '3:answered'], marked);
    const s = subs(text)[1];
    assert.equal(s.length, 2, marked);
    assert.equal(s[1].replace(/\s+/g, ' '), second, marked);
    assert.deepEqual(findingsAt(text).filter((f) => !f.startsWith('subquestion-not-addressed')), [], marked);
  }
  // A marker after the last question of an item is no answer: the question stays open.
  const items = '1. Bent u bekend met het bericht?1 Klopt het dat de wachtlijsten zijn verdubbeld?\n\n2. Hoeveel kost het?2\n3. Wat gaat u doen?\nNiets.\n\n1 https://nos.nl/a\n2 Kamerstuk 31 839, nr. 900.\n';
  assert.deepEqual(read(items), ['1:missing', '2:missing', '3:answered']);
  assert.equal(parseLetter(items).questions[2].answer.text.trim(), 'Niets.');
  // Numbers that are text stay text: a count opening a sentence, a year, a list inside an answer.
  const text = 'Vraag 1\nHoeveel meldingen waren er?\nAntwoord 1\nVeertig. 12 Meldingen kwamen uit Assen. In 2023 waren het er 40.\n';
  assert.match(parseLetter(text).questions[0].answer.text, /Veertig\. 12 Meldingen kwamen uit Assen\. In 2023/);
});

test('D6 asking paragraphs before a prose answer heading: one question, unless the numbers skip as many as there are paragraphs in a letter of one-paragraph questions', () => {
  const letter = (between: string, next: number) => [
    'Vragen en opmerkingen van de leden van de PVV-fractie', '',
    'De leden van de PVV-fractie hebben kennisgenomen van de brief. Wat hebben deze ontwikkelingen', 'voor invloed op het beleid?', '',
    '1. Antwoord van het kabinet', 'De veranderende verhoudingen dwingen Nederland om keuzes opnieuw te bekijken. Dat geldt', 'ook in het digitale domein.', '',
    between, '',
    `${next}. Antwoord van het kabinet`, 'Nederland zet zich in voor een normatief kader.', '',
    'Hoeveel kost de strategie per jaar?', '',
    `${next + 1}. Antwoord van het kabinet`, 'Tien miljoen euro.', '',
  ].join('\n');
  const two = 'De leden vragen voorts hoe de minister de samenwerking met Zuid-Afrika beoordeelt.\n\nWat is de inzet van Nederland in de Verenigde Naties op het gebied van cybernormen?';
  // Numbered on (2 after 1): the two paragraphs are one question.
  assert.deepEqual(read(letter(two, 2)), ['PVV-fractie:1:answered', 'PVV-fractie:2:answered', 'PVV-fractie:3:answered']);
  assert.equal(parseLetter(letter(two, 2)).questions[1].subquestions.length, 2);
  // 3 after 1: the letter means two questions; the first has no answer.
  const skipped = letter(two, 3);
  assert.deepEqual(read(skipped), ['PVV-fractie:1:answered', 'PVV-fractie:2:missing', 'PVV-fractie:3:answered', 'PVV-fractie:4:answered']);
  assert.deepEqual(findingsAt(skipped), [`unanswered-question@${lineOf(skipped, 'De leden vragen voorts')}`]);
  assert.match(parseLetter(skipped).questions[2].questionText, /^Wat is de inzet/);
  // Context before the first asking paragraph goes with it; a gap the paragraphs do not fill splits nothing.
  const context = letter(`Zuid-Afrika is een partnerland. ${two}`, 3);
  assert.match(parseLetter(context).questions[1].questionText, /^Zuid-Afrika is een partnerland\. De leden vragen voorts/);
  // A letter whose questions run over several asking paragraphs (as 002 does): the gap is a
  // number left out, the paragraphs one question.
  const multi = skipped.replace('Hoeveel kost de strategie per jaar?', 'Wat kost de strategie?\n\nHoeveel fte is ermee gemoeid?');
  assert.deepEqual(read(multi), ['PVV-fractie:1:answered', 'PVV-fractie:3:answered', 'PVV-fractie:4:answered']);
  assert.ok(findingsAt(multi).some((f) => f.startsWith('missing-question-number')));
  const wide = letter(two, 5);
  assert.deepEqual(read(wide), ['PVV-fractie:1:answered', 'PVV-fractie:5:answered', 'PVV-fractie:6:answered']);
  assert.ok(findingsAt(wide).some((f) => f.startsWith('missing-question-number')));
});

test('D7 a short verslag reprinting the prose inbreng with the answers under each question (no labels, no numbers)', () => {
  const part = (fr: string, qs: string[], answers?: (string | null)[]) =>
    [`Vragen en opmerkingen van de leden van de ${fr}-fractie`, ...qs.flatMap((q, k) => [q, ...(answers && answers[k] ? [answers[k]!] : [])])].join('\n');
  const sp = ['De leden van de SP-fractie vragen hoeveel inspecteurs er in dienst zijn.'];
  const cda = ['De leden van de CDA-fractie vragen wanneer de evaluatie komt.', 'Kan de regering aangeven wat de regeling per jaar kost?'];
  const committee = `${part('SP', sp)}\n${part('CDA', cda)}\nDe voorzitter van de commissie,\nVos\n`;
  const letter = (answers: (string | null)[], spacing = '\n') =>
    (committee + `MEMORIE VAN ANTWOORD\n${part('SP', sp, [answers[0]])}\n${part('CDA', cda, answers.slice(1))}\n`).replace(/\n/g, spacing);
  for (const spacing of ['\n', '\n\n']) {
    const text = letter(['Er zijn 42 inspecteurs in dienst.', 'De evaluatie komt in juni.', 'Drie miljoen euro per jaar.'], spacing);
    assert.deepEqual(read(text), ['SP-fractie:1:answered', 'CDA-fractie:2:answered', 'CDA-fractie:3:answered'], JSON.stringify(spacing));
    const L = parseLetter(text);
    assert.equal(L.kind, 'answer-letter');
    assert.deepEqual(L.questions.map((q) => q.answer.text.trim()), ['Er zijn 42 inspecteurs in dienst.', 'De evaluatie komt in juni.', 'Drie miljoen euro per jaar.']);
    assert.deepEqual(findingsAt(text).filter((f) => !f.startsWith('subquestion')), []);
    // A repeated question without its answer: unanswered, at the question in the committee's part.
    const open = letter(['Er zijn 42 inspecteurs in dienst.', null, 'Drie miljoen euro per jaar.'], spacing);
    assert.deepEqual(read(open), ['SP-fractie:1:answered', 'CDA-fractie:2:missing', 'CDA-fractie:3:answered']);
    assert.deepEqual(findingsAt(open).filter((f) => !f.startsWith('subquestion')), [`unanswered-question@${lineOf(open, 'De leden van de CDA-fractie vragen wanneer')}`]);
  }
  // The committee's letter alone is an inbreng: its questions, no answers, a question letter.
  const alone = read(committee);
  assert.deepEqual(alone, ['SP-fractie:1:missing', 'CDA-fractie:2:missing', 'CDA-fractie:3:missing']);
  assert.equal(parseLetter(committee).kind, 'question-letter');
});

test('D8 two fracties asking the same question in an inbreng stay two questions', () => {
  const text = 'Vragen en opmerkingen van de leden van de SP-fractie\nDe leden vragen hoeveel inspecteurs er in dienst zijn.\nVragen en opmerkingen van de leden van de CDA-fractie\nDe leden vragen hoeveel inspecteurs er in dienst zijn.\nDat is een belangrijke vraag voor de uitvoering.\n';
  assert.deepEqual(read(text), ['SP-fractie:1:missing', 'CDA-fractie:2:missing']);
});

test('E1 in a question letter an item with its own number is a question, however it is worded; a skipped number is reported', () => {
  const header = 'Vragen van het lid Jansen (CDA) aan de minister van Financiën over de btw (ingezonden 3 februari 2025)\n\n';
  const wordings = [
    'Graag ontvang ik een overzicht van de opbrengsten.',
    'Gaarne verneem ik hoe de opbrengsten zich ontwikkelen.',
    'Ik verzoek u een overzicht van de opbrengsten te sturen.',
    'Ik vraag de minister een overzicht van de opbrengsten te geven.',
    'Wilt u een overzicht van de opbrengsten toezenden.',
    'Ik wil graag weten hoe hoog de opbrengsten zijn.',
    'Graag wil ik weten hoe hoog de opbrengsten zijn.',
    'Een overzicht van de opbrengsten per sector.',
    'Wat zijn de gevolgen voor:',
  ];
  const styles: [(n: number) => string, string][] = [[(n) => `${n}. `, '.'], [(n) => `${n}) `, ')']];
  for (const [mark, style] of styles) {
    for (const w of wordings) {
      for (const spacing of ['\n\n', '\n']) {
        const body = [`${mark(1)}Kent u het bericht over de btw-verhoging?`, `${mark(2)}Wat zijn de gevolgen voor de sportsector?`, `${mark(3)}${w}`, `${mark(4)}Bent u bereid dit te doen?`].join(spacing);
        const text = `${header}${body}\n`;
        const L = parseLetter(text);
        assert.deepEqual(L.questions.map((q) => q.id), ['1', '2', '3', '4'], `${style} ${w} ${JSON.stringify(spacing)}`);
        assert.equal(L.questions[2].subquestions.length, 1, `${style} ${w} ${JSON.stringify(spacing)}`);
        assert.ok(L.questions[2].subquestions[0].text.startsWith(w.slice(0, 12)), `${style} ${w} ${JSON.stringify(spacing)}`);
        assert.ok(!L.questions[1].subquestions.some((s) => s.text.includes(w)), `${style} ${w} ${JSON.stringify(spacing)}`);
        assert.deepEqual(findingsAt(text).filter((f) => !f.startsWith('unanswered-question')), [], `${style} ${w} ${JSON.stringify(spacing)}`);
        // Without the third item the letter says a number is missing rather than merging quietly.
        const skipped = text.replace(`${mark(3)}${w}${spacing}`, '');
        assert.deepEqual(parseLetter(skipped).questions.map((q) => q.id), ['1', '2', '4'], `${style} ${w} ${JSON.stringify(spacing)}`);
        assert.ok(findingsAt(skipped).some((f) => f.startsWith('missing-question-number@')), `${style} ${w} ${JSON.stringify(spacing)}`);
      }
    }
  }
  // A writer's own voice after "graag" still asks nothing.
  for (const s of ['Graag verwijs ik u naar de brief van 3 maart.', 'Gaarne informeren wij u over de stand van zaken.', 'Graag wil ik u informeren over de voortgang.']) {
    const text = `Vraag 1\nHoe staat het ermee?\n\nAntwoord 1\n${s}\n\nVraag 2\nWanneer komt de brief?\n\nAntwoord 2\nIn juni.\n`;
    assert.deepEqual(read(text), ['1:answered', '2:answered'], s);
  }
});


test('E3 a question letter pasted twice or three times in one file keeps every question and reports the numbers as duplicates', () => {
  const letter = 'Vragen van het lid Jansen (CDA) aan de minister van Financiën over de btw (ingezonden 3 februari 2025)\n\n1. Kent u het bericht?\n\n2. Wat zijn de gevolgen voor de sportsector?\n\n3. Bent u bereid dit te doen?\n';
  for (const copies of [2, 3]) {
    for (const sep of ['\n', '\n\n', '\n---\n\n']) {
      const text = Array.from({ length: copies }, () => letter).join(sep);
      const L = parseLetter(text);
      assert.equal(L.questions.length, 3 * copies, `${copies} ${JSON.stringify(sep)}`);
      assert.equal(findingsAt(text).filter((f) => f.startsWith('duplicate-question-number@')).length, 3 * (copies - 1), `${copies} ${JSON.stringify(sep)}`);
    }
  }
  // A list restarting at 1 inside a question (no header between) is the question's own text.
  const sub = 'Vragen van het lid Jansen (CDA) aan de minister van Financiën over de btw (ingezonden 3 februari 2025)\n\n1. Kent u het bericht?\n\n2. Wat zijn de gevolgen voor:\n1. de sport?\n2. de cultuur?\n\n3. Bent u bereid dit te doen?\n';
  assert.deepEqual(parseLetter(sub).questions.map((q) => q.id), ['1', '2', '3']);
  assert.deepEqual(findingsAt(sub).filter((f) => !f.startsWith('unanswered-question')), []);
});
