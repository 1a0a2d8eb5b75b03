// Paper facts in the language server: the FactsService made from the settings, the synchronous
// peek `diagnose` and the hover get, go to definition by download, and the refreshFacts request.
// Never blocks a handler on the network except go to definition and refreshFacts, which the user
// asked for. The sources code (HTTP clients, XML parser, disk cache) is loaded only when a letter
// first cites a paper: a separate bundle (dist/sources.js, scripts/build.mjs) that the first
// publish never waits for.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { runSafe } from './runner';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Analysis } from '../core/analyze';
import type { Citations, PaperRef } from '../core/citations/types';
import { citedPapers, paperRefOf, type FactsLookup, type FactsPeek } from '../core/facts';
import { citationAt } from '../core/features/citationLookup';
import type { DefinitionTarget } from '../core/features/types';
import type { Settings } from '../host/settings';
import type { FactsService } from '../sources/service';
import { userCacheDir } from '../host/context';
import { RefreshFactsRequest, type RefreshFactsParams, type RefreshFactsResult } from '../protocol';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

type SourcesModule = typeof import('../sources/service');

export class FactsHost {
  private readonly services = new Map<string, FactsService>();
  /** The sources code once loaded; null until a letter first needs it. */
  private sources: SourcesModule | null = null;
  private loading: Promise<SourcesModule> | null = null;
  /** Papers asked about before the sources code was there: published again once it is. */
  private readonly waiting = new Set<string>();
  private defaultCacheDir: string | null = null;
  private pending = new Set<string>();
  private readonly seen = new Map<string, string>();
  private flushTimer: NodeJS.Timeout | null = null;
  /** The output channel said the sources cannot be reached (reset when they answer again). */
  private saidUnreachable = false;

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
    return s.cacheDir || this.defaultCacheDir || userCacheDir();
  }

  /**
   * Loads the sources code (once); when it is there, the letters that cited papers meanwhile are
   * published again. A failure to load is logged and tried again at the next need.
   */
  load(): Promise<SourcesModule> {
    this.loading ??= import('../sources/service').then(
      (m) => {
        this.sources = m;
        const ids = [...this.waiting];
        this.waiting.clear();
        for (const id of ids) this.arrived(id);
        return m;
      },
      (e) => {
        this.loading = null;
        this.connection.console.error(`antwoordbrief: bronnen niet geladen: ${String(e)}`);
        throw e;
      },
    );
    return this.loading;
  }

  /** The service for these settings, loading the sources code first when needed. */
  async serviceLoaded(s: Settings): Promise<FactsService> {
    await this.load();
    return this.serviceFor(s);
  }

  /**
   * The service for these settings (the sources code must be loaded: `load`). Settings are per resource (a multi-root workspace may point
   * folders at different mirrors), so one service per distinct sources + cache folder.
   */
  serviceFor(s: Settings): FactsService {
    if (!this.sources) throw new Error('sources not loaded');
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
    svc = new this.sources.FactsService({ sources: s.sources, cacheDir: dir });
    // Only new facts change findings and hovers: a failed retry does not re-publish anything.
    svc.onDidChange((ref, peek) => {
      this.noteReachability(peek);
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

  /**
   * The output channel says once that the sources cannot be reached, and what to do; again only
   * after they answered in between. No line per paper or per retry.
   */
  private noteReachability(peek: FactsPeek): void {
    if (peek.unreachable && peek.state !== 'cached') {
      if (this.saidUnreachable) return;
      this.saidUnreachable = true;
      const why = peek.message?.replace(/, nieuwe poging (over \d+ s|loopt)$/, '');
      this.connection.console.warn(
        `Antwoordbrief: de bronnen zijn nu niet bereikbaar${why ? ` (${why})` : ''}. De gegevens over Kamerstukken en moties volgen zodra ze bereikbaar zijn; er wordt vanzelf opnieuw geprobeerd. Zonder netwerk: zet de instelling Bronnen: offline aan.`,
      );
    } else if (peek.facts && !peek.unreachable) {
      this.saidUnreachable = false;
    }
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

  /** Whether citations cite one of these papers. */
  cites(c: Citations, ids: Set<string>): boolean {
    return c.references.some((r) => ids.has(r.id)) || c.motions.some((m) => m.refs.some((r) => ids.has(r.id)));
  }

  /** What is known now about a paper (schedules a lookup for what is missing; never waits). */
  peek(s: Settings): (ref: PaperRef) => FactsPeek {
    let svc: FactsService | null = null;
    return (ref) => {
      if (!svc) {
        if (!this.sources) {
          // The first paper of a session: load the sources code, publish again once it is there.
          this.waiting.add(ref.id);
          this.load().catch(() => undefined);
          return { state: 'pending' };
        }
        svc = this.serviceFor(s);
      }
      return svc.peek(paperRefOf(ref));
    };
  }

  /** The synchronous facts lookup `diagnose` gets. */
  lookup(s: Settings): FactsLookup {
    const peek = this.peek(s);
    return (ref) => peek(ref).facts;
  }

  /** Load the cached facts of these papers from disk into memory (the workspace check, before its peek). */
  async loadCached(c: Citations, s: Settings): Promise<void> {
    const papers = citedPapers(c);
    if (!papers.length) return;
    const svc = await this.serviceLoaded(s);
    await Promise.all(papers.map((r) => svc.cache.get(r.id)));
  }

  /** Go to definition on a paper outside the workspace: its text downloaded into the cache. */
  async definition(citations: Citations, offset: number, s: Settings): Promise<DefinitionTarget[] | null> {
    const hit = citationAt(citations, offset);
    if (!hit || hit.kind === 'marker') return null;
    const ref = hit.kind === 'reference' ? hit.ref : hit.motion.refs[0];
    if (!ref) return null;
    const origin = hit.kind === 'reference' ? hit.ref.span : hit.motion.span;
    try {
      const r = await (await this.serviceLoaded(s)).downloadPaperText(paperRefOf(ref));
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
        let refs = citedPapers(cur.analysis.citations);
        if (params.line != null && params.character != null) {
          const offset = cur.analysis.lines.offset({ line: params.line, character: params.character });
          const hit = citationAt(cur.analysis.citations, offset);
          refs = hit?.kind === 'reference' ? [paperRefOf(hit.ref)] : hit?.kind === 'motion' ? hit.motion.refs.map(paperRefOf) : [];
        }
        const svc = await this.serviceLoaded(cur.settings);
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
