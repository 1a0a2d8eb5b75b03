/**
 * The checks that need facts, end to end: a letter's citations (the real recognizer), facts
 * from the replayed sources, then `checkFacts`; and the facts part of the hover.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildDataset } from './dataset';
import { service } from './helpers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';
import { findCitations } from '../../server/src/core/citations/index';
import { checkFacts, sameSigner, signersFromSubject, replacedId, type PaperFacts } from '../../server/src/core/facts';
import { FACTS_FOLLOW, factsHoverBlocks } from '../../server/src/core/features/factsHover';
import { paperFields } from '../../server/src/core/features/citationHover';
import { renderHover } from '../../server/src/core/features/render';
import type { PaperRef } from '../../server/src/core/citations/types';
import type { FactsPeek } from '../../server/src/core/facts';

/** The facts part of a hover as the server renders it (the one renderer of every hover). */
const renderFactsHover = (peek: FactsPeek, format: 'markdown' | 'plaintext') => renderHover(factsHoverBlocks(peek), format);

let server: ReplayServer;
before(async () => {
  server = await startReplayServer(buildDataset({ shared: false }));
});
after(async () => {
  await server.close();
});

async function findingsOf(text: string) {
  const c = findCitations(text);
  const svc = service(server, null);
  const facts = new Map<string, PaperFacts>();
  for (const r of [...c.references, ...c.motions.flatMap((m) => m.refs)]) {
    const p = await svc.resolve(r);
    if (p.facts) facts.set(r.id, p.facts);
  }
  svc.dispose();
  return checkFacts(text, c, (r) => facts.get(r.id)).map((f) => ({ code: f.code, text: text.slice(f.span.start, f.span.end), message: f.message }));
}

test('motion-rejected: the letter carries out a motion that was rejected', async () => {
  const f = await findingsOf('Ter uitvoering van de motie Testlid-Voorbeeld (Kamerstuk 99 901, nr. 7) stuur ik u deze brief.');
  assert.deepEqual(f.map((x) => x.code), ['motion-rejected']);
  assert.equal(f[0].text, 'de motie Testlid-Voorbeeld');
  assert.match(f[0].message, /is verworpen \(Verworpen\.\): de brief zegt haar uit te voeren\./);
});

test('no motion-rejected when the letter only mentions the motion', async () => {
  const f = await findingsOf('De motie Testlid-Voorbeeld (Kamerstuk 99 901, nr. 7) vroeg om een verzoek.');
  assert.deepEqual(f, []);
});

test('motion-mismatch: another first signer, message says whose motion it is', async () => {
  const f = await findingsOf('De motie Jansen (Kamerstuk 99 901, nr. 7) vroeg om een verzoek.');
  assert.equal(f.length, 1);
  assert.equal(f[0].code, 'motion-mismatch');
  assert.match(f[0].message, /is de motie van A\.B\. Testlid-Voorbeeld c\.s\., niet van Jansen: "Motie van het lid Testlid-Voorbeeld c\.s\. over een synthetisch verzoek"/);
});

test('motion-mismatch: the cited paper is not a motion (a mistyped number)', async () => {
  const f = await findingsOf('De motie Bewindspersoon (Kamerstuk 99 901 X, nr. 7) vroeg om een verzoek.');
  assert.equal(f.length, 1);
  assert.equal(f[0].code, 'motion-mismatch');
  assert.match(f[0].message, /is geen motie maar een brief regering van E\.F\. Bewindspersoon: "Synthetische brief over de voortgang"\./);
});

test('kamerstuk-not-found: beyond the highest volgnummer of the dossier', async () => {
  const f = await findingsOf('Zie Kamerstuk 99 901, nr. 12.');
  assert.equal(f.length, 1);
  assert.equal(f[0].code, 'kamerstuk-not-found');
  assert.equal(f[0].text, 'Kamerstuk 99 901, nr. 12');
  assert.equal(f[0].message, 'Kamerstuk 99 901, nr. 12 bestaat niet: het dossier "Synthetisch testdossier" loopt tot nr. 9.');
});

test('no findings without facts (offline, not fetched): checks never guess', () => {
  const text = 'Ter uitvoering van de motie Jansen (Kamerstuk 99 901, nr. 7), zie ook Kamerstuk 99 901, nr. 12.';
  assert.deepEqual(checkFacts(text, findCitations(text), () => undefined), []);
});

