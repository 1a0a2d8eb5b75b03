/**
 * `antwoordbrief refs --resolve`: looks every cited paper up in the sources (through the cache)
 * and adds its facts to each reference, with progress and a Dutch summary on stderr.
 */
import { displayPath } from '../cli/io';
import { findCitations } from '../core/citations';
import type { PaperRef } from '../core/citations/types';
import { citedPapers, type FactsPeek } from '../core/facts';
import { DEFAULT_SETTINGS, type Settings } from '../host/settings';
import { FactsService } from './service';

/** Flags `refs` accepts for resolving (parsed by the refs command). */
export const RESOLVE_VALUED = ['cache', 'tweedekamer-url', 'officielebekendmakingen-url', 'timeout'];
export const RESOLVE_BOOLEANS = ['resolve', 'offline'];

export type ResolveStatus = 'gevonden' | 'niet-gevonden' | 'mislukt' | 'offline' | 'geen-bron';

export interface ResolvedFields {
  title: string | null;
  type: string | null;
  date: string | null;
  signers: string[];
  outcome: string | null;
  source: string | null;
  status: ResolveStatus;
  /** Dutch reason when not `gevonden`. */
  reason?: string;
}

export interface ResolveOptions {
  offline: boolean;
  cacheDir: string | null;
  tweedekamerUrl?: string;
  officielebekendmakingenUrl?: string;
  timeoutMs?: number;
  /** Live progress line (stderr). */
  progress?: (line: string) => void;
}

function fieldsOf(p: FactsPeek): ResolvedFields {
  const f = p.facts;
  const base = {
    title: f?.title ?? null,
    type: f?.type ?? null,
    date: f?.date ?? null,
    signers: f?.signers ?? [],
    outcome: f?.motion?.outcome ?? null,
    source: f?.source ?? null,
  };
  if (f && f.found) return { ...base, status: 'gevonden' };
  if (f && !f.found)
    return {
      ...base,
      status: 'niet-gevonden',
      reason: f.highestNumber != null ? `onbekend bij de bron (het dossier loopt tot nr. ${f.highestNumber})` : 'onbekend bij de bron',
    };
  if (p.state === 'offline') return { ...base, status: 'offline', reason: 'offline en niet in de cache' };
  if (p.state === 'unknown') return { ...base, status: 'geen-bron', reason: p.message ?? 'geen bron voor dit soort verwijzing' };
  // A one-shot run does not retry: the "nieuwe poging over …" part does not apply.
  return { ...base, status: 'mislukt', reason: (p.message ?? 'bron niet bereikbaar').replace(/, nieuwe poging (over \d+ s|loopt)$/, '') };
}

/** Every distinct paper cited in the texts, by id. */
export function papersOf(texts: string[]): Map<string, PaperRef> {
  const refs = new Map<string, PaperRef>();
  for (const t of texts) for (const r of citedPapers(findCitations(t))) if (!refs.has(r.id)) refs.set(r.id, r);
  return refs;
}

