// The letter model on the corpus and on our own fixtures: units, sections, subquestions, answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter } from '../../server/src/core/letter/parse';
import { resolveTarget } from '../../server/src/core/letter/references';
import type { QuestionUnit } from '../../server/src/core/model';
import { C000, C002, C004, HAVE_CORPUS, corpus, fixture } from './letter-helpers';

const SKIP = 'corpus: ../shared not present';
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const summary = (qs: QuestionUnit[]) => qs.map((q) => `${q.section ?? '-'}:${q.id}:${q.answer.status}`);

test('002: 71 answer units numbered 1–71 across eight fractie sections, none unanswered', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const text = corpus(C002);
  const L = parseLetter(text);
  assert.equal(L.questions.length, 71);
  assert.deepEqual(L.questions.map((q) => q.id), Array.from({ length: 71 }, (_, i) => String(i + 1)));
  assert.deepEqual(L.sections.map((s) => s.title), ['PVV-fractie', 'GroenLinks-PvdA-fractie', 'VVD-fractie', 'NSC-fractie', 'D66-fractie', 'BBB-fractie', 'SGP-fractie', 'ChristenUnie-fractie']);
  assert.equal(L.questions.filter((q) => q.answer.status === 'missing' || q.answer.status === 'placeholder').length, 0);
  // Section boundaries: 5 is the last PVV question, 6 the first of GroenLinks-PvdA, 71 of ChristenUnie.
  assert.equal(L.questions[4].section, 'PVV-fractie');
  assert.equal(L.questions[5].section, 'GroenLinks-PvdA-fractie');
  assert.equal(L.questions[70].section, 'ChristenUnie-fractie');
  assert.equal(L.kind, 'answer-letter');
  // Every unit has subquestions, and each answer heading is "N. Antwoord van het kabinet".
  for (const q of L.questions) {
    assert.ok(q.subquestions.length >= 1, `unit ${q.id} has subquestions`);
    assert.match(text.slice(q.answer.headingSpan!.start, q.answer.headingSpan!.end), new RegExp(`^${q.id}\\. Antwoord van het kabinet$`));
  }
});

test('002: seven answers by reference, with their targets; 69 → 50 → 1 resolves to an answer', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const L = parseLetter(corpus(C002));
  const byRef = Object.fromEntries(L.questions.filter((q) => q.answer.status === 'by-reference').map((q) => [q.id, q.answer.refersTo]));
  // 49 and 60 point elsewhere and then answer in their own words: answered (test/truth reading).
  assert.deepEqual(byRef, { 50: ['1'], 51: ['1'], 58: ['39'], 67: ['1'], 68: ['1'], 69: ['50'], 70: ['8'] });
  for (const id of ['49', '60']) assert.equal(L.questions[Number(id) - 1].answer.status, 'answered', id);
  const q69 = L.questions[68];
  const q50 = resolveTarget(L, q69.sectionIndex, q69.answer.refersTo[0])!;
  assert.equal(q50.id, '50');
  const q1 = resolveTarget(L, q50.sectionIndex, q50.answer.refersTo[0])!;
  assert.equal(q1.id, '1');
  assert.equal(q1.answer.status, 'answered');
  // References inside longer answers do not make them by-reference (7 → 13, 24 → 22, 39 → 1, 52 → 1,
  // 64 → 11 broken over a line).
  for (const id of ['7', '24', '39', '52']) assert.equal(L.questions[Number(id) - 1].answer.status, 'answered', id);
  const phrases = L.answerReferences.map((r) => r.targets.join('+'));
  assert.deepEqual(phrases, ['13', '22', '1', '8', '1', '1', '1', '39', '18+43', '11', '1', '1', '50', '8']);
});

