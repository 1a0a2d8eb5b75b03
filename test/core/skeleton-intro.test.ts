// The skeleton's opening names the questions from the header line only (QA round 15), and an
// answer letter gets no unlinked-motion in the Kamer's own text it copies verbatim. Invented
// Aanhangsel texts as the text layer of a PDF gives them; runs without ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkPair } from '../../server/src/core/pair/check';
import { kamervragenTitle, makeSkeleton, signatures, skeletonCursor } from '../../server/src/core/skeleton';
import { analyzeText } from '../../server/src/core/analyze';

const HEAD = `Tweede Kamer der Staten-Generaal

Vergaderjaar 2025–2026

Aanhangsel van de Handelingen

Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden

812
`;
const TITLE = `Vragen van het lid Jansen (Partij) aan de Staatssecretaris van Jeugd over
de motie van het lid Westerveld c.s. over wachtlijsten in de jeugdzorg
(ingezonden 3 februari 2026)`;
const BODY = `Antwoord van Staatssecretaris De Vries (Jeugd) (ontvangen 20 februari
2026). Zie ook Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 700.
Vraag 1
Kent u het bericht «Wachtlijsten blijven groeien»?1 Bent u bekend met de motie
van het lid Westerveld c.s. over wachtlijsten?
Antwoord 1
Ja, het is mij bekend. De motie van het lid Westerveld voeren we uit.
Vraag 2
Wat doet u eraan?
Antwoord 2
Veel.
1 NOS, 2 februari 2026.
`;
const SENTENCE = 'Hierbij ontvangt u de antwoorden op de vragen van het lid Jansen (Partij) aan de Staatssecretaris van Jeugd over de motie van het lid Westerveld c.s. over wachtlijsten in de jeugdzorg (ingezonden 3 februari 2026).';

const introOf = (sk: string) => sk.split('\n')[2];

test('the opening names the header line only, whatever follows it', () => {
  for (const [name, text] of [
    ['header glued to the answer', `${HEAD}${TITLE}.\n${BODY}`],
    ['header without full stop', `${HEAD}${TITLE}\n${BODY}`],
    ['blank line after the header', `${HEAD}${TITLE}.\n\n${BODY}`],
    ['Markdown header', `# Kamervragen\n\n**${TITLE.replace(/\n/g, ' ')}**\n\n${BODY}`],
  ]) {
    const q = parseLetter(text);
    const sk = makeSkeleton(q, text);
    assert.equal(introOf(sk), SENTENCE, name);
    assert.ok(!/Antwoord van|Ja, het is mij bekend|NOS/.test(sk.split('### Vraag 1')[0]), `${name}: no body text in the opening`);
    assert.deepEqual(checkPair(q, parseLetter(sk)), [], `${name}: the skeleton copies every question verbatim`);
    // The footnote marker stays where the Kamer's text has it (see skeleton.ts).
    assert.match(sk, /groeien»\? ?1 Bent u/u, name);
  }
});

test('the header ends at its first sentence without "(ingezonden …)", never in body text', () => {
  assert.equal(kamervragenTitle(`Vragen van de leden A en B (beiden X) aan de Minister van Y over Z.\nVraag 1\nWaarom?\n`), 'Vragen van de leden A en B (beiden X) aan de Minister van Y over Z');
  assert.equal(kamervragenTitle(`Vragen van het lid A c.s. over de motie-B.\nAntwoord van de Minister.\n`), 'Vragen van het lid A c.s. over de motie-B');
  assert.equal(kamervragenTitle('Vragen van het lid A over Z\nVraag 1\nWaarom?'), 'Vragen van het lid A over Z');
  assert.equal(kamervragenTitle('Geachte voorzitter,\n\nDe vragen.'), null);
  const long = kamervragenTitle(`Vragen van het lid A over ${'zeer '.repeat(400)}veel`)!;
  assert.ok(long.length <= 800, 'bounded');
});

