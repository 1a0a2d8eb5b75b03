// subquestion-not-addressed by kind (TRY4 defect 2): a bare yes or no leaves open questions
// unanswered and answers yes/no ones; conditional follow-ups ("Zo ja, wanneer?", "Zo nee, waarom
// niet?", "Indien niet, …") follow the yes or no given; a short answer that the other
// subquestions account for judges short subquestions and their own terms, not the shared topic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerShape, subquestionKind } from '../../server/src/core/checks/questions/subquestionKinds';
import { checkNotAddressed, type NotAddressedData } from '../../server/src/core/checks/questions/subquestionNotAddressed';
import { parseLetter } from '../../server/src/core/letter/parse';
import { fixture } from './letter-helpers';
import { CODES } from '../../server/src/core/codes';

/** The flagged subquestions of each question: "id: reason: subquestion text". */
function flagged(text: string): string[] {
  return checkNotAddressed(parseLetter(text)).map((f) => `${f.question}: ${(f.data as NotAddressedData).reason}: ${text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')}`);
}

function unit(question: string, answer: string, heading = '###'): string {
  return `${heading} Vraag 1\n\n${question}\n\n${heading} Antwoord 1\n\n${answer}\n`;
}

test('kinds: open questions, also after a list marker, a preposition or a verb asking for an account', () => {
  const open: [string, string][] = [
    ['Hoeveel gemeenten zijn getroffen?', 'hoeveel'],
    ['Welke gemeenten betreft het?', 'welke'],
    ['b) Wanneer verschijnt de evaluatie?', 'wanneer'],
    ['Op welke termijn gebeurt dit?', 'op welke'],
    ['In hoeverre dragen deze werkwijzen bij?', 'in hoeverre'],
    ['Waarom is dat zo?', 'waarom'],
    ['Wat is uw reactie hierop?', 'wat'],
    ['En hoe verhoudt zich dat tot de motie?', 'hoe'],
    ['Kunt u aangeven hoeveel klachten er zijn binnengekomen?', 'hoeveel'],
    ['Kunt u toelichten waarom de termijn is verlengd?', 'waarom'],
    ['Deze leden vragen hoe het kabinet zich daartegen verzet.', 'hoe'],
    ['De leden van de PVV-fractie horen graag welke risico’s er zijn.', 'welke'],
  ];
  for (const [text, asks] of open) assert.deepEqual(subquestionKind(text), { kind: 'open', asks }, text);
  // A request for an account without a question word still asks more than yes or no.
  assert.equal(subquestionKind('Kunt u een overzicht sturen van de incidenten?').kind, 'open');
});

test('kinds: yes/no questions, direct and indirect', () => {
  for (const text of [
    'Deelt u de mening dat gemeenten onvoldoende zijn toegerust?',
    'Is dat voldoende?',
    'b) Is dat voldoende?',
    'Klopt het dat het UWV keuringen heeft uitgesteld?',
    'Bent u bereid de Kamer te informeren?',
    'Kunt u bevestigen dat de regeling doorloopt?',
    'Deze leden vragen of er concrete suggesties zijn gedaan.',
    'Kunt u aangeven of de regeling doorloopt?',
  ])
    assert.deepEqual(subquestionKind(text), { kind: 'yes-no' }, text);
});

test('kinds: conditional follow-ups and the yes or no they depend on', () => {
  const cases: [string, 'ja' | 'nee' | null, string | null][] = [
    ['Zo ja, wanneer?', 'ja', 'wanneer'],
    ['Zo nee, waarom niet?', 'nee', 'waarom'],
    ['Zo niet, waarom niet?', 'nee', 'waarom'],
    ['En zo ja, welke?', 'ja', 'welke'],
    ['Zo ja welke en wilt u deze manieren gaan inzetten?', 'ja', 'welke'],
    ['Indien niet, waarom niet?', 'nee', 'waarom'],
    ['Indien ja, op welke termijn?', 'ja', 'op welke'],
    ['Indien dat niet het geval is, bent u bereid dit te doen?', 'nee', null],
    ['Als dat zo is, hoe dan?', 'ja', 'hoe'],
    ['Mocht dat niet zo zijn, wat gaat u doen?', 'nee', 'wat'],
    ['Indien het antwoord op vraag 3 ontkennend is, waarom niet?', 'nee', 'waarom'],
    ['Mocht dat gebeuren, wat dan?', null, 'wat'],
  ];
  for (const [text, on, asks] of cases) {
    const k = subquestionKind(text);
    assert.equal(k.kind, 'conditional', text);
    if (k.kind !== 'conditional') continue;
    assert.equal(k.on, on, text);
    assert.equal(k.asks, asks, text);
  }
  // "Wanneer" opening a question is no condition.
  assert.equal(subquestionKind('Wanneer dat het geval is, wat doet u dan?').kind, 'conditional');
  assert.equal(subquestionKind('Wanneer is de evaluatie klaar?').kind, 'open');
  // About the answer, not its subject.
  for (const text of ['Graag een gedetailleerd antwoord.', 'Graag een gedetailleerd.', 'Kunt u deze vragen afzonderlijk en binnen drie weken beantwoorden?', 'Wilt u deze vragen één voor één beantwoorden?'])
    assert.equal(subquestionKind(text).kind, 'about-answer', text);
  assert.equal(subquestionKind('Kunt u aangeven welke antwoorden de gemeenten op de enquête gaven?').kind, 'open');
});

