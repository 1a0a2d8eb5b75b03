/**
 * Facts of a cited paper as the public sources give them, and the checks that need them
 * (`kamerstuk-not-found`, `motion-mismatch`, `motion-rejected`). Pure: the host fetches the
 * facts (server/src/sources) and passes a lookup in.
 */
import type { Finding } from './model';
import type { Citations, PaperRef } from './citations/types';

export type FactsSourceName = 'tweedekamer' | 'officielebekendmakingen';

export type MotionOutcome = 'aangenomen' | 'verworpen' | 'ingetrokken' | 'aangehouden';

/** How one fractie voted on a motion (hand-raising votes are per fractie). */
export interface FractieVote {
  fractie: string;
  /** "Voor", "Tegen" or "Niet deelgenomen". */
  soort: string;
  /** Seats of the fractie at the vote, when the source gives it. */
  zetels: number | null;
}

export interface MotionFacts {
  outcome: MotionOutcome | null;
  /** The decision text as the source words it, e.g. "Verworpen. (72-74)". */
  besluitTekst: string | null;
  votes: FractieVote[];
  kabinetsappreciatie: string | null;
  /** For an amended motion ("Gewijzigde motie … (t.v.v. 19637-3370)"): the id it replaces. */
  replaces: string | null;
}

/** What a cited paper really is. `found: false` means the source answered and does not know it. */
export interface PaperFacts {
  id: string;
  found: boolean;
  /** The paper's own title or subject ("Motie van het lid Erkens over …"). */
  title: string | null;
  /** Kind as the source names it: "Motie", "Brief regering", "Schriftelijke vragen", … */
  type: string | null;
  isMotion: boolean;
  /** ISO date (yyyy-mm-dd). */
  date: string | null;
  /** Signers (indieners / ondertekenaars), first signer first. */
  signers: string[];
  dossierTitle: string | null;
  /** The dossier's highest volgnummer, when known (for `kamerstuk-not-found`). */
  highestNumber: number | null;
  kamer: 'I' | 'II' | null;
  motion: MotionFacts | null;
  source: FactsSourceName;
  /** ISO timestamp of the lookup. */
  fetchedAt: string;
}

/** The facts of a paper its source answered for and does not know, with what its dossier says when known. */
export function notFoundFacts(
  id: string,
  kamer: PaperFacts['kamer'],
  source: FactsSourceName,
  fetchedAt: string,
  dossier: Pick<PaperFacts, 'dossierTitle' | 'highestNumber'> = { dossierTitle: null, highestNumber: null },
): PaperFacts {
  return { id, found: false, title: null, type: null, isMotion: false, date: null, signers: [], ...dossier, kamer, motion: null, source, fetchedAt };
}

export type FactsState = 'cached' | 'pending' | 'failed' | 'offline' | 'unknown';

/** What the host knows about a paper right now (never waits for the network). */
export interface FactsPeek {
  facts?: PaperFacts;
  state: FactsState;
  /** Dutch status line, e.g. "bron niet bereikbaar, nieuwe poging over 30 s". */
  message?: string;
  /** The last attempt could not reach the source (no connection, unknown server, no answer in time). */
  unreachable?: boolean;
}

export type FactsLookup = (ref: PaperRef) => PaperFacts | undefined;

/** A paper reference with only the fields that identify it (what the sources are asked about). */
export function paperRefOf(r: PaperRef): PaperRef {
  const { kind, id, dossier, toevoeging, number, kamer, vergaderjaar, canonical, orDossier } = r;
  return orDossier ? { kind, id, dossier, toevoeging, number, kamer, vergaderjaar, canonical, orDossier } : { kind, id, dossier, toevoeging, number, kamer, vergaderjaar, canonical };
}

/** Every distinct paper a letter cites (references, then the papers of linked motions), once each by id. */
export function citedPapers(citations: Citations): PaperRef[] {
  const out = new Map<string, PaperRef>();
  for (const r of citations.references) if (r.id && !out.has(r.id)) out.set(r.id, paperRefOf(r));
  for (const m of citations.motions) for (const r of m.refs) if (r.id && !out.has(r.id)) out.set(r.id, paperRefOf(r));
  return [...out.values()];
}

