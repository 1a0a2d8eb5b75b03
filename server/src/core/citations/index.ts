/**
 * Recognition of citations of parliamentary papers in a letter: references, motion mentions,
 * footnotes and footnote markers. The lexer (only around the places where something can be
 * found), then the grammar anchored at trigger tokens, then motion linking. Host-independent: a
 * pure function of the text.
 */
import { Tokens, WORD, PUNCT, GLUED } from './lexer';
import { Grammar, type ParsedCitation } from './grammar';
import { scanFootnotes } from './footnotes';
import { MotionGrammar, signerKey, type ParsedMention } from './motions';
import { identifyPaper } from './paper';
import type { Citations, Footnote, MotionMention, PaperRef, Reference } from './types';
import type { Span } from '../text';

export * from './types';
export { identifyPaper, parsePaperId, officialUrl, tweedeKamerUrl, kindLabel, canonicalKamerstuk } from './paper';
export { signerKey } from './motions';

const SENTENCE_ABBREVIATIONS = new Set(['nr', 'nrs', 'no', 'p', 'pp', 'blz', 'pag', 'art', 'jl', 'ca', 'vs', 'bijv', 'zgn', 'resp', 'o', 'a', 'm', 'e', 'v', 'i', 't', 's', 'c']);

function stripRef(r: PaperRef): PaperRef {
  return {
    kind: r.kind,
    id: r.id,
    dossier: r.dossier,
    toevoeging: r.toevoeging,
    number: r.number,
    kamer: r.kamer,
    vergaderjaar: r.vergaderjaar,
    canonical: r.canonical,
  };
}

/**
 * Finds every citation in `text`. Linear in the length of the text; only the neighbourhoods of
 * digits, `[` and "motie" are lexed (see `Tokens.around`).
 */
export function findCitations(text: string): Citations {
  return citationsOf(Tokens.around(text));
}

/**
 * The same from every token of the text: the reference the neighbourhood lexing is tested
 * against (it must give identical results).
 */
export function findCitationsLexingAll(text: string): Citations {
  return citationsOf(new Tokens(text));
}

function citationsOf(t: Tokens): Citations {
  const text = t.text;
  const g = new Grammar(t);
  const mg = new MotionGrammar(t);
  const parsed: ParsedCitation[] = [];
  const mentions: ParsedMention[] = [];
  let skip = 0;
  const n = t.count;
  for (let i = 0; i < n; i++) {
    const kind = t.kind[i];
    if (kind === PUNCT) continue;
    if (kind === WORD) {
      const c = text.charCodeAt(t.start[i]) | 32;
      if (c === 109 /* m */) {
        const l = t.len(i);
        if (l === 5 || l === 6) {
          const m = mg.at(i);
          if (m) mentions.push(m);
        }
      }
    }
    if (i < skip) continue;
    const pc = g.at(i);
    if (pc) {
      parsed.push(pc);
      skip = pc.next;
    }
  }

  // The running footer of an official paper names the paper itself on every page: not a citation.
  const own = parsed.some((p) => p.trigger === 'kamer') ? identifyPaper(text) : null;
  const citations = own
    ? parsed.filter((p) => !(p.trigger === 'kamer' && p.papers[0].ref.id === own.id && lineStartsAt(text, p.start)))
    : parsed;

  const references: Reference[] = [];
  const byStart = new Map<number, ParsedCitation>();
  for (const pc of citations) {
    byStart.set(pc.start, pc);
    const citationSpan = { start: pc.start, end: pc.end };
    for (const p of pc.papers) {
      const ref: Reference = {
        ...p.ref,
        text: text.slice(p.span.start, p.span.end),
        span: p.span,
        citationSpan,
        form: pc.trigger,
        pages: pc.pages,
        dossierCount: pc.dossierCount,
      };
      references.push(ref);
    }
  }

  const fs = scanFootnotes(t);
  const motions = linkMotions(t, mentions, citations, byStart, fs);
  return { references, motions, footnotes: fs.footnotes, markers: fs.markers };
}

