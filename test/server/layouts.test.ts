// Issue 9 over a real LSP connection: a verslag reprinting its question letter counts each
// question once (status item, diagnostics, go to definition into the answer part), and a text
// whose questions the reader cannot find says so (no-questions-found, status noQuestions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol';
import { positionOf, withClient } from './lsp-client';

const VERSLAG = readFileSync(path.resolve(__dirname, '../fixtures/layouts/verslag-herdruk.txt'), 'utf8');
const URI = 'file:///werk/verslag.txt';
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length - 1;

test('verslag reprinting its questions: status "4 van 4", no duplicate numbers, definition lands in the answer part', () =>
  withClient(async (c) => {
    await c.open(URI, VERSLAG, 'plaintext');
    const status = await c.notification('antwoordbrief/status', (p) => p.uri === URI);
    assert.equal(status.total, 4);
    assert.equal(status.answered, 4);
    assert.ok(!status.noQuestions);
    assert.deepEqual((await c.diagnostics(URI, 1)).map((d) => d.code), []);
    const def = (await c.definition(URI, positionOf(VERSLAG, 'antwoord op vraag 1a', 19))) as Location[];
    assert.equal(def.length, 1);
    // The answer heading under the repeated "Vraag 1a" in the minister's letter.
    assert.equal(def[0].range.start.line, lineOf(VERSLAG, 'Antwoord', VERSLAG.indexOf('BRIEF VAN DE MINISTER')));
  }));

test('verslag with a question dropped from the answer part: one error at the question in the first part', () =>
  withClient(async (c) => {
    const dropped = VERSLAG.replace('Vraag 2\nWanneer komt de evaluatie?\nDe evaluatie komt in juni.\n', '');
    assert.notEqual(dropped, VERSLAG);
    await c.open(URI, dropped, 'plaintext');
    const d = await c.diagnostics(URI, 1);
    assert.deepEqual(d.map((x) => `${x.code}@${x.range.start.line}`), [`unanswered-question@${lineOf(dropped, 'Vraag 2')}`]);
    const status = await c.notification('antwoordbrief/status', (p) => p.uri === URI);
    assert.deepEqual([status.total, status.answered], [4, 3]);
  }));

test('a text with question marks but no recognisable question: no-questions-found (information) and status noQuestions', () =>
  withClient(async (c) => {
    const text = 'Geachte voorzitter,\n\nWat vindt u van het plan? Kunt u dat toelichten? En wanneer komt de brief?\n\nMet vriendelijke groet\n';
    const uri = 'file:///werk/los.txt';
    await c.open(uri, text, 'plaintext');
    const d = await c.diagnostics(uri, 1);
    assert.deepEqual(d.map((x) => x.code), ['no-questions-found']);
    assert.equal(d[0].severity, 3);
    assert.match(d[0].message, /^Geen vragen herkend in deze brief/);
    assert.equal(d[0].range.start.line, 2);
    const status = await c.notification('antwoordbrief/status', (p) => p.uri === uri);
    assert.equal(status.total, 0);
    assert.equal(status.noQuestions, true);
  }));