test('002: subquestions are the asking sentences, verbatim and with exact spans', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const text = corpus(C002);
  const L = parseLetter(text);
  assert.deepEqual(L.questions[0].subquestions.map((s) => s.text), [
    'Wat hebben deze recente ontwikkelingen voor invloed op het Nederlandse Cyberbeleid?',
    'Verandert de Nederlandse diplomatieke inzet?',
    'Zo ja, op welke punten?',
  ]);
  // A request without a question mark ("Deze leden vragen …") is a subquestion too.
  assert.deepEqual(L.questions[39].subquestions.map((s) => s.text), ['Deze leden vragen wat er nodig is om Nederlandse universiteiten beter te beschermen tegen cyberaanvallen.']);
  // "zo vragen zij" at the end of a sentence.
  assert.ok(L.questions[60].subquestions.some((s) => s.text.startsWith('Welke prioriteiten stelt Nederland in deze onderhandelingen')));
  for (const q of L.questions) {
    for (const s of q.subquestions) {
      assert.ok(s.span.start >= q.questionSpan.start && s.span.end <= q.questionSpan.end, `span of ${q.id} inside its question`);
      const raw = norm(text.slice(s.span.start, s.span.end));
      // Spans cover the sentence exactly; only interleaved footnotes can make the raw slice longer.
      assert.ok(raw.startsWith(s.text.slice(0, 20)) && raw.endsWith(s.text.slice(-10)), `exact span for ${q.id}: ${s.text}`);
    }
  }
  // The question text is the prose since the previous answer, without the answer heading.
  assert.ok(L.questions[2].questionText.startsWith('De leden van de PVV-fractie vinden het voorts opvallend dat Zuid-Afrika'));
  assert.ok(L.questions[2].questionText.endsWith('Wat maakt zo’n land dan een belangrijk (en betrouwbaar!) partnerland op cybergebied?'));
  // The empty part "II Antwoord/ Reactie van de minister" and the agenda hold no unit.
  const part2 = text.indexOf('II Antwoord/ Reactie van de minister');
  assert.ok(L.questions.every((q) => q.span.end <= part2));
});

test('000: PvdD 1a–1e, 2a, 2b, 3 (1 and 2 context only) and JA21 1–4, all answered; the memo holds none', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const text = corpus(C000);
  const L = parseLetter(text);
  const P = 'Partij voor de Dieren-fractie';
  const J = 'JA21-fractie';
  assert.deepEqual(summary(L.questions), [
    `${P}:1:context`, `${P}:1a:answered`, `${P}:1b:answered`, `${P}:1c:answered`, `${P}:1d:answered`, `${P}:1e:answered`,
    `${P}:2:context`, `${P}:2a:answered`, `${P}:2b:answered`, `${P}:3:answered`,
    `${J}:1:answered`, `${J}:2:answered`, `${J}:3:answered`, `${J}:4:answered`,
  ]);
  const memo = text.indexOf('Aanleiding');
  assert.ok(memo > 0);
  assert.ok(L.questions.every((q) => q.span.end < memo), 'no unit reaches into the memo');
  // 1c: the question is the question, the answer starts with the answer.
  const q1c = L.questions[3];
  assert.equal(q1c.questionText, 'Welke maatregelen zijn of worden getroffen om militairen, medewerkers van de inlichtingen- en veiligheidsdiensten of ander overheidspersoneel op te leiden tot deskundigen die in staat zijn cyberaanvallen te bestrijden of een cybertegenaanval uit te voeren?');
  assert.ok(q1c.answer.text.startsWith('Het is van belang dat Nederland beschikt over voldoende gekwalificeerd cyberpersoneel'));
  assert.deepEqual(L.questions[5].subquestions.map((s) => s.text), [
    'Is een wijziging van de Wet op de inlichtingen- en veiligheidsdiensten (Wiv) nodig om de diensten (verdere) bevoegdheden te geven om cyberaanvallen te verstoren?',
    'Zo ja, welke voorstellen daartoe worden ontwikkeld?',
  ]);
  // JA21 4 asks without a question mark.
  assert.equal(L.questions[13].subquestions.length, 1);
  assert.ok(L.questions[13].subquestions[0].text.startsWith('Ten slotte vragen de leden van de JA21-fractie welke concrete stappen'));
  // The footnote interleaved in JA21 1's answer is not part of its text.
  assert.ok(!L.questions[10].answer.text.includes('Met retorsie'));
  assert.ok(L.questions[10].answer.text.includes('Ook tijdens de energiecrisis in 2022'));
  // "zie daarvoor verder het antwoord op vraag 2" in JA21 1 resolves within JA21.
  const ref = L.answerReferences.find((r) => r.targets[0] === '2')!;
  assert.equal(resolveTarget(L, ref.sectionIndex, '2')!.section, J);
});