test('no unlinked-motion in the Kamer\'s text an answer letter copies; kept in the answer text', () => {
  const text = `${HEAD}${TITLE}.\n${BODY}`;
  const a = analyzeText(text);
  assert.equal(a.letter.kind, 'answer-letter');
  const at = a.checks.filter((f) => f.code === 'unlinked-motion').map((f) => text.slice(f.span.start, f.span.end));
  assert.deepEqual(at, ['De motie van het lid Westerveld'], 'only the mention in the answer');
  // The skeleton of it: the opening quotes the title, the questions are the Kamer's.
  const sk = makeSkeleton(a.letter, text);
  assert.deepEqual(analyzeText(sk).checks.filter((f) => f.code === 'unlinked-motion'), []);
  // A question letter (no answers) keeps them: it is not an answer letter.
  const questions = `${HEAD}${TITLE}.\nVraag 1\nBent u bekend met de motie van het lid Westerveld c.s. over wachtlijsten?\n`;
  const q = analyzeText(questions);
  assert.equal(q.letter.kind, 'question-letter');
  assert.ok(q.checks.some((f) => f.code === 'unlinked-motion'));
});

test('the skeleton signs as the offices the questions are addressed to, else as DE MINISTER', () => {
  const head = (to: string) => `Vragen van het lid Jansen (Partij) aan ${to} over het bericht «Iets» (ingezonden 3 februari 2026)\n\n1. Wat doet u?\n\n2. Wanneer?\n`;
  const cases: [string, string[]][] = [
    ['de Staatssecretaris van Jeugd', ['DE STAATSSECRETARIS VAN JEUGD,']],
    ['de minister van Justitie en Veiligheid en de Staatssecretaris van Infrastructuur en Waterstaat', ['DE MINISTER VAN JUSTITIE EN VEILIGHEID,', 'DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,']],
    ['de Ministers van Sociale Zaken en Werkgelegenheid en van Volksgezondheid, Welzijn en Sport', ['DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID,', 'DE MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT,']],
    ['de Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en Ontwikkelingssamenwerking', ['DE MINISTER VAN BUITENLANDSE ZAKEN,', 'DE MINISTER VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING,']],
    ['de Staatssecretaris van Financiën en de Minister van Sociale Zaken en Werkgelegenheid', ['DE STAATSSECRETARIS VAN FINANCIËN,', 'DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID,']],
    ['de minister-president', ['DE MINISTER-PRESIDENT,']],
    // Not said in a form read here: the neutral signature, never a guess.
    ['de regering', ['DE MINISTER,']],
  ];
  for (const [to, expected] of cases) {
    assert.deepEqual(signatures(head(to)), expected, to);
    const text = head(to);
    const sk = makeSkeleton(parseLetter(text), text);
    assert.ok(sk.endsWith(`Hoogachtend,\n\n${expected.join('\n\n')}\n`), sk);
    // The signature is no part of the last answer: both questions stay open.
    assert.deepEqual(analyzeText(sk).letter.questions.map((q) => q.answer.status), ['missing', 'missing'], to);
  }
  // An inbreng says it in its opening.
  assert.deepEqual(signatures('Inbreng\n\nDe vaste commissie heeft de behoefte vragen en opmerkingen voor te leggen aan de minister van Buitenlandse Zaken over de brief.\n'), ['DE MINISTER VAN BUITENLANDSE ZAKEN,']);
  assert.deepEqual(signatures('Vraag 1\nWat doet u?\n'), ['DE MINISTER,']);
});

test('the cursor of a fresh skeleton stands on the blank line under the first answer heading', () => {
  const text = 'Vragen van het lid Jansen (Partij) aan de minister van Justitie en Veiligheid over iets (ingezonden 3 februari 2026)\n\n1. Wat doet u?\n\n2. Wanneer?\n';
  const sk = makeSkeleton(parseLetter(text), text, { questionLetterRef: './vragen.md' });
  const lines = sk.split('\n');
  const cursor = skeletonCursor(sk);
  assert.equal(lines[cursor.line - 1], '### Antwoord 1');
  assert.deepEqual([lines[cursor.line], cursor.character], ['', 0]);
  // Nothing open: the end.
  assert.deepEqual(skeletonCursor('Vraag 1\nWat?\n\nAntwoord 1\nNiets.\n'), { line: 5, character: 0 });
});