/** The citation without the "Kamerstukken II 2023/24," prefix noise: used in messages. */
function label(ref: PaperRef): string {
  return ref.canonical || ref.id;
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** A short Dutch description of what the paper is: "een brief regering: "Titel"". */
export function describePaper(f: PaperFacts): string {
  const type = f.type ? lowerFirst(f.type) : 'stuk';
  let s = `een ${type}`;
  if (f.signers.length) s += ` van ${f.signers[0]}${f.signers.length > 1 ? ' c.s.' : ''}`;
  if (f.title) s += `: "${f.title.trim()}"`;
  return s;
}

/** Surname comparison key: lower case, no diacritics, no initials, single spaces. */
export function signerKey(name: string): string {
  let n = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // "Dijk, D.J.H. van" (publication platform) -> "D.J.H. van Dijk".
  const comma = n.indexOf(',');
  if (comma > 0) n = n.slice(comma + 1) + ' ' + n.slice(0, comma);
  n = n.replace(/\([^)]*\)/g, ' ');
  const words = n
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w && !/^([a-z]{1,3}\.)+$/.test(w) && w !== 'c.s.' && w !== 'cs');
  return words.join(' ');
}

/** True when the mention's surname ("Van den Berg") names the signer ("J.A. van den Berg"). */
export function sameSigner(mentioned: string, signer: string): boolean {
  const a = signerKey(mentioned);
  const b = signerKey(signer);
  if (!a || !b) return false;
  if (a === b) return true;
  return b.endsWith(' ' + a) || a.endsWith(' ' + b);
}

/** Whether the sentence around a motion mention says the letter carries the motion out. */
const EXECUTES = /\b(uitvoering|uit te voeren|voer(?:en)? .{0,40}uit|invulling aan|geef(?:t|en)? .{0,30}gevolg aan|conform de motie|overeenkomstig de motie)\b/i;

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  const minS = Math.max(0, start - 400);
  while (s > minS && !/[.!?\n]/.test(text.charAt(s - 1))) s--;
  let e = end;
  const maxE = Math.min(text.length, end + 400);
  while (e < maxE && !/[.!?\n]/.test(text.charAt(e))) e++;
  return text.slice(s, e);
}

/**
 * Findings that need the facts of the cited papers. Papers without facts (not yet fetched,
 * offline) give no finding: a check never guesses.
 */
