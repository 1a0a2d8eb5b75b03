// The layouts of issue 9 on our own invented fixtures (test/fixtures/layouts) and their
// variants: a verslag reprinting the question letter, lijsten van vragen, joint headings and
// ranges, committee wording, numbered lists inside answers, PDF furniture, a mededeling, lost
// line breaks, and never silent (no-questions-found). Runs without ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter, parseLetterFresh } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import { makeSkeleton } from '../../server/src/core/skeleton';
import type { QuestionUnit } from '../../server/src/core/model';
import { FIXTURES, findingsAt, lineOf, replaceOnce } from './letter-helpers';

const layout = (name: string) => readFileSync(path.join(FIXTURES, '..', 'layouts', name), 'utf8');
const states = (qs: QuestionUnit[]) => qs.map((q) => `${q.section ? q.section + ':' : ''}${q.id}:${q.answer.status}`);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The model of a text, asserting the reading with reuse equals the fresh one. */
function read(text: string) {
  const L = parseLetter(text);
  assert.deepEqual(states(L.questions), states(parseLetterFresh(text).questions));
  return L;
}

test('verslag reprinting the question letter: each question once, answered by its repetition', () => {
  const text = layout('verslag-herdruk.txt');
  const L = read(text);
  assert.deepEqual(states(L.questions), ['CDA-fractie:1:context', 'CDA-fractie:1a:answered', 'CDA-fractie:1b:answered', 'CDA-fractie:2:answered', 'CDA-fractie:3:answered']);
  // The unit stands at the question in the first part; its answer in the answer part.
  const q1a = L.questions[1];
  assert.equal(q1a.headingSpan.start, text.indexOf('Vraag 1a'));
  assert.equal(norm(q1a.answer.text), 'Er zijn 42 inspecteurs in dienst.');
  assert.ok(q1a.answer.span!.start > text.indexOf('BRIEF VAN DE MINISTER'));
  assert.ok(q1a.span.end < text.indexOf('BRIEF VAN DE MINISTER'), 'the unit covers the question, not the letter between');
  // The committee sentence without a question mark is the question, never its own answer.
  assert.equal(norm(L.questions[4].answer.text), 'Ja, dat doe ik in mei.');
  assert.equal(L.questions[2].subquestions.length, 1);
  // No duplicate-question-number, nothing unanswered; the covering letter is nobody's answer.
  assert.deepEqual(findingsAt(text), []);
  for (const q of L.questions) assert.ok(!q.answer.text.includes('Hierbij ontvangt u'), q.id);
  // "het antwoord op vraag 1a" resolves to the one unit 1a, whose answer stands in the answer part.
  const ref = L.answerReferences.find((r) => r.targets.includes('1a'))!;
  assert.ok(ref);
  // The skeleton gives each question once.
  const sk = makeSkeleton(L);
  assert.equal(sk.split('Hoeveel inspecteurs zijn er in dienst?').length - 1, 1);
});

test('verslag: a question left out of the answer part is unanswered at the question; text between the parts answers nothing', () => {
  const text = layout('verslag-herdruk.txt');
  const dropped = replaceOnce(text, 'Vraag 2\nWanneer komt de evaluatie?\nDe evaluatie komt in juni.\n', '');
  assert.deepEqual(findingsAt(dropped), [`unanswered-question@${lineOf(dropped, 'Vraag 2')}`]);
  // The last question of the first part is followed by the covering letter: still unanswered when dropped.
  const last = replaceOnce(text, 'Vraag 3\nDeze leden vragen of de minister de Kamer voor de zomer informeert.\nJa, dat doe ik in mei.\n', '');
  assert.deepEqual(findingsAt(last), [`unanswered-question@${lineOf(last, 'Vraag 3')}`]);
});

