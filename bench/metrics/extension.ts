// The extension as shipped: the .vsix size, and activation time. Activation is measured two ways:
// - `server-ready-ipc`: what the client's start does, without VS Code: fork the production server
//   bundle with a Node IPC channel and wait for the `initialize` answer, beside the floor F_spawn
//   (fork `node -e 0` and wait for it to exit), interleaved; always available.
// - `extension-activation` / `extension-ready`: in a real VS Code (code-server, when
//   scripts/setup-e2e.sh has installed it), the time the extension itself reports from the first
//   line of activate() until it returned / until the language client ran, over window reloads.
// - `first-squiggle`: in the same VS Code, from clicking a letter in the explorer of a new window
//   (a new extension host) to its first squiggle, median over reloads (issue 11: ≤ 1.5 s).
import { fork } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { interleaved, record, stats, note, ROOT, type Context } from '../lib';

/** The bar for activation; held absolutely only for the synchronous activate(). */
const TARGET_MS = 150;
const VSIX_LIMIT = 1024 * 1024;

async function serverReady(serverJs: string): Promise<void> {
  const child = fork(serverJs, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {} });
  } finally {
    conn.dispose();
    child.kill();
  }
}

async function spawnFloor(): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const child = fork('-e', ['0'], { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    child.once('exit', () => ok());
    child.once('error', fail);
  });
}

