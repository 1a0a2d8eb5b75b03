/**
 * Issue 11 (the new-user trial): when the sources cannot be reached, the drafter hears it once,
 * calmly, with what to do — through the real language server. The sources point at a port where
 * nothing listens (connection refused, no network needed). The output channel gets one line for
 * all papers and retries; the hover adds after the failed attempt that the sources are not
 * reachable now and names the offline setting; no countdown, no technical reason in the hover.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { tempDir } from './helpers';
import { LspClient, positionOf } from '../server/lsp-client';

function hoverText(h: any): string {
  const md: string = typeof h?.contents === 'string' ? h.contents : h?.contents?.value ?? '';
  return md.replace(/\\(.)/g, '$1');
}

/** A local address where nothing listens: a port taken and given back. */
async function closedUrl(): Promise<string> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  let v = await get();
  while (!ok(v)) {
    if (Date.now() > end) assert.fail(`${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await get();
  }
  return v;
}

test('sources unreachable: one calm line in the output channel, and the hover names the offline setting after the failed attempt', async () => {
  const url = await closedUrl();
  const dir = tempDir();
  const settings = { bronnen: { adresTweedeKamer: url, adresOfficiëleBekendmakingen: url, wachttijdMilliseconden: 2000, offline: false }, cachemap: dir.dir };
  const c = await LspClient.start({ settings, initializationOptions: { defaultCacheDir: dir.dir } });
  try {
    const uri = 'file:///tmp/antwoordbrief-unreachable/brief.md';
    const text = 'Zie Kamerstuk 36 410 VIII, nr. 82, Kamerstuk 36 410 VIII, nr. 106 en Kamerstuk 31 293, nr. 700.\n';
    await c.open(uri, text);
    await c.diagnostics(uri, 1);
    const at = positionOf(text, 'Kamerstuk 36 410 VIII, nr. 82', 3);
    const hover = await until(
      'hover after the failed attempt',
      async () => hoverText(await c.hover(uri, at)),
      (h) => /niet bereikbaar/.test(h),
    );
    assert.match(hover, /De gegevens uit de bronnen volgen zodra de bron bereikbaar is\. De bronnen zijn nu niet bereikbaar; zonder netwerk: zet de instelling Bronnen: offline aan\./);
    assert.doesNotMatch(hover, /nieuwe poging|over \d+ s|verbinding geweigerd|ECONNREFUSED/);
    // Every paper failed; the output channel said it once, in Dutch, with what to do.
    for (const p of ['Kamerstuk 36 410 VIII, nr. 106', 'Kamerstuk 31 293, nr. 700']) {
      await until(`hover on ${p}`, async () => hoverText(await c.hover(uri, positionOf(text, p, 3))), (h) => /niet bereikbaar/.test(h));
    }
    const said = c.logs.filter((l) => /bronnen zijn nu niet bereikbaar/.test(l));
    assert.equal(said.length, 1, c.logs.join('\n'));
    assert.match(said[0], /zet de instelling Bronnen: offline aan/);
    assert.doesNotMatch(said[0], /nieuwe poging over/);
    // Switching offline: the hover says offline instead, without the hint.
    await c.configure({ ...settings, bronnen: { ...settings.bronnen, offline: true } });
    const off = await until('offline hover', async () => hoverText(await c.hover(uri, at)), (h) => /Offline/.test(h));
    assert.doesNotMatch(off, /niet bereikbaar/);
  } finally {
    await c.shutdown().catch(() => c.kill());
    dir.cleanup();
  }
});
