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