test('verslag variants: without fractie headings, with "Antwoord N" headings, and with a page break inside a question', () => {
  const plain = [
    'Vraag 1', 'Hoeveel inspecteurs zijn er in dienst?', 'Vraag 2', 'Wanneer komt de evaluatie?',
    'BRIEF VAN DE MINISTER', 'Hierbij ontvangt u de antwoorden.',
    'Vraag 1', 'Hoeveel inspecteurs zijn er', '', 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel', '', '3', '', 'in dienst?', 'Antwoord 1', 'Er zijn 42 inspecteurs in dienst.',
    'Vraag 2', 'Wanneer komt de evaluatie?', 'Antwoord 2', 'De evaluatie komt in juni.',
  ].join('\n');
  const L = read(plain);
  assert.deepEqual(states(L.questions), ['1:answered', '2:answered']);
  assert.equal(norm(L.questions[0].answer.text), 'Er zijn 42 inspecteurs in dienst.');
  assert.deepEqual(findingsAt(plain), []);
  // An empty answer in the answer part: unanswered, at its answer heading.
  const empty = replaceOnce(plain, 'De evaluatie komt in juni.', '');
  assert.deepEqual(findingsAt(empty), [`unanswered-question@${lineOf(empty, 'Antwoord 2')}`]);
  // An answer part that repeats only the questions it answers: the others are unanswered at the question.
  const few = ['Vraag 1', 'Wat kost het?', 'Vraag 2', 'Wie betaalt het?', 'Vraag 3', 'Wanneer begint het?', 'Vraag 4', 'Waar begint het?', 'Vraag 5', 'Hoe lang duurt het?',
    'BRIEF VAN DE MINISTER', 'Hierbij de antwoorden op de vragen 1 en 4.', 'Vraag 1', 'Wat kost het?', 'Het kost niets.', 'Vraag 4', 'Waar begint het?', 'In Assen.'].join('\n');
  assert.deepEqual(states(read(few).questions), ['1:answered', '2:missing', '3:missing', '4:answered', '5:missing']);
  assert.deepEqual(findingsAt(few), [3, 5, 9].map((l) => `unanswered-question@${l}`));
  // An answer letter that repeats one question (a slip) keeps its answers: no reprint.
  const slip = 'Vraag 1\nWat kost het?\nHet kost niets.\nVraag 2\nWie betaalt het?\nHet Rijk.\nVraag 3\nWanneer begint het?\nIn mei.\nVraag 1\nWat kost het?\nNog steeds niets.\n';
  assert.deepEqual(states(read(slip).questions), ['1:answered', '2:answered', '3:answered', '1:answered']);
  assert.deepEqual(findingsAt(slip), ['duplicate-question-number@10']);
  // Numbering restarting per fractie with different questions is no reprint: two questions 1.
  const restart = 'Vraag 1\nHoeveel inspecteurs zijn er?\nEr zijn er 42.\nVraag 1\nWat kost de nieuwe regeling per jaar?\nZij kost 3 miljoen euro.\n';
  assert.deepEqual(states(read(restart).questions), ['1:answered', '1:answered']);
  assert.deepEqual(findingsAt(restart), [`duplicate-question-number@4`]);
});

test('verslag of the Eerste Kamer as pasted from the PDF: fracties, page headers, a footnote, memorie van antwoord, signature', () => {
  const text = layout('verslag-ek-pdf.txt');
  const L = read(text);
  assert.deepEqual(states(L.questions), ['CDA-fractie:1:answered', 'CDA-fractie:2:answered', 'VVD-fractie:1:answered']);
  assert.equal(norm(L.questions[2].answer.text), 'Ja, de evaluatie volgt na drie jaar.');
  assert.equal(L.questions[1].subquestions.length, 1);
  assert.deepEqual(findingsAt(text), []);
  // The VVD question left out of the memorie van antwoord: unanswered at the question in the verslag.
  const dropped = replaceOnce(text, 'Antwoord\nJa, de evaluatie volgt na drie jaar.\n', '');
  const cut = dropped.slice(0, dropped.lastIndexOf('Vragen en opmerkingen van de leden van de VVD-fractie')) + dropped.slice(dropped.indexOf('De Minister van Sociale Zaken'));
  assert.deepEqual(findingsAt(cut), [`unanswered-question@${lineOf(cut, 'De leden van de VVD-fractie vragen of') - 1}`]);
});

