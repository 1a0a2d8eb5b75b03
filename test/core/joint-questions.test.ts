// A joint question heading ("Vraag 9 en 10", "Vragen 4, 5 en 6"): the answer letter prints the
// text of several questions once; the question letter asks them apart (TRY4 defect 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkPair, type PairFix } from '../../server/src/core/pair/check';
import { matchLetters } from '../../server/src/core/pair/match';
import { makeSkeleton } from '../../server/src/core/skeleton';
import type { Finding } from '../../server/src/core/model';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const QUESTIONS = fixture('gezamenlijk-vragen.md');
const ANSWERS = fixture('gezamenlijk-antwoord.md');

const codes = (findings: Finding[]) => findings.map((f) => `${f.code}:${f.question ?? ''}`);
const check = (questions: string, answer: string) => checkPair(parseLetter(questions), parseLetter(answer));

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `'${from}' not found`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

test('joint heading: every number is a unit with the heading\u2019s ids, sharing the heading and the text', () => {
  const L = parseLetter(ANSWERS);
  assert.deepEqual(L.questions.map((q) => q.id), ['1', '2', '3', '4', '5', '6', '7']);
  assert.deepEqual(L.questions.map((q) => q.jointIds?.join('+') ?? '-'), ['-', '2+3', '2+3', '4+5+6', '4+5+6', '4+5+6', '-']);
  assert.deepEqual(L.questions[2].headingSpan, L.questions[1].headingSpan);
  assert.equal(L.questions[2].questionText, L.questions[1].questionText);
  assert.ok(L.questions.every((q) => q.answer.status === 'answered' || q.id === '7'));
});

