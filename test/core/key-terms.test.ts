// The key terms of subquestion-not-addressed (issue 11): content words (nouns, names, numbers,
// domain terms), never the verbs, auxiliaries and openers of asking; a subquestion the answer
// truly ignores is still found; the answer index gives the same verdicts as a direct search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keyTerms } from '../../server/src/core/lang/dutch';
import { AnswerWords, checkNotAddressed } from '../../server/src/core/checks/questions/subquestionNotAddressed';
import { parseLetter } from '../../server/src/core/letter/parse';

const terms = (s: string) => keyTerms(s).map((t) => t.word);

test('key terms: no question openers, verbs or auxiliaries ("Levert", "Kunt", "Deelt", "bericht")', () => {
  assert.deepEqual(terms('Levert dit bericht problemen op voor de kinderopvang?'), ['problemen', 'kinderopvang']);
  assert.deepEqual(terms('Kunt u toelichten welke maatregelen u neemt tegen de woningnood?'), ['maatregelen', 'woningnood']);
  assert.deepEqual(terms('Deelt u de mening dat de gemeente Utrecht in 2024 de bouwdoelen moet halen?'), ['gemeente', 'Utrecht', '2024', 'bouwdoelen']);
  assert.deepEqual(terms('Klopt het bericht dat het UWV 14.000 keuringen heeft uitgesteld?'), ['UWV', '14', 'keuringen', 'uitgesteld']);
  assert.deepEqual(terms('Bent u bereid de Kamer te informeren over de voortgang van de Deltawet?'), ['voortgang', 'Deltawet']);
  assert.deepEqual(terms('Hoe kunnen de EU en Nederland bijdragen aan vredesonderhandelingen die een impuls krijgen?'), ['EU', 'bijdragen', 'vredesonderhandelingen', 'impuls']);
  assert.deepEqual(terms('Welke acties schaart hij onder deze bescherming?'), ['acties', 'bescherming']);
  // Plural nouns at the end stay: an article or an inflected adjective stands before them.
  assert.deepEqual(terms('Welke gevolgen heeft dit voor de nieuwe regels?'), ['gevolgen', 'regels']);
  // The question's own number is no key term; other numbers are.
  assert.deepEqual(terms('3 In hoeverre dragen deze werkwijzen bij aan het verlagen van de werkdruk?'), ['werkwijzen', 'verlagen', 'werkdruk']);
});

test('key terms: no word of the kinds "Levert", "Kunt", "Deelt", "bericht" across typical openers', () => {
  const openers = ['Levert', 'Kunt', 'Deelt', 'Klopt', 'Erkent', 'Bent', 'Heeft', 'Wilt', 'Zou', 'Kent', 'Is', 'Wordt', 'Neemt', 'Gaat'];
  for (const o of openers) {
    const got = terms(`${o} u het bericht over de stikstofuitstoot van Schiphol?`).map((w) => w.toLowerCase());
    assert.deepEqual(got, ['stikstofuitstoot', 'schiphol'], o);
  }
});

function unit(question: string, answer: string) {
  return parseLetter(`## Vraag 1\n\n${question}\n\n## Antwoord 1\n\n${answer}\n`);
}

test('a subquestion the answer truly ignores is still found, with content words as its terms', () => {
  const q = 'Kent u het bericht over de sluiting van het ziekenhuis in Zeeland? Deelt u de zorg over de aanrijtijden van ambulances in Zeeuws-Vlaanderen? Welke afspraken maakt u met zorgverzekeraars over de financiering?';
  const a = 'Ja, ik ken het bericht over de sluiting van het ziekenhuis. De aanrijtijden van ambulances worden maandelijks gemeten en liggen binnen de norm.';
  const f = checkNotAddressed(unit(q, a));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^Subvraag ‘Welke afspraken maakt u met zorgverzekeraars/);
  assert.deepEqual((f[0].data as { terms: string[] }).terms, ['afspraken', 'zorgverzekeraars', 'financiering']);
  assert.doesNotMatch(f[0].message, /‘(Kent|Deelt|bericht|maakt)’/);
  // Once the answer speaks of it, in an inflected form, the finding is gone.
  assert.deepEqual(checkNotAddressed(unit(q, `${a} Met de zorgverzekeraar is afgesproken dat de financiering doorloopt.`)), []);
});

