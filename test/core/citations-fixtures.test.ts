/**
 * The 91 real citation cases of mastaal/nllegalcit (../shared/fixtures/sources/citations), run
 * through findCitations. Cases the source project itself skips count too. A case passes when the
 * Kamerstuk papers found (kind "kamerstuk" with a volgnummer; Handelingen are another kind and
 * dossier-only citations name no paper) equal the expected parses, in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findCitations } from '../../server/src/core/citations';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/sources/citations/nllegalcit_kamerstuk_citation_cases.json');

/** Cases passing today; the test fails if recognition gets worse. */
const FLOOR = 89;

interface Expected {
  kamer: string;
  vergaderjaar: string;
  dossiernummer: string;
  ondernummer: string;
  paginaverwijzing?: string;
}

interface Case {
  test: string;
  source_file: string;
  skipped_upstream: string | null;
  text: string;
  expected: Expected[];
}

function normVj(v: string): string | null {
  if (v === '?') return null;
  // One expected value is written "2019/20" where all others use "2019-2020".
  const m = /^(\d{4})\/(\d{2})$/.exec(v);
  return m ? `${m[1]}-${+m[1] + 1}` : v;
}

/** Expected parses as flat rows; "nrs. 1–3" (ondernummer "1-3") is three papers. */
function expand(e: Expected[]): Record<string, string | null>[] {
  const rows: Record<string, string | null>[] = [];
  for (const x of e) {
    const range = /^(\d+)-(\d+)$/.exec(x.ondernummer);
    const nums = range ? Array.from({ length: +range[2] - +range[1] + 1 }, (_, k) => String(+range[1] + k)) : [x.ondernummer];
    for (const n of nums) {
      rows.push({
        kamer: x.kamer,
        vergaderjaar: normVj(x.vergaderjaar),
        dossier: x.dossiernummer,
        number: n,
        ...(x.paginaverwijzing !== undefined ? { pages: x.paginaverwijzing } : {}),
      });
    }
  }
  return rows;
}

function actual(text: string, withPages: boolean[]): Record<string, string | null>[] {
  const refs = findCitations(text).references.filter((r) => r.kind === 'kamerstuk' && r.number !== null);
  return refs.map((r, k) => ({
    kamer: r.kamer,
    vergaderjaar: r.vergaderjaar,
    dossier: r.dossier + (r.toevoeging ? `-${r.toevoeging}` : ''),
    number: r.number,
    ...(withPages[k] ? { pages: r.pages ?? null } : {}),
  }));
}

test('nllegalcit citation cases', (t) => {
  if (!existsSync(FIXTURE)) {
    t.skip('citation cases: ../shared not present');
    return;
  }
  const cases: Case[] = JSON.parse(readFileSync(FIXTURE, 'utf8')).cases;
  assert.equal(cases.length, 91);
  let pass = 0;
  let passSkipped = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const want = expand(c.expected);
    const got = actual(c.text, want.map((w) => 'pages' in w));
    let ok = true;
    try {
      assert.deepEqual(got, want);
    } catch {
      ok = false;
    }
    if (ok) {
      pass++;
      if (c.skipped_upstream) passSkipped++;
    } else {
      failures.push(`${c.source_file}:${c.test}${c.skipped_upstream ? ' (skipped upstream)' : ''}\n  text: ${JSON.stringify(c.text.slice(0, 160))}\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`);
    }
  }
  const skipped = cases.filter((c) => c.skipped_upstream).length;
  t.diagnostic(`citation cases: ${pass}/${cases.length} pass (${passSkipped}/${skipped} of the cases skipped upstream)`);
  console.log(`citation cases: ${pass}/${cases.length} pass (${passSkipped}/${skipped} of the cases skipped upstream)`);
  if (failures.length) console.log(failures.join('\n'));
  assert.ok(pass >= FLOOR, `only ${pass} of 91 cases pass (floor ${FLOOR})`);
});
