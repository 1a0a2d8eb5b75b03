// The outline's section counts agree with the labels of the questions under them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter } from '../../server/src/core/letter/parse';
import { documentOutline } from '../../server/src/core/features/symbols';

test('a section counts as answered exactly the questions whose label says beantwoord (a question letter: none)', () => {
  const questionLetter = '## Vragen van de leden van de D66-fractie\n\nVraag 1\nWaarom stijgen de kosten?\n\nVraag 2\nHoe gaat u dat oplossen?\n';
  const answerLetter = `${questionLetter.replace('Vraag 2', 'Antwoord 1\nDoor de inflatie.\n\nVraag 2')}\nAntwoord 2\n\n`;
  for (const [text, answered] of [[questionLetter, 0], [answerLetter, 1]] as const) {
    const [section] = documentOutline(parseLetter(text));
    const labels = section.children.map((c) => c.detail);
    assert.equal(labels.length, 2, JSON.stringify(labels));
    assert.equal(labels.filter((l) => l === 'beantwoord').length, answered, JSON.stringify(labels));
    assert.equal(section.detail, `${answered} van 2 beantwoord`);
  }
  // Two short lines that ask, read as a question letter's two questions: none answered.
  const [asked] = documentOutline(parseLetter('## Vragen van de leden van de D66-fractie\nVraag 1?\nWaarom?\n'));
  assert.deepEqual(asked.children.map((c) => c.detail), ['niet beantwoord', 'niet beantwoord']);
  assert.equal(asked.detail, '0 van 2 beantwoord');
});
