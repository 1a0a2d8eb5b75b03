/**
 * Client for the official publication platform (KOOP: repository.overheid.nl): SRU search by
 * identifier, the FRBR `metadata.xml` / `metadata_owms.xml` records and the publication XML.
 * The only source for Eerste Kamer papers.
 */
import type { PaperFacts } from '../core/facts';
import { replacedId } from '../core/facts';
import { asArray, decodeXml, decodeXmlText, httpGet, joinUrl, SourceError, textOf } from './http';
import { collapseWhitespace } from '../core/text';

const ID = /^[a-z]{1,6}(?:-[A-Za-z0-9]{1,12}){1,4}$/;

/**
 * The FRBR work path of an identifier, where its form is known (shared/SOURCES.md §2.1):
 * `kst/<dossier[-toev]>/<id>`, `ah-tk/<vj>/<id>`, `blg/onopgemaakt/<id>`. Else the SRU record says.
 */
export function frbrPath(id: string): string | null {
  let m = /^kst-(\d{8})-(\d+)-([A-Za-z0-9]+)$/.exec(id);
  if (m) return `kst/${m[1]}/${id}`;
  m = /^kst-(\d{4,6}(?:-[A-Za-z0-9]{1,6})?)-[A-Za-z0-9]+$/.exec(id);
  if (m) return `kst/${m[1]}/${id}`;
  m = /^(ah-(?:tk|ek))-(\d{8})-\d+$/.exec(id);
  if (m) return `${m[1]}/${m[2]}/${id}`;
  if (/^blg-\d+$/.test(id)) return `blg/onopgemaakt/${id}`;
  m = /^(kv-(?:tk|ek))-[A-Za-z0-9]+$/.exec(id);
  if (m) return `${m[1]}/${id}`;
  return null;
}

/** Metadata fields common to the SRU record, metadata.xml and metadata_owms.xml. */
export interface KoopMeta {
  id: string;
  title: string | null;
  documentTitle: string | null;
  dossierTitle: string | null;
  type: string | null;
  subrubriek: string | null;
  creator: string | null;
  date: string | null;
  signers: string[];
  /** Path under /frbr/officielepublicaties/ of the work (from the record's item URLs). */
  workPath: string | null;
}

function isoDate(s: string | null): string | null {
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m ? m[1] : null;
}

/** The paper's own title: documenttitel, else the last part of "dossier; soort; titel". */
function ownTitle(m: KoopMeta): string | null {
  if (m.documentTitle) return m.documentTitle;
  if (!m.title) return null;
  const parts = m.title.split(/;\s*/);
  return parts.length >= 3 ? parts.slice(2).join('; ') : m.title;
}

export function metaToFacts(m: KoopMeta, now: Date): PaperFacts {
  const type = m.subrubriek && m.subrubriek !== 'Overig' ? m.subrubriek : m.type;
  const title = ownTitle(m);
  const isMotion = /^motie/i.test(type ?? '') || /^(gewijzigde )?motie van/i.test(title ?? '');
  const ek = /eerste kamer/i.test(m.creator ?? '');
  const tk = /tweede kamer/i.test(m.creator ?? '');
  return {
    id: m.id,
    found: true,
    title: (title ? collapseWhitespace(title) : null),
    type,
    isMotion,
    date: m.date,
    signers: m.signers,
    dossierTitle: m.dossierTitle,
    highestNumber: null,
    kamer: ek ? 'I' : tk ? 'II' : null,
    motion: isMotion ? { outcome: null, besluitTekst: null, votes: [], kabinetsappreciatie: null, replaces: replacedId(title) } : null,
    source: 'officielebekendmakingen',
    fetchedAt: now.toISOString(),
  };
}

function typed(types: any[], schemeRe: RegExp): string | null {
  for (const t of types) {
    if (typeof t === 'object' && t && schemeRe.test(String(t['@scheme'] ?? ''))) return textOf(t);
  }
  return null;
}

