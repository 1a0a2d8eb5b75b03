/**
 * Builds the replay server's records from our own fixtures (always) and from the recorded
 * responses in ../shared/fixtures/sources (when present). Recorded records are used unchanged;
 * only their arrangement follows the query the client sends (e.g. a recorded Zaak with its
 * Document becomes a Document with its Zaak), as SOURCES.md describes for replaying.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { KoopEntry, ReplayDataset } from '../support/replay-server';

export const PROJECT = path.resolve(__dirname, '../..');
export const SHARED_SOURCES = path.resolve(PROJECT, '../shared/fixtures/sources');
export const OWN = path.join(PROJECT, 'test/fixtures/sources');
export const hasShared = existsSync(SHARED_SOURCES);

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

/** A recorded Zaak (with expanded Document) → Document rows and a Zaak row. */
function addZaak(data: ReplayDataset, zaak: any, dossier: any): void {
  const { Document: docs = [], Besluit = [], ZaakActor = [], ...rest } = zaak;
  data.zaken.push({ ...rest, Besluit, ZaakActor });
  for (const d of docs) {
    const { HuidigeDocumentVersie: _v, ...doc } = d;
    data.documents.push({
      ...doc,
      Kamerstukdossier: [dossier],
      DocumentActor: [],
      Zaak: [{ Id: rest.Id, Nummer: rest.Nummer, Soort: rest.Soort, Volgnummer: rest.Volgnummer }],
    });
  }
}

