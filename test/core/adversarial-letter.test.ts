// Bad and hostile input for the letter model and the question checks: never a crash, and time
// that grows linearly. Times are compared with each other and with one pass of the word regex
// over the same text (interleaved, medians), never with absolute milliseconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLetter } from '../../server/src/core/letter/parse';
import { checkQuestions } from '../../server/src/core/checks/questions';
import { applySuppressions } from '../../server/src/core/suppress';
import { LineIndex } from '../../server/src/core/text';
import { fixture } from './letter-helpers';
import { findCommitments } from '../../server/src/core/commitments';

function analyse(text: string): number {
  const letter = parseLetter(text);
  const findings = applySuppressions(text, checkQuestions(letter));
  // Every span must lie inside the text and be convertible to a range.
  const lines = new LineIndex(text);
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `span of ${f.code}`);
    lines.range(f.span);
    assert.equal(typeof f.message, 'string');
  }
  for (const q of letter.questions) assert.ok(q.span.start >= 0 && q.span.end <= text.length);
  // Commitments (issue 12) read the same text.
  const commitments = findCommitments(text);
  for (const c of commitments.items) assert.ok(c.span.start >= 0 && c.span.end <= text.length && c.span.start <= c.span.end, 'span of a commitment');
  return findings.length + commitments.items.length;
}

function scan(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

/** Best-of-runs times of analysis and scan for `text`, interleaved (the minimum resists noise). */
function timeOf(text: string, runs = 3): { analysis: number; scan: number } {
  const a: number[] = [];
  const s: number[] = [];
  analyse(text);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    scan(text);
    s.push(performance.now() - t);
    t = performance.now();
    analyse(text);
    a.push(performance.now() - t);
  }
  return { analysis: Math.min(...a), scan: Math.min(...s) };
}

/**
 * Linear growth: t(2n)/t(n) ≤ 2.5, judged against the scan of the same texts so that a busy
 * machine does not fail the test (generous bound 3, up to four attempts).
 */
function assertLinear(name: string, make: (n: number) => string, start: number): void {
  // Grow the input until one analysis takes long enough for timer and scheduler noise to fade.
  let n = start;
  while (n < 2048 * KB && timeOf(make(n), 1).analysis < 40) n *= 2;
  let last = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    const small = make(n);
    const big = make(2 * n);
    const ts = timeOf(small);
    const tb = timeOf(big);
    const growth = tb.analysis / Math.max(ts.analysis, 0.5);
    const scanGrowth = tb.scan / Math.max(ts.scan, 0.5);
    // Allow the analysis to grow as much as the scan did on this machine, and then some.
    if (growth <= Math.max(3, scanGrowth * 1.5)) return;
    last = `${name}: t(2n)/t(n) = ${growth.toFixed(2)} (scan ${scanGrowth.toFixed(2)}; ${ts.analysis.toFixed(1)} → ${tb.analysis.toFixed(1)} ms)`;
  }
  assert.fail(last);
}

const KB = 1024;
const repeatTo = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