test('lijst van vragen: bare number lines, unnumbered Antwoord, and a numbered list inside an answer', () => {
  const text = [
    'Lijst van vragen en antwoorden over de begroting 2025', '',
    '1', 'Hoeveel inspecteurs zijn er in dienst?', 'Antwoord', 'Er zijn 42 inspecteurs in dienst.', '',
    '2', 'Wanneer komt de evaluatie? Kan de minister dat toezeggen?', 'De evaluatie komt in juni.', '',
    'Tweede Kamer, vergaderjaar 2024–2025, 36 600 XV, nr. 4', '2', '',
    '3', 'Wat kost de regeling per jaar?', 'Antwoord', '',
    '4', 'Welke stappen zet u?', 'Antwoord', 'Wij doen het volgende:', '1. eerst inventariseren wij de knelpunten;', '2. daarna overleggen wij met de sector.', '',
    '5', '«Wat betekent dat voor de regio?»', 'Antwoord', 'Weinig.',
  ].join('\n');
  const L = read(text);
  assert.deepEqual(states(L.questions), ['1:answered', '2:answered', '3:missing', '4:answered', '5:answered']);
  assert.equal(norm(L.questions[1].questionText), 'Wanneer komt de evaluatie? Kan de minister dat toezeggen?');
  assert.match(L.questions[3].answer.text, /daarna overleggen wij/);
  // At the empty answer's label.
  assert.deepEqual(findingsAt(text), [`unanswered-question@${lineOf(text, 'Wat kost de regeling') + 1}`]);
  // A page number alone on its line between paragraphs of one answer stays furniture.
  const pages = 'Wij verwijzen naar de brief.\n\n2\n\nDaarin staat het plan. Het kost niets.\n\n3\n\nVerder geen opmerkingen.\n';
  assert.equal(read(pages).questions.length, 0);
});

test('lijst van vragen: "Vraag 12 (blz. 4)" headings and "1." items answered without a label', () => {
  const blz = read(layout('lijst-blz.txt'));
  assert.deepEqual(states(blz.questions), ['1:answered', '2:missing', '3:answered']);
  const items = layout('lijst-items.txt');
  const L = read(items);
  assert.deepEqual(states(L.questions), ['1:answered', '2:answered', '3:answered', '4:missing']);
  // The question ends at its last asking sentence; the list "1. 2. 4." is answer 3's text.
  assert.equal(norm(L.questions[1].questionText), 'Wat is de oorzaak van de meevaller op artikel 3? Is die structureel?');
  assert.match(L.questions[2].answer.text, /wij evalueren na een jaar/);
  assert.deepEqual(findingsAt(items), [`unanswered-question@${lineOf(items, '4. Wanneer')}`]);
});

test('joint headings and ranges: every number is a question, a joint answer answers all of them', () => {
  const text = layout('gezamenlijk.txt');
  const L = read(text);
  assert.deepEqual(L.questions.map((q) => q.id), Array.from({ length: 17 }, (_, i) => String(i + 1)));
  // 17 of "Vraag 13, 14, 15 16 en 17" is left out of "Antwoord 13 tot en met 16".
  assert.deepEqual(L.questions.filter((q) => q.answer.status !== 'answered').map((q) => q.id), ['17']);
  // "Vraag 9, 10, 11 en" | page furniture | "12": the heading runs on over the page break.
  assert.equal(L.questions[11].headingSpan.start, text.indexOf('Vraag 9, 10, 11 en'));
  assert.match(L.questions[11].questionText, /^Welke rol spelen/);
  assert.deepEqual(findingsAt(text), [`unanswered-question@${lineOf(text, 'Vraag 13, 14')}`]);
  // "De vragen 1 tot en met 3 worden gezamenlijk beantwoord" is no answer reference.
  assert.deepEqual(L.answerReferences, []);
});

test('joint headings: separately asked questions under one answer, unnumbered Antwoord, separate answers', () => {
  const apart = 'Vraag 1\nWat kost het?\nVraag 2\nWie betaalt het?\nAntwoord 1 en 2\nHet kost 3 miljoen; het Rijk betaalt.\n';
  assert.deepEqual(states(read(apart).questions), ['1:answered', '2:answered']);
  assert.deepEqual(findingsAt(apart), []);
  const unlabeled = 'Vraag 1 en 2\nWat kost het? Wie betaalt het?\nAntwoord\nHet kost 3 miljoen; het Rijk betaalt.\n';
  assert.deepEqual(states(read(unlabeled).questions), ['1:answered', '2:answered']);
  const separate = 'Vragen 1 en 2\nWat kost het? Wie betaalt het?\nAntwoord 1\nHet kost 3 miljoen.\nAntwoord 2\nHet Rijk betaalt.\n';
  const S = read(separate);
  assert.deepEqual(states(S.questions), ['1:answered', '2:answered']);
  assert.equal(norm(S.questions[1].answer.text), 'Het Rijk betaalt.');
  assert.deepEqual(findingsAt(separate), []);
  const brokenAnswer = 'Vraag 1\nWat kost het?\nVraag 2\nWie betaalt het?\nAntwoord 1 en\n\nTweede Kamer, vergaderjaar 2024–2025, Aanhangsel\n\n4\n\n2\nHet kost 3 miljoen; het Rijk betaalt.\n';
  assert.deepEqual(states(read(brokenAnswer).questions), ['1:answered', '2:answered']);
  assert.deepEqual(findingsAt(brokenAnswer), []);
  const lastLeftOut = 'Vraag 1, 2, 3 en 4\nWat kost het? Wie betaalt? Wanneer? Waar?\nAntwoord 1, 2 en 3\nDrie miljoen, het Rijk, in mei, in Assen.\n';
  assert.deepEqual(findingsAt(lastLeftOut), ['unanswered-question@1']);
  // References name ranges too: "het antwoord op de vragen 1 tot en met 3" points to 1, 2 and 3.
  const refs = read('Vraag 1\nA?\nJa.\nVraag 2\nB?\nJa.\nVraag 3\nC?\nJa.\nVraag 4\nD?\nHiervoor verwijs ik naar het antwoord op de vragen 1 tot en met 3.\n');
  assert.deepEqual(refs.answerReferences.map((r) => r.targets), [['1', '2', '3']]);
  assert.deepEqual(refs.questions[3].answer.refersTo, ['1', '2', '3']);
});