test('004: a letter without questions has no units', (t) => {
  if (!HAVE_CORPUS) return t.skip(SKIP);
  const L = parseLetter(corpus(C004));
  assert.equal(L.questions.length, 0);
  assert.equal(L.sections.length, 0);
  assert.equal(L.kind, 'none');
});

test('fixture: Markdown answer letter with "## Vraag N" and "Antwoord N"', () => {
  const text = fixture('markdown-vraag-antwoord.md');
  const L = parseLetter(text);
  assert.deepEqual(summary(L.questions), ['-:1:answered', '-:2:answered', '-:3:by-reference', '-:4:answered']);
  assert.deepEqual(L.questions[1].subquestions.map((s) => s.text), ['Kunt u aangeven welke ondersteuning gemeenten daarbij krijgen?', 'Welke kosten zijn daarmee gemoeid?']);
  assert.equal(L.questions[1].questionText, 'De leden lezen dat gemeenten een eigen back-upvoorziening moeten inrichten. Kunt u aangeven welke ondersteuning gemeenten daarbij krijgen? Welke kosten zijn daarmee gemoeid?');
  // "bijv." and "blz." do not end the sentence.
  assert.ok(L.questions[1].answer.text.endsWith('(zie bijv. de Monitor Informatieveiligheid, blz. 12).'));
  assert.equal(text.slice(L.questions[0].headingSpan.start, L.questions[0].headingSpan.end), '## Vraag 1');
  assert.equal(text.slice(L.questions[0].answer.headingSpan!.start, L.questions[0].answer.headingSpan!.end), 'Antwoord 1');
  assert.deepEqual(L.questions[2].answer.refersTo, ['1']);
  assert.deepEqual(L.questions[3].subquestions.map((s) => s.text), ['Graag ontvangen deze leden een overzicht van de oefeningen die gemeenten in 2025 houden.']);
  for (const q of L.questions) for (const s of q.subquestions) assert.equal(norm(text.slice(s.span.start, s.span.end)), s.text);
});

test('fixture: Kamervragen answer letter with "Vraag N" / "Antwoord N" / "Antwoord op vraag N"', () => {
  const L = parseLetter(fixture('kamervragen-antwoord.txt'));
  assert.deepEqual(summary(L.questions), ['-:1:answered', '-:2:answered', '-:3:answered', '-:4:answered']);
  assert.equal(L.questions[0].answer.text, 'Ja.');
  assert.equal(L.questions[2].subquestions.length, 2);
  assert.equal(L.kind, 'answer-letter');
});

test('fixture: inbreng prose with "N. Antwoord van het kabinet", numbering across sections', () => {
  const L = parseLetter(fixture('inbreng-kabinet.txt'));
  assert.deepEqual(summary(L.questions), ['VVD-fractie:1:answered', 'VVD-fractie:2:answered', 'D66-fractie:3:answered', 'D66-fractie:4:by-reference']);
  assert.equal(L.questions[1].questionText, 'De leden van de VVD-fractie vragen voorts hoe de staatssecretaris de privacy van gebruikers waarborgt.');
  assert.ok(L.questions[0].answer.text.endsWith('14 miljoen euro.'));
});

test('fixture: Vraag 1 / 1a / 1b headings with a context-only parent and numbering per fractie', () => {
  const L = parseLetter(fixture('vraag-subvragen.md'));
  assert.deepEqual(summary(L.questions), ['SP-fractie:1:context', 'SP-fractie:1a:answered', 'SP-fractie:1b:answered', 'SP-fractie:2:answered', 'CDA-fractie:1:answered', 'CDA-fractie:2:answered']);
  // "Ja, … zie ook het antwoord op vraag 1." answers itself; the reference resolves in the CDA section.
  const ref = L.answerReferences[0];
  assert.equal(resolveTarget(L, ref.sectionIndex, '1')!.section, 'CDA-fractie');
  assert.equal(L.questions[2].subquestions.length, 2);
});

