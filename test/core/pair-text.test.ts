import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeQuestion, wordDiff, describeChanges } from '../../server/src/core/pair/normalize';
import { displayQuestionText } from '../../server/src/core/pair/display';
import { findTerm, daysBetween, addDays } from '../../server/src/core/pair/term';
import { questionLetterRef, identifiers } from '../../server/src/core/pair/link';

test('whitespace, line breaks, PDF hyphenation and typographic quotes are no differences', () => {
  const pdf = 'Wat is de stand van de digi-\ntalisering van de ‘inlichtingen-\n\nen veiligheidsdiensten’?';
  const typed = "Wat is de stand van de digitalisering  van de 'inlichtingen- en veiligheidsdiensten'?";
  assert.equal(normalizeQuestion(pdf), normalizeQuestion(typed));
  assert.equal(normalizeQuestion('het „AIV-\nadvies”'), normalizeQuestion('het "AIV-advies"'));
  assert.equal(normalizeQuestion('*Kunt u dat toelichten?*'), normalizeQuestion('Kunt u dat\r\ntoelichten?'));
});

test('a changed word is a difference, and the word diff names it', () => {
  const a = 'Bent u bereid de Kamer te informeren?';
  const b = 'Bent u genegen de Kamer te informeren?';
  assert.notEqual(normalizeQuestion(a), normalizeQuestion(b));
  const changes = wordDiff(a, b)!;
  assert.deepEqual(changes, [{ removed: 'bereid', added: 'genegen' }]);
  assert.equal(describeChanges(changes), '„genegen” in plaats van „bereid”');
  assert.equal(describeChanges(wordDiff('Kunt u dat snel toelichten?', 'Kunt u dat toelichten?')!), '„snel” weggelaten');
});

test('the display form of a PDF question normalises to the original', () => {
  const pdf = 'Onderdeel van hybride aanvallen zijn cyber-\n\naanvallen. De inlichtingen-\n\nen veiligheidsdiensten\n\nhebben zicht op het AIV-\n\nadvies.\n\nKlopt dat?';
  const shown = displayQuestionText(pdf);
  assert.equal(shown, 'Onderdeel van hybride aanvallen zijn cyberaanvallen. De inlichtingen- en veiligheidsdiensten hebben zicht op het AIV-advies. Klopt dat?');
  assert.equal(normalizeQuestion(shown), normalizeQuestion(pdf));
  const typed = 'Eerste alinea met context.\n\nTweede alinea,\nover twee regels?';
  assert.equal(displayQuestionText(typed), 'Eerste alinea met context.\n\nTweede alinea, over twee regels?');
});

test('Kamervragen sent on 12 March 2025 are due three weeks later', () => {
  const t = findTerm('Vragen van het lid Kathmann (GroenLinks-PvdA) aan de minister van Justitie over datalekken (ingezonden 12 maart 2025).\n\n1.\nKent u het bericht?');
  assert.equal(t.sent, '2025-03-12');
  assert.equal(t.termDays, 21);
  assert.equal(t.defaultTerm, true);
  assert.equal(t.due, '2025-04-02');
  assert.equal(daysBetween('2025-03-30', t.due!), 3);
  assert.equal(daysBetween('2025-04-05', t.due!), -3);
});

test('an inbreng with a stated term and dagtekening gives that term', () => {
  const t = findTerm('Datum 26 maart 2025\n\nDe commissie verzoekt u de vragen binnen vier weken na dagtekening te beantwoorden.');
  assert.equal(t.sent, '2025-03-26');
  assert.equal(t.termDays, 28);
  assert.equal(t.due, addDays('2025-03-26', 28));
  const t2 = findTerm('De op 26 maart 2025 aan de minister toegezonden vragen, graag binnen drie weken.');
  assert.equal(t2.sent, '2025-03-26');
  assert.equal(t2.due, '2025-04-16');
  const t3 = findTerm('Ingezonden 3 februari 2025. Wij ontvangen de antwoorden uiterlijk 20 februari 2025.');
  assert.equal(t3.due, '2025-02-20');
  assert.equal(t3.termDays, 17);
  assert.deepEqual(findTerm('Een brief zonder datum of termijn.').due, null);
});