test('Eerste Kamer and committee wording without a question mark: subquestions, never their own answer', () => {
  const text = layout('commissie-ek.txt');
  const L = read(text);
  assert.deepEqual(states(L.questions), ['CDA-fractie:1:answered', 'CDA-fractie:2:missing', 'CDA-fractie:3:answered', 'VVD-fractie:1:answered', 'VVD-fractie:2:answered']);
  assert.deepEqual(L.questions[2].subquestions.map((s) => s.text), [
    'Ook willen zij weten hoeveel extra uitvoeringskosten de wet meebrengt.',
    'Graag vernemen zij daarbij hoe die kosten worden gedekt.',
  ]);
  assert.equal(L.questions[0].subquestions.length, 1);
  // A numbered list inside an answer is answer text; it hides no later question.
  assert.match(L.questions[3].answer.text, /in het najaar volgt een proefperiode/);
  assert.deepEqual(findingsAt(text), [`unanswered-question@${lineOf(text, 'Vraag 2')}`]);
  // Without headings (Kamervragen numbering) a committee sentence alone is unanswered too.
  const bare = 'Feitelijke vragen\n\n1. Deze leden vragen of de regering de evaluatie wil vervroegen.\n\n2. Wat kost het?\nHet kost niets.\n';
  assert.deepEqual(states(read(bare).questions), ['1:missing', '2:answered']);
});

test('PDF paste: furniture between a heading and its text, footnotes, ah-tk/ISSN block', () => {
  const text = [
    'Vraag 1',
    'ah-tk-20232024-1234',
    'ISSN 0921 - 7398',
    '’s-Gravenhage 2024',
    '',
    'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel',
    '',
    '1',
    'Bent u bekend met het bericht «Wachtlijsten lopen op»?1',
    'Antwoord 1',
    'Ja.',
    '1 https://www.nos.nl/artikel/123',
    'Vraag 2',
    'Hoeveel mensen wachten er?',
    '2 Kamerstuk 31 839, nr. 900.',
    'Antwoord 2',
    'Er wachten 4.000 mensen.',
  ].join('\n');
  const L = read(text);
  assert.deepEqual(states(L.questions), ['1:answered', '2:answered']);
  assert.match(norm(L.questions[0].questionText), /^Bent u bekend met het bericht «Wachtlijsten lopen op»\?/);
  assert.doesNotMatch(L.questions[0].questionText, /ah-tk|ISSN|Gravenhage|vergaderjaar/);
  assert.equal(norm(L.questions[1].answer.text), 'Er wachten 4.000 mensen.');
});

test('mededeling instead of answers: every question answered by reference to the Kamerstuk', () => {
  const text = layout('mededeling.txt');
  const L = read(text);
  assert.deepEqual(states(L.questions), ['1:by-reference', '2:by-reference']);
  for (const q of L.questions) {
    assert.equal(q.answer.paper, 'kst-36123-45');
    assert.deepEqual(q.answer.refersTo, []);
  }
  assert.deepEqual(findingsAt(text), []);
  // Where some question is answered, the mededeling answers nothing else: the others stay open.
  const mixed = replaceOnce(text, 'in de regio?\n', 'in de regio?\nAntwoord 2\nZij nemen toe met twee minuten.\n');
  assert.deepEqual(states(read(mixed).questions), ['1:missing', '2:answered']);
});

