/**
 * Motion mentions ("de motie Erkens", "motie-Kathmann c.s.", "de motie van het lid Van den Berg",
 * "de motie die is ingediend door de leden Buitenweg en Yesilgöz-Zegerius", "de moties van het
 * lid Van den Berg c.s. en van het lid Moorlag", "de motie Kröger/Bikker", "de door uw Kamer
 * aangenomen motie Van der Plas", "onze motie"): grammar rules over the same tokens.
 *
 *   mention  := ("de" | "een" | "onze") ("door" ("uw" | "de") "Kamer")? adjective* ("motie" | "moties")
 *               ( "-" names | names | "van" who | ("die" | "welke") ("is" | "werd") "ingediend" "door" who | ε )
 *   who      := ("het lid" | "de leden" | "leden") names cs? ("en" "van" ("het lid" | "de leden") names cs?)*
 *   names    := name cs? (("," | "en" | "/") "-"? name cs?)*     (a plural mention: each name one motion's first signer)
 *   name     := particle* Capitalised ("-" Capitalised)*       (a hyphen may end a line: "Yesilgöz-" / "Zegerius")
 *
 * The ε form (no signer: "de twee jaar geleden aangenomen motie die …", "onze motie") is a mention
 * only when a citation beside it or its footnote identifies it (decided in index.ts).
 */
import { Tokens, WORD, GLUED, SPACE, NEWLINE, BLANK } from './lexer';

const PARTICLES = new Set(['van', 'de', 'den', 'der', 'het', 'ter', 'ten', 'te', 't', 'in', 'op', 'la', 'le', 'du', 'von', 'zu', 'dos', 'da']);
const ADJECTIVES = new Set([
  'gewijzigde', 'aangenomen', 'verworpen', 'ingediende', 'genoemde', 'eerdergenoemde', 'bovengenoemde', 'voornoemde',
  'eerdere', 'unaniem', 'aangehouden', 'ingetrokken', 'nader', 'nadere', 'tweede', 'eerste',
]);
/** "twee jaar geleden", "drie maanden geleden" before "aangenomen motie". */
const AGO_UNITS = new Set(['jaar', 'jaren', 'maand', 'maanden', 'week', 'weken']);
/** Capitalised words that follow "motie" without being a name. */
const NOT_A_NAME = new Set([
  'De', 'Het', 'Een', 'Deze', 'Dit', 'Die', 'Dat', 'Zie', 'In', 'Op', 'Om', 'Bij', 'Voor', 'Naar', 'Nr', 'Kamerstuk', 'Kamerstukken',
  'Handelingen', 'Motie', 'Moties', 'Tweede', 'Eerste', 'Kamer', 'Ook', 'Wel', 'Niet', 'Met', 'Over', 'En', 'Of', 'Als', 'Ik', 'Wij', 'U',
]);

export interface ParsedMention {
  start: number;
  end: number;
  /** Token index of the last token of the mention. */
  last: number;
  signer: string;
  /** Lower-cased, whitespace-normalised signer for comparisons. */
  key: string;
  /** The first signer of each motion a plural mention names ("van het lid A c.s. en van het lid B": A, B). */
  signers: string[];
  plural: boolean;
  /** "de gewijzigde motie X": an amended motion is its own paper. */
  amended: boolean;
  /** No signer named ("onze motie", "de aangenomen motie die …"): kept only when a citation identifies it. */
  signerless: boolean;
  /** "onze motie": the writers' own motion, a motion meant as such even without a number (kept unlinked then). */
  own?: boolean;
}

