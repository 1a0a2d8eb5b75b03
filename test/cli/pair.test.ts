import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cutQuestionLetter, HAS_SHARED, LETTER_000, LETTER_002 } from '../core/pairCorpus';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../fixtures/pair');
const PAIR_CODES = new Set(['question-missing', 'question-text-differs', 'question-order', 'question-extra', 'answer-term-exceeded']);
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function run(args: string[], cwd: string, today = '2025-03-30') {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000, env: { ...process.env, ANTWOORDBRIEF_TODAY: today } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withDir(files: Record<string, string>, fn: (dir: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-cli-pair-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pair codes (with question) per file of a JSON check. */
function pairCodes(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of JSON.parse(stdout)) out[f.file] = f.diagnostics.filter((d: any) => PAIR_CODES.has(d.code)).map((d: any) => `${d.code}:${d.question ?? ''}`);
  return out;
}

test('cli: check --questions pairs the answer letter with the Kamervragen and finds nothing amiss', () =>
  withDir({ 'vragen.md': fixture('kamervragen.md'), 'antwoord.md': fixture('antwoord-kamervragen.md').replace(/^<!--.*-->\n/, '') }, (dir) => {
    const r = run(['check', '--format', 'json', '--questions', 'vragen.md', 'antwoord.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out, [{ file: 'antwoord.md', source: 'text', diagnostics: [], summary: { questions: 5, answered: 5, byReference: 0, open: 0, questionLetter: false, errors: 0, noneRecognised: false }, questionLetter: 'vragen.md' }]);
    const text = run(['check', '--questions', 'vragen.md', 'antwoord.md'], dir);
    assert.equal(text.stdout, 'antwoord.md: vragenbrief vragen.md\nantwoord.md: 5 vragen, 5 beantwoord, 0 open\ngeen meldingen in 1 bestand\n');
  }));

test('cli: check MAP finds each answer letter\u2019s question letter and reports a changed word, a dropped question, a swap', () => {
  const answer = fixture('antwoord-kamervragen.md');
  const s2 = answer.indexOf('### Vraag 2');
  const s3 = answer.indexOf('### Vraag 3');
  const s4 = answer.indexOf('### Vraag 4');
  const s5 = answer.indexOf('### Vraag 5');
  withDir(
    {
      'kamervragen.md': fixture('kamervragen.md'),
      'inbreng.md': fixture('inbreng.md'),
      'a/woord.md': answer.replace('./kamervragen.md', '../kamervragen.md').replace('Hoeveel gemeenten hebben', 'Hoeveel gemeenten hadden'),
      'b/weg.md': answer.replace('./kamervragen.md', '../kamervragen.md').slice(0, s4) + answer.slice(s5),
      'c/wissel.md': (answer.slice(0, s2) + answer.slice(s3, s4) + answer.slice(s2, s3) + answer.slice(s4)).replace('./kamervragen.md', '../kamervragen.md'),
    },
    (dir) => {
      const r = run(['check', '--format', 'json', '.'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(pairCodes(r.stdout), {
        'a/woord.md': ['question-text-differs:2'],
        'b/weg.md': ['question-missing:4'],
        'c/wissel.md': ['question-order:3'],
        'inbreng.md': [],
        'kamervragen.md': [],
      });
      const files = JSON.parse(r.stdout);
      assert.equal(files.find((f: any) => f.file === 'a/woord.md').questionLetter, '../kamervragen.md');
      // The question letters themselves are not reported as unanswered.
      assert.deepEqual(files.find((f: any) => f.file === 'kamervragen.md').diagnostics, []);
    },
  );
});

test('cli: skeleton prints a Markdown answer letter that checks clean against its question letter', () =>
  withDir({ 'inbreng.md': fixture('inbreng.md') }, (dir) => {
    const r = run(['skeleton', 'inbreng.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!-- vragen: \.\/inbreng\.md -->\n\nGeachte voorzitter,/);
    assert.equal((r.stdout.match(/^### Vraag \d+$/gm) ?? []).length, 5);
    writeFileSync(path.join(dir, 'antwoord.md'), r.stdout);
    const c = run(['check', '--format', 'json', 'antwoord.md'], dir, '2025-02-10');
    assert.deepEqual(pairCodes(c.stdout), { 'antwoord.md': [] });
    // Past the term the unfinished skeleton gets the uitstelbericht advice.
    assert.deepEqual(pairCodes(run(['check', '--format', 'json', 'antwoord.md'], dir, '2025-03-30').stdout), { 'antwoord.md': ['answer-term-exceeded:'] });
  }));

test('cli: bad input to the pair commands exits 2 with one Dutch line', () =>
  withDir({ 'leeg/foto.png': 'x', 'brief.md': 'Geachte voorzitter,\n\nDank voor uw brief.\n', 'antwoord.md': '<!-- vragen: ./weg.md -->\n\n### Vraag 1\n\nWaarom?\n\n### Antwoord 1\n\nDaarom.\n' }, (dir) => {
    const cases: [string[], RegExp][] = [
      [['check', 'leeg'], /leeg: dit is een map zonder brieven/],
      [['check', '--questions', 'weg.md', 'brief.md'], /weg\.md: bestand niet gevonden/],
      [['check', '--questions', 'brief.md', 'antwoord.md'], /brief\.md: in deze vragenbrief zijn geen vragen gevonden/],
      [['skeleton', 'brief.md'], /brief\.md: in deze brief zijn geen vragen gevonden/],
      [['skeleton'], /geef precies één vragenbrief op/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    // A question letter the answer letter names but that cannot be read is a finding on that
    // name (as in the editor), not an input error: the letter itself was read and checked.
    const r = run(['check', 'antwoord.md'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0, 'a warning does not fail the check');
    assert.match(r.stdout, /^antwoord\.md:1:14 {2}warning {2}question-letter-unreadable {2}De vragenbrief kan niet gelezen worden: de vragenbrief weg\.md bestaat niet\./m);
  }));

test('cli: 000 PvdD questions cut out at test time — skeleton clean; a word, a subquestion, a swap each give one finding', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  withDir({ 'inbreng.md': cutQuestionLetter(LETTER_000, { sections: ['Partij voor de Dieren-fractie'], headings: true }) }, (dir) => {
    const sk = run(['skeleton', 'inbreng.md'], dir).stdout;
    const a = sk.indexOf('### Vraag 2a');
    const b = sk.indexOf('### Vraag 2b');
    const e = sk.indexOf('### Vraag 3');
    writeFileSync(path.join(dir, 'schoon.md'), sk);
    writeFileSync(path.join(dir, 'woord.md'), sk.replace('Welke maatregelen zijn of worden', 'Welke stappen zijn of worden'));
    writeFileSync(path.join(dir, 'subvraag.md'), sk.replace(' Zo ja, welke voorstellen daartoe worden ontwikkeld?', ''));
    writeFileSync(path.join(dir, 'wissel.md'), sk.slice(0, a) + sk.slice(b, e) + sk.slice(a, b) + sk.slice(e));
    const r = run(['check', '--format', 'json', '--questions', 'inbreng.md', 'schoon.md', 'woord.md', 'subvraag.md', 'wissel.md'], dir, '2025-10-01');
    assert.deepEqual(pairCodes(r.stdout), {
      'schoon.md': [],
      'woord.md': ['question-text-differs:1c'],
      'subvraag.md': ['question-missing:1e'],
      'wissel.md': ['question-order:2b'],
    });
  });
});

test('cli: 002 verslag checked against its cut-out inbreng is clean', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  withDir({ 'inbreng.md': cutQuestionLetter(LETTER_002, { headings: false }), 'verslag.txt': readFileSync(LETTER_002, 'utf8') }, (dir) => {
    const r = run(['check', '--format', 'json', '--questions', 'inbreng.md', 'verslag.txt'], dir);
    assert.deepEqual(pairCodes(r.stdout), { 'verslag.txt': [] });
    // Found without --questions as well: the verslag quotes the inbreng's questions.
    const d = JSON.parse(run(['check', '--format', 'json', '.'], dir).stdout);
    assert.equal(d.find((f: any) => f.file === 'verslag.txt').questionLetter, 'inbreng.md');
  });
});

test('cli: a joint "Vraag 2 en 3" against a question letter asking 2 and 3 apart is clean; its skeleton keeps the joint block', () =>
  withDir({ 'vragen.md': fixture('gezamenlijk-vragen.md'), 'antwoord.md': fixture('gezamenlijk-antwoord.md') }, (dir) => {
    const r = run(['check', '--format', 'json', '--questions', 'vragen.md', 'antwoord.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [out] = JSON.parse(r.stdout);
    assert.deepEqual(out.diagnostics.map((d: any) => d.code), []);
    assert.equal(out.summary.questions, 7);
    // One word changed in the joint text: one finding, on the joint heading's text.
    writeFileSync(path.join(dir, 'antwoord.md'), fixture('gezamenlijk-antwoord.md').replace('blijft gemiddeld onbenut', 'blijft doorgaans onbenut'));
    const changed = run(['check', '--questions', 'vragen.md', 'antwoord.md'], dir);
    assert.match(changed.stdout, /antwoord\.md:\d+:1 {2}warning {2}question-text-differs {2}Vragen 4, 5 en 6 zijn anders overgenomen dan in de vragenbrief \(vragen\.md\): „doorgaans” in plaats van „gemiddeld”/);
    assert.equal(changed.stdout.split('question-').length, 2, changed.stdout);
    const sk = run(['skeleton', 'antwoord.md'], dir);
    assert.equal(sk.code, 0, sk.stderr);
    assert.match(sk.stdout, /### Vraag 2 en 3\n\n[^\n]+\n\n### Antwoord 2 en 3\n/);
  }));

test('cli: "Antwoord 2a" and "Antwoord 2c" under a question 2 asking a), b) and c): only b) is reported open', () =>
  withDir({ 'antwoord.md': fixture('deelantwoorden.md') }, (dir) => {
    const r = run(['check', 'antwoord.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      'antwoord.md:9:1  error  unanswered-question  Subvraag b) van vraag 2 is niet beantwoord: ‘Hoeveel daarvan zijn gegrond verklaard?’. Voeg een antwoord 2b toe.\n' +
        'antwoord.md: 5 vragen, 4 beantwoord, 1 open\n1 melding in 1 bestand\n',
    );
  }));

test('cli: an "Antwoord 4" without its question gets one finding, alone and with the question letter', () =>
  withDir({ 'los/antwoord.txt': fixture('los-antwoord.txt'), 'paar/antwoord.txt': fixture('los-antwoord.txt'), 'paar/vragen.txt': fixture('los-vragen.txt') }, (dir) => {
    const alone = run(['check', '--format', 'json', 'los/antwoord.txt'], dir);
    const [a] = JSON.parse(alone.stdout);
    assert.equal(a.questionLetter, undefined);
    assert.deepEqual(a.diagnostics.map((d: any) => `${d.code}:${d.message}`), [
      'answer-without-question:Bij dit antwoord hoort geen vraag 4. Controleer het nummer of voeg vraag 4 toe.',
      'missing-question-number:Vraag 3 ontbreekt: na vraag 2 volgt vraag 5 (daartussen staat alleen antwoord 4). Controleer de nummering.',
    ]);
    const paired = run(['check', '--format', 'json', '--questions', 'paar/vragen.txt', 'paar/antwoord.txt'], dir);
    const [p] = JSON.parse(paired.stdout);
    assert.deepEqual(p.diagnostics.map((d: any) => `${d.code}:${d.range.start.line + 1}`), ['question-missing:14', 'question-missing:15']);
    assert.match(p.diagnostics[1].message, /^Vraag 4 uit de vragenbrief \(vragen\.txt\) ontbreekt boven dit antwoord: „Welke maatregelen/);
  }));