test('a count answers "Hoeveel…"; the head of a compound answers the compound', () => {
  const q = 'Wat is het doel van de regionale consultaties? Hoeveel overleggen zijn er met welke partijen uitgevoerd?';
  assert.deepEqual(checkNotAddressed(unit(q, 'Het doel van de regionale consultaties is kennis delen. Er zijn vier dialogen gehouden.')), []);
  assert.equal(checkNotAddressed(unit(q, 'Het doel van de regionale consultaties is kennis delen.')).length, 1);
  const q2 = 'Wat is de stand van de nieuwe werkwijzen? In hoeverre dragen deze bij aan het verlagen van de werkdruk bij keuringsartsen?';
  assert.deepEqual(checkNotAddressed(unit(q2, 'De nieuwe werkwijzen worden ingevoerd. De druk op de artsen neemt daardoor af.')), []);
});

test('the index of a long answer gives the verdicts of a direct search', () => {
  const word = fc.stringMatching(/^[a-zë]{2,14}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.array(word, { minLength: 1, maxLength: 20 }), (answerWords, stems) => {
      const short = answerWords.join(' ');
      // Past the direct-search size, the same words (and filler that holds none of the stems' letters).
      const long = `${short} ${'123 '.repeat(1200)}`;
      const a = new AnswerWords(short);
      const b = new AnswerWords(long);
      for (const st of stems) {
        const folded = st.replace('ë', 'e');
        assert.equal(b.mentions(folded), a.mentions(folded), folded);
        assert.equal(b.inside(folded), a.inside(folded), folded);
        assert.equal(b.startsWord(folded), a.startsWord(folded), folded);
      }
    }),
    { numRuns: 200 },
  );
});

test('answers by reference: the answer a chain of references leads to addresses the subquestions; a chain past ten answers is not judged', () => {
  const q = 'Wat kost de regeling voor mantelzorgers in Drenthe? Welke afspraken maakt u met zorgverzekeraars over de financiering?';
  const real = 'De regeling voor mantelzorgers in Drenthe kost 3 miljoen euro. Met de zorgverzekeraars is afgesproken dat de financiering doorloopt.';
  // Question k (k ≥ 2) answers "Zie het antwoord op vraag k-1"; question 1 holds the real answer.
  const chain = (n: number, firstAnswer: string) =>
    parseLetter(
      Array.from({ length: n }, (_, i) => `## Vraag ${i + 1}\n\n${q}\n\n## Antwoord ${i + 1}\n\n${i === 0 ? firstAnswer : `Zie het antwoord op vraag ${i}.`}\n`).join('\n'),
    );
  // Three deep: every unit is answered by the real answer at the end of its chain.
  assert.deepEqual(checkNotAddressed(chain(3, real)), []);
  // An answer that ignores the second subquestion: flagged at every unit whose chain reaches it.
  const half = 'De regeling voor mantelzorgers in Drenthe kost 3 miljoen euro.';
  assert.deepEqual(checkNotAddressed(chain(3, half)).map((f) => f.question), ['1', '2', '3']);
  // Ten answers (the unit's own and nine behind it) are read; a unit further down is not judged.
  assert.deepEqual(checkNotAddressed(chain(14, half)).map((f) => f.question), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
});

test('answers by reference: every answer text is read once, however many units point at it (no re-reading along chains)', () => {
  const q = 'Wat kost de regeling voor mantelzorgers in Drenthe? Welke afspraken maakt u met zorgverzekeraars over de financiering?';
  const n = 400;
  // A chain (k → k-1) and a star (every unit → 1) in one letter, in two fractie-less halves.
  const units = Array.from({ length: n }, (_, i) => {
    const answer = i === 0 ? 'De regeling kost 3 miljoen euro.' : i < n / 2 ? `Zie het antwoord op vraag ${i}.` : 'Zie het antwoord op vraag 1.';
    return `## Vraag ${i + 1}\n\n${q}\n\n## Antwoord ${i + 1}\n\n${answer}\n`;
  });
  const letter = parseLetter(units.join('\n'));
  assert.equal(letter.questions.length, n);
  let reads = 0;
  for (const unit of letter.questions) {
    const answer = unit.answer;
    let text = answer.text;
    Object.defineProperty(answer, 'text', {
      get: () => (reads++, text),
      set: (v: string) => (text = v),
      enumerable: true,
    });
  }
  checkNotAddressed(letter);
  assert.ok(reads <= 2 * n, `${reads} reads of answer texts for ${n} units`);
});