/** Normalises a signer for comparisons ("Van den\nBerg" and "van den Berg" are one person). */
export function signerKey(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

export class MotionGrammar {
  constructor(readonly t: Tokens) {}

  /** name := particle* Capitalised ("-" Capitalised)* → [start token, last token]. */
  private name(i: number): [number, number] | null {
    const t = this.t;
    let j = i;
    let particles = 0;
    while (j < t.count && t.kind[j] === WORD && PARTICLES.has(t.str(j).toLowerCase()) && particles < 4) {
      // "'t" is lexed as "'" + "t"; accept both forms.
      if (t.gap[j] === BLANK) return null;
      j++;
      particles++;
      if (t.isP(j, "'") && t.gap[j] !== BLANK) j++;
    }
    if (!t.isCap(j) || (j > i && t.gap[j] === BLANK)) return null;
    if (particles === 0 && NOT_A_NAME.has(t.str(j))) return null;
    // A particle-only sequence such as "Van" + "Dijk" is fine; a lone capitalised particle
    // followed by a lower-case word is not a name.
    let last = j;
    // "Yesilgöz-Zegerius", also "Yesilgöz-" / "Zegerius" broken over a line by the PDF.
    while (t.isDash(last + 1) && t.gap[last + 1] === GLUED && t.isCap(last + 2) && (t.gap[last + 2] === GLUED || t.gap[last + 2] === NEWLINE)) last += 2;
    // Double surnames without a hyphen ("Six Dijkstra"), on the same line.
    if (t.isCap(last + 1) && t.gap[last + 1] === SPACE && !NOT_A_NAME.has(t.str(last + 1)) && !t.isUpper(last + 1)) {
      last++;
      while (t.isDash(last + 1) && t.gap[last + 1] === GLUED && t.isCap(last + 2) && t.gap[last + 2] === GLUED) last += 2;
    }
    return [i, last];
  }

  /** "c.s.", "c.s", "CS", "cs" after the names → last token, or -1. */
  private cs(i: number): number {
    const t = this.t;
    if (t.is(i, 'c') && t.isP(i + 1, '.') && t.is(i + 2, 's') && t.gap[i + 1] === GLUED && t.gap[i + 2] === GLUED) {
      return t.isP(i + 3, '.') && t.gap[i + 3] === GLUED ? i + 3 : i + 2;
    }
    if ((t.is(i, 'CS') || t.is(i, 'cs') || t.is(i, 'cs')) && t.gap[i] !== GLUED) return i;
    return -1;
  }

  /**
   * names := name cs? (("," | "en" | "/") "-"? name cs?)* → [first name, last token]. With `each`,
   * every name's token range is pushed to it ("de moties-Erkens c.s. en -Kröger": the hyphen of
   * the coordinated "moties-X en -Y" form, and a "c.s." after any name).
   */
  private names(i: number, each?: [number, number][]): [[number, number], number] | null {
    const t = this.t;
    const first = this.name(i);
    if (!first) return null;
    each?.push(first);
    let last = first[1];
    for (let guard = 0; guard < 6; guard++) {
      const c0 = this.cs(last + 1);
      let k = (c0 >= 0 ? c0 : last) + 1;
      // "Motie Dijkstra CS, Voorgesteld tijdens …": "c.s." closes a signer's list; a comma after it goes on with the sentence.
      if (t.isP(k, ',') && c0 >= 0) break;
      if (t.isP(k, ',')) k++;
      else if (t.isCI(k, 'en')) k++;
      else if (t.isP(k, '/') && t.gap[k] <= SPACE) k++; // "de motie Kröger/Bikker"
      else break;
      if (t.isCI(k, 'en')) k++; // ", en"
      // "de moties-Erkens en -Kröger": the hyphen glued to the next name.
      if (t.isDash(k) && t.gap[k] !== GLUED && t.gap[k + 1] === GLUED) k++;
      // "… en van het lid Moorlag" is handled by the caller.
      const nm = this.name(k);
      if (!nm || t.isCI(k, 'van') && (t.isCI(k + 1, 'het') || t.isCI(k + 1, 'de'))) break;
      each?.push(nm);
      last = nm[1];
    }
    const c = this.cs(last + 1);
    if (c >= 0) last = c;
    return [first, last];
  }

  /** who := ("het lid" | "de leden") names → [first name, last token]. */
  private who(i: number, each?: [number, number][]): [[number, number], number] | null {
    const t = this.t;
    let j: number;
    if (t.isCI(i, 'het') && t.isCI(i + 1, 'lid')) j = i + 2;
    else if (t.isCI(i, 'de') && t.isCI(i + 1, 'leden')) j = i + 2;
    else if (t.isCI(i, 'leden')) j = i + 1; // "de motie van leden X, Y en Z"
    else return null;
    return this.names(j, each);
  }

  /** "het lid <name>" / "de leden <name>" up to 20 tokens before i, within the sentence. */
  private signerBefore(i: number): [number, number] | null {
    const t = this.t;
    for (let k = i - 1; k >= 0 && k >= i - 20; k--) {
      if (t.kind[k] !== WORD) {
        const c = t.text.charCodeAt(t.start[k]);
        if (c === 63 || c === 33 || c === 59 || (c === 46 && !(k > 0 && t.kind[k - 1] === WORD && t.len(k - 1) <= 3))) return null;
        continue;
      }
      if ((t.isCI(k, 'lid') && t.isCI(k - 1, 'het')) || (t.isCI(k, 'leden') && t.isCI(k - 1, 'de'))) {
        const nm = this.name(k + 1);
        return nm && nm[1] < i ? nm : null;
      }
    }
    return null;
  }

  /** "van het lid <name>" / "van de leden <name>" within 16 tokens from i on the same line, before the sentence ends. */
  private signerAfter(i: number): [number, number] | null {
    const t = this.t;
    for (let k = i; k < t.count && k < i + 16; k++) {
      if (t.gap[k] >= BLANK) return null;
      if (t.isP(k, '.') && !(t.isNum(k + 1) && t.gap[k + 1] === GLUED) && !(k > 0 && t.kind[k - 1] === WORD && t.len(k - 1) <= 3)) return null;
      if (t.isCI(k, 'van')) {
        const w = this.who(k + 1);
        if (w) return w[0];
      }
    }
    return null;
  }

  /** Parses a mention whose "motie"/"moties" token is i. */
  at(i: number): ParsedMention | null {
    const t = this.t;
    const plural = t.isCI(i, 'moties');
    if (!plural && !t.isCI(i, 'motie')) return null;
    // Not part of a compound ("motievoorstel" is lexed as one word anyway; "Kamer-motie" is).
    let start = t.start[i];
    let amended = false;
    let determiner = '';
    {
      let b = i - 1;
      let steps = 0;
      const free = (k: number) => k >= 0 && t.kind[k] === WORD && t.gap[k + 1] !== GLUED && t.gap[k + 1] !== BLANK;
      for (;;) {
        if (steps < 4 && free(b) && ADJECTIVES.has(t.str(b).toLowerCase())) {
          if (t.isCI(b, 'gewijzigde')) amended = true;
          b--;
          steps++;
        } else if (steps < 4 && free(b) && t.isCI(b, 'kamer') && (t.isCI(b - 1, 'uw') || t.isCI(b - 1, 'de')) && t.isCI(b - 2, 'door')) {
          b -= 3; // "de door uw Kamer aangenomen motie"
          steps++;
        } else if (steps < 4 && free(b) && t.isCI(b, 'geleden') && t.isWord(b - 2) && AGO_UNITS.has(t.str(b - 1).toLowerCase())) {
          b -= 3; // "de twee jaar geleden aangenomen motie"
          steps++;
        } else break;
      }
      if (free(b) && (t.is(b, 'de') || t.is(b, 'De') || t.is(b, 'een') || t.is(b, 'Een') || t.isCI(b, 'onze'))) {
        start = t.start[b];
        determiner = t.str(b).toLowerCase();
      } else if (steps > 0) start = t.start[b + 1];
    }
    let res: [[number, number], number] | null = null;
    const j = i + 1;
    // A plural mention's names, each the first signer of one motion ("de moties-Erkens en -Kröger").
    const each: [number, number][] | undefined = plural ? [] : undefined;
    if (t.isDash(j) && t.gap[j] === GLUED && t.gap[j + 1] === GLUED) {
      res = this.names(j + 1, each);
    } else if (t.isCI(j, 'van')) {
      res = this.who(j + 1, each);
      if (!res) {
        // "de motie Van der Plas": a particle that starts the name itself.
        if (t.is(j, 'Van')) res = this.names(j);
      }
    } else if ((t.isCI(j, 'die') || t.isCI(j, 'welke')) && (t.isCI(j + 1, 'is') || t.isCI(j + 1, 'werd')) && t.isCI(j + 2, 'ingediend') && t.isCI(j + 3, 'door')) {
      res = this.who(j + 4);
    } else if (t.isCI(j, 'ingediend') && t.isCI(j + 1, 'door')) {
      res = this.who(j + 2);
    } else if (t.gap[j] !== GLUED && t.gap[j] !== BLANK) {
      res = this.names(j, each);
    }
    if (!res && !plural && t.isCI(j, 'op') && (t.isCI(j + 1, 'stuk') || t.isCI(j + 1, 'stuknummer'))) {
      // "Het lid Omtzigt heeft … een motie op stuk nummer 21 501-20, nr. 2198, ingediend": the
      // signer stands earlier in the sentence.
      // Or after the citation: "De motie op stuk nummer 21 501-20, nr. 2198 van het lid Sjoerdsma".
      const who = this.signerBefore(i) ?? this.signerAfter(j + 2);
      if (who) {
        const signer = t.text.slice(t.start[who[0]], t.end[who[1]]).replace(/\s+/g, ' ');
        return { start, end: t.end[i], last: i, signer, key: signerKey(signer), signers: [signer], plural: false, amended: false, signerless: false };
      }
    }
    if (!res) {
      // No signer: "onze motie", "de (aangenomen) motie die …", "de motie (Kamerstuk …)".
      if (determiner === 'de' || determiner === 'een' || determiner === 'onze') {
        return { start, end: t.end[i], last: i, signer: '', key: '', signers: [], plural, amended, signerless: true, ...(determiner === 'onze' ? { own: true } : {}) };
      }
      return null;
    }
    let last = res[1];
    const signerOf = (r: [number, number]) => t.text.slice(t.start[r[0]], t.end[r[1]]).replace(/\s+/g, ' ').replace(/- /g, '-');
    // "de moties Erkens en Kröger", "de moties-Erkens en -Kröger": one motion per name.
    const signers = each && each.length > 1 ? each.map(signerOf) : [signerOf(res[0])];
    // "de moties van het lid Van den Berg c.s. en van het lid Moorlag".
    if (plural) {
      for (let guard = 0; guard < 4; guard++) {
        if (!(t.isCI(last + 1, 'en') && t.isCI(last + 2, 'van'))) break;
        const more = this.who(last + 3);
        if (!more) break;
        signers.push(signerOf(more[0]));
        last = more[1];
      }
    }
    const signer = signers[0];
    return { start, end: t.end[last], last, signer, key: signerKey(signer), signers, plural, amended, signerless: false };
  }
}
