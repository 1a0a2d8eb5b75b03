/**
 * Client for the Tweede Kamer open data OData v4 API (Gegevensmagazijn): Document by dossier,
 * toevoeging and volgnummer; Zaak (motion) with Besluit/Stemming and ZaakActor; Kamerstukdossier
 * for the dossier title and highest volgnummer. Query forms per shared/SOURCES.md §1.2.
 */
import type { PaperFacts, FractieVote, MotionFacts } from '../core/facts';
import { notFoundFacts, outcomeOf, replacedId, signersFromSubject } from '../core/facts';
import { decodeJson, httpGet, joinUrl, SourceError } from './http';

export interface TkRef {
  id: string;
  dossier: string;
  toevoeging: string | null;
  number: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Same toevoeging? Case and spacing differ in real data ("xiii", "(R1879)"). */
function sameToevoeging(a: string | null | undefined, b: string | null | undefined): boolean {
  const na = (a ?? '').replace(/\s+/g, '').toUpperCase();
  const nb = (b ?? '').replace(/\s+/g, '').toUpperCase();
  return na === nb;
}

function isoDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m ? m[1] : null;
}

export class TweedeKamerClient {
  /** Set when the server rejected `Toevoeging eq null` once: from then on filter client-side. */
  private nullFilterRejected = false;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  private async get(rel: string): Promise<any[]> {
    const r = await httpGet(joinUrl(this.baseUrl, rel), { timeoutMs: this.timeoutMs, accept: 'application/json' });
    if (r.status === 404) return [];
    const json = decodeJson(r);
    if (!json || typeof json !== 'object' || !Array.isArray(json.value))
      throw new SourceError('malformed', 'bron gaf een onverwacht antwoord (geen OData-lijst)', r.status);
    return json.value;
  }

  private dossierClause(ref: TkRef, withToevoeging: boolean): string {
    const nummer = Number(ref.dossier);
    if (!withToevoeging) return `Kamerstukdossier/any(d: d/Nummer eq ${nummer})`;
    const t = ref.toevoeging ? `d/Toevoeging eq ${odataString(ref.toevoeging)}` : 'd/Toevoeging eq null';
    return `Kamerstukdossier/any(d: d/Nummer eq ${nummer} and ${t})`;
  }

  private static q(path: string, params: Record<string, string>): string {
    return path + '?' + Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  }

  /** Documents with the dossier, toevoeging and volgnummer; the null-toevoeging pitfall handled. */
  private async documents(ref: TkRef): Promise<any[]> {
    const expand = 'Kamerstukdossier,DocumentActor,Zaak';
    const base = `Verwijderd eq false and Volgnummer eq ${Number(ref.number)}`;
    let rows: any[];
    const needsNull = !ref.toevoeging;
    if (needsNull && this.nullFilterRejected) {
      rows = await this.get(TweedeKamerClient.q('Document', { $filter: `${base} and ${this.dossierClause(ref, false)}`, $expand: expand }));
    } else {
      try {
        rows = await this.get(TweedeKamerClient.q('Document', { $filter: `${base} and ${this.dossierClause(ref, true)}`, $expand: expand }));
      } catch (e) {
        if (!(needsNull && e instanceof SourceError && e.kind === 'rejected' && e.status === 400)) throw e;
        // The `eq null` form is not documented to work; fall back to filtering client-side.
        this.nullFilterRejected = true;
        rows = await this.get(TweedeKamerClient.q('Document', { $filter: `${base} and ${this.dossierClause(ref, false)}`, $expand: expand }));
      }
    }
    if (ref.toevoeging && !rows.some((d) => this.inDossier(d, ref))) {
      // Toevoegingen differ in case in real data ("xiii"): ask for the dossier number only and
      // compare case-insensitively here, rather than report a paper missing.
      rows = await this.get(TweedeKamerClient.q('Document', { $filter: `${base} and ${this.dossierClause(ref, false)}`, $expand: expand }));
    }
    // Never trust the server filter alone: 36410 and 36410-X must not match each other.
    return rows.filter((d) => this.inDossier(d, ref));
  }

  private inDossier(d: any, ref: TkRef): boolean {
    return (
      !!d &&
      d.Verwijderd !== true &&
      Array.isArray(d.Kamerstukdossier) &&
      d.Kamerstukdossier.some((k: any) => String(k?.Nummer) === String(Number(ref.dossier)) && sameToevoeging(k?.Toevoeging, ref.toevoeging))
    );
  }

