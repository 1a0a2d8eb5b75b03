// Issue 11 (the new-user trial): the status item tells the truth over a real LSP connection.
// An answer letter is never "complete" while an error remains: an empty answer, a placeholder
// answer ("PM: afstemmen …"), an answer that only refers to a question that does not exist and a
// question of the question letter the draft leaves out are all open; the total counts the
// question letter's questions. A question letter gets a neutral status with its term in Dutch
// date words. "Volgende onbeantwoorde vraag" lands where the drafter starts typing, and the
// "Vraag N ontbreekt" finding marks the gap where the question belongs, not a correct heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, editsFor, offsetAt, positionOf, withClient, type LspClient } from './lsp-client';

const FIXTURES = path.resolve(__dirname, '../fixtures/status');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function workspace(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'antwoordbrief-status-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, uri: (name: string) => pathToFileURL(path.join(dir, name)).toString(), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Today is 2 April 2024: the term of the question letter (28 March 2024) has passed. */
function withServer(fn: (c: LspClient) => Promise<void>, today = '2024-04-02') {
  return withClient(fn, { env: { ...process.env, ANTWOORDBRIEF_TODAY: today } });
}

async function setText(c: LspClient, uri: string, text: string): Promise<{ diags: Diagnostic[]; status: any }> {
  const v = await c.change(uri, [{ text }]);
  const diags = await c.diagnostics(uri, v);
  const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === v);
  return { diags, status };
}

const next = (c: LspClient, uri: string, line: number, character: number) => c.request('antwoordbrief/nextUnanswered', { uri, line, character });

