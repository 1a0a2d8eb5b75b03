/**
 * Hover on a citation: the canonical form, the identifier, what is known offline (kind, Kamer,
 * year, dossier, number), how a motion was linked, and links to the paper. Text taken from the
 * document goes into `quote` blocks, which the host renders escaped (Markdown) or verbatim (plain).
 */
import type { Citations, MotionMention, PaperRef } from '../citations/types';
import { kindLabel, officialUrl, spacedDossier, tweedeKamerUrl } from '../citations/paper';
import { collapseWhitespace, LineIndex } from '../text';
import { mentionDisplay, motionLinkPlace } from './motionLink';
import { citationAtLinked, type CitationWorkspace } from './citationLookup';
import type { HoverBlock, HoverResult } from './types';

export interface CitationAnalysis {
  text: string;
  lines: LineIndex;
  citations: Citations;
}

function kamerName(k: PaperRef['kamer']): string | null {
  return k === 'I' ? 'Eerste Kamer' : k === 'II' ? 'Tweede Kamer' : null;
}

function dossierText(r: PaperRef): string | null {
  if (!r.dossier) return null;
  let d = spacedDossier(r.dossier);
  if (r.toevoeging) d += /^\d+$/.test(r.toevoeging) ? `-${r.toevoeging}` : ` ${r.toevoeging}`;
  return d;
}

/**
 * The offline facts of one paper as label/value pairs: only what the citation says (issue 11:
 * no "niet vermeld"), and its kind only where the canonical form does not already name it.
 */
export function paperFields(r: PaperRef): [string, string][] {
  const f: [string, string][] = [];
  const kind = kindLabel(r.kind);
  if (!r.canonical.toLowerCase().includes(kind.toLowerCase())) f.push(['Soort', kind]);
  f.push(['Identificatie', r.id]);
  const kamer = kamerName(r.kamer);
  if (kamer) f.push(['Kamer', kamer]);
  // Zaak- and documentnummers carry their year in the number itself.
  if (r.kind !== 'zaak' && r.kind !== 'document' && r.vergaderjaar) f.push(['Vergaderjaar', r.vergaderjaar]);
  const d = dossierText(r);
  if (d) f.push(['Dossier', d]);
  if (r.kind === 'handelingen') {
    // "h-tk-20192020-96-7": vergadering 96, item 7.
    if (r.number) f.push(['Vergadering', r.number]);
    const item = r.number ? new RegExp(`-${r.number}-(\\w+)$`).exec(r.id) : null;
    if (item) f.push(['Item', item[1]]);
    return f;
  }
  if (r.number) f.push([/^[A-Z]+$/.test(r.number) ? 'Letter' : 'Nummer', r.number]);
  return f;
}

/** Links to the paper on the official publication site and on tweedekamer.nl. */
export function paperLinks(r: PaperRef): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  const off = officialUrl(r);
  if (off) links.push({ label: 'officielebekendmakingen.nl', url: off });
  links.push({ label: 'Zoeken op tweedekamer.nl', url: tweedeKamerUrl(r) });
  return links;
}

/** "via voetnoot 7", "via de verwijzing tussen haakjes", "via de eerdere verwijzing op regel 12". */
export function linkPhrase(m: MotionMention, lines: LineIndex, workspace?: CitationWorkspace): string | null {
  const place = motionLinkPlace(m, lines, (uri) => workspace?.documents().find((d) => d.uri === uri)?.text);
  if (!place) return null;
  if (place.kind === 'parenthesis') return 'via de verwijzing direct na de vermelding';
  if (place.kind === 'footnote') return `via voetnoot ${place.footnote}`;
  if (!place.file) return `via ${place.later ? 'de verwijzing verderop' : 'de eerdere verwijzing'} op regel ${place.line}`;
  return place.line === null ? `via de verwijzing in ${place.file}` : `via de verwijzing in ${place.file}, regel ${place.line}`;
}

const oneLine = collapseWhitespace;