export async function run(ctx: Context): Promise<void> {
  const { packageVsix, missingPrerequisite, startSession, openFile, readActivation, runCommand, scratchDir, measureFirstSquiggle } = await import('../../test/e2e/harness');
  const scratch = scratchDir('antwoordbrief-bench-ext-');
  try {
    const vsix = packageVsix(scratch.dir);
    const size = statSync(vsix).size;
    ctx.emit({ ...record({ metric: 'vsix-size', doc: 'antwoordbrief.vsix', bytes: size, median_ms: 0, p95_ms: 0, floor: 'none', floor_ms: 0, ratio: size / VSIX_LIMIT, target: 'bytes <= 1 MB' }), ok: size <= VSIX_LIMIT });

    // The production server bundle, as the .vsix holds it.
    const unpacked = join(scratch.dir, 'prod');
    mkdirSync(unpacked);
    const esbuild = await import('esbuild');
    // Exactly the shipped bundles: server.js and the sources bundle it loads on demand.
    const { serverBundles } = (await import(join(ROOT, 'scripts/bundles.mjs'))) as { serverBundles: (dir: string, o: object) => object[] };
    for (const o of serverBundles(unpacked, { production: true, absWorkingDir: ROOT })) await esbuild.build(o);
    // F_lsp: the same LSP library answering initialize with nothing else loaded; what lies between it
    // and server-ready-ipc is the cost of our own code and dependencies at start.
    writeFileSync(join(unpacked, 'minimal.ts'), "import { createConnection } from 'vscode-languageserver/node';\nconst c = createConnection();\nc.onInitialize(() => ({ capabilities: {} }));\nc.listen();\n");
    await esbuild.build({ entryPoints: [join(unpacked, 'minimal.ts')], outfile: join(unpacked, 'minimal.js'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
    const r = await interleaved(() => serverReady(join(unpacked, 'server.js')), { F_spawn: spawnFloor, F_lsp: () => serverReady(join(unpacked, 'minimal.js')) }, Math.max(15, ctx.iterations));
    const bytes = statSync(join(unpacked, 'server.js')).size;
    ctx.emit(record({ metric: 'F_spawn', doc: 'node -e 0', bytes: 0, median_ms: r.floors.F_spawn.median, p95_ms: r.floors.F_spawn.p95, floor: 'F_spawn', floor_ms: r.floors.F_spawn.median, ratio: 1 }));
    ctx.emit(record({ metric: 'F_lsp', doc: 'minimal LSP server', bytes: statSync(join(unpacked, 'minimal.js')).size, median_ms: r.floors.F_lsp.median, p95_ms: r.floors.F_lsp.p95, floor: 'F_spawn', floor_ms: r.floors.F_spawn.median }));
    // Gated on the ratio (the machine is shared and noisy); the absolute figure is printed beside it.
    const ready = record({ metric: 'server-ready-ipc', doc: 'dist/server.js', bytes, median_ms: r.fn.median, p95_ms: r.fn.p95, floor: 'F_lsp', floor_ms: r.floors.F_lsp.median, target: `ratio <= 2 (and ${TARGET_MS} ms on an idle machine)` });
    ctx.emit({ ...ready, ok: ready.ratio <= 2 });

    const missing = missingPrerequisite();
    if (missing || process.env.ANTWOORDBRIEF_BENCH_NO_VSCODE) {
      note(`extension-activation in VS Code overgeslagen: ${missing ?? 'ANTWOORDBRIEF_BENCH_NO_VSCODE is gezet'}`);
      return;
    }
    const workspace = join(scratch.dir, 'werkmap');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'brief.md'), '## Vraag 1\n\nKlopt dit?\n\n## Antwoord 1\n\nJa.\n\n## Vraag 2\n\nEn dat?\n\n## Antwoord 2\n');
    const session = await startSession({ vsix, workspace, scratch: join(scratch.dir, 'cs') });
    try {
      await openFile(session.page, 'brief.md', 'Vraag 1');
      const reloads = 5;
      const until = async (n: number) => {
        const deadline = Date.now() + 60_000;
        while (readActivation(session.activationLog).length < n) {
          if (Date.now() > deadline) throw new Error('de extensie activeerde niet na herladen');
          await new Promise((res) => setTimeout(res, 100));
        }
      };
      await until(1);
      for (let i = 1; i <= reloads; i++) {
        await runCommand(session.page, 'Developer: Reload Window');
        await session.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await until(i + 1);
      }
      const all = readActivation(session.activationLog);
      // The first activation shares the machine with the workbench's own first load; reloads are what a drafter sees daily.
      const warm = all.slice(1);
      const act = stats(warm.map((x) => x.activateMs));
      const rdy = stats(warm.map((x) => x.readyMs));
      const floor = r.floors.F_lsp.median;
      ctx.emit({ ...record({ metric: 'extension-activation', doc: 'code-server 4.100', bytes: size, median_ms: act.median, p95_ms: act.p95, floor: 'F_lsp', floor_ms: floor, target: `median <= ${TARGET_MS} ms` }), ok: act.median <= TARGET_MS });
      const er = record({ metric: 'extension-ready', doc: 'code-server 4.100', bytes: size, median_ms: rdy.median, p95_ms: rdy.p95, floor: 'F_lsp', floor_ms: floor, target: 'ratio <= 3' });
      ctx.emit({ ...er, ok: er.ratio <= 3 });
      note(`extension activation (first load, cold): activate ${all[0].activateMs.toFixed(1)} ms, ready ${all[0].readyMs.toFixed(1)} ms; ${warm.length} reloads`);

      // Open → first squiggle in a new window: close the letter, reload, click it, wait for the squiggle.
      await runCommand(session.page, 'View: Close All Editors');
      await runCommand(session.page, 'Developer: Reload Window');
      await session.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const FIRST_SQUIGGLE_MS = 1500;
      for (const afterStartup of [true, false]) {
        // Each run in a new window; the first run of each series is after an extra reload.
        const times = (await measureFirstSquiggle(session, 'brief.md', 7, { afterStartup })).slice(1);
        const sq = stats(times);
        const doc = afterStartup ? 'code-server 4.100, new window, started' : 'code-server 4.100, new window, at once';
        ctx.emit({ ...record({ metric: 'first-squiggle', doc, bytes: size, median_ms: sq.median, p95_ms: sq.p95, floor: 'F_lsp', floor_ms: floor, target: `median <= ${FIRST_SQUIGGLE_MS} ms` }), ok: sq.median <= FIRST_SQUIGGLE_MS });
        note(`open → first squiggle (${doc}): median ${sq.median.toFixed(0)} ms (goal ≤ ${FIRST_SQUIGGLE_MS} ms); runs ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
      }
    } finally {
      await session.close();
    }
  } finally {
    scratch.remove();
  }
}
