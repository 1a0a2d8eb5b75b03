// Drives a real VS Code (code-server 4.100.x in Debian's chromium, through playwright-core) with the
// packaged .vsix installed, the way a drafter uses it. Every wait is on what the page shows; there
// are no fixed sleeps. See ../../../shared/E2E.md for where the recipe comes from.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
export const RESULTS = join(ROOT, 'test-results/e2e');
export const CODE_SERVER = join(ROOT, '.e2e/code-server/node_modules/.bin/code-server');

/** Why the e2e suite cannot run here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CODE_SERVER)) return 'code-server is niet geïnstalleerd: draai scripts/setup-e2e.sh';
  if (!chromiumPath()) return 'chromium is niet geïnstalleerd: draai scripts/setup-e2e.sh';
  return null;
}

export function chromiumPath(): string | null {
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** Builds the .vsix exactly as `npm run package` does, into a folder of its own. */
export function packageVsix(dir: string): string {
  const out = join(dir, 'antwoordbrief.vsix');
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`code-server stopte (code ${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server antwoordde niet binnen ${timeoutMs} ms:\n${log()}`);
}

export interface Session {
  page: Page;
  /** Process ids of the running Antwoordbrief language server(s) of this session. */
  serverPids(): number[];
  workspace: string;
  activationLog: string;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Installs the .vsix into a throwaway extensions folder, starts code-server on loopback over
 * `workspace`, and opens it in headless chromium.
 */
export async function startSession(opts: { vsix: string; workspace: string; scratch: string; settings?: Record<string, unknown> }): Promise<Session> {
  const { chromium } = await import('playwright-core');
  const ext = join(opts.scratch, 'extensions');
  const data = join(opts.scratch, 'user-data');
  const activationLog = join(opts.scratch, 'activation.jsonl');
  mkdirSync(join(data, 'User'), { recursive: true });
  const settingsFile = join(data, 'User/settings.json');
  const baseSettings = {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.editor.enablePreview': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.ignoreRecommendations': true,
      'extensions.autoUpdate': false,
      'git.enabled': false,
      'editor.minimap.enabled': false,
      'editor.hover.delay': 100,
      'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
      'editor.wordBasedSuggestions': 'off',
      'editor.suggestOnTriggerCharacters': false,
      'markdown.validate.enabled': false,
      'chat.disableAIFeatures': true,
      'outline.collapseItems': 'alwaysExpand',
      'antwoordbrief.bronnen.offline': true,
      ...opts.settings,
  };
  writeFileSync(settingsFile, JSON.stringify(baseSettings));
  const config = join(opts.scratch, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, ANTWOORDBRIEF_ACTIVATION_LOG: activationLog, XDG_CONFIG_HOME: join(opts.scratch, 'xdg') };
  const install = spawnSync(CODE_SERVER, ['--config', config, '--extensions-dir', ext, '--user-data-dir', data, '--install-extension', opts.vsix], { encoding: 'utf8', env });
  if (install.status !== 0) throw new Error(`--install-extension mislukte:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  let output = '';
  const child = spawn(
    CODE_SERVER,
    ['--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--extensions-dir', ext, '--user-data-dir', data,
      '--disable-telemetry', '--disable-workspace-trust', '--disable-update-check', '--disable-getting-started-override', opts.workspace],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const stopServer = () => {
    // code-server leaves file watcher children behind: stop the whole process group we started.
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  let browser: Browser | undefined;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, () => output);
    browser = await chromium.launch({
      executablePath: chromiumPath()!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    // Generous: on a shared two-core machine the extension host can take most of a minute to start.
    page.setDefaultTimeout(90_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    mkdirSync(RESULTS, { recursive: true });
    let n = 0;
    const b = browser;
    return {
      page,
      serverPids: () => serverPids(ext),
      workspace: opts.workspace,
      activationLog,
      async shot(name) {
        const file = join(RESULTS, `${String(++n).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async close() {
        await b.close().catch(() => undefined);
        stopServer();
        writeFileSync(join(RESULTS, 'code-server.log'), output);
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    stopServer();
    throw err;
  }
}

/** Processes whose command line runs the server bundle from this session's extensions folder. */
function serverPids(extensionsDir: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes(extensionsDir) && cmd.includes('dist/server.js')) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** A scratch folder under the system's temporary folder, removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readActivation(file: string): { activateMs: number; readyMs: number }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

// ---- What the drafter sees -------------------------------------------------------------------

const NBSP = /\u00a0/g;
export const clean = (s: string) => s.replace(NBSP, ' ');

/** Opens a file by clicking its name in the explorer (Ctrl+P is not reliable in code-server) and waits for its text. */
export async function openFile(page: Page, name: string, firstLineText: string): Promise<void> {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).click();
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await activeEditor(page).locator('.view-line', { hasText: firstLineText }).first().waitFor();
}

export function activeEditor(page: Page) {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** The visible lines of the active editor (text with plain spaces). */
export async function visibleLines(page: Page): Promise<string[]> {
  return activeEditor(page).evaluate((ed) => {
    const lines = [...ed.querySelectorAll('.view-lines .view-line')] as any[];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
  });
}

/**
 * Clicks the middle of `needle` on the first visible line with `lineText` (see `pointOf`) and makes
 * sure the cursor landed on that line: a view zone that appears meanwhile (the code lens above
 * line 1 comes when the server answers) shifts the lines under the mouse; then it clicks again.
 */
export async function clickOn(page: Page, lineText: string, needle: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const p = await pointOf(page, lineText, needle);
    await page.mouse.click(p.x, p.y);
    const want = await lineNumberOf(page, lineText);
    const landed = await until(`cursor op regel ${want}`, async () => (await cursorPosition(page)).line === want, 2000).then(() => true, () => false);
    if (landed) return;
    if (attempt >= 5) throw new Error(`de klik op "${needle}" kwam niet op regel ${want} ("${lineText}"), maar op regel ${(await cursorPosition(page)).line}`);
  }
}

/** The 1-based line number shown beside the first visible line of the active editor that contains `lineText`. */
export async function lineNumberOf(page: Page, lineText: string): Promise<number> {
  const n = await activeEditor(page).evaluate((ed, lineText) => {
    const line = ([...ed.querySelectorAll('.view-lines .view-line')] as any[]).find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(lineText));
    if (!line) return null;
    const top = line.getBoundingClientRect().top;
    const numbers = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')] as any[];
    const beside = numbers.find((x) => Math.abs(x.getBoundingClientRect().top - top) < 3);
    return beside ? Number((beside.textContent ?? '').trim()) : null;
  }, lineText);
  if (!n) throw new Error(`geen regelnummer naast "${lineText}"`);
  return n;
}

/** Screen point at the middle of `needle` on the first visible line of the active editor that contains `lineText`. */
export async function pointOf(page: Page, lineText: string, needle: string): Promise<{ x: number; y: number }> {
  const p = await activeEditor(page).evaluate(
    (ed, [lineText, needle]) => {
      const lines = [...ed.querySelectorAll('.view-lines .view-line')] as any[];
      for (const line of lines) {
        const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        if (!text.includes(lineText)) continue;
        const at = text.indexOf(needle);
        if (at < 0) continue;
        const doc = (globalThis as any).document;
        const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
        let offset = 0;
        const range = doc.createRange();
        let startSet = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent!.length;
          const mid = at + Math.floor(needle.length / 2);
          if (!startSet && mid < offset + len) {
            range.setStart(node, mid - offset);
            range.setEnd(node, mid - offset + 1);
            startSet = true;
            break;
          }
          offset += len;
        }
        if (!startSet) continue;
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [lineText, needle] as const,
  );
  if (!p) throw new Error(`"${needle}" niet gevonden op een zichtbare regel met "${lineText}"`);
  return p;
}

/** The text of the visible line at the vertical position of each squiggle of the given kind. */
export async function squiggleLines(page: Page, kind: 'error' | 'warning' | 'info'): Promise<string[]> {
  return activeEditor(page).evaluate((ed, kind) => {
    const lines = [...ed.querySelectorAll('.view-lines .view-line')] as any[];
    const out: string[] = [];
    for (const sq of ed.querySelectorAll(`.squiggly-${kind}`)) {
      const y = sq.getBoundingClientRect().top;
      const line = lines.find((l) => Math.abs(l.getBoundingClientRect().top - y) < 3);
      out.push((line?.textContent ?? '?').replace(/\u00a0/g, ' '));
    }
    return out;
  }, kind);
}

/** Runs a command from the palette by its (Dutch) title; `opensList`: the command shows a list of its own, so the quick input stays open. */
export async function runCommand(page: Page, title: string, opts: { opensList?: boolean } = {}): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  // Click the row itself: Enter would run whichever entry the fuzzy match put first.
  await row.click();
  if (opts.opensList) return;
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor to a 1-based line through the quick open ":" entry, which also scrolls it into view. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await until(`cursor op regel ${line}`, async () => (await cursorPosition(page)).line === line);
}

/** "Ln 12, Col 3" from the status bar, as 1-based numbers. */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number }> {
  const item = page.locator('#status\\.editor\\.selection');
  await item.waitFor();
  const text = await item.innerText();
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  if (!m) throw new Error(`onverwachte cursorpositie: ${text}`);
  return { line: Number(m[1]), column: Number(m[2]) };
}

