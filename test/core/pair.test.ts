import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkPair, type PairFix } from '../../server/src/core/pair/check';
import { makeSkeleton } from '../../server/src/core/skeleton';
import { renameQuestion, renumberFollowing } from '../../server/src/core/features/rename';
import { matchLetters } from '../../server/src/core/pair/match';
import { definitionInQuestionLetter, pairReferences } from '../../server/src/core/features/pairNavigation';
import type { Finding } from '../../server/src/core/model';
import type { TextEditSpan } from '../../server/src/core/features/types';
import { cutQuestionLetter, HAS_SHARED, LETTER_000, LETTER_002 } from './pairCorpus';

const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function check(questions: string, answer: string, today?: string): Finding[] {
  return checkPair(parseLetter(questions), parseLetter(answer), { today });
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}:${f.question ?? ''}`);
}

function applyEdits(text: string, edits: TextEditSpan[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function applyFix(text: string, f: Finding): string {
  const fix = f.data as PairFix;
  assert.equal(fix.kind, 'pair-edit');
  return applyEdits(text, [{ span: fix.span, newText: fix.text }]);
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `'${from}' not found`);
  assert.equal(text.indexOf(from, at + 1), -1, `'${from}' occurs more than once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The block of a skeleton from `### Vraag id` up to the next `### Vraag` or section heading. */
