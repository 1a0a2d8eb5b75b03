/**
 * FactsService: the host's one entry point to paper facts. `peek` answers at once from memory
 * and schedules a lookup (deduplicated, limited concurrency, back-off after failures);
 * listeners hear when facts arrive. `resolve` awaits a lookup (CLI, refresh command).
 */
import type { PaperRef } from '../core/citations/types';
import { notFoundFacts, type FactsPeek, type PaperFacts } from '../core/facts';
import type { Settings } from '../host/settings';
import { FactsCache } from './cache';
import { SourceError } from './http';
import { KoopClient, metaToFacts } from './koop';
import { TweedeKamerClient } from './tweedekamer';
import { downloadPaperText, type PaperTextResult } from './paperText';

export interface FactsServiceOptions {
  sources: Settings['sources'];
  /** Cache folder (extension global storage, CLI `--cache`); null keeps facts in memory only. */
  cacheDir: string | null;
  /** Parallel lookups (default 4). */
  concurrency?: number;
  /** First retry delay after a failure (default 30 s); doubles per failure up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Automatic retries after a failure before waiting for the next peek (default 5). */
  autoRetries?: number;
}

export type FactsListener = (ref: PaperRef, peek: FactsPeek) => void;

interface RefState {
  ref: PaperRef;
  failures: number;
  nextAttemptAt: number;
  error?: SourceError;
  timer?: NodeJS.Timeout;
  offlineChecked?: boolean;
  /** No source can answer for this kind of reference. */
  unsupported?: string;
}

/** Which source(s) can answer for a reference. */
export function routeOf(ref: PaperRef): 'tk' | 'koop' | null {
  const numeric = !!ref.number && /^\d+$/.test(ref.number);
  if (ref.kind === 'kamerstuk') {
    if (!ref.dossier || !ref.number) return null;
    if (ref.kamer === 'I' || !numeric) return 'koop';
    return 'tk';
  }
  if (/^(ah|kv|h|blg|stb|stcrt)-/.test(ref.id) || /^kst-/.test(ref.id)) return 'koop';
  return null;
}

export function retryText(err: SourceError, ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return `${err.dutch}, nieuwe poging over ${s} s`;
}

/** Whether a failure means the source could not be reached (as opposed to an answer it gave). */
function unreachable(err: SourceError | undefined): true | undefined {
  return err && (err.kind === 'unreachable' || err.kind === 'timeout') ? true : undefined;
}

export class FactsService {
  readonly cache: FactsCache;
  private tk!: TweedeKamerClient;
  private koop!: KoopClient;
  private sources!: Settings['sources'];
  private readonly states = new Map<string, RefState>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private readonly listeners = new Set<FactsListener>();
  private readonly concurrency: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly autoRetries: number;
  private disposed = false;
  /** A source that failed as a whole (down, rate limited) is not asked again until then. */
  private readonly hold = new Map<'tk' | 'koop', { until: number; error: SourceError }>();

  constructor(opts: FactsServiceOptions) {
    this.cache = new FactsCache(opts.cacheDir);
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.retryBaseMs = opts.retryBaseMs ?? 30_000;
    this.retryMaxMs = opts.retryMaxMs ?? 600_000;
    this.autoRetries = opts.autoRetries ?? 5;
    this.configure(opts.sources);
  }

  /** Apply changed source settings (base URLs, offline, timeout). */
  configure(sources: Settings['sources']): void {
    this.sources = { ...sources };
    this.tk = new TweedeKamerClient(sources.tweedekamerUrl, sources.timeoutMs);
    this.koop = new KoopClient(sources.officielebekendmakingenUrl, sources.timeoutMs);
    this.hold?.clear();
    for (const st of this.states.values()) {
      st.failures = 0;
      st.nextAttemptAt = 0;
      st.error = undefined;
      st.offlineChecked = false;
      if (st.timer) clearTimeout(st.timer);
    }
  }

  get offline(): boolean {
    return this.sources.offline;
  }