test('an answer letter names its question letter in front matter or a comment', () => {
  const fm = '---\ntitel: Antwoorden\nvragen: ./inbreng.md\n---\nGeachte voorzitter,';
  const r = questionLetterRef(fm)!;
  assert.equal(r.target, './inbreng.md');
  assert.equal(r.via, 'front-matter');
  assert.equal(fm.slice(r.span.start, r.span.end), './inbreng.md');
  const c = 'Geachte voorzitter,\n<!-- vragen: "../vragen/kamervragen 2025.md" -->\n';
  const rc = questionLetterRef(c)!;
  assert.equal(rc.target, '../vragen/kamervragen 2025.md');
  assert.equal(c.slice(rc.span.start, rc.span.end), rc.target);
  assert.equal(questionLetterRef('Geachte voorzitter,\n\nVraag 1'), null);
  assert.equal(questionLetterRef('---\nno closing line and no key'), null);
});

test('kenmerken and zaaknummers are recognised', () => {
  const ids = identifiers('Ons kenmerk: 178289\nZaaknummer 2025Z05123');
  assert.ok(ids.has('kenmerk:178289'));
  assert.ok(ids.has('2025Z05123'));
});

test('normalisation is linear on adversarial input', () => {
  const n = 400_000;
  const once = (s: string) => {
    const t0 = performance.now();
    normalizeQuestion(s);
    findTerm(s);
    questionLetterRef(s);
    return performance.now() - t0;
  };
  for (const unit of ['a-', '- ', '-\n', 'binnen ', '---\n', '<!-- vragen:', '9 maart ', 'ingezonden ', 'kenmerk ', '„']) {
    // Four times the input, both beyond the processor's caches: linear work takes about 4×,
    // quadratic 16×. The machine is shared: small and big runs alternate, best of five each.
    const small = unit.repeat(n / unit.length);
    const big = unit.repeat((4 * n) / unit.length);
    let ts = Infinity;
    let tb = Infinity;
    // A load spike passes, a superlinear function fails every time: up to three rounds.
    for (let round = 0; round < 3 && !(tb < Math.max(100, ts * 10)); round++) {
      ts = Infinity;
      tb = Infinity;
      for (let k = 0; k < 5; k++) {
        ts = Math.min(ts, once(small));
        tb = Math.min(tb, once(big));
      }
    }
    assert.ok(tb < Math.max(100, ts * 10), `${JSON.stringify(unit)}: ${ts.toFixed(1)} → ${tb.toFixed(1)} ms`);
  }
});

test('a footnote marker glued to a question\'s end mark is no text; numbers elsewhere are', () => {
  const plain = 'Bent u bekend met het bericht «Tekort aan jeugdzorgmedewerkers loopt op»?';
  for (const marked of [`${plain}1`, `${plain}12`, `${plain}3 `]) {
    assert.equal(normalizeQuestion(marked), normalizeQuestion(plain), marked);
    assert.deepEqual(wordDiff(marked, plain), [], marked);
  }
  assert.equal(normalizeQuestion('Klopt dat?1 Kunt u dat toelichten!2'), normalizeQuestion('Klopt dat? Kunt u dat toelichten!'));
  // Four digits, a number glued to a word or after a full stop, a number inside the text: text.
  for (const [a, b] of [['Gebeurde dat?2024', 'Gebeurde dat?'], ['Is het 1,5?', 'Is het 1?'], ['Klopt artikel 12?', 'Klopt artikel?'], ['Kost het 3.5 miljoen?', 'Kost het 3. miljoen?']]) {
    assert.notEqual(normalizeQuestion(a), normalizeQuestion(b), a);
  }
});
