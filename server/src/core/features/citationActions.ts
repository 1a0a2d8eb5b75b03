/**
 * Quick fix for `noncanonical-citation`: rewrite the citation in the official form.
 */
import type { Finding } from '../model';
import type { CanonicalFix } from '../checks/citations';
import type { QuickFix } from './types';

export function canonicalCitationFixes(findings: Finding[]): QuickFix[] {
  const out: QuickFix[] = [];
  for (const f of findings) {
    if (f.code !== 'noncanonical-citation') continue;
    const data = f.data as CanonicalFix | undefined;
    if (!data || typeof data.replacement !== 'string') continue;
    out.push({
      title: `Schrijf in de officiële vorm: „${data.replacement}”`,
      code: f.code,
      findingSpan: f.span,
      edits: [{ span: data.span, newText: data.replacement }],
      preferred: true,
    });
  }
  return out;
}