test('fixture: text pasted from a PDF (blank line after each line, footnotes, page furniture)', () => {
  const L = parseLetter(fixture('pdf-plak.txt'));
  assert.deepEqual(summary(L.questions), ['GroenLinks-PvdA-fractie:1:answered', 'GroenLinks-PvdA-fractie:2:answered', 'NSC-fractie:1:answered']);
  assert.deepEqual(L.questions[0].subquestions.map((s) => s.text), ['Kunt u aangeven hoeveel bedrijven gebruikmaken van de regeling?', 'Welke resultaten heeft de regeling tot nu toe opgeleverd?']);
  // The footnotes and the page number are not part of the answer; the broken sentence is joined.
  const a = L.questions[0].answer.text;
  assert.ok(!a.includes('Evaluatie van de Regeling') && !a.includes('Pagina 2'));
  assert.ok(a.includes('bij 70 procent van deze bedrijven de basismaatregelen nu op orde zijn.'));
  // A word hyphenated over a line is joined.
  assert.equal(L.questions[1].subquestions[0].text, 'Welke rol speelt het Digital Trust Center bij het informeren van ondernemers over digitale dreigingen?');
  // The memo after the signature holds no question.
  assert.equal(L.questions.length, 3);
});

test('fixture: a Kamervragen question letter: numbered questions, all without an answer', () => {
  const L = parseLetter(fixture('kamervragen-vragen.txt'));
  assert.deepEqual(summary(L.questions), ['-:1:missing', '-:2:missing', '-:3:missing']);
  assert.equal(L.kind, 'question-letter');
  assert.equal(L.questions[1].questionText, 'Hoeveel inwoners krijgen door deze sluiting te maken met een langere reistijd naar een huisartsenpost?');
  assert.deepEqual(L.questions[2].subquestions.map((s) => s.text), ['Bent u bereid met de zorgverzekeraar in gesprek te gaan over het openhouden van de post?', 'Zo nee, waarom niet?']);
});

test('fixture: an inbreng without answers: each asking paragraph is a unit, numbered on', () => {
  const L = parseLetter(fixture('inbreng-vragen.txt'));
  assert.deepEqual(summary(L.questions), ['PVV-fractie:1:missing', 'CDA-fractie:2:missing', 'CDA-fractie:3:missing']);
  assert.equal(L.kind, 'question-letter');
  assert.deepEqual(L.questions[1].subquestions.map((s) => s.text), [
    'De leden van de CDA-fractie vragen de minister hoe regionale ontwikkelingsmaatschappijen worden betrokken bij de uitvoering.',
    'Graag ontvangen deze leden een overzicht van de middelen per regio.',
  ]);
});

test('fixture: questions in part I, answers in part II of one verslag are matched', () => {
  const L = parseLetter(fixture('verslag-twee-delen.txt'));
  assert.deepEqual(summary(L.questions), ['PVV-fractie:1:answered', 'PVV-fractie:2:answered', 'CDA-fractie:3:answered']);
  assert.equal(L.questions[2].answer.text, 'De evaluatie verschijnt in het najaar van 2025.');
  assert.deepEqual(L.orphanAnswers, []);
});

test('line ends: CRLF and CR give the same model as LF', () => {
  for (const name of ['markdown-vraag-antwoord.md', 'pdf-plak.txt', 'inbreng-kabinet.txt']) {
    const lf = fixture(name);
    const a = summary(parseLetter(lf).questions);
    assert.deepEqual(summary(parseLetter(lf.replace(/\n/g, '\r\n')).questions), a, `${name} CRLF`);
    assert.deepEqual(summary(parseLetter(lf.replace(/\n/g, '\r')).questions), a, `${name} CR`);
    const sub = parseLetter(lf.replace(/\n/g, '\r\n')).questions.flatMap((q) => q.subquestions.map((s) => s.text));
    assert.deepEqual(sub, parseLetter(lf).questions.flatMap((q) => q.subquestions.map((s) => s.text)));
  }
});

