// Mutations of real letters (../shared/corpus; skipped without it): each gives exactly the
// expected finding at the expected place. An answer removed; a joint heading's last number left
// unanswered; the letter reprinted as a verslag (questions first, then the answer letter) read
// as one question each, and a question dropped from its answer part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import { LineIndex } from '../../server/src/core/text';
import { HAVE_CORPUS, corpus, cutBetween, lineOf, replaceOnce } from './letter-helpers';

const SKIP = 'corpus: ../shared not present';
const L1984 = 'ah-tk-20232024-1984.txt';
const L878 = 'ah-tk-20232024-878.txt';
/** The findings about questions and their numbers (subquestion infos aside). */
const STRUCTURAL = new Set(['unanswered-question', 'duplicate-question-number', 'missing-question-number', 'answer-without-question', 'reference-to-unanswered', 'dangling-answer-reference', 'no-questions-found']);

function structural(text: string): string[] {
  const lines = new LineIndex(text);
  return checkQuestions(parseLetter(text))
    .filter((f) => STRUCTURAL.has(f.code))
    .map((f) => `${f.code}:${f.question ?? ''}@${lines.position(f.span.start).line + 1}`);
}

/**
 * The letter reprinted as a verslag: its questions (each heading with its question text, as the
 * reader read them), a covering letter, then the whole answer letter.
 */
function asVerslag(text: string): string {
  const L = parseLetter(text);
  const parts: string[] = ['Verslag van een schriftelijk overleg', ''];
  let lastHeading = -1;
  for (const q of L.questions) {
    if (q.headingSpan.start === lastHeading) continue; // "Vraag 9 en 10" once
    lastHeading = q.headingSpan.start;
    parts.push(text.slice(q.headingSpan.start, q.headingSpan.end), q.questionText);
  }
  parts.push('', 'BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN', 'Hierbij ontvang u de antwoorden op de vragen van de commissie.', '');
  return parts.join('\n') + '\n' + text;
}

test('1984: untouched, no structural finding', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  assert.deepEqual(structural(corpus(L1984)), []);
  assert.deepEqual(structural(corpus(L878)), []);
});

test('1984: an answer removed → unanswered-question at its answer heading, nothing else', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const text = cutBetween(corpus(L1984), 'Antwoord 3', 'Vraag 4');
  assert.deepEqual(structural(text), [`unanswered-question:3@${lineOf(text, 'Antwoord 3')}`]);
});

test("1984: the joint heading's last number left out of its answer → 10 unanswered at the joint heading", (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const text = replaceOnce(corpus(L1984), 'Antwoord 9 en 10', 'Antwoord 9');
  // Answer 11 cites "het antwoord op vraag 9 en 10": that reference now points at an unanswered 10.
  assert.deepEqual(structural(text), [
    `unanswered-question:10@${lineOf(text, 'Vraag 9 en 10')}`,
    `reference-to-unanswered:11@${lineOf(text, 'antwoord op vraag 9 en 10')}`,
  ]);
});

test('1984 and 878 reprinted as a verslag: each question once, all answered, by the answer part', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  for (const name of [L1984, L878]) {
    const original = parseLetter(corpus(name));
    const text = asVerslag(corpus(name));
    const L = parseLetter(text);
    assert.deepEqual(L.questions.map((q) => q.id), original.questions.map((q) => q.id), name);
    assert.deepEqual(L.questions.map((q) => q.answer.status), original.questions.map((q) => q.answer.status), name);
    const boundary = text.indexOf('BRIEF VAN DE STAATSSECRETARIS');
    for (const q of L.questions) {
      assert.ok(q.headingSpan.start < boundary, `${name} ${q.id}: the unit stands at the question`);
      if (q.answer.span) assert.ok(q.answer.span.start > boundary, `${name} ${q.id}: the answer stands in the answer part`);
    }
    assert.deepEqual(structural(text), [], name);
  }
});

test('1984 as a verslag with question 5 dropped from the answer part → unanswered at question 5 of the first part', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const full = asVerslag(corpus(L1984));
  const boundary = full.indexOf('BRIEF VAN DE STAATSSECRETARIS');
  const v5 = full.indexOf('\nVraag 5\n', boundary);
  const v6 = full.indexOf('\nVraag 6\n', boundary);
  const text = full.slice(0, v5) + full.slice(v6);
  assert.deepEqual(structural(text), [`unanswered-question:5@${lineOf(full, 'Vraag 5')}`]);
  assert.ok(lineOf(full, 'Vraag 5') < lineOf(full, 'BRIEF VAN DE STAATSSECRETARIS'));
});