/** Resolve every paper; returns the fields per id and the Dutch summary lines. */
export async function resolveReferencesForCli(
  refs: Map<string, PaperRef>,
  opts: ResolveOptions,
): Promise<{ fields: Map<string, ResolvedFields>; summary: string[]; unreachable: number }> {
  const sources: Settings['sources'] = {
    ...DEFAULT_SETTINGS.sources,
    offline: opts.offline,
    tweedekamerUrl: opts.tweedekamerUrl || DEFAULT_SETTINGS.sources.tweedekamerUrl,
    officielebekendmakingenUrl: opts.officielebekendmakingenUrl || DEFAULT_SETTINGS.sources.officielebekendmakingenUrl,
    timeoutMs: opts.timeoutMs ?? DEFAULT_SETTINGS.sources.timeoutMs,
  };
  // No automatic retries in a one-shot run: a failure is reported in the summary.
  const svc = new FactsService({ sources, cacheDir: opts.cacheDir, autoRetries: 0 });
  const fields = new Map<string, ResolvedFields>();
  let done = 0;
  const total = refs.size;
  try {
    await Promise.all(
      [...refs.values()].map(async (ref) => {
        const p = await svc.resolve(ref);
        fields.set(ref.id, fieldsOf(p));
        done++;
        opts.progress?.(`${done}/${total} opgezocht: ${ref.canonical || ref.id}`);
      }),
    );
  } finally {
    svc.dispose();
  }
  const failed = [...fields].filter(([, f]) => f.status !== 'gevonden');
  const summary: string[] = [];
  const found = total - failed.length;
  summary.push(`${found} van ${total} stukken gevonden${opts.offline ? ' (offline, uit de cache)' : ''}.`);
  if (failed.length) {
    summary.push(`Niet opgezocht of niet gevonden (${failed.length}):`);
    for (const [id, f] of failed) summary.push(`  ${refs.get(id)?.canonical || id} [${id}]: ${f.reason}`);
  }
  // Papers a source could not be asked about (network, server error): the run did not do its work for them.
  const unreachable = failed.filter(([, f]) => f.status === 'mislukt').length;
  if (unreachable)
    summary.push(
      `Let op: ${unreachable === total ? (total === 1 ? 'het stuk kon niet' : `geen van de ${total} stukken kon`) : `${unreachable} van ${total} ${unreachable === 1 ? 'stuk kon' : 'stukken konden'} niet`} ` +
        `worden opgezocht (bron niet bereikbaar); afsluitcode ${RESOLVE_UNREACHABLE_EXIT}.`,
    );
  return { fields, summary, unreachable };
}

/**
 * The exit code of `refs --resolve` when a source could not be reached for at least one paper
 * (README "Exit code"): a script tells an incomplete lookup from a complete one. Unreadable
 * input (2) wins over it.
 */
export const RESOLVE_UNREACHABLE_EXIT = 3;

interface RefLike {
  id: string | null;
  text: string;
  range: { start: { line: number } };
  kind: string;
  canonical: string | null;
}

/** The `refs --resolve` output: each reference with its facts, as JSON or text. */
export async function runResolve<T extends { file: string; references: RefLike[] }>(
  results: T[],
  texts: string[],
  flags: Map<string, string | true>,
  format: string,
): Promise<{ stdout: string; stderr: string[]; unreachable: number }> {
  const str = (k: string) => {
    const v = flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const timeout = str('timeout');
  const refs = papersOf(texts);
  const { fields, summary, unreachable } = await resolveReferencesForCli(refs, {
    offline: flags.get('offline') === true,
    cacheDir: str('cache') ?? null,
    tweedekamerUrl: str('tweedekamer-url'),
    officielebekendmakingenUrl: str('officielebekendmakingen-url'),
    timeoutMs: timeout && /^\d+$/.test(timeout) ? Number(timeout) * 1000 : undefined,
    progress: (line) => process.stderr.write(`antwoordbrief: ${line}\n`),
  });
  const enriched = results.map((r) => ({
    ...r,
    references: r.references.map((e) => (e.id && fields.has(e.id) ? { ...e, ...fields.get(e.id)! } : e)),
  }));
  if (format === 'json') return { stdout: JSON.stringify(enriched, null, 2) + '\n', stderr: summary, unreachable };
  const out: string[] = [];
  for (const r of enriched) {
    out.push(displayPath(r.file));
    for (const e of r.references as (RefLike & Partial<ResolvedFields>)[]) {
      let line = `  regel ${e.range.start.line + 1}: ${e.kind === 'motie' ? e.text + ' → ' : ''}${e.canonical ?? e.text}${e.id ? `  [${e.id}]` : ''}`;
      if (e.status === 'gevonden') {
        const bits = [e.type, e.title ? `"${e.title}"` : null, e.date, e.signers?.length ? e.signers.join(', ') : null, e.outcome].filter(Boolean);
        line += `\n      ${bits.join(' · ')}`;
      } else if (e.status) {
        line += `\n      ${e.status}: ${e.reason}`;
      }
      out.push(line);
    }
  }
  return { stdout: out.join('\n') + (out.length ? '\n' : ''), stderr: summary, unreachable };
}
