/**
 * Recognition of citations of parliamentary papers in a letter: references, motion mentions,
 * footnotes and footnote markers. The lexer (only around the places where something can be
 * found), then the grammar anchored at trigger tokens, then motion linking. Host-independent: a
 * pure function of the text.
 */
import { Tokens, WORD, PUNCT, GLUED, BLANK } from './lexer';
import { Grammar, type ParsedCitation } from './grammar';
import { scanFootnotes } from './footnotes';
import { MotionGrammar, signerKey, type ParsedMention } from './motions';
import { identifyPaper, kamerstukRef } from './paper';
import type { Citations, Footnote, MotionLink, MotionMention, PaperRef, Reference } from './types';
import type { Span } from '../text';

export * from './types';
export { identifyPaper, parsePaperId, officialUrl, tweedeKamerUrl, kindLabel, canonicalKamerstuk } from './paper';
export { signerKey } from './motions';

const SENTENCE_ABBREVIATIONS = new Set(['nr', 'nrs', 'no', 'p', 'pp', 'blz', 'pag', 'art', 'jl', 'ca', 'vs', 'bijv', 'zgn', 'resp', 'o', 'a', 'm', 'e', 'v', 'i', 't', 's', 'c']);

function stripRef(r: PaperRef): PaperRef {
  if (r.orDossier) return { ...stripRef({ ...r, orDossier: undefined }), orDossier: r.orDossier };
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
 * At most this many citations and motion mentions are read from one text: a real letter has a
 * few hundred (the corpus at most ~400), a hostile one (a citation every 45 characters over
 * 5 MB) 100,000, which would cost about 1 KB each. Past it, `truncatedAt` says where reading stopped.
 */
export const MAX_CITATIONS = 10_000;

/**
 * Finds every citation in `text` (at most `MAX_CITATIONS`, see `Citations.truncatedAt`). Linear in the length of the text; only the neighbourhoods of
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
  let truncatedAt: number | undefined;
  const n = t.count;
  for (let i = 0; i < n; i++) {
    const kind = t.kind[i];
    if (kind === PUNCT) continue;
    if (parsed.length + mentions.length >= MAX_CITATIONS && i >= skip) {
      // Stop at the first token past everything read (a motion mention spans tokens before its "motie").
      const readTo = Math.max(mentions.length ? mentions[mentions.length - 1].end : 0, parsed.length ? parsed[parsed.length - 1].end : 0);
      while (i < n && (t.start[i] < readTo || t.kind[i] === PUNCT)) i++;
      if (i < n) truncatedAt = t.start[i];
      break;
    }
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
      // Page furniture inside the citation (a footnote line) holds citations of its own.
      for (const [from, to] of pc.holes ?? []) {
        for (let k = from; k < to; k++) {
          const inner = g.at(k);
          if (inner && inner.next <= to) {
            parsed.push(inner);
            k = inner.next - 1;
          }
        }
      }
    }
  }
  if (parsed.some((p) => p.holes)) parsed.sort((a, b) => a.start - b.start);

  // The running footer of an official paper names the paper itself on every page: not a citation.
  const own = parsed.some((p) => p.trigger === 'kamer') ? identifyPaper(text) : null;
  let citations = own
    ? parsed.filter((p) => !(p.trigger === 'kamer' && p.papers[0].ref.id === own.id && lineStartsAt(text, p.start)))
    : parsed;
  // The publication block of a published paper ("ah-tk-20232024-1432" / "ISSN 0921 - 7398" on the
  // lines under it) names the paper itself: not a citation, there or wherever it stands alone.
  const ownIds = new Set<string>();
  for (const p of citations) if (p.trigger === 'id' && aloneOnLine(text, p.start, p.end) && nextLineStartsWith(text, p.end, 'ISSN')) ownIds.add(p.papers[0].ref.id);
  // Likewise the running header of a paper pasted from its PDF: "Tweede Kamer, vergaderjaar
  // 2020–2021, 30 821, nr. 125" alone on its line names the paper itself, as does a line that
  // holds nothing but that paper's citation (its title line "Kamerstukken II 2020/21, 30 821, nr. 125").
  for (const p of citations) {
    if (p.trigger === 'kamer' && p.papers.length === 1 && RUNNING_HEADER.test(text.slice(p.start, p.start + 40)) && aloneOnLine(text, p.start, p.end)) ownIds.add(p.papers[0].ref.id);
  }
  if (ownIds.size) citations = citations.filter((p) => !(p.papers.length === 1 && ownIds.has(p.papers[0].ref.id) && aloneOnLine(text, p.start, p.end)));

  // One URL names a document once: "?id=2022D25169&did=2022D25169" is one documentnummer.
  citations = citations.filter((p, k) => {
    if (p.trigger !== 'tknumber' || k === 0) return true;
    const prev = citations[k - 1];
    return !(prev.trigger === 'tknumber' && prev.papers[0].ref.id === p.papers[0].ref.id && p.start - prev.end < 200 && !/\s/.test(text.slice(prev.end, p.start)));
  });

  citations = withContextNumbers(t, mentions, citations);

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
      if (p.range) ref.range = p.range;
      references.push(ref);
    }
  }

  const fs = scanFootnotes(t);
  const motions = linkMotions(t, mentions, citations, byStart, fs);
  const out: Citations = { references, motions, footnotes: fs.footnotes, markers: fs.markers };
  if (truncatedAt !== undefined) out.truncatedAt = truncatedAt;
  return out;
}

/** How far before a motion mention the citation giving the dossier of its bare numbers may stand. */
const CONTEXT_REACH = 600;

/**
 * "de moties-Erkens en -Kröger (nrs. 46 en 47)": volgnummers alone in parentheses right after a
 * motion mention, their dossier named by the nearest citation before the mention in the same
 * paragraph ("Tijdens het debat over de begroting (Kamerstuk 36 410 XIII) zijn de moties-… (nrs. 46
 * en 47) aangenomen"): citations of those papers. Without such a citation, or when the paragraph
 * names two dossiers before the mention, the numbers stay unread (no dossier is guessed). Returns `citations` with the new ones in order; one look per mention.
 */
function withContextNumbers(t: Tokens, mentions: ParsedMention[], citations: ParsedCitation[]): ParsedCitation[] {
  const text = t.text;
  const added: ParsedCitation[] = [];
  const starts = new Set(citations.map((c) => c.start));
  let c = 0;
  for (const m of mentions) {
    const j = m.last + 1;
    if (!t.isP(j, '(') || !(t.isCI(j + 1, 'nr') || t.isCI(j + 1, 'nrs'))) continue;
    if (starts.has(t.start[j + 1])) continue;
    let k = j + 2;
    if (t.isP(k, '.')) k++;
    const nums: number[] = [];
    while (t.isNum(k) && nums.length < 30) {
      nums.push(k);
      k++;
      if (t.isP(k, ',') || t.isCI(k, 'en') || t.isP(k, '&')) k++;
      else break;
    }
    if (!nums.length || !t.isP(k, ')')) continue;
    // The nearest citation with a dossier before the mention, in its paragraph.
    while (c < citations.length && citations[c].end <= m.start) c++;
    // Two dossiers named there: which one the numbers belong to is not known (never a guess).
    let ctx: PaperRef | null = null;
    let ambiguous = false;
    for (let q = c - 1; q >= 0 && !ambiguous; q--) {
      const pc = citations[q];
      if (m.start - pc.end > CONTEXT_REACH || /\n[ \t]*\r?\n/.test(text.slice(pc.end, m.start))) break;
      for (const p of pc.papers) {
        if (p.ref.kind !== 'kamerstuk' || !p.ref.dossier) continue;
        if (!ctx) ctx = p.ref;
        else if (ctx.dossier !== p.ref.dossier || ctx.toevoeging !== p.ref.toevoeging) ambiguous = true;
      }
    }
    if (!ctx || ambiguous) continue;
    const dossier = ctx.dossier!;
    const papers = nums.map((n, q) => ({
      ref: kamerstukRef(dossier, ctx!.toevoeging, t.str(n), ctx!.kamer, ctx!.vergaderjaar),
      span: { start: q === 0 ? t.start[j + 1] : t.start[n], end: t.end[n] },
    }));
    added.push({ start: t.start[j + 1], end: t.end[nums[nums.length - 1]], next: k, papers, pages: null, trigger: 'bare', dossierCount: 1 });
  }
  if (!added.length) return citations;
  return [...citations, ...added].sort((a, b) => a.start - b.start);
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  if (!lineStartsAt(text, start)) return false;
  for (let k = end; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The first non-blank line after offset (within a few lines) starts with `word`. */
function nextLineStartsWith(text: string, offset: number, word: string): boolean {
  let k = offset;
  let lines = 0;
  while (k < text.length && lines < 3) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) { lines++; k++; continue; }
    if (c === 32 || c === 9) { k++; continue; }
    return lines > 0 && text.startsWith(word, k);
  }
  return false;
}

function lineStartsAt(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

interface Evidence {
  refs: PaperRef[];
  via: MotionLink;
  citationSpan: Span;
}

/** The start of a paper's running header or footer. */
const RUNNING_HEADER = /^(?:Tweede|Eerste) Kamer, vergaderjaar /;

/** The papers a citation gives that can be motions: numbered Kamerstukken. */
function motionPapers(pcs: ParsedCitation[]): PaperRef[] {
  const out: PaperRef[] = [];
  for (const pc of pcs) for (const p of pc.papers) if (p.ref.kind === 'kamerstuk' && p.ref.number) out.push(stripRef(p.ref));
  return out;
}

/** Words after a motion mention that open its subject: "over …", "om …", "die verzoekt …". */
const SUBJECT_OPENERS = new Set(['over', 'inzake', 'betreffende', 'aangaande', 'omtrent', 'om', 'tot', 'die', 'welke', 'waarin', 'waarmee', 'waarbij', 'dat']);
/** Another paper named in a motion's subject: a parenthesised citation after it is that paper's, not the motion's. */
const OTHER_PAPER = /(brief|brieven|verslag|verslagen|rapport|rapporten|rapportage|rapportages|nota|notitie|beantwoording|antwoorden|wetsvoorstel|amendement|kabinetsreactie|memorie|stuk|stukken|kamerstuk|kamerstukken|handelingen|toezegging|toezeggingen)$/;

const idsKey = (refs: PaperRef[]) => refs.map((r) => r.id).sort().join(' ');

/**
 * Links each motion mention to its paper. The mention's own evidence wins: a citation right beside
 * it ("(Kamerstuk …)", ", Kamerstuk …", or before it in the same footnote), else its footnote (the
 * marker glued to it or ending its sentence), else a citation after it in the footnote it stands
 * in. Without own evidence, the other mentions of the same first signer (before or after it;
 * "gewijzigde" motions apart) link it when they agree. Conflicting evidence leaves the mention
 * unlinked with its `candidates`; a mention without signer is kept only when it was linked.
 */
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
  const byEnd = new Map<number, ParsedCitation>();
  for (const c of citations) byEnd.set(c.end, c);
  // Citations sorted by start (they are, since the scan is in order) for footnote lookups.
  const starts = citations.map((c) => c.start);

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

  /**
   * The token after the mention at which its own citation may stand: right after it, or after
   * "ter vervanging van die gedrukt onder nr. 1200" (the long form of a gewijzigde motie).
   */
  const ownAt = (m: ParsedMention): number => {
    let j = m.last + 1;
    if (t.isCI(j, 'ter') && t.isCI(j + 1, 'vervanging')) {
      for (let k = j + 2; k < t.count && k < j + 14; k++) {
        if (t.isP(k, '(')) { j = k; break; }
        if (t.kind[k] === PUNCT && endsSentence(t, k)) break;
      }
    }
    return j;
  };
  /** The motion citation that opens a parenthesis at token j ("(Kamerstuk …)", "(zie Kamerstuk …)"), if any. */
  const parenthesised = (j: number): ParsedCitation | undefined => {
    let k = j + 1;
    if (t.isCI(k, 'zie')) k++;
    const pc = k < t.count ? byStart.get(t.start[k]) : undefined;
    return pc && motionPapers([pc]).length ? pc : undefined;
  };
  /**
   * "de motie van het lid X over wachtlijsten in de jeugdzorg (Kamerstuk …)": a mention followed by
   * its subject ("over …", "inzake …", "betreffende …", "om …", "die verzoekt …", a relative
   * clause) and then a parenthesised citation in the same sentence, with no other motion and no
   * other paper ("brief", "verslag", "rapport", …) named in between: that citation is its own.
   * The first parenthesis decides; one that is not a motion citation ends the search.
   */
  const subjectCitation = (m: ParsedMention, nextMentionStart: number): ParsedCitation | undefined => {
    let j = m.last + 1;
    if (t.isP(j, ',') && (t.isCI(j + 1, 'die') || t.isCI(j + 1, 'welke') || t.isCI(j + 1, 'waarin'))) j++;
    if (!(j < t.count && t.kind[j] === WORD && SUBJECT_OPENERS.has(t.str(j).toLowerCase()))) return undefined;
    for (let k = j + 1, steps = 0; k < t.count && steps < 60; k++, steps++) {
      if (t.start[k] >= nextMentionStart || t.gap[k] >= BLANK) return undefined;
      if (t.kind[k] === WORD) {
        const w = t.str(k).toLowerCase();
        if (w === 'motie' || w === 'moties' || OTHER_PAPER.test(w)) return undefined;
        continue;
      }
      if (t.isP(k, '(')) return parenthesised(k);
      if (t.kind[k] === PUNCT && endsSentence(t, k)) return undefined;
    }
    return undefined;
  };
  const nextStart = (mIdx: number) => (mIdx + 1 < mentions.length ? mentions[mIdx + 1].start : Infinity);
  /** The citation standing as the mention's own ("(Kamerstuk …)", ", Kamerstuk …", after its subject), if any. */
  const ownCitation = (mIdx: number): ParsedCitation | undefined => {
    const m = mentions[mIdx];
    const j = ownAt(m);
    if (!(j < t.count && (t.isP(j, '(') || t.isP(j, ',') || t.isCI(j, 'op')))) return subjectCitation(m, nextStart(mIdx));
    const pc = parenthesised(j);
    return pc ?? subjectCitation(m, nextStart(mIdx));
  };
  // Citations that are another mention's own: a footnote running on over that mention's line
  // ("3 Kamerstuk 36 045, nr. 194, motie Erkens c.s.⏎Eerder werd de motie Erkens (…, nr. 100) …")
  // does not name them for the motion whose marker it has.
  const claimed = new Set<number>();
  for (let mIdx = 0; mIdx < mentions.length; mIdx++) {
    const pc = ownCitation(mIdx);
    if (pc) claimed.add(pc.start);
  }

  /** The footnote evidence of the marker at token k, if any. */
  const markerEvidence = (k: number): Evidence | null | undefined => {
    const mk = markerAt.get(t.start[k]);
    if (mk === undefined) return undefined;
    const fn = fs.footnotes[fs.markerFootnote[mk]];
    let inside = citationsIn(fn.span);
    const unclaimed = inside.filter((pc) => !claimed.has(pc.start) && motionPapers([pc]).length);
    if (unclaimed.length && unclaimed.length < inside.length) inside = unclaimed;
    const refs = motionPapers(inside);
    if (!refs.length) return null;
    return { refs, via: { kind: 'footnote', footnote: fn.label, footnoteSpan: fn.span }, citationSpan: { start: inside[0].start, end: inside[0].end } };
  };

  // "de motie Erkens en de motie Kröger (Kamerstuk 36 410 X, nrs. 46 en 47)": mentions joined by
  // "," / "en" before one citation with as many papers as mentions take them in order.
  const shared = new Map<number, Evidence>();
  for (let k = 0; k < mentions.length; k++) {
    let c = k;
    while (c + 1 < mentions.length && !mentions[c].plural && c - k < 6) {
      let q = mentions[c].last + 1;
      if (t.isP(q, ',')) q++;
      if (t.isCI(q, 'en')) q++;
      if (q === mentions[c].last + 1 || q >= t.count || t.start[q] !== mentions[c + 1].start) break;
      c++;
    }
    if (c === k || mentions[c].plural) continue;
    const pc = ownCitation(c);
    const refs = pc ? motionPapers([pc]) : [];
    if (pc && refs.length === c - k + 1) {
      for (let q = k; q <= c; q++) shared.set(q, { refs: [refs[q - k]], via: { kind: 'parenthesis' }, citationSpan: { start: pc.start, end: pc.end } });
    }
    k = c;
  }

  interface State { m: ParsedMention; key: string; chosen: Evidence | null; conflict: Evidence[] | null }
  const states: State[] = [];
  for (let mIdx = 0; mIdx < mentions.length; mIdx++) {
    const m = mentions[mIdx];
    const nextMentionStart = mIdx + 1 < mentions.length ? mentions[mIdx + 1].start : Infinity;
    let own: Evidence | null = null;
    let fnEv: Evidence | null = null;
    const j = m.last + 1;
    // (1) A citation directly after it: "(Kamerstuk 26643, nr. 1317)" or ", Kamerstukken II …".
    let ownEnd = -1;
    if (shared.has(mIdx)) {
      own = shared.get(mIdx)!;
      const cs = own.citationSpan;
      ownEnd = t.indexAt(cs.end);
    } else {
      const pc = ownCitation(mIdx);
      if (pc) {
        own = { refs: motionPapers([pc]), via: { kind: 'parenthesis' }, citationSpan: { start: pc.start, end: pc.end } };
        ownEnd = t.indexAt(pc.end);
      }
    }
    // (1b) Before it in the same footnote: "3 Kamerstuk 36 045, nr. 194, motie X c.s.".
    const inNote = footnoteContaining(fs.footnotes, m.start);
    if (!own && inNote) {
      const ms = t.indexAt(m.start);
      const sep = ms - 1;
      if (sep > 0 && (t.isP(sep, ',') || t.isP(sep, ';') || t.isP(sep, ':'))) {
        const pc = byEnd.get(t.end[sep - 1]);
        const refs = pc ? motionPapers([pc]) : [];
        if (pc && refs.length && pc.start >= inNote.span.start) own = { refs, via: { kind: 'footnote', footnote: inNote.label, footnoteSpan: inNote.span }, citationSpan: { start: pc.start, end: pc.end } };
      }
    }
    // (2) The footnote whose marker is glued to it or ends its sentence. Beside an own citation,
    // only a marker glued to the mention or to that citation counts (as a second opinion).
    if (own) {
      for (const k of [j, ownEnd, ownEnd + 1]) {
        if (k < 0 || k >= t.count || t.gap[k] !== GLUED) continue;
        const ev = markerEvidence(k);
        if (ev) { fnEv = ev; break; }
      }
    } else if (m.signerless && !describes(t, j)) {
      // "de motie …" without signer: only a marker glued to it; the end of the sentence may
      // belong to something else ("de brief over de motie en de wet.3").
      if (j < t.count && t.gap[j] === GLUED) fnEv = markerEvidence(j) ?? null;
    } else {
      for (let k = j, steps = 0; k < t.count && steps < 80; k++, steps++) {
        if (t.start[k] >= nextMentionStart) break;
        const ev = markerEvidence(k);
        if (ev !== undefined) {
          fnEv = ev;
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
    let chosen: Evidence | null = null;
    let conflict: Evidence[] | null = null;
    if (own && fnEv) {
      if (fnEv.refs.some((r) => own!.refs.some((o) => o.id === r.id))) chosen = own;
      else conflict = [own, fnEv];
    } else chosen = own ?? fnEv;
    // (2b) A mention inside a footnote that carries the number itself:
    // "13 Zie Motie Dijkstra CS, voorgesteld tijdens …, 26643-1151".
    if (!chosen && !conflict && inNote) {
      const after = citationsIn({ start: m.end, end: inNote.span.end }).filter((pc) => motionPapers([pc]).length);
      if (after.length === 1) {
        chosen = { refs: motionPapers(after), via: { kind: 'footnote', footnote: inNote.label, footnoteSpan: inNote.span }, citationSpan: { start: after[0].start, end: after[0].end } };
      }
    }
    states.push({ m, key: m.amended ? m.key + '#gewijzigd' : m.key, chosen, conflict });
  }

  // What the mentions with their own evidence say about each first signer.
  const bySigner = new Map<string, Evidence[]>();
  const add = (key: string, ev: Evidence) => {
    if (!key) return;
    const list = bySigner.get(key) ?? [];
    if (!list.some((e) => idsKey(e.refs) === idsKey(ev.refs))) list.push(ev);
    bySigner.set(key, list);
  };
  for (const s of states) {
    if (!s.chosen || s.m.signerless) continue;
    const refs = s.chosen.refs;
    if (!s.m.plural && refs.length === 1) add(s.key, s.chosen);
    else if (s.m.plural && s.m.signers.length === refs.length) {
      // "de moties van het lid A c.s. en van het lid B (nrs. 487 en 504)": A 487, B 504.
      s.m.signers.forEach((name, k) => add(signerKey(name) + (s.m.amended ? '#gewijzigd' : ''), { ...s.chosen!, refs: [refs[k]] }));
    }
  }

  const out: MotionMention[] = [];
  for (const s of states) {
    const m = s.m;
    const mention: MotionMention = { text: text.slice(m.start, m.end), span: { start: m.start, end: m.end }, signer: m.signer, refs: [], via: null };
    if (m.amended) mention.amended = true;
    if (m.plural && m.signers.length > 1) mention.signers = m.signers.slice();
    let chosen = s.chosen;
    let conflict = s.conflict;
    if (chosen && !m.plural && chosen.refs.length > 1) {
      // One motion, several papers in its footnote: the one the signer's other mentions name, else unsure.
      const known = (bySigner.get(s.key) ?? []).flatMap((e) => e.refs);
      const hits = chosen.refs.filter((r) => known.some((k) => k.id === r.id));
      if (hits.length === 1) chosen = { ...chosen, refs: hits };
      else {
        const ev = chosen;
        conflict = ev.refs.map((r) => ({ ...ev, refs: [r] }));
        chosen = null;
      }
    }
    if (!chosen && !conflict && s.key) {
      let others = bySigner.get(s.key) ?? [];
      // "De motie Bontenbal" after "de gewijzigde motie Bontenbal (… nr. 1215)": the original or
      // the amended one; when they name different papers, both are candidates.
      let amendedOnes: Evidence[] = [];
      if (!m.amended && others.length) {
        amendedOnes = (bySigner.get(s.key + '#gewijzigd') ?? []).filter((e) => !others.some((o) => idsKey(o.refs) === idsKey(e.refs)));
        if (amendedOnes.length) others = others.concat(amendedOnes);
      }
      if (others.length === 1) {
        const cs = others[0].citationSpan;
        chosen = { refs: others[0].refs, via: { kind: 'earlier', citationSpan: cs }, citationSpan: cs };
      } else if (others.length > 1) {
        conflict = others.map((e) => ({ refs: e.refs, via: { kind: 'earlier', citationSpan: e.citationSpan } as MotionLink, citationSpan: e.citationSpan, ...(amendedOnes.includes(e) ? { amended: true } : {}) }));
      }
    }
    if (chosen) {
      mention.refs = chosen.refs.slice();
      mention.via = chosen.via;
      mention.citationSpan = chosen.citationSpan;
    } else if (conflict) {
      mention.candidates = conflict.map((e) => ({ refs: e.refs.slice(), via: e.via, citationSpan: e.citationSpan, ...((e as { amended?: boolean }).amended ? { amended: true } : {}) }));
    } else if (m.signerless && !m.own) continue; // "de motie" with nothing beside it: an anaphor
    // "Onze motie is aangenomen": the writers' own motion, named without its number (unlinked-motion).
    out.push(mention);
  }
  return out;
}

/** "motie die …", "motie waarin …", "motie over …": the sentence goes on about this motion. */
function describes(t: Tokens, j: number): boolean {
  return t.isCI(j, 'die') || t.isCI(j, 'waarin') || t.isCI(j, 'welke') || t.isCI(j, 'over') || t.isCI(j, 'om') || t.isCI(j, 'inzake');
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

/** A motion mention another letter may link: named by its signer, without number, evidence or amendment. */
function open(m: MotionMention): boolean {
  return !m.via && !m.candidates && !m.amended && m.signer !== '';
}

/**
 * Whether the other letters of the workspace can change these citations (`linkAcrossWorkspace`
 * links nothing otherwise): a motion is named without its number. Hosts read the letters on
 * disk only then (issue 10).
 */
export function linksAcrossWorkspace(own: Citations): boolean {
  return own.motions.some(open);
}

/**
 * Links the still unlinked motion mentions of one document through linked mentions of the same
 * first signer in other documents of the workspace (when they name different motions of that
 * signer, the mention gets them as `candidates` and stays unlinked). Returns a new Citations; the input is left
 * untouched.
 */
export function linkAcrossWorkspace(own: Citations, others: { uri: string; citations: Citations }[]): Citations {
  if (!linksAcrossWorkspace(own)) return own;
  // Every distinct paper (set) each first signer is linked to in the other documents.
  const found = new Map<string, { uri: string; m: MotionMention }[]>();
  for (const o of others) {
    for (const m of o.citations.motions) {
      if (!m.via || m.via.kind === 'earlier' || m.amended || !m.signer || m.refs.length !== 1) continue;
      const key = signerKey(m.signer);
      const list = found.get(key) ?? [];
      if (!list.some((h) => idsKey(h.m.refs) === idsKey(m.refs))) list.push({ uri: o.uri, m });
      found.set(key, list);
    }
  }
  const motions = own.motions.map((m) => {
    if (!open(m)) return m;
    const hits = found.get(signerKey(m.signer));
    if (!hits) return m;
    const evidence = hits.map((hit) => {
      const cs = hit.m.citationSpan ?? hit.m.span;
      return { refs: hit.m.refs.slice(), via: { kind: 'earlier', citationSpan: cs, uri: hit.uri } as MotionLink, citationSpan: cs };
    });
    // Two different motions of this signer elsewhere: which one is meant is not known.
    if (evidence.length > 1) return { ...m, candidates: evidence };
    const linked: MotionMention = { ...m, refs: evidence[0].refs, via: evidence[0].via, citationSpan: evidence[0].citationSpan };
    return linked;
  });
  return { ...own, motions };
}
