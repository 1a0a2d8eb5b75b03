// Paper facts in the language server: the FactsService made from the settings, diagnostics from
// facts, the facts part of the hover, go to definition by download, and the refreshFacts request.
// Never blocks a handler on the network except go to definition and refreshFacts, which the user
// asked for.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { runSafe } from './runner';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Analysis } from '../core/analyze';
import { disabledCodes } from '../core/analyze';
import type { PaperRef } from '../core/citations/types';
import { checkFacts } from '../core/facts';
import { factsHoverBlocks } from '../core/features/factsHover';
import { citationAt } from '../core/features/citationLookup';
import type { DefinitionTarget, HoverResult } from '../core/features/types';
import type { Finding } from '../core/model';
import type { Settings } from '../core/settings';
import { applySuppressions } from '../core/suppress';
import { FactsService } from '../sources/service';
import { RefreshFactsRequest, type RefreshFactsParams, type RefreshFactsResult } from '../protocol';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function toPaperRef(r: PaperRef): PaperRef {
  const { kind, id, dossier, toevoeging, number, kamer, vergaderjaar, canonical } = r;
  return { kind, id, dossier, toevoeging, number, kamer, vergaderjaar, canonical };
}

/** The papers cited in an analysed letter (references and linked motions), once each. */
function papersOf(a: Analysis): PaperRef[] {
  const out = new Map<string, PaperRef>();
  for (const r of a.citations.references) if (!out.has(r.id)) out.set(r.id, toPaperRef(r));
  for (const m of a.citations.motions) for (const r of m.refs) if (!out.has(r.id)) out.set(r.id, toPaperRef(r));
  return [...out.values()];
}

export class FactsHost {
  private readonly services = new Map<string, FactsService>();
  private defaultCacheDir: string | null = null;
  private pending = new Set<string>();
  private readonly seen = new Map<string, string>();
  private flushTimer: NodeJS.Timeout | null = null;

  /**
   * @param onArrived called (debounced) with the ids whose facts changed, so the host can
   *   publish the diagnostics of the letters citing them again.
   */
  constructor(
    private readonly connection: Connection,
    private readonly onArrived: (ids: Set<string>) => void,
  ) {}

  /** Reads `defaultCacheDir` (the extension's global storage) from the initialization options. */
  init(initializationOptions: unknown): void {
    if (isObject(initializationOptions) && typeof initializationOptions.defaultCacheDir === 'string' && initializationOptions.defaultCacheDir)
      this.defaultCacheDir = initializationOptions.defaultCacheDir;
  }