function csvRows(text: string): string[][] {
  // The recorded CSV quotes fields containing commas; a small RFC 4180 reader.
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The recorded Kamerstukdossier subset as OData records (undoing the CSV's float artefact). */
function recordedDossiers(): any[] {
  const rows = csvRows(readFileSync(path.join(SHARED_SOURCES, 'tk-odata/Kamerstukdossier_subset_from_rekenkamer-scholarship.csv'), 'utf8'));
  const [head, ...body] = rows;
  const ix = (n: string) => head.indexOf(n);
  return body
    .filter((r) => r.length >= head.length)
    .map((r) => ({
      Id: r[ix('Id')],
      Titel: r[ix('Titel')],
      Nummer: Math.round(Number(r[ix('Nummer')])),
      Toevoeging: r[ix('Toevoeging')] || null,
      HoogsteVolgnummer: r[ix('HoogsteVolgnummer')] ? Math.round(Number(r[ix('HoogsteVolgnummer')])) : null,
      Kamer: r[ix('Kamer')],
      Verwijderd: r[ix('Verwijderd')] === 'True',
    }));
}

function findDossier(dossiers: any[], nummer: number, toev: string | null): any {
  const d = dossiers.find((k) => k.Nummer === nummer && (k.Toevoeging ?? null) === toev);
  if (!d) throw new Error(`dossier ${nummer} ${toev} not in recorded subset`);
  return d;
}

export function buildDataset(opts: { shared?: boolean } = {}): ReplayDataset {
  const data: ReplayDataset = { documents: [], zaken: [], dossiers: [], koop: new Map<string, KoopEntry>() };
  // Own synthetic fixtures.
  const ownDossiers = json(path.join(OWN, 'tk-odata/Kamerstukdossier_synthetic.json')).value;
  data.dossiers.push(...ownDossiers);
  addZaak(data, json(path.join(OWN, 'tk-odata/Zaak_synthetic_kst-99901-7.json')), ownDossiers[0]);
  data.documents.push(json(path.join(OWN, 'tk-odata/Document_synthetic_kst-99901-X-7.json')));
  data.koop.set('kst-99901-7', { workPath: 'kst/99901/kst-99901-7', xml: readFileSync(path.join(OWN, 'koop/kst-99901-7.xml')) });
  data.koop.set('kst-99902-B', { workPath: 'kst/99902/kst-99902-B', sru: readFileSync(path.join(OWN, 'koop/sru_synthetic_kst-99902-B.xml')) });
  data.koop.set('kst-99902-C', { workPath: 'kst/99902/kst-99902-C', metadata: readFileSync(path.join(OWN, 'koop/metadata_synthetic_kst-99902-C_windows-1252.xml')) });
  if (opts.shared === false || !hasShared) return data;

  const S = (p: string) => path.join(SHARED_SOURCES, p);
  const dossiers = recordedDossiers();
  data.dossiers.push(...dossiers);
  addZaak(data, json(S('tk-odata/Zaak_motie_2024Z01963_kst-36410-X-46.json')), findDossier(dossiers, 36410, 'X'));
  addZaak(data, json(S('tk-odata/Zaak_gewijzigde-motie_2025Z02986_kst-19637-3384.json')), findDossier(dossiers, 19637, null));
  addZaak(data, json(S('tk-odata/Zaak_motie_kst-21501-20-1996.json')), findDossier(dossiers, 21501, '20'));

  // The recorded vote (Stemming → Besluit → Agendapunt → Zaak) regrouped as Zaak → Besluit →
  // Stemming, the shape the client asks for. The recorded Zaak record does not name its dossier:
  // the test cites it as dossier 30950 ("Racisme en discriminatie"), an assumption of the test.
  const st = json(S('tk-odata/Stemming_expand_Besluit-Agendapunt-Zaak_Fractie_Persoon.json')).value as any[];
  const { Agendapunt, ...besluit } = st[0].Besluit;
  const zaak = Agendapunt.Zaak[0];
  const stemmingen = st.map(({ Besluit: _b, Fractie: _f, Persoon: _p, ...s }) => s);
  // OpenDataPortaal#167: rows were duplicated for some motions; replay one row twice.
  stemmingen.push({ ...stemmingen[0] });
  addZaak(
    data,
    {
      ...zaak,
      Besluit: [{ ...besluit, Stemming: stemmingen }],
      Document: [
        {
          Id: 'derived-' + zaak.Id,
          Soort: 'Motie',
          Titel: zaak.Titel,
          Onderwerp: zaak.Onderwerp,
          Datum: zaak.GestartOp,
          Vergaderjaar: zaak.Vergaderjaar,
          Kamer: 2,
          Volgnummer: zaak.Volgnummer,
          GewijzigdOp: zaak.GewijzigdOp,
          Verwijderd: false,
        },
      ],
    },
    { Id: 'derived-30950', Titel: zaak.Titel, Nummer: 30950, Toevoeging: null, HoogsteVolgnummer: null, Kamer: 'Tweede Kamer', Verwijderd: false },
  );

  const K = (f: string) => readFileSync(S('koop/' + f));
  data.koop.set('kst-36410-X-46', { workPath: 'kst/36410-X/kst-36410-X-46', xml: K('kst-36410-X-46.xml') });
  data.koop.set('kst-19637-3384', { workPath: 'kst/19637/kst-19637-3384', xml: K('kst-19637-3384.xml') });
  data.koop.set('kst-21501-20-1996', { workPath: 'kst/21501-20/kst-21501-20-1996', xml: K('kst-21501-20-1996.xml') });
  data.koop.set('kst-32545-143', {
    workPath: 'kst/32545/kst-32545-143',
    metadata: K('kst-32545-143_metadata.xml'),
    owms: K('kst-32545-143_metadata_owms.xml'),
    xml: K('kst-32545-143.xml'),
  });
  data.koop.set('kst-34104-439', { workPath: 'kst/34104/kst-34104-439', xml: K('kst-34104-439.xml') });
  data.koop.set('kst-35842-4', { workPath: 'kst/35842/kst-35842-4', sru: K('sru_v2_record_kst-35842-4.xml'), owms: K('metadata_owms-kst.xml') });
  data.koop.set('kv-ek-215160000', { workPath: 'kv-ek/kv-ek-215160000', owms: K('metadata_owms-kv-ek.xml') });
  return data;
}

export function sharedFile(rel: string): Buffer {
  return readFileSync(path.join(SHARED_SOURCES, rel));
}