/** Fields of an SRU `gzd` record. */
export function parseSruRecord(rec: any): KoopMeta | null {
  const gzd = rec?.recordData?.gzd;
  const meta = gzd?.originalData?.meta;
  if (!meta) return null;
  const kern = meta.owmskern ?? {};
  const mantel = meta.owmsmantel ?? {};
  const tp = meta.tpmeta ?? {};
  const id = textOf(kern.identifier);
  if (!id) return null;
  const types = asArray(kern.type);
  const itemUrls = asArray(gzd?.enrichedData?.itemUrl).map((u: any) => textOf(u) ?? '');
  let workPath: string | null = null;
  for (const u of [textOf(gzd?.enrichedData?.url) ?? '', ...itemUrls]) {
    const m = /\/frbr\/officielepublicaties\/(.+?)\/1\/[a-z]+\//.exec(u);
    // Only a path that ends in the identifier is used, and only on the configured host.
    if (m && m[1].endsWith('/' + id)) {
      workPath = m[1];
      break;
    }
  }
  return {
    id,
    title: textOf(kern.title),
    documentTitle: textOf(tp.documenttitel),
    dossierTitle: textOf(tp.dossiertitel),
    type: typed(types, /Parlementair/) ?? textOf(types[0]) ?? textOf(tp.publicatienaam),
    subrubriek: textOf(tp.subrubriek),
    creator: textOf(asArray(kern.creator)[0]),
    date: isoDate(textOf(mantel.date) ?? textOf(mantel.issued) ?? textOf(mantel.available)),
    signers: asArray(tp.indiener).map((x: any) => textOf(x) ?? '').filter(Boolean),
    workPath,
  };
}

/** Fields of a `metadata.xml` (`<metadata_gegevens><metadata name content/>`). */
export function parseMetadataXml(doc: any, id: string): KoopMeta | null {
  const rows = asArray(doc?.metadata_gegevens?.metadata);
  if (!rows.length) return null;
  const all = (name: string) => rows.filter((r: any) => r?.['@name'] === name).map((r: any) => String(r['@content'] ?? ''));
  const one = (name: string) => all(name)[0] ?? null;
  const typeOf = (scheme: RegExp) => rows.find((r: any) => r?.['@name'] === 'DC.type' && scheme.test(String(r['@scheme'] ?? '')))?.['@content'] ?? null;
  return {
    id: one('DC.identifier') ?? id,
    title: one('DC.title'),
    documentTitle: one('OVERHEIDop.documenttitel'),
    dossierTitle: one('OVERHEIDop.dossiertitel'),
    type: typeOf(/Parlementair/) ?? one('OVERHEIDop.publicationName'),
    subrubriek: typeOf(/KamerstukTypen|KamervraagTypen/),
    creator: one('DC.creator'),
    date: isoDate(one('DCTERMS.issued') ?? one('DCTERMS.available')),
    signers: all('OVERHEIDop.indiener'),
    workPath: null,
  };
}

/** Fields of a `metadata_owms.xml` (`<owms-metadata><owmskern>…<oep>`). */
export function parseOwmsXml(doc: any, id: string): KoopMeta | null {
  const root = doc?.['owms-metadata'];
  if (!root) return null;
  const kern = root.owmskern ?? {};
  const mantel = root.owmsmantel ?? {};
  const oep = root.oep ?? {};
  const types = asArray(kern.type);
  return {
    id: textOf(kern.identifier) ?? id,
    title: textOf(kern.title),
    documentTitle: textOf(oep.documenttitel),
    dossierTitle: textOf(oep.dossiertitel),
    type: typed(types, /Parlementair/) ?? textOf(oep.publicationName),
    subrubriek: typed(types, /KamerstukTypen|KamervraagTypen/),
    creator: textOf(asArray(kern.creator)[0]),
    date: isoDate(textOf(mantel.issued) ?? textOf(mantel.available) ?? textOf(oep.datumIndiening)),
    signers: asArray(oep.indiener).map((x: any) => textOf(x) ?? '').filter(Boolean),
    workPath: null,
  };
}

