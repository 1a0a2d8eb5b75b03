/**
 * The recorded responses of both sources, replayed from a real HTTP server on loopback, through
 * the real clients and the real disk cache.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildDataset, hasShared } from './dataset';
import { kst, service, tempDir } from './helpers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';
import type { FactsService } from '../../server/src/sources/service';

const skip = hasShared ? false : 'recorded responses: ../shared not present';

let server: ReplayServer;
let svc: FactsService;
let tmp: { dir: string; cleanup: () => void };

before(async () => {
  if (!hasShared) return;
  server = await startReplayServer(buildDataset());
  tmp = tempDir();
  svc = service(server, tmp.dir);
});
after(async () => {
  svc?.dispose();
  await server?.close();
  tmp?.cleanup();
});

test('motion Erkens kst-36410-X-46: title, signer, dossier, appraisal', { skip }, async () => {
  const r = await svc.resolve(kst('kst-36410-X-46'));
  assert.equal(r.state, 'cached');
  const f = r.facts!;
  assert.equal(f.found, true);
  assert.equal(f.type, 'Motie');
  assert.equal(f.isMotion, true);
  assert.match(f.title!, /^Motie van het lid Erkens over het vaker openbaar maken van cyberaanvallen/);
  assert.deepEqual(f.signers, ['Erkens']);
  assert.equal(f.date, '2024-02-07');
  assert.equal(f.dossierTitle, 'Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2024');
  assert.equal(f.highestNumber, 97);
  assert.equal(f.motion!.kabinetsappreciatie, 'Oordeel Kamer');
  // The recorded Zaak carries no Besluit: the outcome is unknown, not guessed.
  assert.equal(f.motion!.outcome, null);
  assert.equal(f.source, 'tweedekamer');
  // The query asked for exactly this dossier and toevoeging, and the motion's Zaak by its Id.
  const docQ = decodeURIComponent(server.requests.find((u) => u.includes('/Document?'))!);
  assert.match(docQ, /Kamerstukdossier\/any\(d: d\/Nummer eq 36410 and d\/Toevoeging eq 'X'\)/);
  assert.ok(server.requests.some((u) => decodeURIComponent(u).includes('Zaak?$filter=Id eq 0ff5a575-07f0-444a-bee8-4e0056517535')));
});

test('vote outcome with vote per fractie from the recorded Besluit/Stemming, duplicates removed', { skip }, async () => {
  const r = await svc.resolve(kst('kst-30950-474'));
  const f = r.facts!;
  assert.equal(f.found, true);
  assert.match(f.title!, /Motie van het lid Bromet c\.s\./);
  assert.equal(f.motion!.outcome, 'aangenomen');
  assert.equal(f.motion!.besluitTekst, 'Aangenomen.');
  assert.equal(f.motion!.kabinetsappreciatie, 'Overbodig');
  assert.deepEqual(
    f.motion!.votes.map((v) => [v.fractie, v.soort, v.zetels]),
    [
      ['GroenLinks-PvdA', 'Voor', 25],
      ['NSC', 'Voor', 19],
      ['SP', 'Voor', 5],
    ],
  );
});

test('amended motion kst-19637-3384: t.v.v. gives the replaced motion', { skip }, async () => {
  const f = (await svc.resolve(kst('kst-19637-3384'))).facts!;
  assert.equal(f.type, 'Motie (gewijzigd/nader)');
  assert.equal(f.isMotion, true);
  assert.equal(f.motion!.replaces, 'kst-19637-3370');
  assert.equal(f.motion!.kabinetsappreciatie, 'Niet beschikbaar bij gewijzigde moties en/of amendementen');
  assert.deepEqual(f.signers, ['Podt']);
  assert.equal(f.dossierTitle, 'Vreemdelingenbeleid');
});

test('motion in a dashed dossier kst-21501-20-1996', { skip }, async () => {
  const f = (await svc.resolve(kst('kst-21501-20-1996'))).facts!;
  assert.equal(f.found, true);
  assert.deepEqual(f.signers, ['Dijk']);
  assert.equal(f.motion!.kabinetsappreciatie, 'Ontraden');
  assert.equal(f.dossierTitle, 'Europese Raad');
  const q = decodeURIComponent(server.requests.map(decodeURIComponent).find((u) => u.includes('Volgnummer eq 1996'))!);
  assert.match(q, /d\/Nummer eq 21501 and d\/Toevoeging eq '20'/);
});

test('a paper in a dossier without toevoeging does not match the dossier with one (36410 vs 36410-X)', { skip }, async () => {
  for (const mode of ['honour', 'ignore', 'reject'] as const) {
    server.nullFilter = mode;
    const s2 = service(server, null);
    const f = (await s2.resolve(kst('kst-36410-46'))).facts!;
    s2.dispose();
    assert.equal(f.found, false, `mode ${mode}: must not be the Erkens motion`);
    assert.equal(f.dossierTitle, 'Nota over de toestand van ’s Rijks Financiën', mode);
    assert.equal(f.highestNumber, 122, mode);
  }
  server.nullFilter = 'honour';
});

test('Eerste Kamer document through the publication platform only (metadata_owms kv-ek)', { skip }, async () => {
  const before = server.requests.length;
  const ref = { kind: 'document' as const, id: 'kv-ek-215160000', dossier: null, toevoeging: null, number: null, kamer: 'I' as const, vergaderjaar: '2015-2016', canonical: 'kv-ek-215160000' };
  const f = (await svc.resolve(ref)).facts!;
  const reqs = server.requests.slice(before);
  assert.ok(reqs.every((u) => !u.startsWith('/OData')), 'no Tweede Kamer request for an Eerste Kamer paper');
  assert.ok(reqs.some((u) => u.startsWith('/sru')));
  assert.equal(f.kamer, 'I');
  assert.equal(f.source, 'officielebekendmakingen');
  assert.equal(f.type, 'Schriftelijke vragen');
  assert.match(f.title!, /^Vragen van de leden Knip \(VVD\)/);
  assert.equal(f.signers[0], 'Knip');
  assert.equal(f.signers.length, 12);
  assert.equal(f.date, '2015-09-25');
});

test('kamerstuk from an SRU record (kst-35842-4), and windows-1252 metadata_owms when SRU fails', { skip }, async () => {
  const f = (await svc.resolve(kst('kst-35842-4', { kamer: 'I', number: '4' }))).facts!;
  assert.equal(f.dossierTitle, 'Wijziging van het voorstel van wet tot samenvoeging van de gemeenten Boxmeer, Cuijk, Mill en Sint Hubert en Sint Anthonis');
  assert.equal(f.title, 'Advies Afdeling advisering Raad van State en Nader rapport');
  assert.deepEqual(f.signers, ['Th.C. de Graaf', 'K.H. Ollongren']);
  // SRU answers with the recorded diagnostic: the FRBR metadata_owms.xml (declared windows-1252) is used.
  const diag = readFileSync(require('node:path').join(require('./dataset').SHARED_SOURCES, 'koop/zoek-ob_sru_Search_diagnostic_query-syntax-error.xml'), 'utf8');
  server.setFault({ kind: 'status', status: 200, contentType: 'application/xml', body: diag }, { prefix: '/sru' });
  try {
    const s2 = service(server, null);
    const g = (await s2.resolve(kst('kst-35842-4', { kamer: 'I' }))).facts!;
    s2.dispose();
    assert.equal(g.source, 'officielebekendmakingen');
    assert.match(g.title!, /Advies Afdeling advisering Raad van State en Nader rapport/);
    assert.equal(g.kamer, 'II');
  } finally {
    server.setFault(null);
  }
});

test('metadata.xml of kst-32545-143 (signers, Motie) via the FRBR fallback', { skip }, async () => {
  const f = (await svc.resolve(kst('kst-32545-143', { kamer: 'I' }))).facts!;
  assert.equal(f.type, 'Motie');
  assert.equal(f.isMotion, true);
  assert.deepEqual(f.signers, ['I. (Inge) van Dijk', 'P.A. Grinwis']);
  assert.equal(f.dossierTitle, 'Wet- en regelgeving financiële markten');
});

test('go to definition: the motion Erkens as Markdown, opened at "verzoekt de regering"', { skip }, async () => {
  const r = await svc.downloadPaperText(kst('kst-36410-X-46'));
  const md = readFileSync(r.path, 'utf8');
  const lines = md.split('\n');
  assert.match(lines[0], /^# Kamerstuk 36 410 X, nr\. 46/);
  assert.ok(md.includes('**MOTIE VAN HET LID ERKENS**'));
  assert.ok(md.includes('Dossier: Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2024'));
  assert.match(lines[r.line], /^verzoekt de regering om, indien de nationale veiligheid het toelaat/);
  assert.ok(r.path.endsWith('kst-36410-X-46.md'));
  // A second call is served from the cache folder without the network.
  const n = server.requests.length;
  const again = await svc.downloadPaperText(kst('kst-36410-X-46'));
  assert.deepEqual(again, r);
  assert.equal(server.requests.length, n);
});

test('facts survive a restart: a new service on the same folder answers from disk, no request', { skip }, async () => {
  await svc.resolve(kst('kst-21501-20-1996'));
  const n = server.requests.length;
  const s2 = service(server, tmp.dir);
  const r = await s2.resolve(kst('kst-21501-20-1996'));
  s2.dispose();
  assert.equal(r.facts!.motion!.kabinetsappreciatie, 'Ontraden');
  assert.equal(server.requests.length, n);
});

test('every recorded Kamerstuk XML converts to Markdown with its title and "verzoekt de regering"', { skip }, async () => {
  const { publicationToMarkdown } = await import('../../server/src/sources/paperText');
  const { decodeXmlText } = await import('../../server/src/sources/http');
  const { sharedFile } = await import('./dataset');
  const cases: [string, RegExp][] = [
    ['kst-19637-3384', /^\*\*GEWIJZIGDE MOTIE VAN HET LID PODT C\.S\. TER VERVANGING VAN DIE GEDRUKT ONDER NR\. 3370\*\*$/m],
    ['kst-21501-20-1996', /^\*\*MOTIE VAN HET LID DIJK\*\*$/m],
    ['kst-32545-143', /^\*\*MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS\*\*$/m],
    ['kst-34104-439', /^\*\*MOTIE VAN HET LID RIKKERS-OOSTERKAMP\*\*$/m],
  ];
  for (const [id, title] of cases) {
    const xml = decodeXmlText(sharedFile(`koop/${id}.xml`));
    const { markdown, line } = publicationToMarkdown(xml, kst(id));
    assert.match(markdown, title, id);
    assert.match(markdown.split('\n')[line], /^verzoekt /, id); // the real kst-21501-20-1996 says "verzoekt te regering"
    assert.ok(!/<[a-z]/.test(markdown), `${id}: no XML left`);
  }
});

test('checks on recorded facts: "de motie Jansen" citing the motion Erkens; a number beyond dossier 36410-X', { skip }, async () => {
  const { findCitations } = await import('../../server/src/core/citations/index');
  const { checkFacts } = await import('../../server/src/core/facts');
  const text = 'Ter uitvoering van de motie Jansen (Kamerstuk 36 410 X, nr. 46) en Kamerstuk 36 410 X, nr. 146.';
  const c = findCitations(text);
  const facts = new Map();
  for (const r of c.references) facts.set(r.id, (await svc.resolve(r)).facts);
  const f = checkFacts(text, c, (r) => facts.get(r.id));
  assert.deepEqual(
    f.map((x) => [x.code, x.message]),
    [
      ['kamerstuk-not-found', 'Kamerstuk 36 410 X, nr. 146 bestaat niet: het dossier "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2024" loopt tot nr. 97.'],
      ['motion-mismatch', 'Kamerstuk 36 410 X, nr. 46 is de motie van Erkens, niet van Jansen: "Motie van het lid Erkens over het vaker openbaar maken van cyberaanvallen en bijbehorende technische werkwijzen".'],
    ],
  );
});
