// The limits the client puts on an untrusted workspace, as the server receives its settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restrictForUntrusted } from '../../client/src/trust';
import { settingsFromConfig } from '../../server/src/lsp/settings';

test('in an untrusted workspace the server gets offline sources and no question-letter path, other settings kept', () => {
  const raw = {
    controleren: 'onSave',
    ernst: { 'unanswered-question': 'warning' },
    bronnen: { offline: false, adresTweedeKamer: 'https://example.org/odata/', wachttijdMilliseconden: 500 },
    vragenbrief: '../../elders/vragen.txt',
    cachemap: '/tmp/x',
  };
  const s = settingsFromConfig(restrictForUntrusted(raw));
  assert.equal(s.sources.offline, true);
  assert.equal(s.questionLetter, '');
  assert.equal(s.run, 'onSave');
  assert.equal(s.severity['unanswered-question'], 'warning');
  assert.equal(s.sources.timeoutMs, 500);
  assert.equal(s.sources.tweedekamerUrl, 'https://example.org/odata/');
  assert.equal(s.cacheDir, '/tmp/x');
});

test('a dotted sources key sent unnested cannot switch the untrusted workspace online', () => {
  const s = settingsFromConfig(restrictForUntrusted({ 'bronnen.offline': false, 'ernst.unanswered-question': 'hint' }));
  assert.equal(s.sources.offline, true);
  assert.equal(s.severity['unanswered-question'], 'hint');
});

test('the server reads every Dutch key of package.json, nested and dotted, and ignores the old English ones', () => {
  const s = settingsFromConfig({
    controleren: 'manual',
    'ernst.placeholder-in-answer': 'off',
    'bronnen.wachttijdMilliseconden': 1234,
    bronnen: { adresOfficiëleBekendmakingen: 'https://spiegel.example/', offline: true },
    vragenbrief: 'vragen.md',
    cachemap: '/c',
  });
  assert.equal(s.run, 'manual');
  assert.equal(s.severity['placeholder-in-answer'], 'off');
  assert.equal(s.sources.timeoutMs, 1234);
  assert.equal(s.sources.officielebekendmakingenUrl, 'https://spiegel.example/');
  assert.equal(s.sources.offline, true);
  assert.equal(s.questionLetter, 'vragen.md');
  assert.equal(s.cacheDir, '/c');
  const old = settingsFromConfig({ run: 'manual', severity: { 'unanswered-question': 'off' }, questionLetter: 'x.md', sources: { offline: true } });
  assert.equal(old.run, 'onType');
  assert.deepEqual(old.severity, {});
  assert.equal(old.questionLetter, '');
  assert.equal(old.sources.offline, false);
});

test('settings the client cannot read are passed on untouched', () => {
  for (const v of [null, undefined, 'x', 3, []]) assert.deepEqual(restrictForUntrusted(v), v);
  assert.deepEqual(settingsFromConfig(restrictForUntrusted({})).sources.offline, true);
});