  onDidChange(listener: FactsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private state(ref: PaperRef): RefState {
    let st = this.states.get(ref.id);
    if (!st) {
      st = { ref, failures: 0, nextAttemptAt: 0 };
      this.states.set(ref.id, st);
    }
    return st;
  }

  /** What is known now; never waits. Schedules a lookup when facts are missing or stale. */
  peek(ref: PaperRef): FactsPeek {
    const st = this.state(ref);
    const mem = this.cache.getMemory(ref.id);
    const now = Date.now();
    if (st.unsupported) return { facts: mem?.facts, state: 'unknown', message: st.unsupported };
    if (this.sources.offline) {
      if (!mem && !st.offlineChecked) this.schedule(ref);
      return { facts: mem?.facts, state: 'offline', message: mem ? undefined : 'offline: niet in de cache' };
    }
    if (st.error) {
      if (now >= st.nextAttemptAt) this.schedule(ref);
      const busy = this.inflight.has(ref.id);
      return {
        facts: mem?.facts,
        state: busy && !mem ? 'pending' : mem ? 'cached' : 'failed',
        message: busy ? `${st.error.dutch}, nieuwe poging loopt` : retryText(st.error, st.nextAttemptAt - now),
        unreachable: unreachable(st.error),
      };
    }
    if (mem) {
      if (mem.expiresAt <= now) this.schedule(ref);
      return { facts: mem.facts, state: 'cached' };
    }
    this.schedule(ref);
    return { state: 'pending' };
  }

  /** Look the paper up (cache, then sources) and wait for the answer. `force` skips the cache. */
  async resolve(ref: PaperRef, opts: { force?: boolean } = {}): Promise<FactsPeek> {
    const st = this.state(ref);
    // Forced: the cache is not read, but what it holds stays served if the sources fail.
    if (opts.force) st.nextAttemptAt = 0;
    await this.run(ref, !!opts.force);
    const mem = this.cache.getMemory(ref.id);
    if (st.unsupported) return { facts: mem?.facts, state: 'unknown', message: st.unsupported };
    if (this.sources.offline) return { facts: mem?.facts, state: 'offline', message: mem ? undefined : 'offline: niet in de cache' };
    // A failed refresh of facts still fresh enough is no failure for the caller.
    const freshCache = !!mem && !opts.force && mem.expiresAt > Date.now();
    if (st.error && !freshCache) return { facts: mem?.facts, state: 'failed', message: retryText(st.error, st.nextAttemptAt - Date.now()), unreachable: unreachable(st.error) };
    return mem ? { facts: mem.facts, state: 'cached' } : { state: 'unknown' };
  }

  /** Download the paper's publication text as Markdown into the cache folder. */
  async downloadPaperText(ref: PaperRef): Promise<PaperTextResult> {
    if (!this.cache.dir) throw new SourceError('rejected', 'geen cachemap ingesteld');
    const mem = this.cache.getMemory(ref.id) ?? (await this.cache.get(ref.id));
    return downloadPaperText(ref, { koop: this.koop, cacheDir: this.cache.dir, offline: this.sources.offline, facts: mem?.facts });
  }

  private schedule(ref: PaperRef): void {
    if (this.disposed || this.inflight.has(ref.id)) return;
    void this.run(ref, false);
  }

  private run(ref: PaperRef, force: boolean): Promise<void> {
    const existing = this.inflight.get(ref.id);
    if (existing) return existing;
    const p = new Promise<void>((resolve) => {
      const task = () => {
        this.running++;
        this.lookup(ref, force)
          .catch(() => undefined)
          .finally(() => {
            this.running--;
            this.inflight.delete(ref.id);
            resolve();
            const next = this.queue.shift();
            if (next) next();
          });
      };
      if (this.running < this.concurrency) task();
      else this.queue.push(task);
    });
    this.inflight.set(ref.id, p);
    return p;
  }

  private emit(ref: PaperRef): void {
    const mem = this.cache.getMemory(ref.id);
    const st = this.state(ref);
    const peek: FactsPeek = st.error
      ? { facts: mem?.facts, state: mem ? 'cached' : 'failed', message: retryText(st.error, st.nextAttemptAt - Date.now()), unreachable: unreachable(st.error) }
      : mem
        ? { facts: mem.facts, state: this.sources.offline ? 'offline' : 'cached' }
        : { state: this.sources.offline ? 'offline' : 'unknown' };
    for (const l of this.listeners) {
      try {
        l(ref, peek);
      } catch {
        // A listener's failure is its own.
      }
    }
  }

  private async lookup(ref: PaperRef, force: boolean): Promise<void> {
    const st = this.state(ref);
    const route = routeOf(ref);
    const now = Date.now();
    if (!force) {
      const cached = await this.cache.get(ref.id);
      if (cached && (cached.expiresAt > now || this.sources.offline)) {
        this.emit(ref);
        return;
      }
    }
    if (this.sources.offline) {
      st.offlineChecked = true;
      this.emit(ref);
      return;
    }
    if (!force && st.error && now < st.nextAttemptAt) return;
    if (!route) {
      st.unsupported = 'geen bron voor dit soort verwijzing';
      this.emit(ref);
      return;
    }
    const held = this.hold.get(route);
    try {
      // While the source is held, fail at once: a letter with sixty references must not wait
      // sixty timeouts when the source is down.
      if (held && Date.now() < held.until && !force) throw held.error;
      const facts = await this.fetchFacts(ref, route);
      this.hold.delete(route);
      if (st.timer) clearTimeout(st.timer);
      st.error = undefined;
      st.failures = 0;
      st.nextAttemptAt = 0;
      await this.cache.put(facts).catch(() => undefined);
      this.emit(ref);
    } catch (e) {
      const err = e instanceof SourceError ? e : new SourceError('malformed', 'bron gaf een onverwacht antwoord');
      st.failures++;
      const backoff = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (st.failures - 1));
      const delay = Math.max(backoff, err.retryAfterMs ?? 0);
      st.error = err;
      st.nextAttemptAt = Date.now() + delay;
      if (['rate-limited', 'timeout', 'unreachable', 'server-error'].includes(err.kind)) {
        const cur = this.hold.get(route);
        if (!cur || cur.until < st.nextAttemptAt) this.hold.set(route, { until: st.nextAttemptAt, error: err });
      }
      if (st.timer) clearTimeout(st.timer);
      if (st.failures <= this.autoRetries && !this.disposed) {
        st.timer = setTimeout(() => this.schedule(ref), delay);
        st.timer.unref?.();
      }
      this.emit(ref);
    }
  }