test('sentences do not end at abbreviations, initials or numbers with a full stop', () => {
  const text = 'Vraag 1\nKunt u aangeven of de aanbevelingen 1 t.m. 5 (zie bijv. Kamerstuk 30 821, nr. 12) en de motie van mr. A.B. de Vries o.a. in 2025 worden uitgevoerd?\n\nAntwoord 1\nJa, dat gebeurt in 2025. Zie de brief van 3 jan. jl. voor de planning.\n';
  const L = parseLetter(text);
  assert.equal(L.questions[0].subquestions.length, 1);
  assert.ok(L.questions[0].subquestions[0].text.startsWith('Kunt u aangeven of de aanbevelingen 1 t.m. 5'));
  assert.equal(L.questions[0].answer.status, 'answered');
});

test('headings: bold and Markdown forms, "Vraag 1:" with the question on the same line', () => {
  const text = '**Vraag 1:** Waarom is de regeling vertraagd?\n\n**Antwoord 1:** Door een tekort aan personeel.\n\n### Vraag 2\nWanneer start de regeling?\n\nAntwoord op vraag 2\nOp 1 juli.\n';
  const L = parseLetter(text);
  assert.deepEqual(summary(L.questions), ['-:1:answered', '-:2:answered']);
  assert.equal(L.questions[0].questionText, 'Waarom is de regeling vertraagd?');
  assert.equal(L.questions[0].answer.text, 'Door een tekort aan personeel.');
});

test('answer states: empty, placeholder only, by reference', () => {
  const text = 'Vraag 1\nWat kost het?\nAntwoord 1\n\nVraag 2\nWie betaalt?\nAntwoord 2\n[PM]\n\nVraag 3\nWanneer?\nAntwoord 3\nTODO\n\nVraag 4\nWaar?\nAntwoord 4\nZie het antwoord op vraag 1.\n';
  const L = parseLetter(text);
  assert.deepEqual(summary(L.questions), ['-:1:missing', '-:2:placeholder', '-:3:placeholder', '-:4:by-reference']);
  assert.equal(L.questions[0].answer.span, null);
  assert.ok(L.questions[0].answer.headingSpan);
});

test('Kamervragen numbering: "1. …" items, answered under "Antwoord"; a numbered list in an answer is no question', () => {
  const questions = 'Vragen van het lid Jansen (SP) aan de minister over de huisartsenpost (ingezonden 3 april 2025).\n\n1. Kent u het bericht ‘Post gaat dicht’?\n\n2. Hoeveel inwoners zijn getroffen?\n\n3. Bent u bereid dit te onderzoeken? Zo nee, waarom niet?\n';
  const Q = parseLetter(questions);
  assert.equal(Q.kind, 'question-letter');
  assert.deepEqual(summary(Q.questions), ['-:1:missing', '-:2:missing', '-:3:missing']);
  assert.equal(Q.questions[0].questionText, 'Kent u het bericht ‘Post gaat dicht’?');
  const answers = 'Antwoorden op vragen van het lid Jansen (ingezonden 3 april 2025).\n\n1. Kent u het bericht ‘Post gaat dicht’?\nAntwoord\nJa.\n\n2. Hoeveel inwoners zijn getroffen?\nAntwoord\nOngeveer 400. Het gaat om:\n1. inwoners van Emmen;\n2. inwoners van Klazienaveen.\n\n3. Bent u bereid dit te onderzoeken?\nAntwoord\n\n';
  const A = parseLetter(answers);
  assert.equal(A.kind, 'answer-letter');
  assert.deepEqual(summary(A.questions), ['-:1:answered', '-:2:answered', '-:3:missing']);
  assert.ok(A.questions[1].answer.text.includes('inwoners van Klazienaveen'));
});

test('references: "antwoord op vraag 18 en 43", over a line break, and resolution per section (or in the fractie named)', () => {
  const text = 'Vragen en opmerkingen van de leden van de SP-fractie\nVraag 1\nWat?\nAntwoord 1\nDit.\nVragen en opmerkingen van de leden van de CDA-fractie\nVraag 1\nHoe?\nAntwoord 1\nZo.\nVraag 2\nWaarom?\nAntwoord 2\nZie het antwoord op\nvraag 1 en 3 van de SP-fractie. Zie ook het antwoord op vraag 1.\n';
  const L = parseLetter(text);
  const r = L.answerReferences[0];
  assert.deepEqual(r.targets, ['1', '3']);
  assert.equal(text.slice(r.targetSpans[0].start, r.targetSpans[0].end), '1');
  // Issue 10: a reference that names a fractie means that fractie's question.
  assert.equal(text.slice(r.span.start, r.span.end), 'het antwoord op\nvraag 1 en 3 van de SP-fractie');
  assert.equal(resolveTarget(L, r.sectionIndex, '1')!.section, 'SP-fractie');
  assert.equal(resolveTarget(L, r.sectionIndex, '3'), undefined);
  // Without a fractie: the section it stands in.
  const plain = L.answerReferences[1];
  assert.equal(text.slice(plain.span.start, plain.span.end), 'het antwoord op vraag 1');
  assert.equal(resolveTarget(L, plain.sectionIndex, '1')!.section, 'CDA-fractie');
});

