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