test('signer names compare by surname, tussenvoegsels and initials aside', () => {
  assert.ok(sameSigner('Van den Berg', 'J.A. van den Berg'));
  assert.ok(sameSigner('Inge van Dijk', 'I. (Inge) van Dijk'));
  assert.ok(sameSigner('Van Dijk', 'Dijk, D.J.H. van'));
  assert.ok(sameSigner('Erkens', 'Erkens'));
  assert.ok(!sameSigner('Dijk', 'Van der Berg'));
  assert.ok(!sameSigner('Erkens', 'Kerkens'));
  assert.deepEqual(signersFromSubject('Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo'), ['Inge van Dijk', 'Grinwis']);
  assert.deepEqual(signersFromSubject('Gewijzigde motie van het lid Podt c.s. over een betere schaderegeling (t.v.v. 19637-3370)'), ['Podt']);
  assert.equal(replacedId('Gewijzigde motie … (t.v.v. 19637-3370)'), 'kst-19637-3370');
  assert.equal(replacedId('(t.v.v. 36410-X-12)'), 'kst-36410-X-12');
});

const FACTS: PaperFacts = {
  id: 'kst-99901-7',
  found: true,
  title: 'Motie over *vet* en <script>alert(1)</script> [link](http://x)',
  type: 'Motie',
  isMotion: true,
  date: '2024-02-07',
  signers: ['Erkens', 'Kathmann'],
  dossierTitle: 'Defensie (X)',
  highestNumber: 97,
  kamer: 'II',
  motion: { outcome: 'verworpen', besluitTekst: 'Verworpen. (72-74)', votes: [{ fractie: 'SP', soort: 'Voor', zetels: 5 }, { fractie: 'PVV', soort: 'Tegen', zetels: 37 }], kabinetsappreciatie: 'Oordeel Kamer', replaces: 'kst-19637-3370' },
  source: 'tweedekamer',
  fetchedAt: '2026-11-24T04:00:00.000Z',
};

test('hover facts: Markdown escapes every source text, plain text is verbatim', () => {
  const md = renderFactsHover({ facts: FACTS, state: 'cached' }, 'markdown');
  assert.ok(!md.includes('<script>'), md);
  assert.ok(md.includes('\\*vet\\*'));
  assert.ok(md.includes('\\[link\\]\\(http://x\\)'));
  assert.match(md, /Uitslag: verworpen \\\(72\\-74\\\)/);
  assert.match(md, /Stemming: Voor: SP \\\(5\\\); Tegen: PVV \\\(37\\\)/);
  assert.match(md, /Kabinetsappreciatie: Oordeel Kamer/);
  assert.match(md, /Datum: 7 februari 2024/);
  const plain = renderFactsHover({ facts: FACTS, state: 'cached' }, 'plaintext');
  assert.ok(plain.includes('Motie over *vet* en <script>alert(1)</script> [link](http://x)'));
  assert.ok(plain.includes('Indieners: Erkens, Kathmann'));
  assert.ok(plain.includes('Gewijzigd: vervangt kst-19637-3370'));
});

test('hover states: pending, failed, offline: one calm sentence, never a countdown or a technical reason', () => {
  assert.equal(renderFactsHover({ state: 'pending' }, 'plaintext'), 'Gegevens worden opgehaald…');
  assert.equal(renderFactsHover({ state: 'failed', message: 'bron niet bereikbaar (onbekende server), nieuwe poging over 28 s' }, 'plaintext'), FACTS_FOLLOW);
  assert.equal(renderFactsHover({ state: 'pending', message: 'bron niet bereikbaar, nieuwe poging loopt' }, 'plaintext'), FACTS_FOLLOW);
  assert.equal(FACTS_FOLLOW, 'De gegevens uit de bronnen volgen zodra de bron bereikbaar is.');
  assert.match(renderFactsHover({ state: 'offline' }, 'plaintext'), /^Offline/);
  assert.equal(renderFactsHover({ state: 'unknown', message: 'geen bron voor dit soort verwijzing' }, 'plaintext'), 'Voor dit soort verwijzing is geen bron met gegevens.');
  const stale = factsHoverBlocks({ facts: FACTS, state: 'cached', message: 'bron niet bereikbaar, nieuwe poging over 30 s' });
  assert.equal(stale.at(-1)!.kind, 'fields', 'cached facts shown without an alarm when a refresh fails');
  assert.doesNotMatch(renderHover(stale, 'plaintext'), /nieuwe poging|niet bereikbaar/);
});