test('status: an empty answer, a PM answer, a reference to a question that does not exist and a left-out question are open; the count follows the question letter', () =>
  withServer(async (c) => {
    const ws = workspace({ 'vragen.md': fixture('vragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      const text = fixture('antwoord.md');
      await c.open(uri, text);
      const diags = await c.diagnostics(uri, 1);
      const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === 1);
      // Six questions in the question letter; only 1 and 5 are answered.
      assert.equal(status.total, 6);
      assert.equal(status.answered, 2);
      assert.equal(status.state, 'open');
      assert.equal(status.text, '2 van 6 vragen beantwoord');
      assert.deepEqual(
        status.unanswered.map((u: any) => u.id),
        ['2', '3', '4', '6'],
      );
      assert.match(status.tooltip, /vraag 2 \(geen antwoord\), vraag 3 \(nog een placeholder\), vraag 4 \(verwijst naar een vraag die niet bestaat\), vraag 6 \(ontbreekt; staat in de vragenbrief\)/);
      assert.match(status.tooltip, /Antwoordtermijn verstreken op 28 maart 2024 \(5 dagen geleden\)\./);
      assert.doesNotMatch(status.tooltip, /2024-03-28/);
      assert.ok(diags.some((d) => d.code === 'answer-term-exceeded'));

      // The outline says the same: the PM answer and the dangling reference are not answered.
      const symbols: any[] = (await c.symbols(uri)) as any[];
      const detail = (name: string) => symbols.find((s) => s.name === name)?.detail;
      assert.equal(detail('Vraag 1'), 'beantwoord');
      assert.equal(detail('Vraag 3'), 'niet beantwoord: nog een placeholder');
      assert.equal(detail('Vraag 4'), 'niet beantwoord: verwijst naar vraag 9, die niet bestaat');

      // Volgende onbeantwoorde vraag: from the top, the empty line under "## Antwoord 2".
      const under2 = positionOf(text, '## Antwoord 2');
      const first = await next(c, uri, 0, 0);
      assert.deepEqual({ line: first.line, character: first.character, id: first.id }, { line: under2.line + 1, character: 0, id: '2' });
      assert.equal(text.split('\n')[first.line].trim(), '');
      // Then the placeholder, selected so typing replaces it.
      const pm = await next(c, uri, first.line, first.character);
      assert.equal(pm.id, '3');
      assert.equal(text.slice(offsetAt(text, pm), offsetAt(text, pm.end)), 'PM');
      // Then the answer that refers to question 9, then the place of question 6, then around again.
      const ref = await next(c, uri, pm.end.line, pm.end.character);
      assert.equal(ref.id, '4');
      assert.ok(text.slice(offsetAt(text, ref)).startsWith('Zie het antwoord op vraag 9.'));
      const six = await next(c, uri, ref.line, ref.character);
      assert.equal(six.id, '6');
      assert.equal(offsetAt(text, six), text.trimEnd().length);
      assert.equal((await next(c, uri, six.line, six.character)).id, '2');

      // Typing the answers one by one: the count moves, the term note stays while a question is open.
      let t = text.replace('## Antwoord 2\n', '## Antwoord 2\n\nUit de Monitor Zwemvaardigheid blijkt dat dit aantal sinds 2015 is gestegen.\n');
      let r = await setText(c, uri, t);
      assert.equal(r.status.text, '3 van 6 vragen beantwoord');
      assert.ok(r.diags.some((d) => d.code === 'answer-term-exceeded'));
      t = t.replace('Zie het antwoord op vraag 9.', 'Zie het antwoord op vraag 3.');
      r = await setText(c, uri, t);
      // Question 3 is still a PM: a reference to it answers nothing.
      assert.equal(r.status.text, '3 van 6 vragen beantwoord');
      assert.ok(r.diags.some((d) => d.code === 'reference-to-unanswered'));
      t = t.replace('PM: afstemmen met de directie Sport over de bestuurlijke afspraken.', 'Met de VNG is afgesproken dat gemeenten het openhouden van zwembaden in hun sportakkoord opnemen.');
      r = await setText(c, uri, t);
      assert.equal(r.status.text, '5 van 6 vragen beantwoord');
      assert.equal(r.status.state, 'open');
      assert.ok(r.diags.some((d) => d.code === 'answer-term-exceeded'));

      // Question 6 inserted by its quick fix and answered: complete, and the term note goes.
      const missing = r.diags.find((d) => d.code === 'question-missing')!;
      const fix = (await c.codeActions(uri, missing.range, [missing]))!.find((a) => a.title === 'Voeg vraag 6 letterlijk toe')!;
      assert.ok(fix);
      t = applyEdits(t, editsFor(fix.edit, uri));
      t = t.replace(/## Antwoord 6\s*$/, '## Antwoord 6\n\nJa, voor de zomer ontvangt u een brief over het schoolzwemmen.\n');
      r = await setText(c, uri, t);
      assert.deepEqual(r.diags.filter((d) => d.severity === 1), []);
      assert.equal(r.status.text, '6 van 6 vragen beantwoord');
      assert.equal(r.status.state, 'done');
      assert.equal(await next(c, uri, 0, 0), null);

      // Every answer there, yet a subquestion of question 5 dropped (an error): not complete.
      t = t.replace(' Zo ja, welke maatregelen neemt u daartoe?', '');
      r = await setText(c, uri, t);
      assert.ok(r.diags.some((d) => d.code === 'question-missing' && d.severity === 1));
      assert.equal(r.status.state, 'errors');
      assert.equal(r.status.text, '6 van 6 vragen beantwoord, 1 fout');
      assert.match(r.status.tooltip, /nog 1 fout/);
    } finally {
      ws.done();
    }
  }));

test('status: "Vraag N ontbreekt" marks the gap where the question belongs (an empty range), never a correct heading, and its quick fix still inserts it there', () =>
  withServer(async (c) => {
    const ws = workspace({ 'vragen.md': fixture('vragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      // Question 3 left out in the middle of the draft.
      const full = fixture('antwoord.md');
      const text = full.replace(/## Vraag 3\n[\s\S]*?(?=## Vraag 4)/, '');
      await c.open(uri, text);
      const diags = await c.diagnostics(uri, 1);
      const missing = diags.filter((d) => d.code === 'question-missing');
      assert.deepEqual(missing.map((d) => d.message.slice(0, 7)), ['Vraag 3', 'Vraag 6']);
      const lines = text.split('\n');
      for (const d of missing) {
        assert.deepEqual(d.range.start, d.range.end, 'an empty range: the gap, not a word');
        // At the end of a line (behind its text), never on a heading line.
        assert.equal(d.range.start.character, lines[d.range.start.line].length);
        assert.doesNotMatch(lines[d.range.start.line], /^#/);
      }
      // Question 3 belongs between answer 2 and question 4: the line just before "## Vraag 4".
      assert.equal(missing[0].range.start.line, positionOf(text, '## Vraag 4').line - 1);
      // The hover over the end of that line shows nothing but the finding belongs there; the fix is offered at the gap.
      const fix = (await c.codeActions(uri, missing[0].range, [missing[0]]))!.find((a) => a.title === 'Voeg vraag 3 letterlijk toe')!;
      assert.ok(fix);
      const fixed = applyEdits(text, editsFor(fix.edit, uri));
      assert.ok(fixed.indexOf('## Vraag 3') > fixed.indexOf('## Antwoord 2') && fixed.indexOf('## Vraag 3') < fixed.indexOf('## Vraag 4'), fixed);
      assert.ok(fixed.includes('Welke afspraken heeft u met de Vereniging van Nederlandse Gemeenten gemaakt over het openhouden van zwembaden?'));
      const v = await c.change(uri, [{ text: fixed }]);
      assert.deepEqual((await c.diagnostics(uri, v)).filter((d) => d.code === 'question-missing').map((d) => d.message.slice(0, 7)), ['Vraag 6']);
    } finally {
      ws.done();
    }
  }));

test('status: a question letter gets a neutral status with its term in Dutch date words, also when only the link says it is one', () =>
  withServer(async (c) => {
    // Questions under "## Vraag N" headings without a Kamervragen header read like an unfinished answer letter on their own.
    const asked = fixture('vragen.md')
      .replace(/^# .*\n\n.*\n/, '# Inbreng over het schoolzwemmen\n')
      .replace(/^(\d)\. /gm, '## Vraag $1\n\n');
    const ws = workspace({ 'vragen.md': fixture('vragen.md'), 'inbreng.md': asked });
    try {
      const q = ws.uri('vragen.md');
      await c.open(q, fixture('vragen.md'));
      await c.diagnostics(q, 1);
      const s = await c.notification('antwoordbrief/status', (p) => p.uri === q && p.version === 1);
      assert.equal(s.state, 'questions');
      assert.equal(s.text, 'Vragenbrief: 6 vragen');
      assert.equal(s.answered, 0);
      assert.deepEqual(s.unanswered, []);
      assert.match(s.tooltip, /Antwoordtermijn verstreken op 28 maart 2024 \(5 dagen geleden\)\./);
      assert.equal(await next(c, q, 0, 0), null);

      const inbreng = ws.uri('inbreng.md');
      await c.open(inbreng, asked);
      const alone = await c.diagnostics(inbreng, 1);
      const before = await c.notification('antwoordbrief/status', (p) => p.uri === inbreng && p.version === 1);
      assert.equal(before.state, 'open', 'alone it reads as an answer letter without answers');
      assert.equal(alone.filter((d) => d.code === 'unanswered-question').length, 6);
      const published = c.published.length;
      // An answer letter that names it as its question letter opens: it is shown as a question letter.
      const answer = ws.uri('antwoord.md');
      const answerText = fixture('antwoord.md').replace('<!-- vragen: ./vragen.md -->', '<!-- vragen: ./inbreng.md -->');
      writeFileSync(path.join(ws.dir, 'antwoord.md'), answerText);
      await c.open(answer, answerText);
      await c.diagnostics(answer, 1);
      const after = await c.notification('antwoordbrief/status', (p) => p.uri === inbreng && p.state === 'questions');
      assert.equal(after.text, 'Vragenbrief: 6 vragen');
      assert.deepEqual(after.unanswered, []);
      // Its Problems say the same (published just before that status): a question letter's questions are not unanswered.
      const asQuestions = c.published.slice(published).filter((p) => p.uri === inbreng).at(-1)!;
      assert.deepEqual(asQuestions.diagnostics.filter((d) => d.code === 'unanswered-question'), []);
      // The answer letter pairs with it: question 6 is missing there, as with the Kamervragen.
      const answerStatus = await c.notification('antwoordbrief/status', (p) => p.uri === answer && p.questionLetter === 'inbreng.md');
      assert.equal(answerStatus.text, '2 van 6 vragen beantwoord');
      // The answer letter closes: the inbreng reads as what it looks like again.
      const closing = c.notifications.length;
      const closingPublished = c.published.length;
      await c.close(answer);
      const end = Date.now() + 20000;
      while (!c.notifications.slice(closing).some((n) => n.method === 'antwoordbrief/status' && n.params.uri === inbreng && n.params.state === 'open')) {
        assert.ok(Date.now() < end, 'the inbreng is published again after the answer letter closes');
        await new Promise((r) => setTimeout(r, 50));
      }
      const again = c.published.slice(closingPublished).filter((p) => p.uri === inbreng).at(-1)!;
      assert.equal(again.diagnostics.filter((d) => d.code === 'unanswered-question').length, 6);
    } finally {
      ws.done();
    }
  }));

test('status: a term still running reads "uiterlijk 28 maart 2024 (nog 8 dagen)"', () =>
  withServer(async (c) => {
    const ws = workspace({ 'vragen.md': fixture('vragen.md') });
    try {
      const uri = ws.uri('antwoord.md');
      await c.open(uri, fixture('antwoord.md'));
      await c.diagnostics(uri, 1);
      const s = await c.notification('antwoordbrief/status', (p) => p.uri === uri && p.version === 1);
      assert.match(s.tooltip, /Antwoordtermijn: uiterlijk 28 maart 2024 \(nog 8 dagen\)\./);
      assert.deepEqual(s.due, { date: '2024-03-28', daysLeft: 8 });
    } finally {
      ws.done();
    }
  }, '2024-03-20'));