export type KoopLookup = { meta: KoopMeta } | { notFound: true };

export class KoopClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  private async getXml(rel: string): Promise<any | null> {
    const r = await httpGet(joinUrl(this.baseUrl, rel), { timeoutMs: this.timeoutMs, accept: 'application/xml, text/xml' });
    if (r.status === 404) return null;
    return decodeXml(r);
  }

  /** SRU 2.0 search by identifier: a record, null for zero hits; diagnostics are SourceErrors. */
  async sru(id: string): Promise<KoopMeta | null> {
    if (!ID.test(id)) throw new SourceError('rejected', 'ongeldige identificatie');
    const q = `dt.identifier==${id}`;
    const rel = `sru?operation=searchRetrieve&version=2.0&recordSchema=gzd&maximumRecords=1&query=${encodeURIComponent(q)}`;
    const doc = await this.getXml(rel);
    if (doc == null) throw new SourceError('rejected', 'zoekdienst niet gevonden (HTTP 404)', 404);
    const resp = doc.searchRetrieveResponse;
    if (!resp) throw new SourceError('malformed', 'zoekdienst gaf een onverwacht antwoord');
    const diags = asArray(resp.diagnostics?.diagnostic);
    if (diags.length) {
      const msg = textOf(diags[0].message) ?? textOf(diags[0].details) ?? 'onbekende fout';
      throw new SourceError('diagnostic', `zoekdienst meldt een fout: ${msg}`);
    }
    const recs = asArray(resp.records?.record);
    for (const rec of recs) {
      const m = parseSruRecord(rec);
      if (m && m.id === id) return m;
    }
    return null;
  }

  /** metadata.xml, then metadata_owms.xml, at the work path. Null when neither exists. */
  async metadata(id: string, workPath: string): Promise<KoopMeta | null> {
    const md = await this.getXml(`frbr/officielepublicaties/${workPath}/1/metadata/metadata.xml`);
    const m1 = md ? parseMetadataXml(md, id) : null;
    if (m1) return m1;
    const owms = await this.getXml(`frbr/officielepublicaties/${workPath}/1/metadataowms/metadata_owms.xml`);
    return owms ? parseOwmsXml(owms, id) : null;
  }

  /**
   * Metadata of a publication. SRU first; when the search service has no hit (its index lags
   * behind new publications) or fails (diagnostic, error page, outage), the FRBR metadata files
   * at the derived work path are tried before giving up.
   */
  async lookup(id: string): Promise<KoopLookup> {
    let sruError: SourceError | null = null;
    try {
      const m = await this.sru(id);
      if (m) return { meta: m };
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      sruError = e;
    }
    const path = frbrPath(id);
    if (!path) {
      if (sruError) throw sruError;
      return { notFound: true };
    }
    try {
      const m = await this.metadata(id, path);
      if (m) return { meta: m };
    } catch (e) {
      // The search service's failure is the more telling status.
      throw sruError ?? e;
    }
    if (sruError) throw sruError;
    return { notFound: true };
  }

  /** The publication XML as text (decoded per its declaration, validated); null when absent. */
  async publicationXmlText(id: string, workPath: string | null): Promise<string | null> {
    const path = workPath ?? frbrPath(id);
    if (!path) return null;
    const r = await httpGet(joinUrl(this.baseUrl, `frbr/officielepublicaties/${path}/1/xml/${id}.xml`), {
      timeoutMs: this.timeoutMs,
      accept: 'application/xml, text/xml',
    });
    if (r.status === 404) return null;
    decodeXml(r);
    return decodeXmlText(r.body, r.contentType);
  }

  async workPathOf(id: string): Promise<string | null> {
    const derived = frbrPath(id);
    if (derived && !/^kv-/.test(id)) return derived;
    const m = await this.sru(id).catch(() => null);
    return m?.workPath ?? derived;
  }
}