  private async dossier(ref: TkRef): Promise<any | null> {
    const base = `Verwijderd eq false and Nummer eq ${Number(ref.dossier)}`;
    let rows: any[];
    if (!ref.toevoeging && this.nullFilterRejected) {
      rows = await this.get(TweedeKamerClient.q('Kamerstukdossier', { $filter: base }));
    } else {
      const t = ref.toevoeging ? `Toevoeging eq ${odataString(ref.toevoeging)}` : 'Toevoeging eq null';
      try {
        rows = await this.get(TweedeKamerClient.q('Kamerstukdossier', { $filter: `${base} and ${t}` }));
      } catch (e) {
        if (!(!ref.toevoeging && e instanceof SourceError && e.kind === 'rejected' && e.status === 400)) throw e;
        this.nullFilterRejected = true;
        rows = await this.get(TweedeKamerClient.q('Kamerstukdossier', { $filter: base }));
      }
    }
    let hit = rows.find((k) => k && sameToevoeging(k.Toevoeging, ref.toevoeging));
    if (!hit && ref.toevoeging) {
      rows = await this.get(TweedeKamerClient.q('Kamerstukdossier', { $filter: base }));
      hit = rows.find((k) => k && sameToevoeging(k.Toevoeging, ref.toevoeging));
    }
    return hit ?? null;
  }

  private async motionZaak(zaakId: string): Promise<any | null> {
    if (!GUID.test(zaakId)) return null;
    const rows = await this.get(
      TweedeKamerClient.q('Zaak', {
        $filter: `Id eq ${zaakId}`,
        $expand: 'Besluit($filter=Verwijderd eq false;$expand=Stemming($filter=Verwijderd eq false)),ZaakActor',
      }),
    );
    return rows[0] ?? null;
  }

  /** The facts of a Tweede Kamer kamerstuk, or `found: false` with what the dossier says. */
  async lookup(ref: TkRef, now: Date): Promise<PaperFacts> {
    const docs = await this.documents(ref);
    const fetchedAt = now.toISOString();
    if (!docs.length) {
      const dossier = await this.dossier(ref);
      return notFoundFacts(ref.id, 'II', 'tweedekamer', fetchedAt, {
        dossierTitle: typeof dossier?.Titel === 'string' ? dossier.Titel : null,
        highestNumber: typeof dossier?.HoogsteVolgnummer === 'number' ? dossier.HoogsteVolgnummer : null,
      });
    }
    // Several versions can exist (e.g. a rectification); prefer the motion/main one, newest change.
    docs.sort((a, b) => String(b.GewijzigdOp ?? '').localeCompare(String(a.GewijzigdOp ?? '')));
    const doc = docs[0];
    const type: string | null = typeof doc.Soort === 'string' ? doc.Soort : null;
    const isMotion = !!type && /^motie/i.test(type);
    const dossier = (doc.Kamerstukdossier as any[]).find((k) => sameToevoeging(k?.Toevoeging, ref.toevoeging));
    let signers = actorSigners(doc.DocumentActor);
    let motion: MotionFacts | null = null;
    if (isMotion) {
      const zaakRef = (Array.isArray(doc.Zaak) ? doc.Zaak : []).find((z: any) => /^motie/i.test(String(z?.Soort ?? ''))) ?? doc.Zaak?.[0];
      const zaak = zaakRef?.Id ? await this.motionZaak(String(zaakRef.Id)) : null;
      motion = motionFacts(zaak ?? zaakRef ?? null, doc);
      const zs = zaakSigners(zaak?.ZaakActor);
      if (zs.length) signers = zs;
    }
    if (!signers.length) signers = signersFromSubject(doc.Onderwerp);
    return {
      id: ref.id,
      found: true,
      title: typeof doc.Onderwerp === 'string' ? doc.Onderwerp.trim() : null,
      type,
      isMotion,
      date: isoDate(doc.Datum),
      signers,
      dossierTitle: typeof dossier?.Titel === 'string' ? dossier.Titel : typeof doc.Titel === 'string' ? doc.Titel : null,
      highestNumber: typeof dossier?.HoogsteVolgnummer === 'number' ? dossier.HoogsteVolgnummer : null,
      kamer: 'II',
      motion,
      source: 'tweedekamer',
      fetchedAt,
    };
  }
}