/** The hover at `offset`, or null when no citation stands there. */
export function hoverCitation(a: CitationAnalysis, offset: number, workspace?: CitationWorkspace): HoverResult | null {
  const hit = citationAtLinked(a.citations, offset, workspace);
  if (!hit) return null;
  if (hit.kind === 'reference') {
    const r = hit.ref;
    const blocks: HoverBlock[] = r.orDossier
      ? [
          // "36123-45": paper nr. 45 of dossier 36 123, or the dossier 36 123-45 itself.
          { kind: 'title', text: `${r.id} of dossier ${r.orDossier}?` },
          { kind: 'text', text: `Niet zeker: dit is ${r.canonical}, of het dossier ${r.orDossier} zelf. Het streepje kan een volgnummer of een toevoeging van het dossier inleiden; de dossiertabel van de Tweede Kamer kent dit dossier niet. De bronnen beslissen zodra ze bereikbaar zijn.` },
          { kind: 'fields', fields: paperFields(r) },
        ]
      : r.kind === 'kamerstuk' && !r.number && r.dossier
        ? [
            // "Kamerstuk 29 023" without a number names the dossier, not one paper.
            { kind: 'title', text: `Dossier ${dossierText(r)}` },
            { kind: 'text', text: 'Een dossier (Kamerstukdossier), geen afzonderlijk Kamerstuk: er staat geen volgnummer bij.' },
            { kind: 'fields', fields: paperFields(r) },
          ]
        : [
            { kind: 'title', text: r.canonical },
            { kind: 'fields', fields: paperFields(r) },
          ];
    const written = oneLine(r.text);
    if (written !== r.canonical) blocks.push({ kind: 'text', text: 'In de brief staat:' }, { kind: 'quote', text: written });
    if (r.pages) blocks.push({ kind: 'fields', fields: [['Pagina', r.pages]] });
    if (r.range) {
      const [lo, hi] = r.range.split('-');
      blocks.push({ kind: 'text', text: `De reeks nrs. ${lo} tot en met ${hi} is te lang om stuk voor stuk te tonen: alleen nr. ${lo} en nr. ${hi} staan als verwijzing in de lijst.` });
    }
    blocks.push({ kind: 'links', links: paperLinks(r) });
    return { span: r.span, blocks };
  }
  if (hit.kind === 'motion') {
    const m = hit.motion;
    const several = m.signers && m.signers.length > 1 ? m.signers : null;
    const title = several
      ? `Moties (eerste indieners ${several.map(oneLine).join(', ')})`
      : m.signer ? `${m.amended ? 'Gewijzigde motie' : 'Motie'} (eerste indiener ${oneLine(m.signer)})` : m.amended ? 'Gewijzigde motie' : 'Motie';
    const blocks: HoverBlock[] = [{ kind: 'title', text: title }, { kind: 'quote', text: mentionDisplay(m.text) }];
    if (m.candidates?.length) {
      // Conflicting evidence: every candidate, none as certain.
      const notes = new Set(m.candidates.map((c) => (c.via.kind === 'footnote' ? c.via.footnote : '')));
      const oneNote = notes.size === 1 && !notes.has('') ? [...notes][0] : null;
      const why = oneNote !== null
        ? `voetnoot ${oneNote} noemt meer dan één Kamerstuk en zegt niet welk de motie is`
        : m.candidates.some((c) => c.amended)
          ? 'de motie is ook gewijzigd; bedoeld is de oorspronkelijke of de gewijzigde motie'
          : 'de verwijzingen spreken elkaar tegen';
      blocks.push({ kind: 'text', text: `Niet zeker gekoppeld: ${why}. Mogelijk bedoeld: ${m.candidates.map((c) => c.refs.map((r) => r.id).join(' en ')).join(' of ')}.` });
      for (const c of m.candidates) {
        // Each candidate with its own source (the parenthesis, its footnote, another mention).
        const phrase = linkPhrase({ ...m, via: c.via, citationSpan: c.citationSpan }, a.lines, workspace);
        for (const r of c.refs) {
          blocks.push({ kind: 'title', text: `${r.canonical}?` }, { kind: 'text', text: `${c.amended ? 'De gewijzigde motie, gevonden' : 'Gevonden'} ${phrase}.` }, { kind: 'links', links: paperLinks(r) });
        }
      }
      return { span: m.span, blocks };
    }
    const phrase = linkPhrase(m, a.lines, workspace);
    if (!phrase || !m.refs.length) {
      blocks.push({ kind: 'text', text: 'Geen Kamerstuknummer gevonden: niet tussen haakjes, niet in een voetnoot en niet eerder in de brief of de werkruimte.' });
      if (m.amended) blocks.push({ kind: 'text', text: 'Een gewijzigde motie is een eigen Kamerstuk: het nummer van de oorspronkelijke motie geldt er niet voor.' });
      return { span: m.span, blocks };
    }
    blocks.push({ kind: 'text', text: `Gekoppeld ${phrase}.` });
    // "de moties-Erkens en -Kröger (nrs. 46 en 47)": each motion with its own first signer.
    const paired = several && several.length === m.refs.length ? several : null;
    m.refs.forEach((r, k) => {
      blocks.push({ kind: 'title', text: paired ? `${r.canonical} (motie ${oneLine(paired[k])})` : r.canonical }, { kind: 'fields', fields: paperFields(r) }, { kind: 'links', links: paperLinks(r) });
    });
    return { span: m.span, blocks };
  }
  const { marker, footnote } = hit;
  const blocks: HoverBlock[] = [{ kind: 'title', text: `Voetnoot ${marker.label}` }];
  if (footnote) {
    blocks.push({ kind: 'quote', text: oneLine(footnote.text) });
    blocks.push({ kind: 'text', text: `De voetnoot staat op regel ${a.lines.lineAt(footnote.span.start) + 1}.` });
  }
  return { span: marker.span, blocks };
}