test('joint heading against separate questions: no question-extra, each number paired with its own question', () => {
  assert.deepEqual(codes(check(QUESTIONS, ANSWERS)), []);
  const q = parseLetter(QUESTIONS);
  const a = parseLetter(ANSWERS);
  const m = matchLetters(q, a);
  // Answer unit k carries question k (both letters number 1..7 in order).
  assert.deepEqual(m.aToQ, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(m.qToA, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(m.joint, [
    { members: [1, 2], questions: [1, 2] },
    { members: [3, 4, 5], questions: [3, 4, 5] },
  ]);
});

test('joint heading with one question changed or left out: one finding for the heading, with the word diff', () => {
  const changed = replaceOnce(ANSWERS, 'Welk deel van de vrije ruimte blijft', 'Welk aandeel van de vrije ruimte blijft');
  const f = check(QUESTIONS, changed);
  assert.deepEqual(codes(f), ['question-text-differs:4']);
  assert.match(f[0].message, /^Vragen 4, 5 en 6 zijn anders overgenomen dan in de vragenbrief: „aandeel” in plaats van „deel”/);
  // Its quick fix restores the three questions' text; the letter is clean after it.
  const fix = f[0].data as PairFix;
  const fixed = changed.slice(0, fix.span.start) + fix.text + changed.slice(fix.span.end);
  assert.deepEqual(codes(check(QUESTIONS, fixed)), []);

  const dropped = replaceOnce(ANSWERS, 'Zo ja, welke aanpassingen zijn nodig en op welke termijn kan dit worden gerealiseerd?\n', '');
  const g = check(QUESTIONS, dropped);
  assert.deepEqual(codes(g), ['question-text-differs:2']);
  assert.match(g[0].message, /^Vragen 2 en 3 zijn anders overgenomen .*„Zo ja, welke aanpassingen zijn nodig en op welke termijn ka[^”]*” weggelaten/);
});

test('joint heading whose text holds one question only: the other number is the question the letter left out', () => {
  // "Vraag 2 en 3" over question 2's text alone: question 3 is not carried.
  const only2 = replaceOnce(ANSWERS, 'Zo ja, welke aanpassingen zijn nodig en op welke termijn kan dit worden gerealiseerd?\n', '');
  const q = parseLetter(QUESTIONS);
  const m = matchLetters(q, parseLetter(only2));
  assert.equal(m.qToA[0], 0);
  assert.equal(m.aToQ[1], 1);
  assert.equal(m.aToQ[2], 2);
});

test('joint heading in both letters, and separate headings with a joint answer: clean both ways', () => {
  assert.deepEqual(codes(check(ANSWERS, ANSWERS)), []);
  const separate = replaceOnce(
    ANSWERS,
    '## Vraag 2 en 3\nIs een aanpassing van de Wet op de loonbelasting 1964 nodig om gezonde maaltijden onbelast te kunnen verstrekken?\n',
    '## Vraag 2\nIs een aanpassing van de Wet op de loonbelasting 1964 nodig om gezonde maaltijden onbelast te kunnen verstrekken?\n\n## Vraag 3\n',
  );
  assert.deepEqual(codes(check(QUESTIONS, separate)), []);
  // The letter printing them jointly as the question letter of a draft with separate headings.
  assert.deepEqual(codes(check(ANSWERS, separate)), []);
});

test('joint heading moved, or a question after it left out: one order finding for the heading, question-missing for the other', () => {
  // Question 7 left out: reported missing, nothing about the joint heading.
  const no7 = ANSWERS.slice(0, ANSWERS.indexOf('## Vraag 7'));
  assert.deepEqual(codes(check(QUESTIONS, no7)), ['question-missing:7']);
  // The joint block 4–6 moved before question 1: it is out of order, and only it.
  const block = ANSWERS.slice(ANSWERS.indexOf('## Vragen 4, 5 en 6'), ANSWERS.indexOf('## Vraag 7'));
  const moved = replaceOnce(ANSWERS.replace(block, ''), '## Vraag 1\n', `${block}## Vraag 1\n`);
  const order = check(QUESTIONS, moved);
  assert.deepEqual(codes(order), ['question-order:4']);
  assert.equal(order[0].message, 'Vragen 4, 5 en 6 staan in een andere volgorde dan in de vragenbrief: daar komen zij na vraag 3.');
});

test('skeleton: a joint heading stays one block with a joint answer heading; separate questions stay separate', () => {
  const sk = makeSkeleton(parseLetter(ANSWERS));
  assert.match(sk, /### Vraag 2 en 3\n\nIs een aanpassing [^\n]* Zo ja, welke aanpassingen [^\n]*\n\n### Antwoord 2 en 3\n/);
  assert.match(sk, /### Vraag 4, 5 en 6\n\n[^\n]+\n\n### Antwoord 4, 5 en 6\n/);
  assert.doesNotMatch(sk, /### Vraag 3\n|### Vraag 5\n/);
  assert.equal(sk.split('Welk deel van de vrije ruimte').length, 2, 'the joint text once');
  // The skeleton reads back as the same questions, and checks clean against the letter it came from.
  assert.deepEqual(parseLetter(sk).questions.map((q) => q.id), ['1', '2', '3', '4', '5', '6', '7']);
  assert.deepEqual(codes(check(ANSWERS, sk)), []);
  const fromQuestions = makeSkeleton(parseLetter(QUESTIONS));
  assert.match(fromQuestions, /### Vraag 2\n\nIs een aanpassing [^\n]*\?\n\n### Antwoord 2\n\n\n### Vraag 3\n\nZo ja, welke /);
  assert.deepEqual(codes(check(QUESTIONS, fromQuestions)), []);
});

test('a joint heading with its joint answer still empty: one unanswered-question for its numbers', async () => {
  const { checkQuestions } = await import('../../server/src/core/checks/questions');
  const empty = ANSWERS.replace('Nee. Een aanpassing is niet nodig; de werkkostenregeling biedt daarvoor al ruimte.\n', '');
  const f = checkQuestions(parseLetter(empty)).filter((x) => x.code === 'unanswered-question');
  assert.equal(f.length, 1);
  assert.equal(f[0].message, 'Vragen 2 en 3 zijn niet beantwoord. Voeg onder de vragen een antwoord toe.');
  assert.equal(empty.slice(f[0].span.start, f[0].span.end), '## Antwoord 2 en 3');
});

test('a subquestion of a joint heading its joint answer leaves open: one finding, not one per number', async () => {
  const { checkQuestions } = await import('../../server/src/core/checks/questions');
  const open = ANSWERS.replace('Ongeveer 80 procent van de werkgevers gebruikt de vrije ruimte. Gemiddeld blijft een derde onbenut. Vooral de zorg en het onderwijs laten ruimte onbenut.', 'Ja.');
  const f = checkQuestions(parseLetter(open)).filter((x) => x.code === 'subquestion-not-addressed');
  assert.ok(f.length >= 1, 'the joint answer leaves a subquestion open');
  // Each subquestion once, though three units (4, 5, 6) share the text and the answer.
  const spans = f.map((x) => `${x.span.start}:${x.span.end}`);
  assert.equal(new Set(spans).size, spans.length, f.map((x) => x.message).join('\n'));
  assert.ok(f.length <= 3, f.map((x) => x.message).join('\n'));
  assert.deepEqual(checkQuestions(parseLetter(ANSWERS)).filter((x) => x.code === 'subquestion-not-addressed'), []);
});
