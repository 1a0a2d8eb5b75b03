/**
 * Disk cache of paper facts: one JSON file per paper under `<dir>/facts/`, written atomically
 * (write-file-atomic: temp file + rename) under a cross-process lock (proper-lockfile) so two
 * editor windows, or a window and a CLI run, never tear or lose an entry. A damaged file is
 * discarded. An LRU in memory sits in front.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { LRUCache } from 'lru-cache';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { PaperFacts } from '../core/facts';

const FORMAT = 1;

export interface CacheEntry {
  facts: PaperFacts;
  /** Epoch ms after which the entry is stale (served, but refreshed). */
  expiresAt: number;
}

interface StoredEntry extends CacheEntry {
  format: number;
  id: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** How long facts stay fresh: a decided motion long, a pending one short. */
export function ttlFor(f: PaperFacts): number {
  if (!f.found) return DAY;
  if (f.isMotion) return f.motion?.outcome && f.motion.outcome !== 'aangehouden' ? 30 * DAY : 6 * HOUR;
  return 7 * DAY;
}

/** File name for an id: identifiers are ASCII letters, digits and dashes; anything else encoded. */
export function fileNameOf(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, (c) => '_' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function validEntry(x: any, id: string): x is StoredEntry {
  return (
    x &&
    typeof x === 'object' &&
    x.format === FORMAT &&
    x.id === id &&
    typeof x.expiresAt === 'number' &&
    x.facts &&
    typeof x.facts === 'object' &&
    x.facts.id === id &&
    typeof x.facts.found === 'boolean' &&
    Array.isArray(x.facts.signers) &&
    typeof x.facts.fetchedAt === 'string'
  );
}

export class FactsCache {
  private readonly memory = new LRUCache<string, CacheEntry>({ max: 5000 });
  readonly factsDir: string | null;

  /** `dir` null: memory only (no cache folder given). */
  constructor(readonly dir: string | null) {
    this.factsDir = dir ? path.join(dir, 'facts') : null;
  }

  private fileOf(id: string): string {
    return path.join(this.factsDir!, fileNameOf(id) + '.json');
  }

  /** Memory first, then disk. Never throws: a damaged file is removed and reported as a miss. */
  async get(id: string): Promise<CacheEntry | undefined> {
    const hit = this.memory.get(id);
    if (hit) return hit;
    const disk = await this.readDisk(id);
    if (disk) this.memory.set(id, disk);
    return disk;
  }

  /** Memory only (synchronous): what `peek` may use. */
  getMemory(id: string): CacheEntry | undefined {
    return this.memory.get(id);
  }

  private async readDisk(id: string): Promise<CacheEntry | undefined> {
    if (!this.factsDir) return undefined;
    const file = this.fileOf(id);
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const x = JSON.parse(text);
      if (validEntry(x, id)) return { facts: x.facts, expiresAt: x.expiresAt };
    } catch {
      // fall through: damaged
    }
    await fsp.rm(file, { force: true }).catch(() => undefined);
    return undefined;
  }

  /**
   * Store facts. Read-modify-write under a lock: an entry fetched later by another process is
   * not overwritten by older facts.
   */
  async put(facts: PaperFacts, now = Date.now()): Promise<void> {
    const entry: CacheEntry = { facts, expiresAt: now + ttlFor(facts) };
    this.memory.set(facts.id, entry);
    if (!this.factsDir) return;
    await fsp.mkdir(this.factsDir, { recursive: true });
    const file = this.fileOf(facts.id);
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        stale: 10_000,
        retries: { retries: 200, minTimeout: 2, maxTimeout: 25, factor: 1.3 },
      });
      const existing = await this.readDisk(facts.id);
      if (existing && existing.facts.fetchedAt > facts.fetchedAt) {
        this.memory.set(facts.id, existing);
        return;
      }
      const stored: StoredEntry = { format: FORMAT, id: facts.id, facts, expiresAt: entry.expiresAt };
      await writeFileAtomic(file, JSON.stringify(stored), { fsync: false });
    } finally {
      if (release) await release().catch(() => undefined);
    }
  }

  /** Forget an entry in memory (the next `get` reads the disk). */
  forgetMemory(id: string): void {
    this.memory.delete(id);
  }
}