test('answers: the yes or no an answer opens with, and whether it says nothing more', () => {
  const q = 'Bent u bekend met het bericht over de zorgen van gemeenten? Deelt u de mening dat de zorgen terecht zijn?';
  const cases: [string, 'ja' | 'nee' | null, boolean][] = [
    ['Ja.', 'ja', true],
    ['Nee.', 'nee', true],
    ['Ja, dat klopt.', 'ja', true],
    ['Nee, dat klopt niet.', 'nee', true],
    ['Dat klopt niet.', 'nee', true],
    ['Nee, die mening deel ik niet.', 'nee', true],
    ['Ik deel die mening niet.', 'nee', true],
    ['Jazeker, daartoe ben ik bereid.', 'ja', true],
    // Words of the question add nothing.
    ['Ja, ik ben bekend met het bericht.', 'ja', true],
    // A reason, a number, a second sentence or a word of its own is more than a yes or no.
    ['Nee, omdat het te duur is.', 'nee', false],
    ['Ja, in 2026.', 'ja', false],
    ['Ja. Het kabinet informeert de Kamer voor de zomer.', 'ja', false],
    ['Nee, de gemeenten zijn goed toegerust.', 'nee', false],
    ['Ik ben het daar niet mee eens.', 'nee', true],
    ['Ik ben niet bekend met dat bericht.', 'nee', true],
    // No yes or no at all: "Ik ben …" and "Zeker …" open many sentences.
    ['Ik ben daarover in gesprek met de VNG.', null, false],
    ['Zeker is dat de kosten stijgen.', null, false],
    ['Dat is onbekend.', null, false],
    ['Het kabinet neemt maatregelen.', null, false],
  ];
  for (const [answer, polarity, bare] of cases) {
    const s = answerShape(answer, q);
    assert.equal(s.polarity, polarity, answer);
    assert.equal(s.bare !== null, bare, answer);
  }
});

test('fixture: every kind of subquestion against every kind of answer gives exactly the expected findings', () => {
  const text = fixture('subvragen-soorten.txt');
  assert.deepEqual(flagged(text), [
    // "Ja." to "Bent u bekend …? Wat is uw reactie hierop?": the reaction is missing.
    '1: yes-no: Wat is uw reactie hierop?',
    // A yes or no is no count and names no waterschap.
    '2: yes-no: Hoeveel waterschappen zijn in 2025 getroffen door een cyberaanval?',
    '2: yes-no: Welke waterschappen betreft het?',
    // The count answers "Hoeveel"; the measures are left out.
    '3: terms: Welke maatregelen neemt u om herhaling te voorkomen?',
    // "Nee, die mening deel ik niet." answers the first and leaves "waarom niet" open (5 gives a reason).
    '4: conditional: Zo nee, waarom niet?',
    // "Ja." to "Bent u bereid …? Zo ja, wanneer? Zo nee, waarom niet?": only "Zo ja" applies.
    '6: conditional: Zo ja, wanneer?',
    // "Nee." makes "Zo ja, wanneer?" moot (7); a yes without a time leaves it open (8), a season answers it (9).
    '8: conditional: Zo ja, wanneer?',
    // a) and c) are answered; b) is not.
    '10: terms: b) Is dat voldoende?',
    // 11 "Dat is onbekend." speaks to both alike: no finding. 12: the shared topic (waterschappen,
    // ransomware) is named for the count; the measures are left out.
    '12: terms: Welke maatregelen neemt u om herhaling van ransomware-aanvallen bij waterschappen te voorkomen?',
    // 13: the second sentence (an amount) answers "Welke middelen" in other words: no finding.
    // A single open question answered "Nee.".
    '14: yes-no: Welke rol speelt het Nationaal Cyber Security Centrum bij incidenten bij waterschappen?',
    // "Dat klopt niet." makes "Indien dat niet het geval is, …" apply; 16's yes makes "Indien niet" moot.
    '15: conditional: Indien dat niet het geval is, hoe is het incident dan opgelost?',
  ]);
});