function lineStartsAt(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function linkMotions(
  t: Tokens,
  mentions: ParsedMention[],
  citations: ParsedCitation[],
  byStart: Map<number, ParsedCitation>,
  fs: ReturnType<typeof scanFootnotes>,
): MotionMention[] {
  const text = t.text;
  const markerAt = new Map<number, number>();
  fs.markers.forEach((m, k) => markerAt.set(m.span.start, k));
  // Citations sorted by start (they are, since the scan is in order) for footnote lookups.
  const starts = citations.map((c) => c.start);
  const out: MotionMention[] = [];
  const linkedBySigner = new Map<string, MotionMention>();

  const citationsIn = (span: Span): ParsedCitation[] => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < span.start) lo = mid + 1;
      else hi = mid;
    }
    const res: ParsedCitation[] = [];
    for (let k = lo; k < starts.length && starts[k] < span.end; k++) res.push(citations[k]);
    return res;
  };

  for (let mIdx = 0; mIdx < mentions.length; mIdx++) {
    const m = mentions[mIdx];
    const nextMentionStart = mIdx + 1 < mentions.length ? mentions[mIdx + 1].start : Infinity;
    const mention: MotionMention = {
      text: text.slice(m.start, m.end),
      span: { start: m.start, end: m.end },
      signer: m.signer,
      refs: [],
      via: null,
    };
    const j = m.last + 1;
    // (1) A citation directly after it: "(Kamerstuk 26643, nr. 1317)" or ", Kamerstukken II …".
    if (j < t.count && (t.isP(j, '(') || t.isP(j, ',') || t.isCI(j, 'op'))) {
      let k = j + 1;
      if (t.isCI(k, 'zie')) k++;
      const pc = k < t.count ? byStart.get(t.start[k]) : undefined;
      if (pc) {
        mention.refs = pc.papers.map((p) => stripRef(p.ref));
        mention.via = { kind: 'parenthesis' };
        mention.citationSpan = { start: pc.start, end: pc.end };
      }
    }
    // (2) The footnote whose marker is glued to it or ends its sentence.
    if (!mention.via) {
      for (let k = j, steps = 0; k < t.count && steps < 80; k++, steps++) {
        if (t.start[k] >= nextMentionStart) break;
        const mk = markerAt.get(t.start[k]);
        if (mk !== undefined) {
          const fn = fs.footnotes[fs.markerFootnote[mk]];
          const inside = citationsIn(fn.span);
          const refs = inside.flatMap((pc) => pc.papers.map((p) => stripRef(p.ref))).filter((r) => r.kind === 'kamerstuk' || r.kind === 'handelingen' || r.kind === 'aanhangsel');
          if (refs.length) {
            mention.refs = refs;
            mention.via = { kind: 'footnote', footnote: fn.label, footnoteSpan: fn.span };
            mention.citationSpan = { start: inside[0].start, end: inside[0].end };
          }
          break;
        }
        if (t.kind[k] === PUNCT && endsSentence(t, k)) {
          // A marker may still follow the full stop: "intelligentie’).3".
          const nk = k + 1;
          if (nk < t.count && t.gap[nk] === GLUED && markerAt.has(t.start[nk])) continue;
          break;
        }
      }
    }
    // (2b) A mention inside a footnote that carries the number itself:
    // "13 Zie Motie Dijkstra CS, voorgesteld tijdens …, 26643-1151".
    if (!mention.via) {
      const fn = footnoteContaining(fs.footnotes, m.start);
      if (fn) {
        const after = citationsIn({ start: m.end, end: fn.span.end }).filter((pc) => pc.papers.some((p) => p.ref.kind === 'kamerstuk'));
        if (after.length === 1) {
          mention.refs = after[0].papers.map((p) => stripRef(p.ref));
          mention.via = { kind: 'footnote', footnote: fn.label, footnoteSpan: fn.span };
          mention.citationSpan = { start: after[0].start, end: after[0].end };
        }
      }
    }
    // (3) An earlier linked mention of the same signer in this document.
    if (!mention.via) {
      const prev = linkedBySigner.get(m.key);
      if (prev) {
        mention.refs = prev.refs.slice();
        const cs = prev.citationSpan ?? prev.span;
        mention.via = { kind: 'earlier', citationSpan: cs };
        mention.citationSpan = cs;
      }
    }
    if (mention.via && !linkedBySigner.has(m.key)) linkedBySigner.set(m.key, mention);
    out.push(mention);
  }
  return out;
}

function footnoteContaining(footnotes: Footnote[], offset: number): Footnote | null {
  let lo = 0;
  let hi = footnotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = footnotes[mid];
    if (offset < f.span.start) hi = mid - 1;
    else if (offset >= f.span.end) lo = mid + 1;
    else return f;
  }
  return null;
}

/** A "." / "?" / "!" / ";" that ends a sentence (not the dot of "c.s." or "nr."). */
function endsSentence(t: Tokens, k: number): boolean {
  const c = t.text.charCodeAt(t.start[k]);
  if (c === 63 || c === 33 || c === 59) return true;
  if (c !== 46) return false;
  const p = k - 1;
  if (p >= 0 && t.kind[p] === WORD && t.gap[k] === GLUED && SENTENCE_ABBREVIATIONS.has(t.str(p).toLowerCase())) return false;
  return true;
}

/**
 * Links the still unlinked motion mentions of one document through linked mentions of the same
 * first signer in other documents of the workspace. Returns a new Citations; the input is left
 * untouched.
 */
export function linkAcrossWorkspace(own: Citations, others: { uri: string; citations: Citations }[]): Citations {
  if (!own.motions.some((m) => !m.via)) return own;
  const found = new Map<string, { uri: string; m: MotionMention }>();
  for (const o of others) {
    for (const m of o.citations.motions) {
      if (!m.via || m.via.kind === 'earlier') continue;
      const key = signerKey(m.signer);
      if (!found.has(key)) found.set(key, { uri: o.uri, m });
    }
  }
  const motions = own.motions.map((m) => {
    if (m.via) return m;
    const hit = found.get(signerKey(m.signer));
    if (!hit) return m;
    const cs = hit.m.citationSpan ?? hit.m.span;
    const linked: MotionMention = { ...m, refs: hit.m.refs.slice(), via: { kind: 'earlier', citationSpan: cs, uri: hit.uri }, citationSpan: cs };
    return linked;
  });
  return { ...own, motions };
}
