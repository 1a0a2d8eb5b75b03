// Answering the subquestions of one question one by one ("Antwoord 6a" under a `Vraag 6` that
// asks a) and b)): each answer answers its subquestion, the others are reported open (TRY4 defect 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkQuestions, type UnansweredData } from '../../server/src/core/checks/questions';
import { checkPair } from '../../server/src/core/pair/check';
import type { Finding } from '../../server/src/core/model';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

const states = (text: string) => parseLetter(text).questions.map((q) => `${q.id}:${q.answer.status}`);
const codes = (findings: Finding[]) => findings.map((f) => `${f.code}:${f.question ?? ''}`);
// The letters below start at question 5: the numbering check's note on 1–4 is left out.
const questionCodes = (text: string) => codes(checkQuestions(parseLetter(text)).filter((f) => f.code !== 'subquestion-not-addressed' && f.code !== 'missing-question-number'));

const QUESTION_6 = '### Vraag 5\nWat kost het programma?\n\n### Antwoord 5\nVier miljoen euro.\n\n### Vraag 6\na) Hoeveel klachten zijn er binnengekomen?\nb) Hoeveel daarvan zijn gegrond verklaard?\n\n';
const QUESTION_7 = '### Vraag 7\nWanneer start het programma?\n\n### Antwoord 7\nOp 1 januari 2027.\n';

test('every way of heading the answer to subquestion a): it answers 6a, and 6b is open', () => {
  for (const heading of ['### Antwoord 6a', '### Antwoord 6 a', '### Antwoord 6a)', '### Antwoord 6 onder a', '### Antwoord 6 sub a', '### Antwoord op vraag 6a', '### Antwoord op vraag 6, onderdeel a', '### Antwoord 6 (a)', '**Antwoord 6a**', 'Antwoord 6a:']) {
    const text = `${QUESTION_6}${heading}\nEr zijn 312 klachten binnengekomen.\n\n${QUESTION_7}`;
    assert.deepEqual(states(text), ['5:answered', '6:context', '6a:answered', '6b:missing', '7:answered'], heading);
    assert.deepEqual(questionCodes(text), ['unanswered-question:6b'], heading);
  }
});

test('answers to 6a and 6b both present (headed, joint, or in the other order): nothing open', () => {
  const both = `${QUESTION_6}### Antwoord 6a\nEr zijn 312 klachten binnengekomen.\n\n### Antwoord 6b\nVeertig.\n\n${QUESTION_7}`;
  assert.deepEqual(states(both), ['5:answered', '6:context', '6a:answered', '6b:answered', '7:answered']);
  assert.deepEqual(questionCodes(both), []);
  const L = parseLetter(both);
  assert.equal(L.questions[2].answer.text, 'Er zijn 312 klachten binnengekomen.');
  assert.equal(L.questions[3].answer.text, 'Veertig.');
  // Each subquestion unit holds its own text.
  assert.deepEqual(L.questions.slice(2, 4).map((q) => q.subquestions.map((s) => s.text)), [['a) Hoeveel klachten zijn er binnengekomen?'], ['b) Hoeveel daarvan zijn gegrond verklaard?']]);
  const swapped = `${QUESTION_6}### Antwoord 6b\nVeertig.\n\n### Antwoord 6a\nEr zijn 312 klachten binnengekomen.\n\n${QUESTION_7}`;
  assert.deepEqual(questionCodes(swapped), []);
  const joint = `${QUESTION_6}### Antwoord 6a en 6b\nEr zijn 312 klachten binnengekomen, waarvan veertig gegrond.\n\n${QUESTION_7}`;
  assert.deepEqual(states(joint), ['5:answered', '6:context', '6a:answered', '6b:answered', '7:answered']);
});

test('subquestions written "a.", "(a)" or inline after an introduction, and unlettered asking sentences', () => {
  const dotted = '### Vraag 6\nKunt u aangeven:\na. hoeveel klachten er zijn binnengekomen?\nb. hoeveel daarvan gegrond zijn verklaard?\n\n### Antwoord 6b\nVeertig.\n';
  assert.deepEqual(states(dotted), ['6:context', '6a:missing', '6b:answered']);
  const L = parseLetter(dotted);
  // The introduction stays the parent's text; the subquestion units hold their own sentence.
  assert.equal(L.questions[0].questionText, 'Kunt u aangeven:');
  assert.match(L.questions[1].questionText, /^a\. hoeveel klachten/);
  const inline = '### Vraag 6\n(a) Hoeveel klachten zijn er binnengekomen? (b) Hoeveel daarvan zijn gegrond verklaard?\n\n### Antwoord 6a\nDriehonderd.\n';
  assert.deepEqual(states(inline), ['6:context', '6a:answered', '6b:missing']);
  const unlettered = '### Vraag 6\nHoeveel klachten zijn er binnengekomen? Hoeveel daarvan zijn gegrond verklaard?\n\n### Antwoord 6a\nDriehonderd.\n\n### Antwoord 6b\nVeertig.\n';
  assert.deepEqual(states(unlettered), ['6:context', '6a:answered', '6b:answered']);
});

