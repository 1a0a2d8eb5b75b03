// Preloaded into the CLI by the hostile-file tests: prints the process's peak RSS (worker
// threads included) on stderr when it exits, so a test can bound the memory a file cost.
const proc = globalThis.process;
proc.on('exit', () => {
  proc.stderr.write(`\n[peak-rss-kb ${proc.resourceUsage().maxRSS}]\n`);
});