function block(text: string, id: string): string {
  const start = text.indexOf(`### Vraag ${id}\n`);
  assert.ok(start >= 0, `Vraag ${id} not in skeleton`);
  const bodyStart = text.indexOf('\n', start) + 1;
  const next = text.slice(bodyStart).search(/^(?:### Vraag |## |Hoogachtend)/m);
  return text.slice(start, bodyStart + next);
}

const skipNoShared = (t: { skip: (m: string) => void }) => {
  if (!HAS_SHARED) {
    t.skip('corpus: ../shared not present');
    return true;
  }
  return false;
};

// --- Own fixtures (always run) ---

test('the answer letter to the Kamervragen fixture carries every question verbatim', () => {
  assert.deepEqual(check(fixture('kamervragen.md'), fixture('antwoord-kamervragen.md')), []);
});

test('a skeleton of each fixture question letter has no pair findings and one empty answer per question', () => {
  for (const name of ['kamervragen.md', 'inbreng.md']) {
    const q = parseLetter(fixture(name));
    const sk = makeSkeleton(q);
    const a = parseLetter(sk);
    assert.equal(a.questions.length, q.questions.length, name);
    assert.deepEqual(checkPair(q, a), [], name);
    assert.ok(a.questions.every((u) => u.answer.status === 'missing'), name);
    assert.match(sk, /^Geachte voorzitter,/);
    assert.match(sk, /Hoogachtend,/);
  }
  const sk = makeSkeleton(parseLetter(fixture('kamervragen.md')), undefined, { questionLetterRef: './kamervragen.md' });
  assert.match(sk, /^<!-- vragen: \.\/kamervragen\.md -->/);
  assert.match(sk, /de vragen van het lid Verhoeven \(GroenLinks-PvdA\) over verouderde servers bij gemeenten \(ingezonden 12 maart 2025\)\./);
});

test('a changed word in a Kamervraag is reported with the word diff, and the fix restores the question', () => {
  const q = fixture('kamervragen.md');
  const a = replaceOnce(fixture('antwoord-kamervragen.md'), 'Hoeveel gemeenten hebben in 2024', 'Hoeveel gemeenten hadden in 2024');
  const f = check(q, a);
  assert.deepEqual(codes(f), ['question-text-differs:2']);
  assert.match(f[0].message, /„hadden” in plaats van „hebben”/);
  assert.deepEqual(check(q, applyFix(a, f[0])), []);
});

test('a dropped subquestion is question-missing, and the fix puts it back', () => {
  const q = fixture('kamervragen.md');
  const a = replaceOnce(fixture('antwoord-kamervragen.md'), ' Kunt u dit aantal uitsplitsen naar oorzaak?', '');
  const f = check(q, a);
  assert.deepEqual(codes(f), ['question-missing:2']);
  assert.match(f[0].message, /subvraag.*Kunt u dit aantal uitsplitsen naar oorzaak\?/);
  assert.deepEqual(check(q, applyFix(a, f[0])), []);
});

test('a dropped question is question-missing, inserted verbatim at its place by the fix', () => {
  const q = fixture('kamervragen.md');
  const full = fixture('antwoord-kamervragen.md');
  const start = full.indexOf('### Vraag 4');
  const end = full.indexOf('### Vraag 5');
  const a = full.slice(0, start) + full.slice(end);
  const f = check(q, a);
  assert.deepEqual(codes(f), ['question-missing:4']);
  const fixed = applyFix(a, f[0]);
  assert.deepEqual(check(q, fixed), []);
  const order = parseLetter(fixed).questions.map((u) => u.id);
  assert.deepEqual(order, ['1', '2', '3', '4', '5']);
  assert.equal(parseLetter(fixed).questions[3].answer.status, 'missing');
});

test('two swapped questions give one question-order finding; an added one gives question-extra', () => {
  const q = fixture('kamervragen.md');
  const full = fixture('antwoord-kamervragen.md');
  const s2 = full.indexOf('### Vraag 2');
  const s3 = full.indexOf('### Vraag 3');
  const s4 = full.indexOf('### Vraag 4');
  const swapped = full.slice(0, s2) + full.slice(s3, s4) + full.slice(s2, s3) + full.slice(s4);
  assert.deepEqual(codes(check(q, swapped)), ['question-order:3']);
  const extra = full.replace('Hoogachtend,', '### Vraag 6\n\nKunt u ook iets zeggen over provincies?\n\n### Antwoord 6\n\nNee.\n\nHoogachtend,');
  const f = check(q, extra);
  assert.deepEqual(codes(f), ['question-extra:6']);
  assert.match(f[0].message, /Vraag 6 staat niet in de vragenbrief/);
});

test('past the term of the Kamervragen, an unfinished answer letter gets an information finding suggesting an uitstelbericht', () => {
  const unfinished = fixture('antwoord-kamervragen.md').replace('Ja, ik informeer uw Kamer voor de zomer. Zie ook het antwoord op vraag 4.', '');
  const f = check(fixture('kamervragen.md'), unfinished, '2025-04-05');
  assert.deepEqual(codes(f), ['answer-term-exceeded:']);
  assert.match(f[0].message, /2 april 2025.*3 dagen geleden.*uitstelbericht/);
  assert.deepEqual(check(fixture('kamervragen.md'), unfinished, '2025-04-02'), []);
  // A finished letter is past acting on: the term shows in the status, not as a finding.
  assert.deepEqual(check(fixture('kamervragen.md'), fixture('antwoord-kamervragen.md'), '2025-04-05'), []);
});

test('rename Vraag 2 → 7 renumbers its headings and the reference to it, nothing else', () => {
  const text = fixture('antwoord-kamervragen.md').replace('Zie ook het antwoord op vraag 4.', 'Zie ook het antwoord op vraag 2.');
  const letter = parseLetter(text);
  const r = renameQuestion(letter, text.indexOf('### Vraag 2') + 10, '7');
  assert.ok('edits' in r);
  const out = applyEdits(text, r.edits);
  assert.equal(out, text.replace('### Vraag 2', '### Vraag 7').replace('### Antwoord 2', '### Antwoord 7').replace('antwoord op vraag 2.', 'antwoord op vraag 7.'));
  const clash = renameQuestion(letter, text.indexOf('### Vraag 2') + 10, '3');
  assert.ok('error' in clash && /Vraag 3 bestaat al/.test(clash.error));
  assert.ok('error' in renameQuestion(letter, text.indexOf('Geachte'), '3'));
});

test('after inserting a question, "Nummer de vragen na vraag 3 door" renumbers 3 → 4, 4 → 5, 5 → 6 and the references', () => {
  const text = fixture('antwoord-kamervragen.md').replace('### Vraag 3', '### Vraag 3\n\nIs er een nieuwe vraag?\n\n### Antwoord 3\n\nJa.\n\n### Vraag 3');
  const letter = parseLetter(text);
  const action = renumberFollowing(letter, text.indexOf('### Vraag 3') + 10)!;
  assert.equal(action.title, 'Nummer de vragen na vraag 3 door');
  const out = applyEdits(text, action.edits);
  assert.deepEqual(parseLetter(out).questions.map((u) => u.id), ['1', '2', '3', '4', '5', '6']);
  assert.match(out, /Zie ook het antwoord op vraag 5\./);
});

test('definition goes from Vraag N of the answer letter to the question letter, references come back', () => {
  const qt = fixture('kamervragen.md');
  const at = fixture('antwoord-kamervragen.md');
  const q = parseLetter(qt);
  const a = parseLetter(at);
  const m = matchLetters(q, a);
  const hit = definitionInQuestionLetter(a, q, m, at.indexOf('### Vraag 4') + 5)!;
  assert.match(qt.slice(hit.span.start, hit.span.end), /^4\./);
  const refs = pairReferences(a, q, m, 'questions', qt.indexOf('Welke ondersteuning'))!;
  assert.deepEqual(refs.inAnswer.map((s) => at.slice(s.start, s.end)), ['### Vraag 4', '4']);
});

// --- Real question letters cut out of the corpus at test time ---

test('000: the PvdD questions as a question letter, its skeleton is clean; a word, a subquestion, a swap, a rename each give exactly the expected result', (t) => {
  if (skipNoShared(t)) return;
  const qt = cutQuestionLetter(LETTER_000, { sections: ['Partij voor de Dieren-fractie'], headings: true });
  const q = parseLetter(qt);
  assert.deepEqual(q.questions.map((u) => u.id), ['1', '1a', '1b', '1c', '1d', '1e', '2', '2a', '2b', '3']);
  const sk = makeSkeleton(q);
  assert.deepEqual(check(qt, sk), []);

  const word = replaceOnce(sk, 'Welke maatregelen zijn of worden getroffen', 'Welke stappen zijn of worden getroffen');
  const fw = check(qt, word);
  assert.deepEqual(codes(fw), ['question-text-differs:1c']);
  assert.match(fw[0].message, /„stappen” in plaats van „maatregelen”/);
  assert.deepEqual(check(qt, applyFix(word, fw[0])), []);

  const sub = replaceOnce(sk, ' Zo ja, welke voorstellen daartoe worden ontwikkeld?', '');
  const fs = check(qt, sub);
  assert.deepEqual(codes(fs), ['question-missing:1e']);
  assert.deepEqual(check(qt, applyFix(sub, fs[0])), []);

  const dropped = sk.replace(block(sk, '1d'), '');
  const fd = check(qt, dropped);
  assert.deepEqual(codes(fd), ['question-missing:1d']);
  const restored = applyFix(dropped, fd[0]);
  assert.deepEqual(check(qt, restored), []);
  assert.deepEqual(parseLetter(restored).questions.map((u) => u.id), q.questions.map((u) => u.id));

  const b2a = block(sk, '2a');
  const b2b = block(sk, '2b');
  const swapped = sk.replace(b2a + b2b, b2b + b2a);
  assert.notEqual(swapped, sk);
  assert.deepEqual(codes(check(qt, swapped)), ['question-order:2b']);

  const letter = parseLetter(sk);
  const r = renameQuestion(letter, sk.indexOf('### Vraag 3') + 10, '4');
  assert.ok('edits' in r);
  assert.equal(applyEdits(sk, r.edits), sk.replace('### Vraag 3', '### Vraag 4').replace('### Antwoord 3', '### Antwoord 4'));
  // Renaming the context-only parent renames its subquestions with it.
  const r1 = renameQuestion(letter, sk.indexOf('### Vraag 2\n') + 10, '5');
  assert.ok('edits' in r1);
  assert.deepEqual(parseLetter(applyEdits(sk, r1.edits)).questions.map((u) => u.id), ['1', '1a', '1b', '1c', '1d', '1e', '5', '5a', '5b', '3']);
});

test('000: the real answer letter carries both fracties\u2019 questions of its cut-out inbreng', (t) => {
  if (skipNoShared(t)) return;
  const qt = cutQuestionLetter(LETTER_000, { headings: true });
  assert.deepEqual(check(qt, readFileSync(LETTER_000, 'utf8')), []);
  assert.deepEqual(check(qt, makeSkeleton(parseLetter(qt))), []);
});

test('002: the prose inbreng cut out of the verslag; the verslag and the skeleton are clean against it', (t) => {
  if (skipNoShared(t)) return;
  const qt = cutQuestionLetter(LETTER_002, { headings: false });
  const q = parseLetter(qt);
  assert.equal(q.sections.length, 8);
  assert.ok(q.questions.length >= 71, `${q.questions.length} questions`);
  const verslag = readFileSync(LETTER_002, 'utf8');
  assert.deepEqual(check(qt, verslag), []);
  assert.deepEqual(check(qt, makeSkeleton(q)), []);
});

test('002: a changed word, a dropped subquestion and two swapped blocks in the verslag each give one finding', (t) => {
  if (skipNoShared(t)) return;
  const qt = cutQuestionLetter(LETTER_002, { headings: false });
  const verslag = readFileSync(LETTER_002, 'utf8');
  const word = replaceOnce(verslag, 'een belangrijk (en betrouwbaar!) partnerland', 'een waardevol (en betrouwbaar!) partnerland');
  const fw = check(qt, word);
  assert.deepEqual(codes(fw), ['question-text-differs:3']);
  assert.match(fw[0].message, /„waardevol” in plaats van „belangrijk”/);

  const sub = replaceOnce(verslag, 'Zo ja, hoe \nwordt deze dreiging gepareerd? ', '');
  assert.deepEqual(codes(check(qt, sub)), ['question-missing:4']);

  const a = parseLetter(verslag);
  const u2 = a.questions.find((u) => u.id === '2')!;
  const u3 = a.questions.find((u) => u.id === '3')!;
  const b2 = verslag.slice(u2.questionSpan.start, u3.questionSpan.start);
  const b3 = verslag.slice(u3.questionSpan.start, a.questions.find((u) => u.id === '4')!.questionSpan.start);
  const swapped = verslag.replace(b2 + b3, b3 + b2);
  assert.notEqual(swapped, verslag);
  assert.deepEqual(codes(check(qt, swapped)).filter((c) => c.startsWith('question-order')).length, 1);
  assert.deepEqual(codes(check(qt, swapped)).filter((c) => !c.startsWith('question-order')), []);
});

test('002: rename 50 → 72 moves the answer heading and every "antwoord op vraag 50", nothing else', (t) => {
  if (skipNoShared(t)) return;
  const text = readFileSync(LETTER_002, 'utf8');
  const letter = parseLetter(text);
  const refsTo50 = letter.answerReferences.filter((r) => r.targets.includes('50'));
  assert.ok(refsTo50.length >= 1);
  const heading = letter.questions.find((u) => u.id === '50')!.answer.headingSpan!;
  const r = renameQuestion(letter, heading.start + 1, '72');
  assert.ok('edits' in r, JSON.stringify(r));
  assert.equal(r.edits.length, 1 + refsTo50.length);
  const out = applyEdits(text, r.edits);
  const after = parseLetter(out);
  assert.deepEqual(after.questions.map((u) => u.id), letter.questions.map((u) => (u.id === '50' ? '72' : u.id)));
  assert.equal(after.answerReferences.filter((x) => x.targets.includes('50')).length, 0);
  assert.equal(after.answerReferences.filter((x) => x.targets.includes('72')).length, refsTo50.length);
  // Every reference still resolves, and the by-reference answers keep their targets.
  const ids = new Set(after.questions.map((u) => u.id));
  for (const x of after.answerReferences) for (const id of x.targets) assert.ok(ids.has(id), `vraag ${id}`);
  assert.equal(after.questions.filter((u) => u.answer.status === 'by-reference').length, 7); // 49 and 60 answer in their own words too (test/truth)
  // Nothing else changed: the texts differ exactly at the edited numbers.
  assert.equal(out.replace(/\b72\b/g, '50').length, text.length);
  assert.equal(out.replace(/(?<=antwoord op vraag |^)72(?=\. Antwoord| |\.|\n)/gm, '50'), text.replace(/(?<=antwoord op vraag |^)72(?=\. Antwoord| |\.|\n)/gm, '50'));
  // The check of the question letter against the renamed verslag stays clean apart from nothing.
  const qt = cutQuestionLetter(LETTER_002, { headings: false });
  assert.deepEqual(check(qt, out), []);
});

test('the pair check grows linearly on adversarial letters (repeated Vraag 1a, all texts different, all equal)', () => {
  const build = (n: number, text: (k: number) => string) => {
    const parts: string[] = [];
    for (let k = 0; k < n; k++) parts.push(`### Vraag 1a\n\n${text(k)}\n\n### Antwoord 1a\n\nJa.\n`);
    return parseLetter(parts.join('\n'));
  };
  const cases: [string, (k: number) => string, (k: number) => string][] = [
    ['equal', () => 'Waarom is dat zo?', () => 'Waarom is dat zo?'],
    ['all different', (k) => `Waarom is vraag ${k} zo gesteld?`, (k) => `Hoe komt het dat ${k * 7} anders is?`],
    ['shifted', (k) => `Waarom is vraag ${k} zo gesteld?`, (k) => `Waarom is vraag ${k + 1} zo gesteld?`],
  ];
  for (const [name, qText, aText] of cases) {
    // Four times the units: linear work takes about 4×, quadratic 16×. The machine is shared:
    // small and big runs alternate, best of seven each.
    const qs = build(1000, qText);
    const as = build(1000, aText);
    const qb = build(4000, qText);
    const ab = build(4000, aText);
    let small = Infinity;
    let big = Infinity;
    // A load spike passes, a superlinear check fails every time: up to three rounds.
    for (let round = 0; round < 3 && !(big < Math.max(250, small * 10)); round++) {
      small = Infinity;
      big = Infinity;
      for (let k = 0; k < 7; k++) {
        let t0 = performance.now();
        checkPair(qs, as);
        small = Math.min(small, performance.now() - t0);
        t0 = performance.now();
        checkPair(qb, ab);
        big = Math.min(big, performance.now() - t0);
      }
    }
    // A floor of 250 ms: on a shared machine garbage-collection pauses of the large parsed
    // letters dominate small figures; a quadratic check of 4000 units would take seconds.
    assert.ok(big < Math.max(250, small * 10), `${name}: ${small.toFixed(1)} → ${big.toFixed(1)} ms`);
  }
});

test('discovery: the question letter the answer letter quotes, else the one sharing a zaaknummer; never an answer letter', async () => {
  const { linkQuestionLetter } = await import('../../server/src/core/pair/link');
  const kamervragen = parseLetter(fixture('kamervragen.md'));
  const inbreng = parseLetter(fixture('inbreng.md'));
  const answer = parseLetter(fixture('antwoord-kamervragen.md'));
  const candidates = [
    { name: 'inbreng.md', letter: inbreng },
    { name: 'antwoord-oud.md', letter: parseLetter(fixture('antwoord-kamervragen.md')) },
    { name: 'kamervragen.md', letter: kamervragen },
  ];
  assert.deepEqual(linkQuestionLetter(answer, candidates), { index: 2, reason: 'quotes', score: 1 });
  // An answer letter that quotes nothing but names the inbreng's zaaknummer.
  const byNumber = parseLetter('Geachte voorzitter,\n\nUw kenmerk 2025Z01877\n\n### Vraag 1\n\nIets anders gevraagd?\n\n### Antwoord 1\n\nJa.\n');
  assert.deepEqual(linkQuestionLetter(byNumber, candidates), { index: 0, reason: 'identifier', score: 0 });
  assert.equal(linkQuestionLetter(parseLetter('### Vraag 1\n\nWaarom?\n\n### Antwoord 1\n\nDaarom.\n'), candidates), null);
});

test('a context-only parent the drafter introduced in her own words is not an extra question', () => {
  const questions = [
    'Vragen van het lid Jansen (D66) aan de minister over gemeenten (ingezonden 3 maart 2025)',
    '',
    '1. Bent u bekend met het rapport over gemeenten?',
    '',
    '2. Hoeveel gemeenten hebben in 2024 een cyberaanval gemeld? Welke maatregelen neemt u om kleine gemeenten te ondersteunen?',
    '',
  ].join('\n');
  const answer = [
    '## Vraag 1',
    '',
    'Bent u bekend met het rapport over gemeenten?',
    '',
    '## Antwoord 1',
    '',
    'Ja.',
    '',
    '## Vraag 2',
    '',
    'Het aantal gemelde cyberaanvallen op gemeenten is in 2024 gestegen.',
    '',
    '## Vraag 2a',
    '',
    'Hoeveel gemeenten hebben in 2024 een cyberaanval gemeld?',
    '',
    '## Antwoord 2a',
    '',
    'Eenenveertig.',
    '',
    '## Vraag 2b',
    '',
    'Welke maatregelen neemt u om kleine gemeenten te ondersteunen?',
    '',
    '## Antwoord 2b',
    '',
    'Wij ondersteunen kleine gemeenten.',
    '',
  ].join('\n');
  assert.deepEqual(codes(check(questions, answer, '2025-03-10')), []);
  // The same parent asking a question of its own is still extra.
  const asking = answer.replace('is in 2024 gestegen.', 'is in 2024 gestegen. Waarom?');
  assert.deepEqual(codes(check(questions, asking, '2025-03-10')).filter((c) => c.startsWith('question-extra')), ['question-extra:2']);
});

test('a rename of a number whose heading stands twice in its section is refused (it could not be undone); unique numbers rename and back', () => {
  const twice = [
    '### Vraag 1', '', 'Hoeveel geld gaat er naar de meldpunten?', '', '### Antwoord 1', '', 'Twaalf miljoen euro.', '',
    '### Vraag 1', '', 'Hoeveel geld gaat er naar de meldpunten?', '', '### Antwoord 1', '', 'Twaalf miljoen euro per jaar.', '',
    '### Vraag 2', '', 'Wanneer openen de meldpunten?', '', '### Antwoord 2', '', 'In het voorjaar.', '',
  ].join('\n');
  const letter = parseLetter(twice);
  const refused = renameQuestion(letter, twice.indexOf('Vraag 1') + 6, '7');
  assert.ok('error' in refused && /meer dan eens/u.test(refused.error), JSON.stringify(refused));
  // Question 2 is unique: renamed and renamed back gives the text again.
  const at = twice.indexOf('Vraag 2') + 6;
  const there = renameQuestion(letter, at, '9');
  assert.ok('edits' in there && there.edits.length === 2, JSON.stringify(there));
  const renamed = applyEdits(twice, there.edits);
  const back = renameQuestion(parseLetter(renamed), at, '2');
  assert.ok('edits' in back);
  assert.equal(applyEdits(renamed, back.edits), twice);
});

test('a rename that would change how the letter reads is refused ("Vraag 1?" counts as a heading only as the next number)', () => {
  const text = '## Vragen van de leden van de D66-fractie\nVraag 1?\nWaarom?\n';
  const r = renameQuestion(parseLetter(text), text.indexOf('Vraag 1') + 6, '873');
  assert.ok('error' in r && /anders gelezen/u.test(r.error), JSON.stringify(r));
  // The next number keeps the reading: accepted.
  const two = '## Vragen van de leden van de D66-fractie\nVraag 1\nWaarom?\n\nAntwoord 1\n\nOmdat.\n';
  assert.ok('edits' in renameQuestion(parseLetter(two), two.indexOf('Vraag 1') + 6, '2'));
});