const CASES: Record<string, (size: number) => string> = {
  'a letter repeated': (size) => repeatTo(fixture('markdown-vraag-antwoord.md') + '\n', size),
  'a PDF paste repeated': (size) => repeatTo(fixture('pdf-plak.txt') + '\n', size),
  'prose answers repeated': (size) => repeatTo(fixture('inbreng-kabinet.txt') + '\n', size),
  'one long line': (size) => repeatTo('Kunt u aangeven hoe dit zit, bijv. in nr. 5 t.m. 7 van o.a. Vraag 1? ', size),
  'only question marks': (size) => '?'.repeat(size),
  'repeated Vraag 1a headings': (size) => repeatTo('Vraag 1a\n', size),
  'repeated answer headings': (size) => repeatTo('Antwoord 5\n', size),
  'repeated prose answer headings': (size) => repeatTo('1. Antwoord van het kabinet\n', size),
  'references in a chain': (size) => {
    const parts: string[] = [];
    let i = 1;
    let len = 0;
    while (len < size) {
      const p = i === 1 ? 'Vraag 1\nWat?\nAntwoord 1\n\n' : `Vraag ${i}\nWat?\nAntwoord ${i}\nZie het antwoord op vraag ${i - 1}.\n\n`;
      parts.push(p);
      len += p.length;
      i++;
    }
    return parts.join('');
  },
  'blank lines': (size) => '\n'.repeat(size),
  'blank line after every word': (size) => repeatTo('woord\n\n', size),
  'brackets': (size) => '['.repeat(size),
  'footnote-like lines': (size) => repeatTo('1 Zie Kamerstuk 30 821, nr. 72.\n', size),
  'full stops and abbreviations': (size) => repeatTo('a. b. c. nr. o.a. t.m. ', size),
  'fractie headings': (size) => repeatTo('Vragen en opmerkingen van de leden van de PVV-fractie\nKunt u dat toelichten?\n', size),
  // The reader's answer matching across fracties: questions restarting per fractie, answers
  // numbered on (interleaved, and all after the questions), duplicated answers, a reprinted
  // prose inbreng, footnote markers glued to questions, and all of it on one line.
  'answers numbered on while fracties restart': (size) => repeatTo('Vragen en opmerkingen van de leden van de PVV-fractie\nVraag 1\nWat kost het?\nAntwoord 7\nTien.\nVraag 2\nWie betaalt?\nAntwoord 2\nAntwoord 2\nHet Rijk.\n', size),
  'answers after all questions': (size) => {
    const q = repeatTo('Vragen en opmerkingen van de leden van de CDA-fractie\nVraag 1\nWat kost het?\nVraag 2\nWie betaalt?\n', size / 2);
    const n = Math.floor(size / 2 / 30);
    return q + Array.from({ length: n }, (_, k) => `Antwoord ${(k % 9000) + 1}\nTien.\n`).join('');
  },
  'reprinted prose inbreng': (size) => repeatTo('Vragen en opmerkingen van de leden van de SP-fractie\nDe leden van de SP-fractie vragen hoeveel inspecteurs er zijn.\nEr zijn er 42.\n', size),
  'footnote markers glued to questions': (size) => repeatTo('Vraag 1\nKent u het bericht?3 Klopt het dat?\n4Klopt het?\n5 Wat doet u?\nAntwoord 1\nJa.2\n', size),
  'a verslag on one line': (size) => repeatTo('Vragen en opmerkingen van de leden van de PVV-fractie De leden vragen hoe het zit? 1. Antwoord van het kabinet Zo zit het. ', size),
  'binary bytes': (size) => {
    let s = '';
    let x = 12345;
    for (let i = 0; i < size; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      s += String.fromCharCode(x & 0xff);
    }
    return s;
  },
  'lone surrogates': (size) => repeatTo('Vraag 1\n\ud800 Kunt u \udc00 dat? \ud83d\n', size),
  // Issue 10: question marks in one question beside a long answer (subquestions × answer length).
  'question marks in a question with a long answer': (size) =>
    `Vraag 1\nWaarom${'?'.repeat(size / 2)} Hoe staat het met de woningbouw in Utrecht en de stikstofregels?\nAntwoord 1\n${repeatTo('De minister bouwt woningen in Amersfoort. ', size / 2)}\n`,
  'many subquestions with a long answer': (size) =>
    `Vraag 1\n${repeatTo('Waarom? Hoe staat het met de woningbouw in Utrecht en de stikstofregels? ', size / 2)}\nAntwoord 1\n${repeatTo('De minister bouwt huizen in Amersfoort. ', size / 2)}\n`,
  'many distinct subquestions with a long answer': (size) => {
    const q: string[] = [];
    const a: string[] = [];
    for (let i = 0, len = 0; len < size / 2; i++) {
      const s = `Hoe staat het met de woning${i}bouw en stikstof${i}regels in gemeente${i}stad? `;
      q.push(s);
      len += s.length;
    }
    for (let i = 0, len = 0; len < size / 2; i++) {
      const s = `De minister bouwt ${i}huizen in Amersfoort${i}. `;
      a.push(s);
      len += s.length;
    }
    return `Vraag 1\n${q.join('')}\nAntwoord 1\n${a.join('')}\n`;
  },
  // Issue 9's layouts, repeated and run on.
  'a verslag reprinted over and over': (size) => repeatTo(fixture('../layouts/verslag-herdruk.txt') + '\n', size),
  'joint headings and page breaks repeated': (size) => repeatTo(fixture('../layouts/gezamenlijk.txt') + '\n', size),
  'a whole letter on one line': (size) => repeatTo('Zo is het. Vraag 1 Wat kost het? Antwoord 1 Niets. Vraag 2 en 3 Wie? Antwoord Ik. 4. Waarom? ', size),
  'chained headings on one line': (size) => repeatTo('Dat is zo. Antwoord 1 Antwoord 2 Vraag 3 Vraag 4, 5 6 7 ', size),
  'bare number lines counting up': (size) => {
    const parts: string[] = [];
    let len = 0;
    for (let i = 1; len < size; i++) {
      const p = `${i}\nWat kost het?\n`;
      parts.push(p);
      len += p.length;
    }
    return parts.join('');
  },
  'a mededeling repeated in one sentence': (size) => 'Vraag 1\nWat kost het?\n' + repeatTo('de vragen zijn beantwoord met de brief van 3 maart en ', size),
  'one question repeated with different texts': (size) => {
    const parts: string[] = [];
    let len = 0;
    for (let i = 1; len < size; i++) {
      const p = `Vraag 1\nWat kost regeling ${i} in jaar ${i}?\n`;
      parts.push(p);
      len += p.length;
    }
    return parts.join('');
  },
  // Commitments: every word an anchor, no sentence end, forms that almost match.
  'commitment anchors without a stop': (size) => repeatTo('uw Kamer wordt u terug Kamer informeren ', size),
  'commitment forms on one long line': (size) => repeatTo('Ik zal uw Kamer voor de zomer informeren, en uw Kamer wordt na de zomer geïnformeerd; ', size),
  'commitments one per line': (size) => repeatTo('Uw Kamer ontvangt voor 1 juli de evaluatie.\n', size),
};