export function checkFacts(text: string, citations: Citations, lookup: FactsLookup): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of citations.references) {
    // "36123-45" unknown as paper nr. 45 may well be the dossier 36 123-45: the hover says so.
    if (r.kind !== 'kamerstuk' || !r.number || r.orDossier) continue;
    const f = lookup(r);
    if (!f || f.found) continue;
    const key = `nf:${r.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const num = Number(r.number);
    let message: string;
    if (f.highestNumber != null && Number.isFinite(num) && num > f.highestNumber) {
      message = `${label(r)} bestaat niet: het dossier${f.dossierTitle ? ` "${f.dossierTitle}"` : ''} loopt tot nr. ${f.highestNumber}.`;
    } else if (f.dossierTitle) {
      message = `${label(r)} is bij de bron onbekend in het dossier "${f.dossierTitle}".`;
    } else {
      message = `${label(r)} is bij de bron onbekend.`;
    }
    out.push({ code: 'kamerstuk-not-found', span: r.span, message, data: { id: r.id } });
  }
  for (const m of citations.motions) {
    // "de moties-Erkens en -Kröger (nrs. 46 en 47)": each motion has its own first signer.
    const paired = m.signers && m.signers.length === m.refs.length ? m.signers : null;
    for (let k = 0; k < m.refs.length; k++) {
      const ref = m.refs[k];
      // Unpaired, any signer the mention names may be this motion's.
      const names = paired ? [paired[k]] : m.signers ?? [m.signer];
      const signer = names[0];
      const f = lookup(ref);
      if (!f || !f.found) continue;
      if (!f.isMotion) {
        out.push({
          code: 'motion-mismatch',
          span: m.span,
          message: `${label(ref)} is geen motie maar ${describePaper(f)}.`,
          data: { id: ref.id },
        });
        continue;
      }
      if (signer && f.signers.length && !names.some((n) => sameSigner(n, f.signers[0]))) {
        out.push({
          code: 'motion-mismatch',
          span: m.span,
          message: `${label(ref)} is de motie van ${f.signers[0]}${f.signers.length > 1 ? ' c.s.' : ''}, niet van ${names.join(' of ')}${f.title ? `: "${f.title.trim()}"` : ''}.`,
          data: { id: ref.id },
        });
      }
      const outcome = f.motion?.outcome;
      if ((outcome === 'verworpen' || outcome === 'ingetrokken') && EXECUTES.test(sentenceAround(text, m.span.start, m.span.end))) {
        out.push({
          code: 'motion-rejected',
          span: m.span,
          message: `De motie ${signer ? signer + ' ' : ''}(${label(ref)}) is ${outcome}${f.motion?.besluitTekst ? ` (${f.motion.besluitTekst.trim()})` : ''}: de brief zegt haar uit te voeren.`,
          data: { id: ref.id },
        });
      }
    }
  }
  return out;
}

/**
 * How the sources settle a citation that may be a paper or a dossier ("36123-45": paper nr. 45 of
 * dossier 36 123, or the dossier 36 123-45; `ref.orDossier` set by the grammar). Returns a Dutch
 * sentence for the hover, or null while the facts are unknown.
 */
export function dossierReading(ref: PaperRef, facts: PaperFacts | undefined): string | null {
  if (!ref.orDossier || !facts) return null;
  if (facts.found) return `Volgens de bron is dit ${ref.canonical}${facts.title ? `: "${facts.title.trim()}"` : ''}, niet het dossier ${ref.orDossier}.`;
  return `De bron kent geen nr. ${ref.number} in dossier ${ref.dossier ? ref.dossier.slice(0, 2) + ' ' + ref.dossier.slice(2) : ''}: bedoeld is waarschijnlijk het dossier ${ref.orDossier}.`;
}

const OUTCOME_WORDS: [RegExp, MotionOutcome][] = [
  [/aangenomen/i, 'aangenomen'],
  [/verworpen/i, 'verworpen'],
  [/ingetrokken/i, 'ingetrokken'],
  [/aangehouden/i, 'aangehouden'],
];

/** The outcome named in a decision kind or text ("Stemmen - verworpen", "Aangehouden."). */
export function outcomeOf(text: string | null | undefined): MotionOutcome | null {
  if (!text) return null;
  for (const [re, o] of OUTCOME_WORDS) if (re.test(text)) return o;
  return null;
}

/** The id an amended motion replaces: "(t.v.v. 19637-3370)" -> "kst-19637-3370". */
export function replacedId(subject: string | null | undefined): string | null {
  if (!subject) return null;
  const m = /t\.v\.v\.\s*([0-9]{4,6}(?:-[0-9A-Za-z]{1,6})?)-([0-9]{1,5})/.exec(subject);
  return m ? `kst-${m[1]}-${m[2]}` : null;
}

/** Signers from a subject such as "Motie van de leden Inge van Dijk en Grinwis over …". */
export function signersFromSubject(subject: string | null | undefined): string[] {
  if (!subject) return [];
  const m = /\bvan (?:het lid|de leden)\s+(.+?)(?:\s+c\.s\.)?\s+(?:over|ter|inzake|betreffende|met|om)\b/i.exec(subject);
  if (!m) return [];
  return m[1]
    .split(/\s*,\s*|\s+en\s+/)
    .map((s) => s.replace(/\s+c\.s\.$/, '').trim())
    .filter(Boolean);
}