test('the try-out letter: "Ja." to "Hoeveel …? Welke …?", a count without the measures, "Bent u bereid …? Zo ja, wanneer?"', () => {
  const text = [
    '### Vraag 1', '', 'Hoeveel gemeenten zijn getroffen? Welke gemeenten betreft het?', '', '### Antwoord 1', '', 'Ja.', '',
    '### Vraag 2', '', 'Hoeveel gemeenten zijn getroffen? Welke maatregelen neemt u om herhaling te voorkomen?', '', '### Antwoord 2', '', 'Er zijn zes gemeenten getroffen.', '',
    '### Vraag 3', '', 'Hoeveel gemeenten zijn getroffen? Welke maatregelen neemt u om herhaling te voorkomen? Is dat voldoende?', '', '### Antwoord 3', '',
    'Het kabinet neemt maatregelen om herhaling te voorkomen, onder meer een landelijk meldpunt.', '',
    '### Vraag 4', '', 'Bent u bereid de Kamer te informeren? Zo ja, wanneer? Zo nee, waarom niet?', '', '### Antwoord 4', '', 'Ja.', '',
  ].join('\n');
  assert.deepEqual(flagged(text), [
    '1: yes-no: Hoeveel gemeenten zijn getroffen?',
    '1: yes-no: Welke gemeenten betreft het?',
    '2: terms: Welke maatregelen neemt u om herhaling te voorkomen?',
    '3: terms: Hoeveel gemeenten zijn getroffen?',
    '3: terms: Is dat voldoende?',
    '4: conditional: Zo ja, wanneer?',
  ]);
  // The messages say why, in Dutch, and name only what the answer leaves out.
  const f = checkNotAddressed(parseLetter(text));
  assert.match(f[0].message, /^Subvraag ‘Hoeveel gemeenten zijn getroffen\?’ lijkt niet beantwoord: het antwoord is alleen ‘Ja\.’, en deze subvraag vraagt meer dan ja of nee \(‘hoeveel’\)\. Ga in het antwoord op deze subvraag in\.$/);
  assert.match(f[2].message, /het antwoord noemt geen van de kernwoorden ‘maatregelen’, ‘herhaling’\./);
  assert.match(f[4].message, /het antwoord noemt het kernwoord ‘voldoende’ niet\./);
  assert.match(f[5].message, /het antwoord is ‘Ja\.’, dus deze vervolgvraag geldt, maar het antwoord gaat er niet op in\./);
});

test('"Nee." to "Deelt u de mening …? Zo nee, waarom niet?" flags the follow-up, not the question it answers', () => {
  const q = 'Deelt u de mening dat gemeenten onvoldoende zijn toegerust? Zo nee, waarom niet?';
  assert.deepEqual(flagged(unit(q, 'Nee.')), ['1: conditional: Zo nee, waarom niet?']);
  assert.deepEqual(flagged(unit(q, 'Nee. Gemeenten krijgen sinds dit jaar extra middelen voor hun informatiebeveiliging.')), []);
  // "Ja." makes the follow-up moot.
  assert.deepEqual(flagged(unit(q, 'Ja.')), []);
  // Plain-text headings and a follow-up broken over a line, as pasted from a PDF.
  assert.deepEqual(flagged(unit('Deelt u de mening dat gemeenten onvoldoende zijn toegerust? Zo\nnee, waarom niet?', 'Nee, dat\ndeel ik niet.', '')), ['1: conditional: Zo nee, waarom niet?']);
});

test('a yes or no to a yes/no question is an answer; an answer without one is judged by its words', () => {
  assert.deepEqual(flagged(unit('Klopt het dat de regeling in 2026 afloopt? Wordt zij verlengd?', 'Ja.')), []);
  // A long yes/no question without a yes or no in the answer: judged by its key terms as before.
  const q = 'Bent u bekend met het bericht over de sluiting van het ziekenhuis in Zeeland? Deelt u de zorg over de aanrijtijden van ambulances in Zeeuws-Vlaanderen?';
  assert.deepEqual(flagged(unit(q, 'Het ziekenhuis in Zeeland sluit zijn spoedeisende hulp in de nacht.')), ['1: terms: Deelt u de zorg over de aanrijtijden van ambulances in Zeeuws-Vlaanderen?']);
});