test('Markdown: emphasised questions, block quotes and rules do not leak into the text', () => {
  const text = '## Vraag 1\n\n*Bent u bekend met het bericht ‘X’?*\n\nJa.\n\n## Vraag 2\n\n> Hoeveel kost dit?\n> Wie betaalt?\n\n**Antwoord:** Het Rijk betaalt 4 miljoen.\n\n## Vraag 3\n\n_Wanneer start het?_\n\n---\n';
  const L = parseLetter(text);
  assert.deepEqual(summary(L.questions), ['-:1:answered', '-:2:answered', '-:3:missing']);
  assert.deepEqual(L.questions.map((q) => q.subquestions.map((s) => s.text)), [['Bent u bekend met het bericht ‘X’?'], ['Hoeveel kost dit?', 'Wie betaalt?'], ['Wanneer start het?']]);
  assert.equal(L.questions[0].answer.text, 'Ja.');
  assert.equal(L.questions[1].answer.text, 'Het Rijk betaalt 4 miljoen.');
});

test('joint answers ("Antwoord 1 en 2", "Antwoord op vragen 1 en 2") and answers standing apart from "Vraag" headings', () => {
  const joint = parseLetter('Vraag 1\nKent u het bericht?\n\nVraag 2\nKlopt het dat X?\n\nAntwoord 1 en 2\nJa, en dat klopt.\n\nVraag 3\nWanneer?\n\nAntwoord 3\nMorgen.\n');
  assert.deepEqual(summary(joint.questions), ['-:1:answered', '-:2:answered', '-:3:answered']);
  assert.equal(joint.questions[0].answer.text, 'Ja, en dat klopt.');
  assert.deepEqual(joint.questions[0].answer.span, joint.questions[1].answer.span);
  const vragen = parseLetter('Vraag 1\nKent u het bericht?\n\nVraag 2\nKlopt het dat X?\n\nAntwoord op vragen 1 en 2\nJa.\n');
  assert.deepEqual(summary(vragen.questions), ['-:1:answered', '-:2:answered']);
  const apart = parseLetter('Vraag 1\nWat kost het?\n\nVraag 2\nHoe gaat het?\n\nAntwoord 1\nVeel.\n\nAntwoord 2\nGoed.\n');
  assert.deepEqual(apart.questions.map((q) => q.answer.text), ['Veel.', 'Goed.']);
});

test('an "Antwoord op vraag 3" heading is no reference', () => {
  const L = parseLetter(fixture('kamervragen-antwoord.txt'));
  assert.deepEqual(L.answerReferences.map((r) => r.targets), [['2']]);
});

test('non-breaking spaces (as Word and PDFs give them) in headings and references', () => {
  const text = 'Vraag\u00a01\nWat kost het?\nAntwoord\u00a01\nVeel.\n\nVraag 2\nEn nu?\nAntwoord 2\nZie het antwoord op vraag\u00a01.\n';
  const L = parseLetter(text);
  assert.deepEqual(summary(L.questions), ['-:1:answered', '-:2:by-reference']);
});

test('an answer that opens in the committee voice stays an answer', () => {
  const L = parseLetter('Vraag 1\nDeelt u de mening van deze leden?\n\nDe leden hebben gelijk: het kabinet deelt die mening.\n');
  assert.deepEqual(summary(L.questions), ['-:1:answered']);
  assert.equal(L.questions[0].answer.text, 'De leden hebben gelijk: het kabinet deelt die mening.');
});