test('hover text with facts shows what the sources say; without facts only what the citation says', () => {
  const withFacts = renderFactsHover({ facts: FACTS, state: 'cached' }, 'plaintext');
  assert.match(withFacts, /Datum: 7 februari 2024/);
  assert.match(withFacts, /Bron: /);
  // Without facts: the citation's own fields, nothing "niet vermeld", no kind the title already names.
  const ref = { kind: 'kamerstuk', id: 'kst-36410-XV-32', dossier: '36410', toevoeging: 'XV', number: '32', kamer: null, vergaderjaar: null, canonical: 'Kamerstuk 36 410 XV, nr. 32' } as unknown as PaperRef;
  const fields = paperFields(ref);
  assert.deepEqual(fields, [['Identificatie', 'kst-36410-XV-32'], ['Dossier', '36 410 XV'], ['Nummer', '32']]);
  const full = paperFields({ ...ref, kamer: 'II', vergaderjaar: '2023-2024', canonical: 'Kamerstukken II 2023/24, 36 410 XV, nr. 32' } as PaperRef);
  assert.deepEqual(full.map(([k]) => k), ['Identificatie', 'Kamer', 'Vergaderjaar', 'Dossier', 'Nummer']);
  for (const [, v] of [...fields, ...full]) assert.doesNotMatch(v, /niet vermeld/);
});

test('motion outcome: the vote Besluit wins over "Ingediend", newest first; roll-call votes counted per fractie', async () => {
  const { motionFacts } = await import('../../server/src/sources/tweedekamer');
  const zaak = {
    Onderwerp: 'Motie van het lid X over iets',
    Kabinetsappreciatie: 'Ontraden',
    Besluit: [
      { BesluitSoort: 'Ingediend', BesluitTekst: 'Ingediend.', GewijzigdOp: '2025-01-01', Verwijderd: false, Stemming: [] },
      { BesluitSoort: 'Stemmen - aangehouden', BesluitTekst: 'Aangehouden.', StemmingsSoort: null, GewijzigdOp: '2025-01-05', Verwijderd: false, Stemming: [] },
      {
        BesluitSoort: 'Stemmen - verworpen',
        BesluitTekst: 'Verworpen. (72-74)',
        StemmingsSoort: 'Hoofdelijk',
        GewijzigdOp: '2025-02-01',
        Verwijderd: false,
        Stemming: [
          { Soort: 'Voor', ActorFractie: 'SP', Persoon_Id: 'p1', FractieGrootte: 5, Verwijderd: false, Vergissing: false },
          { Soort: 'Voor', ActorFractie: 'SP', Persoon_Id: 'p2', FractieGrootte: 5, Verwijderd: false, Vergissing: false },
          { Soort: 'Voor', ActorFractie: 'SP', Persoon_Id: 'p2', FractieGrootte: 5, Verwijderd: false, Vergissing: false },
          { Soort: 'Tegen', ActorFractie: 'VVD', Persoon_Id: 'p3', FractieGrootte: 24, Verwijderd: false, Vergissing: false },
          { Soort: 'Tegen', ActorFractie: 'VVD', Persoon_Id: 'p4', FractieGrootte: 24, Verwijderd: false, Vergissing: true },
          { Soort: 'Voor', ActorFractie: 'VVD', Persoon_Id: 'p5', FractieGrootte: 24, Verwijderd: true, Vergissing: false },
        ],
      },
      { BesluitSoort: 'Stemmen - aangenomen', BesluitTekst: 'Aangenomen.', GewijzigdOp: '2025-03-01', Verwijderd: true, Stemming: [] },
    ],
  };
  const m = motionFacts(zaak, null);
  assert.equal(m.outcome, 'verworpen');
  assert.equal(m.besluitTekst, 'Verworpen. (72-74)');
  assert.deepEqual(m.votes.map((v) => `${v.fractie}:${v.soort}:${v.zetels}`), ['SP:Voor:2', 'VVD:Tegen:1']);
  assert.equal(m.kabinetsappreciatie, 'Ontraden');
  const pending = motionFacts({ Besluit: [{ BesluitSoort: 'Ingediend', BesluitTekst: 'Ingediend.', Verwijderd: false }] }, null);
  assert.equal(pending.outcome, null);
  const withdrawn = motionFacts({ Besluit: [{ BesluitSoort: 'Intrekken', BesluitTekst: 'Ingetrokken.', Verwijderd: false }] }, null);
  assert.equal(withdrawn.outcome, 'ingetrokken');
});