function actorSigners(actors: unknown): string[] {
  if (!Array.isArray(actors)) return [];
  const rel = (a: any) => String(a?.Relatie ?? '').toLowerCase();
  const pick = actors.filter((a: any) => /ondertekenaar|indiener|eerste/.test(rel(a)));
  const ordered = [...pick.filter((a: any) => /eerste|^indiener/.test(rel(a))), ...pick.filter((a: any) => !/eerste|^indiener/.test(rel(a)))];
  return dedupe(ordered.map((a: any) => String(a?.ActorNaam ?? '').trim()).filter(Boolean));
}

function zaakSigners(actors: unknown): string[] {
  if (!Array.isArray(actors)) return [];
  const first = actors.filter((a: any) => a?.Relatie === 'Indiener');
  const co = actors.filter((a: any) => a?.Relatie === 'Medeindiener');
  return dedupe([...first, ...co].map((a: any) => String(a?.ActorNaam ?? '').trim()).filter(Boolean));
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Outcome, vote per fractie and appraisal from a Zaak with expanded Besluit/Stemming. */
export function motionFacts(zaak: any, doc: any): MotionFacts {
  const besluiten: any[] = Array.isArray(zaak?.Besluit) ? zaak.Besluit.filter((b: any) => b && b.Verwijderd !== true) : [];
  // A Zaak has several Besluiten ("Ingediend", later "Stemmen - aangenomen"): take the vote, newest.
  const voting = besluiten
    .filter((b) => /^stemmen/i.test(String(b.BesluitSoort ?? '')) || b.StemmingsSoort)
    .sort((a, b) => String(b.GewijzigdOp ?? '').localeCompare(String(a.GewijzigdOp ?? '')));
  const other = besluiten
    .filter((b) => outcomeOf(b.BesluitSoort) || outcomeOf(b.BesluitTekst))
    .sort((a, b) => String(b.GewijzigdOp ?? '').localeCompare(String(a.GewijzigdOp ?? '')));
  const chosen = voting[0] ?? other[0] ?? null;
  const outcome = chosen ? outcomeOf(chosen.BesluitSoort) ?? outcomeOf(chosen.BesluitTekst) : null;
  const votes: FractieVote[] = [];
  const seen = new Set<string>();
  for (const s of Array.isArray(chosen?.Stemming) ? chosen.Stemming : []) {
    if (!s || s.Verwijderd === true || s.Vergissing === true) continue;
    const fractie = String(s.ActorFractie ?? s.ActorNaam ?? '').trim();
    if (!fractie || !s.Soort) continue;
    // Stemming rows were duplicated for some motions (OpenDataPortaal#167): one per fractie.
    // Hoofdelijk votes carry Persoon_Id: then one row per person, grouped by fractie and soort.
    const key = s.Persoon_Id ? `${fractie}\u0000${s.Persoon_Id}` : fractie;
    if (seen.has(key)) continue;
    seen.add(key);
    votes.push({ fractie, soort: String(s.Soort), zetels: typeof s.FractieGrootte === 'number' ? s.FractieGrootte : null });
  }
  const subject = (typeof zaak?.Onderwerp === 'string' ? zaak.Onderwerp : null) ?? doc?.Onderwerp;
  return {
    outcome,
    besluitTekst: typeof chosen?.BesluitTekst === 'string' ? chosen.BesluitTekst : null,
    votes: aggregateHoofdelijk(votes, chosen),
    kabinetsappreciatie: typeof zaak?.Kabinetsappreciatie === 'string' ? zaak.Kabinetsappreciatie : null,
    replaces: replacedId(subject),
  };
}

/** For a roll-call vote, count persons per fractie and soort instead of listing every member. */
function aggregateHoofdelijk(votes: FractieVote[], besluit: any): FractieVote[] {
  if (!/hoofdelijk/i.test(String(besluit?.StemmingsSoort ?? ''))) return votes;
  const rows = Array.isArray(besluit?.Stemming) ? besluit.Stemming : [];
  if (!rows.some((s: any) => s?.Persoon_Id)) return votes;
  const counts = new Map<string, FractieVote>();
  for (const v of votes) {
    const key = `${v.fractie}\u0000${v.soort}`;
    const c = counts.get(key) ?? { fractie: v.fractie, soort: v.soort, zetels: 0 };
    c.zetels = (c.zetels ?? 0) + 1;
    counts.set(key, c);
  }
  return [...counts.values()];
}
