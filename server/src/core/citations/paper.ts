/**
 * Identity of parliamentary papers: official identifiers, the canonical citation form
 * (Aanwijzing voor de regelgeving 3.43) and URLs.
 */
import type { PaperKind, PaperRef } from './types';

/** "2023-2024" from the first year; the parliamentary year always spans two calendar years. */
export function vergaderjaarFrom(first: number): string {
  return `${first}-${first + 1}`;
}

/** "2023-2024" → "2023/24" (the short form of the official citation). */
export function shortVergaderjaar(vj: string): string {
  const a = vj.slice(0, 4);
  const b = vj.slice(-2);
  return `${a}/${b}`;
}

/** "36410" → "36 410"; other lengths stay as written. */
export function spacedDossier(dossier: string): string {
  return dossier.length === 5 ? `${dossier.slice(0, 2)} ${dossier.slice(2)}` : dossier;
}

/** True when the toevoeging is a budget chapter (Roman numeral, possibly with a letter: "IIB"). */
export function isRomanToevoeging(t: string): boolean {
  return /^[IVXL]{1,6}[AB]?$/.test(t);
}

/** Official publication identifier of a Kamerstuk. */
export function kstId(dossier: string, toevoeging: string | null, number: string | null): string {
  let id = `kst-${dossier}`;
  if (toevoeging) id += `-${toevoeging}`;
  if (number) id += `-${number}`;
  return id;
}

function isLetterNumber(n: string): boolean {
  return /^[A-Z]{1,3}$/.test(n);
}

/** The official citation for a Kamerstuk. */
export function canonicalKamerstuk(r: {
  dossier: string;
  toevoeging: string | null;
  number: string | null;
  kamer: 'I' | 'II' | null;
  vergaderjaar: string | null;
}): string {
  let d = spacedDossier(r.dossier);
  if (r.toevoeging) d += isRomanToevoeging(r.toevoeging) ? ` ${r.toevoeging}` : `-${r.toevoeging}`;
  let head: string;
  if (r.vergaderjaar) {
    head = `Kamerstukken${r.kamer ? ' ' + r.kamer : ''} ${shortVergaderjaar(r.vergaderjaar)}, `;
  } else {
    head = r.kamer ? `Kamerstukken ${r.kamer}, ` : 'Kamerstuk ';
  }
  if (!r.number) return `${head}${d}`;
  return isLetterNumber(r.number) ? `${head}${d}, ${r.number}` : `${head}${d}, nr. ${r.number}`;
}

/** Builds a complete Kamerstuk reference. */
export function kamerstukRef(
  dossier: string,
  toevoeging: string | null,
  number: string | null,
  kamer: 'I' | 'II' | null,
  vergaderjaar: string | null,
): PaperRef {
  // Letters are Eerste Kamer papers by definition.
  if (!kamer && number && isLetterNumber(number)) kamer = 'I';
  return {
    kind: 'kamerstuk',
    id: kstId(dossier, toevoeging, number),
    dossier,
    toevoeging,
    number,
    kamer,
    vergaderjaar,
    canonical: canonicalKamerstuk({ dossier, toevoeging, number, kamer, vergaderjaar }),
  };
}

function vj8(vj: string): string {
  return vj.replace('-', '');
}

/** Handelingen (plenary proceedings): `h-tk-20102011-108-5`. */
export function handelingenRef(kamer: 'I' | 'II' | null, vergaderjaar: string, nr: string | null, item: string | null): PaperRef {
  const k = kamer === 'I' ? 'ek' : 'tk';
  let id = `h-${k}-${vj8(vergaderjaar)}`;
  if (nr) id += `-${nr}`;
  if (nr && item) id += `-${item}`;
  let canonical = `Handelingen${kamer ? ' ' + kamer : ''} ${shortVergaderjaar(vergaderjaar)}`;
  if (nr) canonical += `, nr. ${nr}`;
  if (nr && item) canonical += `, item ${item}`;
  return { kind: 'handelingen', id, dossier: null, toevoeging: null, number: nr, kamer, vergaderjaar, canonical };
}