test('a lijst answering subquestions as "6a." lines', () => {
  const lijst =
    'Feitelijke vragen over de begroting\n\n1. Hoeveel fte is er extra nodig?\nEr is 12 fte extra nodig.\n\n' +
    '2. Kunt u aangeven:\na) hoeveel klachten er zijn binnengekomen?\nb) hoeveel daarvan gegrond zijn verklaard?\n\n2a. Er zijn 312 klachten binnengekomen.\n2b. Daarvan zijn er 40 gegrond.\n\n' +
    '3. Wanneer ontvangt de Kamer de evaluatie?\nIn mei.\n';
  assert.deepEqual(states(lijst), ['1:answered', '2:context', '2a:answered', '2b:answered', '3:answered']);
  const L = parseLetter(lijst);
  assert.equal(L.questions[2].answer.text, 'Er zijn 312 klachten binnengekomen.');
  assert.equal(L.questions[3].answer.text, 'Daarvan zijn er 40 gegrond.');
  const onlyA = lijst.replace('2b. Daarvan zijn er 40 gegrond.\n', '');
  assert.deepEqual(states(onlyA), ['1:answered', '2:context', '2a:answered', '2b:missing', '3:answered']);
  // "2a." where question 2 has no lettered subquestions is answer text, as before.
  const plain = lijst.replace('Kunt u aangeven:\na) hoeveel klachten er zijn binnengekomen?\nb) hoeveel daarvan gegrond zijn verklaard?', 'Hoeveel klachten zijn er binnengekomen?');
  assert.deepEqual(states(plain), ['1:answered', '2:answered', '3:answered']);
});

test('no subquestion of that letter: still an answer without question; a question 6a of its own is not split', () => {
  const c = `${QUESTION_6}### Antwoord 6c\nGeen.\n\n${QUESTION_7}`;
  assert.deepEqual(questionCodes(c), ['unanswered-question:6', 'answer-without-question:6c']);
  const headed = '### Vraag 6a\nHoeveel klachten zijn er binnengekomen?\n\n### Vraag 6b\nHoeveel daarvan zijn gegrond?\n\n### Antwoord 6a\nDriehonderd.\n';
  assert.deepEqual(states(headed), ['6a:answered', '6b:missing']);
  // One asking sentence: nothing to split.
  const single = '### Vraag 6\nHoeveel klachten zijn er binnengekomen?\n\n### Antwoord 6a\nDriehonderd.\n';
  assert.deepEqual(questionCodes(single), ['unanswered-question:6', 'answer-without-question:6a']);
});

test('the open subquestion: a Dutch message naming it, and a quick fix after its siblings\u2019 answers', () => {
  const text = fixture('deelantwoorden.md');
  const findings = checkQuestions(parseLetter(text)).filter((f) => f.code === 'unanswered-question');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].message, 'Subvraag b) van vraag 2 is niet beantwoord: ‘Hoeveel daarvan zijn gegrond verklaard?’. Voeg een antwoord 2b toe.');
  // The answer goes between the answers to 2a and 2c, and reads back as the answer to 2b.
  const d = findings[0].data as UnansweredData;
  const fixed = text.slice(0, d.insertAt) + d.insertText + text.slice(d.insertAt);
  assert.ok(fixed.indexOf('Antwoord 2b') > fixed.indexOf('Antwoord 2a') && fixed.indexOf('Antwoord 2b') < fixed.indexOf('Antwoord 2c'), fixed);
  assert.deepEqual(states(fixed), ['1:answered', '2:context', '2a:answered', '2b:placeholder', '2c:answered', '3:answered']);
  // The answer to 2a missing instead: it goes before the answer to 2b.
  const noA = text.replace('### Antwoord 2a\nEr zijn 312 klachten binnengekomen.\n\n', '### Antwoord 2b\nVeertig.\n\n');
  const f = checkQuestions(parseLetter(noA)).find((x) => x.code === 'unanswered-question')!;
  const e = f.data as UnansweredData;
  const fixedA = noA.slice(0, e.insertAt) + e.insertText + noA.slice(e.insertAt);
  assert.ok(fixedA.indexOf('Antwoord 2a') < fixedA.indexOf('Antwoord 2b'), fixedA);
  assert.deepEqual(states(fixedA), ['1:answered', '2:context', '2a:placeholder', '2b:answered', '2c:answered', '3:answered']);
});

test('against the question letter: subquestions answered one by one carry question 2 verbatim', () => {
  const questions = 'Vragen van het lid Jansen (CDA) aan de minister van Binnenlandse Zaken over klachten (ingezonden 3 november 2026)\n\n1. Hoeveel gemeenten zijn getroffen?\n\n2. a) Hoeveel klachten zijn er binnengekomen?\nb) Hoeveel daarvan zijn gegrond verklaard?\nc) Welke maatregelen neemt u naar aanleiding van de gegronde klachten?\n\n3. Wanneer start het programma?\n';
  assert.deepEqual(codes(checkPair(parseLetter(questions), parseLetter(fixture('deelantwoorden.md')))), []);
});