test('a short subquestion is judged only when the other subquestions account for the whole answer', () => {
  const q = 'Hoeveel budget is er beschikbaar voor de Informatiebeveiligingsdienst? Is dat voldoende?';
  assert.deepEqual(flagged(unit(q, 'Voor de Informatiebeveiligingsdienst is € 12 miljoen beschikbaar.')), ['1: terms: Is dat voldoende?']);
  // A sentence the first subquestion does not account for may answer the second in other words.
  assert.deepEqual(flagged(unit(q, 'Voor de Informatiebeveiligingsdienst is € 12 miljoen beschikbaar. Daarmee kan de dienst zijn taken goed uitvoeren.')), []);
  // A long answer may word it its own way: a subquestion of one or two terms is not judged there.
  const long = `Voor de Informatiebeveiligingsdienst is € 12 miljoen beschikbaar. ${'De dienst ondersteunt gemeenten bij hun informatiebeveiliging en deelt kennis over dreigingen. '.repeat(4)}`;
  assert.deepEqual(flagged(unit(q, long)), []);
});

test('answers by reference: the referred answer addresses the subquestions, but its yes or no belongs to its own question', () => {
  const text = [
    '### Vraag 1', '', 'Bent u bereid de Kamer te informeren over de oefening? Zo ja, wanneer?', '', '### Antwoord 1', '', 'Ja, voor de zomer van 2026.', '',
    '### Vraag 2', '', 'Bent u bereid de Kamer te informeren over de oefening? Zo ja, wanneer?', '', '### Antwoord 2', '', 'Zie het antwoord op vraag 1.', '',
  ].join('\n');
  assert.deepEqual(flagged(text), []);
});

test('a joint heading with separate answers: each question is answered by all the answers together', () => {
  const text = 'Vragen 1 en 2\nHoeveel gemeenten zijn getroffen? Welke maatregelen neemt u om herhaling te voorkomen?\nAntwoord 1\nEr zijn zes gemeenten getroffen.\nAntwoord 2\nHet kabinet richt een landelijk meldpunt in.\n';
  assert.deepEqual(flagged(text), []);
  // With only the count given, the measures stay open under both numbers.
  const half = text.replace('Het kabinet richt een landelijk meldpunt in.', 'Zie het antwoord op vraag 1.');
  assert.deepEqual(flagged(half), ['1: terms: Welke maatregelen neemt u om herhaling te voorkomen?', '2: terms: Welke maatregelen neemt u om herhaling te voorkomen?']);
});

test('short subquestions without content words: "Waarom?" needs more than a yes or no, and is not judged by words', () => {
  const q = 'Klopt het dat de subsidie voor buurthuizen wordt stopgezet? Waarom?';
  assert.deepEqual(flagged(unit(q, 'Ja.')), ['1: yes-no: Waarom?']);
  assert.deepEqual(flagged(unit(q, 'Ja, omdat het budget elders nodig is.')), []);
  // Without a yes or no the answer may give the reason in any words: not judged.
  assert.deepEqual(flagged(unit(q, 'Het budget is elders nodig.')), []);
  // The check stays an information (TRY4 defect 2 changes what it finds, not how loud it is).
  assert.equal(CODES['subquestion-not-addressed'].severity, 'information');
});

test('a key term whose stem lost a doubled vowel ("oorzaak" → "oorzak") is found in the answer as the word stands', () => {
  // A short answer the first subquestion accounts for: the second is judged by its own term alone.
  assert.deepEqual(flagged(unit('Hoeveel werkgevers doen mee? Wat is daarvan de oorzaak?', 'Ongeveer 80 procent doet mee. De oorzaak is vooral dat werkgevers de regeling niet kennen.')), []);
  assert.deepEqual(flagged(unit('Hoeveel werkgevers doen mee? Wat is daarvan de oorzaak?', 'Ongeveer 80 procent doet mee. Werkgevers kennen de regeling niet.')), [
    '1: terms: Wat is daarvan de oorzaak?',
  ]);
  // Plural and compound forms hold the stem itself.
  assert.deepEqual(flagged(unit('Hoeveel werkgevers doen mee? Wat is daarvan de oorzaak?', 'Ongeveer 80 procent doet mee. De oorzaken zijn onbekendheid en tijdgebrek.')), []);
});