test('lost line breaks: a whole letter on one line is read where its markers are unambiguous', () => {
  const text = layout('een-regel.txt');
  assert.equal(text.trim().split('\n').length, 1);
  const L = read(text);
  assert.deepEqual(states(L.questions), ['1:answered', '2:answered', '3:missing', '4:answered', '5:answered']);
  assert.equal(norm(L.questions[0].answer.text), 'Ja, dat bericht ken ik.');
  const f = checkQuestions(L).filter((x) => x.code === 'unanswered-question');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].span.start, f[0].span.end), 'Antwoord 3');
  // Numbered items on one line, counted on.
  const items = 'Vragen van het lid De Vries over de wachtlijsten in de jeugdzorg en de gevolgen voor gezinnen in de regio (ingezonden 1 maart 2024). ' +
    '1. Kent u het bericht over de wachtlijsten in de jeugdzorg in de regio Noord en de regio Oost van vorige week? ' +
    '2. Hoe lang zijn de wachtlijsten in de jeugdzorg gemiddeld in de regio Noord en in de regio Oost op dit moment? ' +
    '3. Welke maatregelen neemt u om de wachtlijsten in de jeugdzorg te verkorten, en wanneer verwacht u dat die effect hebben? ' +
    'In 2023 waren er 12. Dat is veel. 4. Bent u bereid de Kamer voor de zomer te informeren over de voortgang van deze maatregelen?\n';
  const I = read(items);
  assert.deepEqual(I.questions.map((q) => q.id), ['1', '2', '3', '4']);
  // A long paragraph mentioning "Vraag 3" once is not cut.
  const prose = `${'Dit is een lange alinea over het beleid zonder vragen. '.repeat(12)}Vraag 3 van de commissie is eerder beantwoord. ${'En nog meer tekst. '.repeat(10)}\n`;
  assert.equal(read(prose).questions.length, 0);
});

test('never silent: no-questions-found when markers or question marks yield no question', () => {
  const asks = 'Geachte voorzitter,\n\nWat vindt u van het plan? Kunt u dat toelichten? En wanneer komt de brief?\n\nMet vriendelijke groet\n';
  const f = checkQuestions(parseLetter(asks));
  assert.deepEqual(f.map((x) => x.code), ['no-questions-found']);
  assert.match(f[0].message, /^Geen vragen herkend in deze brief/);
  assert.match(f[0].message, /3 zinnen met een vraagteken/);
  assert.equal(asks.slice(f[0].span.start, f[0].span.end), 'Wat vindt u van het plan?');
  // Markers named in the message, the finding at the first of them.
  const markers = 'Brief\n\n**Vraag** 1 — wat kost het\nAntwoord\nveel\n';
  const g = checkQuestions(parseLetter(markers));
  assert.deepEqual(g.map((x) => x.code), ['no-questions-found']);
  assert.match(g[0].message, /‘Antwoord’/);
  // A letter without questions that quotes one question is no letter of questions.
  const quoting = `${'Het kabinet zet de ingezette koers voort en versterkt de informatiepositie. '.repeat(80)}Wat betekent dat? Dat zien we later.\n`;
  assert.deepEqual(checkQuestions(parseLetter(quoting)), []);
  // A letter whose questions were found gets no such finding.
  assert.deepEqual(checkQuestions(parseLetter('Vraag 1\nWat kost het?\nNiets.\n')), []);
});

