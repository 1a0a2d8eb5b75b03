// An answer standing without its question ("Antwoord 8" where no "Vraag 8" stands): one
// diagnosis, never "question 8 is missing altogether" beside "no question 8" (TRY4 defect 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import { checkPair, type PairFix } from '../../server/src/core/pair/check';
import type { Finding } from '../../server/src/core/model';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const codes = (findings: Finding[]) => findings.map((f) => `${f.code}:${f.question ?? ''}`);
const NUMBERING = new Set(['answer-without-question', 'missing-question-number', 'duplicate-answer', 'duplicate-question-number']);
const numbering = (text: string) => checkQuestions(parseLetter(text)).filter((f) => NUMBERING.has(f.code));

const block = (n: number) => `Vraag ${n}\nWat is het antwoord op punt ${n}?\n\nAntwoord ${n}\nDit is antwoord ${n}.\n\n`;
const stray = (n: number) => `Antwoord ${n}\nEen antwoord zonder vraag.\n\n`;

test('a stray answer in a numbering gap: the gap names only the numbers of which nothing stands', () => {
  // 6, answer 8, 9: question 8 stands without its question, 7 is missing altogether.
  const f = numbering([1, 2, 3, 4, 5, 6].map(block).join('') + stray(8) + block(9));
  assert.deepEqual(codes(f), ['answer-without-question:8', 'missing-question-number:9']);
  const gap = f[1];
  assert.equal(gap.message, 'Vraag 7 ontbreekt: na vraag 6 volgt vraag 9 (daartussen staat alleen antwoord 8). Controleer de nummering.');
  assert.deepEqual((gap.data as { missing: string[] }).missing, ['7']);
});

test('a stray answer filling the whole gap: only the answer without question', () => {
  assert.deepEqual(codes(numbering(block(1) + block(2) + stray(3) + block(4))), ['answer-without-question:3']);
  // Two stray answers for a two-number gap.
  assert.deepEqual(codes(numbering(block(1) + stray(2) + stray(3) + block(4))), ['answer-without-question:2', 'answer-without-question:3']);
});

test('the gap around a stray answer that is not in it: both findings stay (two faults)', () => {
  // Answer 12 does not stand in the gap 3–4 between 2 and 5.
  const f = numbering(block(1) + block(2) + block(5) + stray(12));
  assert.deepEqual(codes(f), ['missing-question-number:5', 'answer-without-question:12']);
  assert.match(f[0].message, /^Vragen 3 tot en met 4 ontbreken: na vraag 2 volgt vraag 5\. /);
});

test('a gap partly explained by stray answers: the rest listed as a list', () => {
  const f = numbering(block(1) + stray(3) + block(5));
  assert.deepEqual(codes(f), ['answer-without-question:3', 'missing-question-number:5']);
  assert.equal(f[1].message, 'Vragen 2 en 4 ontbreken: na vraag 1 volgt vraag 5 (daartussen staat alleen antwoord 3). Controleer de nummering.');
});

test('with the question letter: one question-missing on the stray answer, the question inserted above it', () => {
  const questions = fixture('los-vragen.txt');
  const answers = fixture('los-antwoord.txt');
  const f = checkPair(parseLetter(questions), parseLetter(answers));
  assert.deepEqual(codes(f), ['question-missing:3', 'question-missing:4']);
  const four = f[1];
  assert.equal(answers.slice(four.span.start, four.span.end), 'Antwoord 4');
  assert.equal(four.message, 'Vraag 4 uit de vragenbrief ontbreekt boven dit antwoord: „Welke maatregelen neemt u tegen de tekorten?”. Neem de vraag letterlijk op.');
  // Question 3 goes before the stray answer too (the question letter's order), not after it.
  const three = f[0];
  assert.ok(three.span.start < four.span.start);
  // Both quick fixes applied (the later first): the letter carries every question, in order,
  // and question 4 is answered by the answer that stood alone.
  let fixed = answers;
  for (const x of [four, three]) {
    const fix = x.data as PairFix;
    fixed = fixed.slice(0, fix.span.start) + fix.text + fixed.slice(fix.span.end);
  }
  const L = parseLetter(fixed);
  assert.deepEqual(L.questions.map((q) => `${q.id}:${q.answer.status}`), ['1:answered', '2:answered', '3:missing', '4:answered', '5:answered']);
  assert.deepEqual(codes(checkPair(parseLetter(questions), L)), []);
  assert.deepEqual(codes(numbering(fixed)), []);
});