  /** The setting, else the extension's global storage, else the user's cache folder (other editors). */
  private cacheDir(s: Settings): string {
    return s.cacheDir || this.defaultCacheDir || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'antwoordbrief');
  }

  /**
   * The service for these settings. Settings are per resource (a multi-root workspace may point
   * folders at different mirrors), so one service per distinct sources + cache folder.
   */
  serviceFor(s: Settings): FactsService {
    const dir = this.cacheDir(s);
    const key = JSON.stringify([s.sources, dir]);
    let svc = this.services.get(key);
    if (svc) return svc;
    if (s.sources.offline) {
      // Offline means no network at all: stop the retries of services made before the switch.
      for (const [k, other] of this.services) {
        if (other.offline) continue;
        other.dispose();
        this.services.delete(k);
      }
    }
    svc = new FactsService({ sources: s.sources, cacheDir: dir });
    // Only new facts change findings and hovers: a failed retry does not re-publish anything.
    svc.onDidChange((ref, peek) => {
      const stamp = peek.facts?.fetchedAt;
      if (!stamp || this.seen.get(ref.id) === stamp) return;
      this.seen.set(ref.id, stamp);
      this.arrived(ref.id);
    });
    if (this.services.size >= 8) {
      // Settings changed many times: drop the oldest.
      const [oldKey, old] = this.services.entries().next().value!;
      old.dispose();
      this.services.delete(oldKey);
    }
    this.services.set(key, svc);
    return svc;
  }

  private arrived(id: string): void {
    this.pending.add(id);
    if (this.flushTimer) return;
    // Many facts arrive together after a letter opens: publish once for the batch.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      const ids = this.pending;
      this.pending = new Set();
      try {
        this.onArrived(ids);
      } catch (e) {
        this.connection.console.error(`antwoordbrief: feiten: ${String(e)}`);
      }
    }, 50);
  }

  /** Whether a letter cites one of these papers. */
  cites(a: Analysis, ids: Set<string>): boolean {
    return a.citations.references.some((r) => ids.has(r.id)) || a.citations.motions.some((m) => m.refs.some((r) => ids.has(r.id)));
  }

  /** Findings from the facts known now; schedules lookups for the rest (never waits). */
  findings(a: Analysis, s: Settings): Finding[] {
    const svc = this.serviceFor(s);
    const known = new Map<string, ReturnType<FactsService['peek']>>();
    for (const ref of papersOf(a)) known.set(ref.id, svc.peek(ref));
    const found = checkFacts(a.text, a.citations, (r) => known.get(r.id)?.facts);
    return applySuppressions(a.text, found, disabledCodes(s));
  }

  /** The hover with the facts part added when it is on a cited paper or motion. */
  hover(result: HoverResult | null, a: Analysis, offset: number, s: Settings): HoverResult | null {
    if (!result) return result;
    const hit = citationAt(a.citations, offset);
    const refs = hit?.kind === 'reference' ? [hit.ref] : hit?.kind === 'motion' ? hit.motion.refs : [];
    if (!refs.length) return result;
    const svc = this.serviceFor(s);
    const blocks = [...result.blocks];
    for (const r of refs) {
      const factBlocks = factsHoverBlocks(svc.peek(toPaperRef(r)));
      if (!factBlocks.length) continue;
      if (refs.length > 1) blocks.push({ kind: 'title', text: `Gegevens ${r.canonical}` });
      else blocks.push({ kind: 'title', text: 'Gegevens uit de bronnen' });
      blocks.push(...factBlocks);
    }
    return { ...result, blocks };
  }

  /** Go to definition on a paper outside the workspace: its text downloaded into the cache. */
  async definition(a: Analysis, offset: number, s: Settings): Promise<DefinitionTarget[] | null> {
    const hit = citationAt(a.citations, offset);
    if (!hit || hit.kind === 'marker') return null;
    const ref = hit.kind === 'reference' ? hit.ref : hit.motion.refs[0];
    if (!ref) return null;
    const origin = hit.kind === 'reference' ? hit.ref.span : hit.motion.span;
    try {
      const r = await this.serviceFor(s).downloadPaperText(toPaperRef(ref));
      const pos = { line: r.line, character: 0 };
      return [{ originSpan: origin, uri: URI.file(r.path).toString(), range: { start: pos, end: pos } }];
    } catch (e) {
      const msg = (e as { dutch?: string }).dutch ?? 'de tekst van dit stuk kon niet worden opgehaald';
      // A notification, not window/showMessageRequest: no answer is awaited (a client without
      // that request would otherwise leave a rejected promise behind).
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Antwoordbrief: ${ref.canonical}: ${msg}.` });
      return null;
    }
  }

  /** `antwoordbrief/refreshFacts`: look the papers up again, skipping the cache. */
  register(current: (uri: string) => Promise<{ analysis: Analysis; settings: Settings } | undefined>): void {
    const empty: RefreshFactsResult = { requested: 0, resolved: 0, failed: [] };
    this.connection.onRequest(RefreshFactsRequest, runSafe(this.connection, 'refreshFacts', empty, async (params: RefreshFactsParams): Promise<RefreshFactsResult> => {
      try {
        const cur = await current(params.uri);
        if (!cur) return empty;
        let refs = papersOf(cur.analysis);
        if (params.line != null && params.character != null) {
          const offset = cur.analysis.lines.offset({ line: params.line, character: params.character });
          const hit = citationAt(cur.analysis.citations, offset);
          refs = hit?.kind === 'reference' ? [toPaperRef(hit.ref)] : hit?.kind === 'motion' ? hit.motion.refs.map(toPaperRef) : [];
        }
        const svc = this.serviceFor(cur.settings);
        const results = await Promise.all(refs.map(async (r) => ({ r, p: await svc.resolve(r, { force: true }) })));
        const failed = results
          .filter(({ p }) => !p.facts || p.state === 'failed')
          .map(({ r, p }) => ({ id: r.id, reason: p.message ?? (p.state === 'offline' ? 'offline' : 'geen gegevens') }));
        return { requested: refs.length, resolved: refs.length - failed.length, failed };
      } catch (e) {
        this.connection.console.error(`antwoordbrief: refreshFacts: ${String(e)}`);
        return empty;
      }
    }));
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const svc of this.services.values()) svc.dispose();
    this.services.clear();
  }
}
