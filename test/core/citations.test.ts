/**
 * Citation recognition: the corpus letters (exact expectations), our own fixtures (for a fresh
 * clone without ../shared), look-alikes that must not match, motion linking and the checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findCitations, identifyPaper, linkAcrossWorkspace, parsePaperId } from '../../server/src/core/citations';
import { checkCitations } from '../../server/src/core/checks/citations';
import { LineIndex } from '../../server/src/core/text';
import { fastestCpu } from '../support/timing';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const HAS_SHARED = existsSync(CORPUS);
const FIXTURES = path.resolve(__dirname, '../fixtures/citations');
const corpus = (prefix: string) => readFileSync(path.join(CORPUS, require('node:fs').readdirSync(CORPUS).find((f: string) => f.startsWith(prefix))), 'utf8');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function ids(text: string): string[] {
  return findCitations(text).references.map((r) => r.id);
}

test('corpus 000: broken dossier, list of three, motion in parentheses', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  const text = corpus('000_');
  const c = findCitations(text);
  const broken = c.references.find((r) => r.text.startsWith('Kamerstuk 26') && /\n/.test(r.text));
  assert.ok(broken, 'the reference broken over a line is found');
  assert.equal(broken.id, 'kst-26643-1422');
  assert.equal(broken.canonical, 'Kamerstuk 26 643, nr. 1422');
  assert.equal(c.references.filter((r) => r.id === 'kst-26643-1422').length, 1);
  const list = c.references.filter((r) => r.dossier === '29023' && r.citationSpan.start === c.references.find((x) => x.id === 'kst-29023-591')!.citationSpan.start);
  assert.deepEqual(list.map((r) => r.id), ['kst-29023-591', 'kst-29023-594', 'kst-29023-596']);
  assert.deepEqual(list.map((r) => r.text), ['Kamerstukken 29 023, nrs. 591', '594', '596']);
  for (const r of list) assert.equal(text.slice(r.span.start, r.span.end), r.text);
  assert.ok(ids(text).includes('kst-36410-X-46'));
  const erkens = c.motions.find((m) => m.signer === 'Erkens')!;
  assert.equal(erkens.text, 'de motie Erkens');
  assert.deepEqual(erkens.via, { kind: 'parenthesis' });
  assert.deepEqual(erkens.refs.map((r) => r.id), ['kst-36410-X-46']);
  assert.deepEqual(ids(text), [
    'kst-36410-X-46', 'kst-26643-1422', 'kst-33694-47', 'kst-26643-785', 'kst-33694-47',
    'kst-29023-591', 'kst-29023-594', 'kst-29023-596', 'kst-29023-494', 'kst-29517-273', 'kst-29517-252', 'kst-33450-128',
  ]);
});

test('corpus 002: joined dossiers, stuk nummer, motie-Kathmann, earlier citation', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  const text = corpus('002_');
  const c = findCitations(text);
  const joined = c.references.filter((r) => r.text === '26 643/30 821, nr. 1252');
  assert.equal(joined.length, 2, 'cited twice, one paper each time');
  for (const r of joined) {
    assert.equal(r.id, 'kst-26643-1252');
    assert.equal(r.dossierCount, 2);
  }
  const stuk = c.references.find((r) => r.form === 'stuknummer')!;
  assert.equal(stuk.id, 'kst-21501-20-2198');
  assert.equal(stuk.toevoeging, '20');
  assert.equal(stuk.text, 'stuk nummer 21 501-20, nr. 2198');
  const kathmann = c.motions.find((m) => m.text.endsWith('motie-Kathmann c.s.'))!;
  assert.deepEqual(kathmann.via, { kind: 'parenthesis' });
  assert.deepEqual(kathmann.refs.map((r) => r.id), ['kst-26643-1317']);
  const later = c.motions.find((m) => m.text === 'de aangenomen motie Kathmann')!;
  assert.equal(later.via?.kind, 'earlier');
  assert.deepEqual(later.refs.map((r) => r.id), ['kst-26643-1317']);
  // Broken over a line after the year, TK with en dash years, zaak and document numbers.
  const all = ids(text);
  for (const id of ['kst-33321-10', 'kst-30821-173', 'kst-30821-230', 'kst-30821-252', 'kst-30821-249', 'kst-33694-47', '2024Z20614', '2024D48680', 'kst-26643-1151', 'kst-22112-4018']) {
    assert.ok(all.includes(id), id);
  }
  assert.equal(c.references.find((r) => r.id === 'kst-30821-173')!.canonical, 'Kamerstukken II 2022/23, 30 821, nr. 173');
  // "Het lid Omtzigt heeft … een motie op stuk nummer 21 501-20, nr. 2198, ingediend."
  const omtzigt = c.motions.find((m) => m.signer === 'Omtzigt')!;
  assert.equal(omtzigt.text, 'een motie');
  assert.deepEqual(omtzigt.refs.map((r) => r.id), ['kst-21501-20-2198']);
  // "Motie Dijkstra CS, …, 26643-1151" inside footnote 13 takes its number from that footnote.
  const dijkstra = c.motions.find((m) => m.signer === 'Dijkstra')!;
  assert.deepEqual(dijkstra.refs.map((r) => r.id), ['kst-26643-1151']);
  // "in lijn met de motie Erkens" has no number in this letter: reported, not guessed.
  const erkens = c.motions.find((m) => m.signer === 'Erkens')!;
  assert.equal(erkens.via, null);
  const findings = checkCitations(text, c).filter((f) => f.code === 'unlinked-motion');
  assert.deepEqual(findings.map((f) => text.slice(f.span.start, f.span.end)), ['de motie Erkens']);
  // …but the workspace holds letter 000, which cites it.
  const other = findCitations(corpus('000_'));
  const linked = linkAcrossWorkspace(c, [{ uri: 'file:///000.txt', citations: other }]);
  const e2 = linked.motions.find((m) => m.signer === 'Erkens')!;
  assert.equal(e2.via?.kind, 'earlier');
  assert.equal(e2.via?.kind === 'earlier' && e2.via.uri, 'file:///000.txt');
  assert.deepEqual(e2.refs.map((r) => r.id), ['kst-36410-X-46']);
});

test('corpus 004: every motion in the body is linked through its footnote', (t) => {
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  const text = corpus('004_');
  const c = findCitations(text);
  const lines = new LineIndex(text);
  const body = c.motions.filter((m) => !c.footnotes.some((f) => m.span.start >= f.span.start && m.span.start < f.span.end));
  assert.equal(body.length, 6);
  const summary = body.map((m) => [lines.position(m.span.start).line + 1, m.signer, m.via?.kind === 'footnote' ? m.via.footnote : null, m.refs.map((r) => r.id).join(' ')]);
  assert.deepEqual(summary, [
    [29, 'Van den Berg', '3', 'kst-24095-487 kst-24095-504'],
    [32, 'Buitenweg', '4', 'kst-35570-VI-38'],
    // Footnote 7 names the NVS 2019 (30 821, nr. 81) and the motion: the signer's motion of footnote 3 decides.
    [213, 'Van den Berg', '7', 'kst-24095-487'],
    [240, 'Moorlag', '8', 'kst-24095-504'],
    [642, 'van den Berg', '32', 'kst-24095-499'],
    [653, 'Buitenweg', '33', 'kst-35570-VI-38'],
  ]);
  // The motion inside footnote 36 cites its paper in parentheses.
  const inNote = c.motions.find((m) => !body.includes(m))!;
  assert.deepEqual(inNote.via, { kind: 'parenthesis' });
  assert.deepEqual(inNote.refs.map((r) => r.id), ['kst-30821-110']);
  // 38 footnotes, every marker found (including "203518": year + marker) and none in "MH17".
  assert.deepEqual(c.footnotes.map((f) => f.label), Array.from({ length: 38 }, (_, k) => String(k + 1)));
  assert.deepEqual(c.markers.map((m) => m.label), Array.from({ length: 38 }, (_, k) => String(k + 1)));
  const m7 = c.markers.find((m) => m.label === '7')!;
  assert.equal(text.slice(m7.span.start - 12, m7.span.end), 'Van den Berg7');
  const f3 = c.footnotes.find((f) => f.label === '3')!;
  assert.equal(f3.text, 'Kamerstuk 24 095, nrs. 487 en 504.');
  // The running footer names the paper itself: not a citation. The header identifies it.
  assert.ok(!ids(text).includes('kst-30821-125'));
  assert.equal(identifyPaper(text)?.id, 'kst-30821-125');
  assert.ok(ids(text).includes('kst-30821-91') && ids(text).includes('kst-30821-112'));
  assert.equal(checkCitations(text, c).filter((f) => f.code === 'unlinked-motion').length, 0);
});

test('own fixture (PDF style): forms, footnotes, motions, look-alikes in running text', () => {
  const text = fixture('brief-pdf.txt');
  const c = findCitations(text);
  assert.deepEqual(ids(text), [
    'kst-26643-1199', 'kst-26643-1150', 'kst-36410-XV-32', 'kst-21501-20-2001', 'kst-21501-20-2003',
    'kst-26643-1101', 'kst-26643-1102', 'kst-26643-1103', 'kst-36600-E', 'ah-tk-20232024-1875', 'h-tk-20232024-45-7',
    '2025Z04567', '2025D09876', 'kst-36600-12', 'kst-26643-1188', 'kst-36410-XV-41',
  ]);
  const url = c.references.find((r) => r.id === 'kst-36600-12')!;
  assert.equal(url.text, 'https://zoek.officielebekendmakingen.nl/kst-36600-12.html');
  assert.equal(c.references.find((r) => r.id === 'kst-36600-E')!.canonical, 'Kamerstukken I 2024/25, 36 600, E');
  assert.equal(c.references.find((r) => r.id === 'ah-tk-20232024-1875')!.canonical, 'Aanhangsel Handelingen II 2023/24, nr. 1875');
  assert.deepEqual(c.markers.map((m) => m.label), ['1', '2', '3']);
  const byText = Object.fromEntries(c.motions.map((m) => [m.text.replace(/\s+/g, ' '), m]));
  assert.deepEqual(byText['de motie van het lid Van der Werf c.s.'].via?.kind, 'footnote');
  assert.deepEqual(byText['de motie van het lid Van der Werf c.s.'].refs.map((r) => r.id), ['kst-36410-XV-32']);
  assert.equal(byText['de motie van de leden Kops en Van Baarle'].signer, 'Kops');
  // One motion, two papers in its footnote and nothing else to decide: both shown, neither as certain.
  const kops = byText['de motie van de leden Kops en Van Baarle'];
  assert.deepEqual(kops.refs, []);
  assert.equal(kops.via, null);
  assert.deepEqual(kops.candidates?.map((c) => c.refs.map((r) => r.id).join()), ['kst-21501-20-2001', 'kst-21501-20-2003']);
  assert.deepEqual(byText['de gewijzigde motie Six Dijkstra'].via, { kind: 'parenthesis' });
  assert.equal(byText['de motie Van der Werf'].via?.kind, 'earlier');
  assert.equal(byText['de motie Omtzigt'].via, null);
  assert.ok(!c.motions.some((m) => /motie 8/.test(m.text)));
  assert.equal(identifyPaper(text)?.id, 'kst-36600-17');
  const unlinked = checkCitations(text, c).filter((f) => f.code === 'unlinked-motion');
  assert.equal(unlinked.length, 2);
  assert.match(unlinked[0].message, /^Bij de motie van de leden Kops en Van Baarle is niet zeker welk Kamerstuk bedoeld is: Kamerstuk 21 501-20, nr\. 2001 of Kamerstuk 21 501-20, nr\. 2003\./);
  assert.match(unlinked[1].message, /^Bij de motie Omtzigt staat geen Kamerstuknummer/);
});

test('own fixture (Markdown): [^n] footnotes, short forms, earlier citation', () => {
  const text = fixture('notitie.md');
  const c = findCitations(text);
  assert.deepEqual(ids(text), ['kst-36200-VII-41', 'kst-21501-08-912', 'kst-32813-1201']);
  assert.deepEqual(c.footnotes.map((f) => [f.label, f.text]), [['4', 'Kamerstukken II 2022/23, 32 813, nr. 1201.']]);
  assert.deepEqual(c.markers.map((m) => [m.label, text.slice(m.span.start, m.span.end)]), [['4', '[^4]']]);
  const [kathmann, bontenbal, again] = c.motions;
  assert.deepEqual(kathmann.refs.map((r) => r.id), ['kst-36200-VII-41']);
  assert.deepEqual(bontenbal.via && bontenbal.via.kind, 'footnote');
  assert.deepEqual(bontenbal.refs.map((r) => r.id), ['kst-32813-1201']);
  assert.equal(again.via?.kind, 'earlier');
});

test('forms from DOMAIN.md and SOURCES.md', () => {
  const cases: [string, string[]][] = [
    ['Kamerstuk 30 821, nr. 72', ['kst-30821-72']],
    ['Kamerstuk 30 821 nr. 73', ['kst-30821-73']],
    ['Kamerstuk 30821, nr. 249', ['kst-30821-249']],
    ['Kamerstuk 36045, nr.194', ['kst-36045-194']],
    ['Kamerstuk 36 410 X nr. 46', ['kst-36410-X-46']],
    ['Kamerstukken II 2023/24, 36 410 X, nr. 46', ['kst-36410-X-46']],
    ['Kamerstukken I, 2025-2026, 30821, E', ['kst-30821-E']],
    ['Kamerstukken I 2020/21, 35 570, C', ['kst-35570-C']],
    ['Kamerstukken I 2008/09, 31700 VI, D, p. 4', ['kst-31700-VI-D']],
    ['de motie-Wassenberg (21501-08, nr. 719)', ['kst-21501-08-719']],
    ['(21501-08, nr. 726, was nr. 719)', ['kst-21501-08-726']],
    ['Aanhangsel Handelingen II, vergaderjaar 2019–2020, nr. 3975', ['ah-tk-20192020-3975']],
    ['Aanhangsel Handelingen I 2014/15, nr. 12', ['ah-ek-20142015-12']],
    ['Handelingen II 2010/11, nr. 108, item 5, p. 25-36', ['h-tk-20102011-108-5']],
    ['(Kamerstukken 31945)', ['kst-31945']],
    ['(30 821, E)', ['kst-30821-E']],
    ['Kamerstukken II 1999/00, 26 824, nrs. 1–3', ['kst-26824-1', 'kst-26824-2', 'kst-26824-3']],
    ['(t.v.v. 19637-3370)', ['kst-19637-3370']],
    ['21501-32-1740', ['kst-21501-32-1740']],
    ['zie kst-36410-X-46 en ah-tk-20242025-2391', ['kst-36410-X-46', 'ah-tk-20242025-2391']],
    ['Zij krijgt zaak 2025Z01234 en document 2024D48680.', ['2025Z01234', '2024D48680']],
    ['Kamerstukken II 2013/14, 31 142, nr. 37; bijlage bij Kamerstukken II 2015/16, 31 142, nr. 55', ['kst-31142-37', 'kst-31142-55']],
    ['motie op stuk nummer 21 501-20, nr. 2198', ['kst-21501-20-2198']],
    ['Kamerstukken II 2015/16, 34 356 (R2064), nr. 3', ['kst-34356-3']],
  ];
  for (const [text, want] of cases) assert.deepEqual(ids(text), want, text);
  const r = findCitations('Kamerstukken II 2023/24, 36 410 X, nr. 46').references[0];
  assert.deepEqual(
    { kind: r.kind, id: r.id, dossier: r.dossier, toevoeging: r.toevoeging, number: r.number, kamer: r.kamer, vergaderjaar: r.vergaderjaar, canonical: r.canonical },
    { kind: 'kamerstuk', id: 'kst-36410-X-46', dossier: '36410', toevoeging: 'X', number: '46', kamer: 'II', vergaderjaar: '2023-2024', canonical: 'Kamerstukken II 2023/24, 36 410 X, nr. 46' },
  );
  assert.equal(findCitations('Kamerstuk 36 410 X nr. 46').references[0].canonical, 'Kamerstuk 36 410 X, nr. 46');
  assert.equal(findCitations('Kamerstuk 21501-20, nr. 2198').references[0].canonical, 'Kamerstuk 21 501-20, nr. 2198');
  // Every list member has its own span, inside the citation.
  const list = findCitations('Kamerstukken 29 023, nrs. 591, 594 en 596').references;
  assert.deepEqual(list.map((x) => [x.span.start, x.span.end]), [[0, 29], [31, 34], [38, 41]]);
  assert.ok(list.every((x) => x.citationSpan.start === 0 && x.citationSpan.end === 41));
});

test('look-alikes are not references', () => {
  const lookalikes = [
    'Op 30 september 2025 sprak de minister.',
    'De kosten bedragen € 12 500 000, ofwel 12 500 per gemeente.',
    'Zie artikel 12, eerste lid, onder 3, en artikel 5:1 Awb.',
    'In motie 8 van het debat werd gevraagd om een brief.',
    'De strategie 2023-2028 en het jaar 2024/25.',
    'Postbus 20011, 2500 EA Den Haag; telefoon 070-3456789 of 06-12345678.',
    'De richtlijn NIS2, de Wiv 2017 en COVID-19.',
    'Het bedrag van 30 821 euro en nr. 5 van de lijst.',
    'Uitspraak van 30 november 1977, nr. 18 586, BNB 1978/7.',
    'IBAN NL91 ABNA 0417 1643 00 en KvK 27370427.',
    'Tweede Kamer der Staten-Generaal',
    'Vergaderjaar 2020–2021',
    'ECLI:NL:HR:2020:1234 en BWBR0005416.',
    'Het Staatsblad van 2019 en de Stcrt. van vandaag.',
    'Hoofdstuk 3.2.1 en paragraaf 4.10 van bijlage 2.',
    'om 14.30 uur, 1,5 miljoen, 2,3%',
    'Het Kamerstuk volgt later; de Kamerstukken zijn in 2024 verstuurd.',
    'Handelingen van de raad.',
    'Kamerstukken 2024, nr. 5 van de reeks.',
    'In totaal 12 500, B. Daarna 12345-0.',
  ];
  for (const text of lookalikes) {
    const c = findCitations(text);
    assert.deepEqual(c.references.map((r) => r.text), [], text);
    assert.deepEqual(c.markers, [], text);
    assert.deepEqual(c.motions, [], text);
  }
  // "motie 8", "een motie", "deze motie" are no mentions of a signer.
  assert.deepEqual(findCitations('Deze motie en een motie, en motie 8, en de motie die morgen komt.').motions, []);
});

test('footnote markers need a footnote on the same page', () => {
  const body = 'Volgens de brief1 en de richtlijn NIS2 is dat zo.\n';
  assert.deepEqual(findCitations(body).markers, []);
  const withNote = body + '\n1 Kamerstuk 30 821, nr. 72.\n';
  assert.deepEqual(findCitations(withNote).markers.map((m) => m.label), ['1']);
  // A footnote too far away (more than a page) does not make a marker.
  const far = body + 'x '.repeat(6000) + '\n1 Kamerstuk 30 821, nr. 72.\n';
  assert.deepEqual(findCitations(far).markers, []);
  // "2 NIS2" style numbers at line start without a marker are no footnotes.
  assert.deepEqual(findCitations('Tekst.\n11 februari 2025 was de vergadering.\n').footnotes, []);
});

test('noncanonical-citation carries the canonical replacement', () => {
  const text = 'Zie Kamerstuk 36 410 X nr. 46 en Kamerstuk 30 821, nr. 72 en Kamerstukken 29 023, nrs. 591 en 594.';
  const c = findCitations(text);
  const f = checkCitations(text, c).filter((x) => x.code === 'noncanonical-citation');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].span.start, f[0].span.end), 'Kamerstuk 36 410 X nr. 46');
  assert.deepEqual(f[0].data, { replacement: 'Kamerstuk 36 410 X, nr. 46', span: f[0].span });
});

test('identifiers parse back', () => {
  assert.equal(parsePaperId('kst-21501-20-2198')?.canonical, 'Kamerstuk 21 501-20, nr. 2198');
  assert.equal(parsePaperId('kst-36410-XVII-A')?.kamer, 'I');
  assert.equal(parsePaperId('ah-tk-20242025-2391')?.canonical, 'Aanhangsel Handelingen II 2024/25, nr. 2391');
  assert.equal(parsePaperId('nonsense'), null);
});

test('identifiers from the KOOP sample are recognised in text', (t) => {
  const file = path.resolve(__dirname, '../../../shared/fixtures/sources/identifiers/koop_identifier_sample.txt');
  if (!existsSync(file)) return t.skip('identifier sample: ../shared not present');
  const sample = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => /^kst-\d{5}-(?:[IVXL]+-)?\d+$|^kst-\d{5}-\d{2}-\d+$|^kst-\d{5}-[A-Z]{1,2}$|^ah-tk-\d{8}-\d+$/.test(l));
  assert.ok(sample.length > 100);
  let ok = 0;
  for (const id of sample) if (ids(`Zie ${id}.`).join() === id) ok++;
  t.diagnostic(`${ok}/${sample.length} plain identifiers recognised`);
  assert.equal(ok, sample.length);
});

// Speed against other work (F_scan) is a benchmark figure (`npm run bench`, metric "citations"),
// not a test: only the growth with the size of the text is tested here.
test('recognition is linear: t(2n)/t(n) <= 2.5 (CPU time, fastest of interleaved runs)', () => {
  const unit = fixture('brief-pdf.txt') + '\n' + fixture('notitie.md') + '\n';
  const small = unit.repeat(200);
  const big = unit.repeat(400);
  let [a, b] = fastestCpu(findCitations, [small, big], 5);
  // A spoiled measurement (a collection, a busy sibling) is retried; a real superlinearity
  // shows up every time.
  for (let attempt = 0; attempt < 2 && b / a > 2.5; attempt++) [a, b] = fastestCpu(findCitations, [small, big], 9);
  assert.ok(b < 5000, `${big.length} characters took ${b.toFixed(0)} ms`);
  if (b > 5) assert.ok(b / a <= 2.5, `t(2n)/t(n) = ${(b / a).toFixed(2)} (${a.toFixed(1)} → ${b.toFixed(1)} ms)`);
});

test('completion: numbers after "Kamerstuk <dossier>, nr. " and question ids after "vraag "', async () => {
  const { citationCompletions } = await import('../../server/src/core/features/citationCompletion');
  const other = 'Zie Kamerstuk 30 821, nr. 72 en Kamerstuk 30 821, nrs. 91 en 112, en Kamerstuk 36 410 X, nr. 46.';
  const ws = { documents: () => [{ uri: 'file:///a.md', text: other, citations: findCitations(other) }] };
  const text = 'Zoals in Kamerstuk 30 821, nr. 1';
  const items = citationCompletions({ text, citations: findCitations(text) }, text.length, ws)!;
  assert.deepEqual(items.map((i) => i.label), ['112']);
  assert.deepEqual(items[0].span, { start: text.length - 1, end: text.length });
  const all = citationCompletions({ text: 'Kamerstuk 30821, nr. ', citations: findCitations('') }, 21, ws)!;
  assert.deepEqual(all.map((i) => i.label), ['72', '91', '112']);
  const roman = citationCompletions({ text: 'Kamerstuk 36 410 X, nr. ', citations: findCitations('') }, 24, ws)!;
  assert.deepEqual(roman.map((i) => i.label), ['46']);
  const letter = { questions: [{ id: '1', questionText: 'Wat is de stand?' }, { id: '1a', questionText: 'En verder?' }, { id: '2', questionText: 'Waarom?' }] };
  const v = citationCompletions({ text: 'zie het antwoord op vraag 1', citations: findCitations(''), letter }, 27)!;
  assert.deepEqual(v.map((i) => i.label), ['1', '1a']);
  assert.equal(citationCompletions({ text: 'gewone tekst', citations: findCitations('') }, 12), null);
});

test('hover and definition in the core: motion linked through the workspace, marker to footnote', async () => {
  const { hoverCitation } = await import('../../server/src/core/features/citationHover');
  const { definitionCitation } = await import('../../server/src/core/features/citationDefinition');
  const text = 'Conform de motie Erkens gaan we door.\n';
  const other = 'De motie Erkens (Kamerstuk 36 410 X, nr. 46) vraagt dat.\n';
  const ws = { documents: () => [{ uri: 'file:///w/eerder.md', text: other, citations: findCitations(other) }], paperFiles: () => [{ uri: 'file:///w/kst-36410-X-46.xml', id: 'kst-36410-X-46' }] };
  const a = { text, lines: new LineIndex(text), citations: findCitations(text) };
  const h = hoverCitation(a, 12, ws)!;
  assert.ok(h.blocks.some((b) => b.kind === 'text' && b.text === 'Gekoppeld via de verwijzing in eerder.md, regel 1.'));
  assert.deepEqual(definitionCitation(a, 12, ws), [{ originSpan: a.citations.motions[0].span, uri: 'file:///w/kst-36410-X-46.xml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  const noWs = hoverCitation(a, 12)!;
  assert.ok(noWs.blocks.some((b) => b.kind === 'text' && /^Geen Kamerstuknummer gevonden/.test(b.text)));
  const t2 = 'De brief1 is verstuurd.\n\n1 Kamerstuk 30 821, nr. 72.\n';
  const a2 = { text: t2, lines: new LineIndex(t2), citations: findCitations(t2) };
  const d = definitionCitation(a2, 8)!;
  assert.equal(t2.slice(d[0].span!.start, d[0].span!.end), '1 Kamerstuk 30 821, nr. 72.');
});

test('CRLF line ends and thin or non-breaking spaces change nothing', (t) => {
  assert.deepEqual(ids('Kamerstuk 36\u2009410 X, nr. 46 en Kamerstuk 30\u00a0821, nr. 72 en Kamerstuk 21\u202f501-20, nr. 2198'), ['kst-36410-X-46', 'kst-30821-72', 'kst-21501-20-2198']);
  const lf = fixture('brief-pdf.txt');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = findCitations(lf);
  const b = findCitations(crlf);
  assert.deepEqual(b.references.map((r) => r.id), a.references.map((r) => r.id));
  assert.deepEqual(b.motions.map((m) => [m.signer, m.via?.kind, m.refs.map((r) => r.id)]), a.motions.map((m) => [m.signer, m.via?.kind, m.refs.map((r) => r.id)]));
  assert.deepEqual(b.footnotes.map((f) => [f.label, f.text]), a.footnotes.map((f) => [f.label, f.text]));
  assert.equal(identifyPaper(crlf)?.id, 'kst-36600-17');
  if (!HAS_SHARED) return t.skip('corpus: ../shared not present');
  const c4 = corpus('004_');
  const x = findCitations(c4);
  const y = findCitations(c4.replace(/\n/g, '\r\n'));
  assert.deepEqual(y.motions.map((m) => m.refs.map((r) => r.id)), x.motions.map((m) => m.refs.map((r) => r.id)));
  assert.equal(y.markers.length, 38);
});

test('a comma after "c.s." ends the signers: "Motie Dijkstra CS, Voorgesteld tijdens …" names Dijkstra alone', () => {
  const text = 'Tekst.\n\n13 Zie Motie Dijkstra CS, Voorgesteld tijdens het Notaoverleg van 22 april 2024, 26643-1151\n';
  const [m] = findCitations(text).motions;
  assert.equal(m.text, 'Motie Dijkstra CS');
  assert.deepEqual([m.signer, m.signers ?? [m.signer]], ['Dijkstra', ['Dijkstra']]);
  // "c.s." followed by "en" still goes on to the next motion of a plural mention.
  const plural = findCitations('Zie de moties-Erkens c.s. en -Kröger over het net.').motions[0];
  assert.deepEqual(plural.signers, ['Erkens', 'Kröger']);
  // Without "c.s." a comma still joins names.
  assert.deepEqual(findCitations('Zie de moties Erkens, Kröger en Bikker over het net.').motions[0].signers, ['Erkens', 'Kröger', 'Bikker']);
});
