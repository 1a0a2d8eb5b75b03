// Issue 11 through the real CLI process: `check` counts what the editor's status item counts
// (the question letter's left-out question in the total; the empty, the PM and the dangling
// answer open), never ends a letter with an error left in it on "0 open" alone, and `outline`
// labels the units the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../fixtures/status');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60000, env: { ...process.env, ANTWOORDBRIEF_TODAY: '2024-04-02' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withDir(files: Record<string, string>, fn: (dir: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-cli-status-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('cli: check counts the question letter\'s left-out question, a PM answer and a reference to a question that does not exist as open', () =>
  withDir({ 'vragen.md': fixture('vragen.md'), 'antwoord.md': fixture('antwoord.md') }, (dir) => {
    const r = run(['check', 'antwoord.md', 'vragen.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('antwoord.md: 6 vragen, 2 beantwoord, 4 open'), r.stdout);
    assert.ok(lines.includes('vragen.md: 6 vragen (vragenbrief: niet op antwoorden gecontroleerd)'), r.stdout);
    // The term note stays while questions are open.
    assert.match(r.stdout, /answer-term-exceeded/);
    const json = JSON.parse(run(['check', '--format', 'json', 'antwoord.md'], dir).stdout);
    assert.deepEqual(json[0].summary, { questions: 6, answered: 2, byReference: 0, open: 4, questionLetter: false, errors: 3, noneRecognised: false });
    // The left-out question's finding sits at the end of answer 5 (where it is inserted), not on a heading.
    const missing = json[0].diagnostics.find((d: any) => d.code === 'question-missing');
    const text = fixture('antwoord.md');
    const lastLine = text.trimEnd().split('\n').length - 1;
    assert.deepEqual(missing.range, { start: { line: lastLine, character: text.trimEnd().split('\n')[lastLine].length }, end: { line: lastLine, character: text.trimEnd().split('\n')[lastLine].length } });
  }));

test('cli: all answered but an error left: the summary says so instead of ending on "0 open"', () => {
  const full = fixture('antwoord.md')
    .replace('## Antwoord 2\n', '## Antwoord 2\n\nHet aantal is sinds 2015 gestegen, blijkt uit de Monitor Zwemvaardigheid.\n')
    .replace('PM: afstemmen met de directie Sport over de bestuurlijke afspraken.', 'Met de VNG is afgesproken dat gemeenten zwembaden in het sportakkoord opnemen.')
    .replace('Zie het antwoord op vraag 9.', 'Zie het antwoord op vraag 3.')
    .concat(
      '\n## Vraag 6\n\nBent u bereid de Kamer voor de zomer te informeren over de stand van zaken van het schoolzwemmen in Nederland?\n\n## Antwoord 6\n\nJa, dat zeg ik toe.\n',
    );
  withDir({ 'vragen.md': fixture('vragen.md'), 'antwoord.md': full, 'fout.md': full.replace(' Zo ja, welke maatregelen neemt u daartoe?', '') }, (dir) => {
    const ok = run(['check', 'antwoord.md'], dir);
    assert.equal(ok.code, 0, ok.stdout);
    assert.ok(ok.stdout.includes('antwoord.md: 6 vragen, 6 beantwoord (1 door verwijzing), 0 open\n'), ok.stdout);
    const bad = run(['check', 'fout.md'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /error {2}question-missing {2}Een subvraag van vraag 5/);
    assert.ok(bad.stdout.includes('fout.md: 6 vragen, 6 beantwoord (1 door verwijzing), 0 open, nog 1 fout\n'), bad.stdout);
  });
});

test('cli: outline labels a PM answer and a dangling reference as not answered', () =>
  withDir({ 'antwoord.md': fixture('antwoord.md') }, (dir) => {
    const r = run(['outline', '--format', 'text', 'antwoord.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Vraag 3 {2}\(niet beantwoord: nog een placeholder\)/m);
    assert.match(r.stdout, /^Vraag 4 {2}\(niet beantwoord: verwijst naar vraag 9, die niet bestaat\)/m);
    assert.match(r.stdout, /^Vraag 5 {2}\(beantwoord\)/m);
  }));

test('cli: a file another checked file uses as its question letter asks, as in the editor with both open', () => {
  // Questions under "## Vraag N" headings without a Kamervragen header read like an unfinished answer letter on their own.
  const inbreng = fixture('vragen.md')
    .replace(/^# .*\n\n.*\n/, '# Inbreng over het schoolzwemmen\n')
    .replace(/^(\d)\. /gm, '## Vraag $1\n\n');
  const answer = fixture('antwoord.md').replace('<!-- vragen: ./vragen.md -->', '<!-- vragen: ./inbreng.md -->');
  withDir({ 'inbreng.md': inbreng, 'antwoord.md': answer }, (dir) => {
    const alone = run(['check', 'inbreng.md'], dir);
    assert.ok(alone.stdout.includes('inbreng.md: 6 vragen, 0 beantwoord, 6 open\n'), alone.stdout);
    const both = run(['check', 'antwoord.md', 'inbreng.md'], dir);
    assert.ok(both.stdout.includes('inbreng.md: 6 vragen (vragenbrief: niet op antwoorden gecontroleerd)\n'), both.stdout);
    assert.doesNotMatch(both.stdout, /inbreng\.md:\d+:\d+ {2}error {2}unanswered-question/);
    assert.ok(both.stdout.includes('antwoord.md: 6 vragen, 2 beantwoord, 4 open\n'), both.stdout);
  });
});
