/**
 * The facts part of a hover on a cited paper: what the sources say it is, or one calm sentence
 * that the facts follow. Returns hover blocks (rendered by the host) and, for hosts without a block
 * renderer, a Markdown (escaped) or plain-text string.
 */
import type { FactsPeek, PaperFacts } from '../facts';
import type { HoverBlock } from './types';

const SOURCE_LABEL: Record<PaperFacts['source'], string> = {
  tweedekamer: 'Tweede Kamer (open data)',
  officielebekendmakingen: 'officielebekendmakingen.nl',
};

const OUTCOME_LABEL: Record<string, string> = {
  aangenomen: 'aangenomen',
  verworpen: 'verworpen',
  ingetrokken: 'ingetrokken',
  aangehouden: 'aangehouden',
};

/** "2024-02-07" -> "7 februari 2024". */
export function dutchDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** One line summarising a vote: "Voor: GroenLinks-PvdA (25), NSC (19); Tegen: PVV (37)". */
export function voteLine(f: PaperFacts): string | null {
  const votes = f.motion?.votes ?? [];
  if (!votes.length) return null;
  const groups = new Map<string, string[]>();
  for (const v of votes) {
    const list = groups.get(v.soort) ?? [];
    list.push(v.zetels != null ? `${v.fractie} (${v.zetels})` : v.fractie);
    groups.set(v.soort, list);
  }
  return [...groups].map(([soort, list]) => `${soort}: ${list.join(', ')}`).join('; ');
}

/**
 * The one sentence a hover says while the facts are not there: calm, once, no countdown and no
 * technical reason (those are for the output channel and the refresh command).
 */
export const FACTS_FOLLOW = 'De gegevens uit de bronnen volgen zodra de bron bereikbaar is.';
const OFFLINE = 'Offline: gegevens van de bronnen staan uit (antwoordbrief.bronnen.offline).';
/**
 * Added, once, after an attempt that could not reach the sources: what is the matter and what the
 * drafter can do (the setting's title as the Settings editor shows it). No countdown, no reason.
 */
export const SOURCES_UNREACHABLE = 'De bronnen zijn nu niet bereikbaar; zonder netwerk: zet de instelling Bronnen: offline aan.';
const NO_SOURCE = 'Voor dit soort verwijzing is geen bron met gegevens.';

/**
 * Hover blocks for the facts of one paper: only what is known (title, kind, date, signers,
 * dossier, Kamer, vote, source), and when nothing is known yet one calm sentence why. Empty when
 * there is nothing to say (facts looked up a moment ago and none arrived yet).
 */
export function factsHoverBlocks(peek: FactsPeek): HoverBlock[] {
  const blocks: HoverBlock[] = [];
  const f = peek.facts;
  if (f && !f.found) {
    let t = 'Dit stuk is bij de bron onbekend';
    if (f.dossierTitle) t += ` (dossier: ${f.dossierTitle}${f.highestNumber != null ? `, hoogste nummer ${f.highestNumber}` : ''})`;
    blocks.push({ kind: 'text', text: t + '.' });
  } else if (f) {
    if (f.title) blocks.push({ kind: 'quote', text: f.title.trim() });
    const fields: [string, string][] = [];
    if (f.type) fields.push(['Soort', f.type]);
    const date = dutchDate(f.date);
    if (date) fields.push(['Datum', date]);
    if (f.signers.length) fields.push([f.signers.length > 1 ? 'Indieners' : 'Indiener', f.signers.join(', ')]);
    if (f.dossierTitle) fields.push(['Dossier', f.dossierTitle]);
    if (f.kamer) fields.push(['Kamer', f.kamer === 'I' ? 'Eerste Kamer' : 'Tweede Kamer']);
    const m = f.motion;
    if (m) {
      if (m.outcome) fields.push(['Uitslag', OUTCOME_LABEL[m.outcome] + (m.besluitTekst && /\(\d+-\d+\)/.test(m.besluitTekst) ? ` ${m.besluitTekst.match(/\(\d+-\d+\)/)![0]}` : '')]);
      else if (f.isMotion) fields.push(['Uitslag', 'nog niet bekend']);
      const votes = voteLine(f);
      if (votes) fields.push(['Stemming', votes]);
      if (m.kabinetsappreciatie) fields.push(['Kabinetsappreciatie', m.kabinetsappreciatie]);
      if (m.replaces) fields.push(['Gewijzigd', `vervangt ${m.replaces}`]);
    }
    fields.push(['Bron', `${SOURCE_LABEL[f.source]}, opgehaald ${dutchDate(f.fetchedAt) ?? f.fetchedAt}`]);
    blocks.push({ kind: 'fields', fields });
  }
  // Known facts speak for themselves (with the date they were fetched); a failed refresh of
  // them is no news for the drafter.
  if (f) return blocks;
  if (peek.state === 'offline') blocks.push({ kind: 'text', text: OFFLINE });
  else if (peek.state === 'unknown' && peek.message) blocks.push({ kind: 'text', text: NO_SOURCE });
  else if (peek.state === 'failed' || peek.message) blocks.push({ kind: 'text', text: peek.unreachable ? `${FACTS_FOLLOW} ${SOURCES_UNREACHABLE}` : FACTS_FOLLOW });
  else if (peek.state === 'pending') blocks.push({ kind: 'text', text: 'Gegevens worden opgehaald…' });
  else blocks.push({ kind: 'text', text: FACTS_FOLLOW });
  return blocks;
}