  private async fetchFacts(ref: PaperRef, route: 'tk' | 'koop'): Promise<PaperFacts> {
    const now = new Date();
    if (route === 'koop') {
      const r = await this.koop.lookup(ref.id);
      if ('meta' in r) return metaToFacts(r.meta, now);
      return notFoundFacts(ref.id, ref.kamer, 'officielebekendmakingen', now.toISOString());
    }
    let tkFacts: PaperFacts;
    try {
      tkFacts = await this.tk.lookup({ id: ref.id, dossier: ref.dossier!, toevoeging: ref.toevoeging, number: ref.number! }, now);
    } catch (e) {
      // The Tweede Kamer source is down: the publication platform knows the paper too.
      try {
        const r = await this.koop.lookup(ref.id);
        if ('meta' in r) return metaToFacts(r.meta, now);
      } catch {
        // Report the first source's failure.
      }
      throw e;
    }
    if (tkFacts.found) return tkFacts;
    // Not in the Tweede Kamer data (e.g. before 2008): ask the publication platform.
    try {
      const r = await this.koop.lookup(ref.id);
      if ('meta' in r) {
        const f = metaToFacts(r.meta, now);
        return { ...f, highestNumber: tkFacts.highestNumber, dossierTitle: f.dossierTitle ?? tkFacts.dossierTitle };
      }
    } catch {
      // The Tweede Kamer answer stands.
    }
    return tkFacts;
  }

  dispose(): void {
    this.disposed = true;
    for (const st of this.states.values()) if (st.timer) clearTimeout(st.timer);
    this.listeners.clear();
  }
}
