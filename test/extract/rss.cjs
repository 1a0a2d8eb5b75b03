// Preloaded into the CLI by the hostile-file tests: prints the process's peak RSS (worker
// threads included) on stderr when it exits, so a test can bound the memory a file cost.
// Linux's VmHWM is the high-water mark of this program's own address space (it starts afresh at
// exec); getrusage's maxRSS, the fallback elsewhere, carries over the parent's from the fork, so
// a test process that grew would show through.
const proc = globalThis.process;
// (a preload without require's lint: Node 20.16+ hands out built-in modules from process)
const fs = proc.getBuiltinModule?.('node:fs');
proc.on('exit', () => {
  let kb = proc.resourceUsage().maxRSS;
  try {
    const m = fs && /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {
    // not Linux: maxRSS
  }
  proc.stderr.write(`\n[peak-rss-kb ${kb}]\n`);
});
