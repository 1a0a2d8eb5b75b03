// The limits the client puts on an untrusted workspace, as the server receives its settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restrictForUntrusted } from '../../client/src/trust';
import { settingsFromConfig } from '../../server/src/lsp/settings';

test('in an untrusted workspace the server gets offline sources and no question-letter path, other settings kept', () => {
  const raw = {
    run: 'onSave',
    severity: { 'unanswered-question': 'warning' },
    sources: { offline: false, tweedekamerUrl: 'https://example.org/odata/', timeoutMs: 500 },
    questionLetter: '../../elders/vragen.txt',
    cacheDir: '/tmp/x',
  };
  const s = settingsFromConfig(restrictForUntrusted(raw));
  assert.equal(s.sources.offline, true);
  assert.equal(s.questionLetter, '');
  assert.equal(s.run, 'onSave');
  assert.equal(s.severity['unanswered-question'], 'warning');
  assert.equal(s.sources.timeoutMs, 500);
});

test('settings the client cannot read are passed on untouched', () => {
  for (const v of [null, undefined, 'x', 3, []]) assert.deepEqual(restrictForUntrusted(v), v);
  assert.deepEqual(settingsFromConfig(restrictForUntrusted({})).sources.offline, true);
});
