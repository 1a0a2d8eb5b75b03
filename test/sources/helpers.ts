import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PaperRef } from '../../server/src/core/citations/types';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/host/settings';
import { FactsService, type FactsServiceOptions } from '../../server/src/sources/service';
import type { ReplayServer } from '../support/replay-server';

/** A kamerstuk reference as the citation recognizer gives it. */
export function kst(id: string, extra: Partial<PaperRef> = {}): PaperRef {
  const m = /^kst-(\d+)(?:-([A-Za-z0-9]+))?-([A-Za-z0-9]+)$/.exec(id);
  if (!m) throw new Error('bad id ' + id);
  const [, dossier, toevoeging, number] = m;
  return {
    kind: 'kamerstuk',
    id,
    dossier,
    toevoeging: toevoeging ?? null,
    number,
    kamer: /^\d+$/.test(number) ? 'II' : 'I',
    vergaderjaar: null,
    canonical: `Kamerstuk ${dossier.slice(0, 2)} ${dossier.slice(2)}${toevoeging ? ' ' + toevoeging : ''}, ${/^\d+$/.test(number) ? 'nr. ' : ''}${number}`,
    ...extra,
  };
}

export function tempDir(prefix = 'ab-src-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sourcesFor(server: ReplayServer, over: Partial<Settings['sources']> = {}): Settings['sources'] {
  return { ...DEFAULT_SETTINGS.sources, tweedekamerUrl: server.tkUrl, officielebekendmakingenUrl: server.koopUrl, timeoutMs: 2000, ...over };
}

export function service(server: ReplayServer, cacheDir: string | null, over: Partial<FactsServiceOptions> = {}, src: Partial<Settings['sources']> = {}): FactsService {
  return new FactsService({ sources: sourcesFor(server, src), cacheDir, retryBaseMs: 100, retryMaxMs: 2000, ...over });
}

/** Wait until `cond` holds (polling), failing after `ms`. */
export async function until(cond: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 10));
  }
}