test('lost line breaks in an inbreng verslag: prose answer headings and fractie headings inline are cut out', () => {
  const lines = [
    'Binnen de vaste commissie hebben de onderstaande fracties de behoefte vragen en opmerkingen voor te leggen aan de minister.',
    'I Vragen en opmerkingen vanuit de fracties',
    'Vragen en opmerkingen van de leden van de PVV-fractie',
    'De leden van de PVV-fractie hebben kennisgenomen van de brief. Wat hebben deze ontwikkelingen voor invloed op het beleid? Verandert de inzet?',
    '1. Antwoord van het kabinet',
    'De veranderende verhoudingen dwingen Nederland om keuzes opnieuw te bekijken.1',
    '1 Zie het Cybersecuritybeeld Nederland 2024',
    'Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie',
    'Deze leden vragen hoe de minister de samenwerking met Zuid-Afrika beoordeelt.',
    '2. Antwoord van het kabinet',
    'Zuid-Afrika is een strategische partner.',
    'Wat is de inzet in de Verenigde Naties?',
    '3. Antwoord van het kabinet',
    'Vragen en opmerkingen van de leden van de Partij voor de Dieren-fractie',
    'Hoeveel kost de strategie per jaar?',
    '4. Antwoord van het kabinet',
    'Tien miljoen euro.',
  ];
  const multi = lines.join('\n') + '\n';
  const one = lines.join(' ') + '\n';
  const want = ['PVV-fractie:1:answered', 'GroenLinks-PvdA-fractie:2:answered', 'GroenLinks-PvdA-fractie:3:missing', 'Partij voor de Dieren-fractie:4:answered'];
  assert.deepEqual(states(read(multi).questions), want);
  assert.equal(one.trim().split('\n').length, 1);
  const L = read(one);
  assert.deepEqual(states(L.questions), want);
  assert.equal(norm(L.questions[3].answer.text), 'Tien miljoen euro.');
  assert.deepEqual(L.sections.map((s) => s.title), ['PVV-fractie', 'GroenLinks-PvdA-fractie', 'Partij voor de Dieren-fractie']);
  // "Vraag 3 …? Antwoord 3 …" headings inline after a footnote marker glued to the stop.
  const marked = 'Vraag 1 Kent u het bericht over de intocht van Sinterklaas in Assen?2 Antwoord 1 Ja. Vraag 2 Wat gaat u doen tegen de dreigingen van de actiegroep?3 Antwoord 2 Niets.1 Vraag 3 Wanneer komt de brief? Antwoord 3\n';
  assert.deepEqual(states(read(marked).questions), ['1:answered', '2:answered', '3:missing']);
});

test('corpus 002 and 000 with every line break removed read as with them (skipped without ../shared)', async (t) => {
  const { HAVE_CORPUS, corpus, C000, C002 } = await import('./letter-helpers');
  if (!HAVE_CORPUS) return t.skip('../shared not present');
  for (const name of [C002, C000]) {
    const text = corpus(name);
    const one = text.replace(/\s*\n\s*/g, ' ');
    assert.deepEqual(states(parseLetter(one).questions), states(parseLetter(text).questions), name);
  }
});

test('PDF paste: a footnote body broken over several lines, with a blank line inside, a URL line, two footnotes, at a page end', () => {
  const question = 'Wat vindt u ervan dat woningen op acht meter van de opslag staan?';
  const notes: string[][] = [
    // Blank line after the first line, then the rest, then the next footnote.
    ['7 Een aanvalsplan is een essentieel instrument voor de brandweer om effectieve hulpverlening', '', 'te bieden bij branden en calamiteiten. Het geeft de brandweer exacte informatie over hoe ze te', 'werk moeten gaan. Dit omvat o.a. de aanrijroute en beveiligingsin-', 'stallaties.', '8 Atlas Leefomgeving | Atlas Leefomgeving'],
    // A URL on its own line inside the body, then the page furniture.
    ['7 Zie het rapport van de Inspectie, te vinden op', '', 'https://www.inspectie.nl/rapporten/2024/vuurwerkopslag', 'en in de bijlage bij deze brief.', '', 'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 3'],
    // Without a blank line: the existing run-on up to a blank line.
    ['7 Een aanvalsplan is een essentieel instrument voor de brandweer om effectieve hulpverlening', 'te bieden bij branden en calamiteiten.', ''],
  ];
  for (const note of notes) {
    const text = ['Vraag 5', question, '', ...note, '', 'Antwoord 5', 'De zorgen zijn begrijpelijk.', '', 'Vraag 6', 'Wanneer komt de brief?', '', 'Antwoord 6', 'In juni.', ''].join('\n');
    const L = read(text);
    assert.deepEqual(states(L.questions), ['5:answered', '6:answered'], note[0]);
    assert.equal(norm(L.questions[0].questionText), question, note.join('|'));
    assert.equal(norm(L.questions[0].answer.text), 'De zorgen zijn begrijpelijk.', note.join('|'));
  }
  // A footnote that ends its sentence before the blank line takes nothing after it; nor does one
  // followed by a line in capitals (the letter's own text).
  for (const after of ['7 Zie Kamerstuk 36 410, nr. 2.', '7 Zie de brief van 3 maart']) {
    const text = ['Vraag 5', question, '', after, '', 'Antwoord 5', 'de zorgen zijn begrijpelijk.', ''].join('\n');
    assert.match(parseLetter(text).questions[0].answer.text, /zorgen zijn begrijpelijk/, after);
  }
});