/** Aanhangsel van de Handelingen (answers to written questions): `ah-tk-20192020-3975`. */
export function aanhangselRef(kamer: 'I' | 'II' | null, vergaderjaar: string, nr: string): PaperRef {
  const k = kamer === 'I' ? 'ek' : 'tk';
  return {
    kind: 'aanhangsel',
    id: `ah-${k}-${vj8(vergaderjaar)}-${nr}`,
    dossier: null,
    toevoeging: null,
    number: nr,
    kamer,
    vergaderjaar,
    canonical: `Aanhangsel Handelingen${kamer ? ' ' + kamer : ''} ${shortVergaderjaar(vergaderjaar)}, nr. ${nr}`,
  };
}

/** Staatsblad (`stb-2021-45`) or Staatscourant (`stcrt-2020-12345`): year and number. */
export function bladRef(kind: 'staatsblad' | 'staatscourant', year: string, nr: string): PaperRef {
  const stb = kind === 'staatsblad';
  return {
    kind,
    id: `${stb ? 'stb' : 'stcrt'}-${year}-${nr}`,
    dossier: null,
    toevoeging: null,
    number: nr,
    kamer: null,
    vergaderjaar: null,
    canonical: `${stb ? 'Stb.' : 'Stcrt.'} ${year}, ${nr}`,
  };
}

/** Tweede Kamer zaaknummer (`2025Z01234`) or documentnummer (`2024D48680`). */
export function tkNumberRef(id: string): PaperRef {
  const kind: PaperKind = id[4] === 'Z' ? 'zaak' : 'document';
  return {
    kind,
    id,
    dossier: null,
    toevoeging: null,
    number: null,
    kamer: 'II',
    vergaderjaar: null,
    canonical: kind === 'zaak' ? `zaaknummer ${id}` : `documentnummer ${id}`,
  };
}

/**
 * Parses an official identifier (`kst-36410-X-46`, `kst-30821-E`, `kst-21501-20-2198`,
 * `ah-tk-20192020-3975`, `h-tk-20172018-70-6`) into a reference, or null.
 * Linear regexes on a short, already-isolated string.
 */
export function parsePaperId(id: string): PaperRef | null {
  let m = /^kst-(\d{4,6})(?:-([IVXL]{1,6}[AB]?|\d{2}))?-(\d{1,5}[a-z]?|[A-Z]{1,3})$/.exec(id);
  if (m) return kamerstukRef(m[1], m[2] ?? null, m[3], null, null);
  m = /^kst-(\d{4,6})-([IVXL]{1,6}[AB]?|\d{2})$/.exec(id);
  if (m) return kamerstukRef(m[1], m[2], null, null, null);
  m = /^ah-(tk|ek)-((?:19|20)\d{2})(?:19|20)\d{2}-(\d{1,6})$/.exec(id);
  if (m) return aanhangselRef(m[1] === 'ek' ? 'I' : 'II', vergaderjaarFrom(+m[2]), m[3]);
  m = /^h-(tk|ek)-((?:19|20)\d{2})(?:19|20)\d{2}(?:-(\d{1,4}))?(?:-(\d{1,4}))?$/.exec(id);
  if (m) return handelingenRef(m[1] === 'ek' ? 'I' : 'II', vergaderjaarFrom(+m[2]), m[3] ?? null, m[4] ?? null);
  m = /^(stb|stcrt)-((?:18|19|20)\d{2})-(\d{1,6})$/.exec(id);
  if (m) return bladRef(m[1] === 'stb' ? 'staatsblad' : 'staatscourant', m[2], m[3]);
  m = /^(\d{4}[ZD]\d{5})$/.exec(id);
  if (m) return tkNumberRef(m[1]);
  return null;
}

/** The paper's page on the government's publication platform, when it has one. */
export function officialUrl(ref: PaperRef): string | null {
  if (ref.kind === 'zaak' || ref.kind === 'document') return null;
  if (ref.kind === 'kamerstuk' && !ref.number) return null;
  return `https://zoek.officielebekendmakingen.nl/${ref.id}.html`;
}