/** Waits until `fn` returns a truthy value, polling what the page shows. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Wachten op ${what} duurde langer dan ${timeoutMs} ms${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The median of some numbers (the upper one of the middle two). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Open → first squiggle in a fresh window, `runs` times (issue 11): clicks `file` in the explorer
 * and times until the first error or warning squiggle shows in its editor; then closes every
 * editor and reloads the window (a new extension host) before the next run; the first run is in
 * the window as it is. With `afterStartup` each click waits until the window has started (the
 * extension activated on `onStartupFinished`, seen in the activation log), as when a drafter
 * opens a letter in a window that is up; without it the click comes as soon as the explorer
 * shows, while the extension host may still be starting. Returns the times in milliseconds.
 */
export async function measureFirstSquiggle(session: Session, file: string, runs: number, opts: { afterStartup: boolean }): Promise<number[]> {
  const { page } = session;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const activations = readActivation(session.activationLog).length;
    if (i > 0) {
      await runCommand(page, 'Developer: Reload Window');
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      if (opts.afterStartup) await until('activering bij het opstarten', async () => readActivation(session.activationLog).length > activations, 120_000);
    }
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${file}"]`);
    await row.waitFor({ timeout: 60_000 });
    const t0 = performance.now();
    await row.click();
    await activeEditor(page).locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: 120_000 });
    times.push(performance.now() - t0);
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tab').first().waitFor({ state: 'detached' });
  }
  return times;
}