test('adversarial input: no crash, spans inside the text (each kind at 64 KB, CRLF and CR too)', () => {
  for (const [name, make] of Object.entries(CASES)) {
    const text = make(64 * KB);
    assert.doesNotThrow(() => analyse(text), name);
    assert.doesNotThrow(() => analyse(text.replace(/\n/g, '\r\n')), `${name} CRLF`);
    assert.doesNotThrow(() => analyse(text.replace(/\n/g, '\r')), `${name} CR`);
  }
});

test('adversarial input: one 1 MB line, 10,000 question marks, 1 MB of brackets', () => {
  assert.doesNotThrow(() => analyse(CASES['one long line'](1024 * KB)));
  assert.doesNotThrow(() => analyse('?'.repeat(10000)));
  assert.doesNotThrow(() => analyse('Vraag 1\n' + 'Kan dat? '.repeat(10000) + '\nAntwoord 1\n' + '?'.repeat(10000)));
  assert.doesNotThrow(() => analyse('['.repeat(1024 * KB)));
});

test('adversarial input: "Waarom??" is one subquestion, and so is "Waarom" with 40,000 question marks', () => {
  const unit = (marks: string) => parseLetter(`Vraag 1\nWaarom${marks} En hoe staat het met de woningbouw?\nAntwoord 1\nDe woningbouw loopt.\n`).questions[0];
  assert.deepEqual(unit('??').subquestions.map((s) => s.text), ['Waarom??', 'En hoe staat het met de woningbouw?']);
  assert.equal(unit('?'.repeat(40000)).subquestions.length, 2);
  assert.doesNotThrow(() => analyse(CASES['question marks in a question with a long answer'](160 * KB)));
});

test('adversarial input: linear growth (t(2n)/t(n)) for every kind', () => {
  for (const [name, make] of Object.entries(CASES)) assertLinear(name, make, 128 * KB);
});

test('adversarial input: a 10 MB letter is analysed within a bounded multiple of a scan', () => {
  const text = CASES['a letter repeated'](10 * 1024 * KB);
  const t = timeOf(text, 1);
  // Measured about 3–5 × the scan; 25 × leaves room for a busy machine.
  assert.ok(t.analysis <= 25 * t.scan, `10 MB: ${t.analysis.toFixed(0)} ms vs scan ${t.scan.toFixed(0)} ms`);
  const letter = parseLetter(text);
  assert.ok(letter.questions.length > 10000);
});

test('adversarial input: a long chain of references ending in a missing answer', () => {
  const n = 9000; // question numbers have at most four digits
  const parts = ['Vraag 1\nWat?\nAntwoord 1\n\n'];
  for (let i = 2; i <= n; i++) parts.push(`Vraag ${i}\nWat?\nAntwoord ${i}\nZie het antwoord op vraag ${i - 1}.\n\n`);
  const text = parts.join('');
  const findings = checkQuestions(parseLetter(text));
  assert.equal(findings.filter((f) => f.code === 'unanswered-question').length, 1);
  assert.equal(findings.filter((f) => f.code === 'reference-to-unanswered').length, n - 1);
  // A long cycle: every reference in it is reported, no stack overflow.
  const cycle = Array.from({ length: n }, (_, k) => `Vraag ${k + 1}\nWat?\nAntwoord ${k + 1}\nZie het antwoord op vraag ${((k + 1) % n) + 1}.\n\n`).join('');
  const cf = checkQuestions(parseLetter(cycle));
  assert.equal(cf.filter((f) => f.code === 'reference-to-unanswered').length, n);
});

/**
 * Issue 10's growth shapes: a unit with very many subquestions (a PDF's run of "?" included),
 * very many units each with a long answer, and one enormous line holding questions and answers.
 * Shapes that `subquestion-not-addressed` still makes quadratic are marked todo for issue 11.
 */