/** A search on tweedekamer.nl (the site's own document ids are not derivable offline). */
export function tweedeKamerUrl(ref: PaperRef): string {
  let q: string;
  if (ref.kind === 'kamerstuk') {
    q = ref.dossier + (ref.toevoeging ? `-${ref.toevoeging}` : '') + (ref.number ? `, nr. ${ref.number}` : '');
  } else if (ref.kind === 'zaak' || ref.kind === 'document') {
    q = ref.id;
  } else {
    q = ref.canonical;
  }
  return `https://www.tweedekamer.nl/zoeken?qry=${encodeURIComponent(q).replace(/%20/g, '+')}`;
}

/** Dutch name of a kind, for hover and messages. */
export function kindLabel(kind: PaperKind): string {
  switch (kind) {
    case 'kamerstuk': return 'Kamerstuk';
    case 'handelingen': return 'Handelingen';
    case 'aanhangsel': return 'Aanhangsel van de Handelingen';
    case 'staatsblad': return 'Staatsblad';
    case 'staatscourant': return 'Staatscourant';
    case 'zaak': return 'Zaaknummer (Tweede Kamer)';
    case 'document': return 'Documentnummer (Tweede Kamer)';
  }
}

/**
 * Which paper a document is itself, from its own header ("Tweede Kamer der Staten-Generaal",
 * "Vergaderjaar 2020–2021", "30 821 Nationale Veiligheid", "Nr. 125 BRIEF VAN …") or, failing
 * that, from its running page footer ("Tweede Kamer, vergaderjaar 2020–2021, 30 821, nr. 125 11").
 * Only the first lines and single lines are inspected, so this is cheap on any size.
 */
export function identifyPaper(text: string): PaperRef | null {
  const head = text.slice(0, 4000);
  const lines = head.split(/\r\n|\r|\n/).slice(0, 40);
  let kamer: 'I' | 'II' | null = null;
  let vj: string | null = null;
  let dossier: string | null = null;
  let toevoeging: string | null = null;
  let number: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (kamer === null) {
      if (/^Tweede Kamer der Staten-Generaal\b/.test(line)) kamer = 'II';
      else if (/^Eerste Kamer der Staten-Generaal\b/.test(line)) kamer = 'I';
    }
    let m = /^Vergaderjaar ((?:19|20)\d{2})\s?[-–/]\s?(?:(?:19|20)?\d{2})\b/i.exec(line);
    if (m && !vj) { vj = vergaderjaarFrom(+m[1]); continue; }
    if (kamer && vj && !dossier) {
      m = /^(\d{2}) ?(\d{3})(?:[ -]([IVXL]{1,6}[AB]?|\d{2}))?(?:\s|$)/.exec(line);
      if (m) { dossier = m[1] + m[2]; toevoeging = m[3] ?? null; continue; }
    }
    if (dossier && !number) {
      m = /^(?:Nr\.\s*(\d{1,5})|([A-Z]{1,3}))\s+\S/.exec(line);
      if (m) { number = m[1] ?? m[2]; break; }
    }
  }
  if (kamer && vj && dossier && number) return kamerstukRef(dossier, toevoeging, number, kamer, vj);
  // Footer: one line of the whole text suffices.
  const f = /(Tweede|Eerste) Kamer, vergaderjaar ((?:19|20)\d{2})[-–](?:19|20)\d{2}, (\d{2}) ?(\d{3})(?: ([IVXL]{1,6}[AB]?))?, (?:nr\. (\d{1,5})|([A-Z]{1,3}))[ \t]+\d{1,3}[ \t]*(?:\r|\n|$)/.exec(text.slice(0, 200000));
  if (f) {
    return kamerstukRef(f[3] + f[4], f[5] ?? null, f[6] ?? f[7], f[1] === 'Eerste' ? 'I' : 'II', vergaderjaarFrom(+f[2]));
  }
  return null;
}
