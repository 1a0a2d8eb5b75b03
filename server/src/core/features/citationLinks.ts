/**
 * Document links: every citation is clickable, to its page on the official publication site
 * (or, for Tweede Kamer zaak- and documentnummers, to a search on tweedekamer.nl).
 */
import type { Citations } from '../citations/types';
import { officialUrl, tweedeKamerUrl } from '../citations/paper';
import type { Span } from '../text';

export interface LinkSpan {
  span: Span;
  target: string;
  /** Dutch tooltip. */
  tooltip: string;
}

export function citationLinks(c: Citations): LinkSpan[] {
  const out: LinkSpan[] = [];
  for (const r of c.references) {
    const off = officialUrl(r);
    if (off) out.push({ span: r.span, target: off, tooltip: `${r.canonical} op officielebekendmakingen.nl` });
    else if (r.kind === 'zaak' || r.kind === 'document') out.push({ span: r.span, target: tweedeKamerUrl(r), tooltip: `${r.canonical} zoeken op tweedekamer.nl` });
  }
  return out;
}