const LONG_ANSWER = 'Het kabinet neemt maatregelen om de wachttijden te verkorten en de kosten te beperken. ';
const GROWTH_SHAPES: Record<string, { make: (size: number) => string; todo?: string; start?: number }> = {
  // Half the text distinct subquestions, half one answer: both grow with the input.
  'many subquestions in one unit': {
    make: (size) => {
      const qs: string[] = [];
      for (let i = 0, len = 0; len < size / 2; i++) {
        const q = `Waarom stijgt bedrag ${i} van regeling ${i * 7} zo sterk? `;
        qs.push(q);
        len += q.length;
      }
      return `Vraag 1\n${qs.join('')}\n\nAntwoord 1\n${repeatTo(LONG_ANSWER, size / 2)}\n`;
    },
  },
  // The same with a short answer: every subquestion is judged against each sentence of the
  // answer (TRY4 defect 2: short subquestions in short answers), and with a bare "Ja.".
  'many subquestions in one unit with a short answer': {
    make: (size) => {
      const qs: string[] = [];
      for (let i = 0, len = 0; len < size; i++) {
        const q = i % 3 ? `Hoeveel kost regeling ${i}? ` : `Zo ja, waarom stijgt bedrag ${i}? `;
        qs.push(q);
        len += q.length;
      }
      return `Vraag 1\n${qs.join('')}\n\nAntwoord 1\nRegeling 3 kost twee miljoen. Bedrag 7 stijgt niet.\n\nVraag 2\n${qs.join('')}\n\nAntwoord 2\nJa.\n`;
    },
  },
  // A PDF artefact: a run of "?" (and "? ?") in one question, with an answer as long.
  'a run of question marks in one question': {
    make: (size) => `Vraag 1\nKunt u dit toelichten${'? ?'.repeat(size / 6)}${'?'.repeat(size / 4)}\n\nAntwoord 1\n${repeatTo(LONG_ANSWER, size / 2)}\n`,
  },
  'many units with long answers': {
    make: (size) => {
      const parts: string[] = [];
      for (let i = 1, len = 0; len < size; i++) {
        const p = `Vraag ${i % 9000 || 9000}\nWaarom stijgen de kosten? Kunt u aangeven welke maatregelen u neemt?\n\nAntwoord ${i % 9000 || 9000}\n${LONG_ANSWER.repeat(8)}\n\n`;
        parts.push(p);
        len += p.length;
      }
      return parts.join('');
    },
  },
  // Issue 10's break pass: 3,000 questions each answering by reference (3.3 MB took 18 s): a chain
  // "zie het antwoord op vraag k-1" down to one real answer, and every answer pointing at one long answer.
  'answers by reference in a long chain': {
    make: (size) => {
      const parts: string[] = [];
      for (let i = 1, len = 0; len < size && i <= 9000; i++) {
        const answer = i === 1 ? LONG_ANSWER.repeat(4) : ['Zie het antwoord op vraag N.', 'Ik verwijs naar het antwoord op vraag N.', 'Zie de antwoorden op de vragen N en 1.'][i % 3].replace('N', String(i - 1));
        const p = `Vraag ${i}\nWaarom stijgen de kosten van regeling ${i} in gemeente ${i * 3}? Welke maatregelen neemt u tegen de wachttijden in regio ${i * 7}?\n\nAntwoord ${i}\n${answer}\n\n`;
        parts.push(p);
        len += p.length;
      }
      return parts.join('');
    },
    // A chain's cost shows once it is hundreds of answers long.
    start: 128 * KB,
  },
  'answers by reference to one long answer': {
    make: (size) => {
      const parts: string[] = [];
      const units = Math.min(9000, Math.ceil(size / 300));
      parts.push(`Vraag 1\nWaarom stijgen de kosten? Welke maatregelen neemt u?\n\nAntwoord 1\n${repeatTo(LONG_ANSWER, size / 2)}\n\n`);
      for (let i = 2; i <= units; i++) parts.push(`Vraag ${i}\nWaarom stijgen de kosten van regeling ${i} in gemeente ${i * 3}? Welke stappen zet u in regio ${i * 7}?\n\nAntwoord ${i}\nZie het antwoord op vraag 1.\n\n`);
      return parts.join('');
    },
    start: 128 * KB,
  },
  'one enormous line with questions and answers': {
    make: (size) => `Vraag 1 ${repeatTo('kunt u dit toelichten en waarom niet? Antwoord 1 Omdat het zo is. ', size)}`,
  },
};

for (const [name, shape] of Object.entries(GROWTH_SHAPES)) {
  test(`adversarial input: linear growth for ${name} (issue 10)`, { todo: shape.todo }, () => {
    assert.doesNotThrow(() => analyse(shape.make(64 * KB)));
    assertLinear(name, shape.make, shape.start ?? 32 * KB);
  });
}
