// Preloaded into the CLI by the hostile-file tests: prints the process's peak RSS (worker
// threads included) on stderr when it exits, so a test can bound the memory a file cost.
process.on('exit', () => {
  process.stderr.write(`\n[peak-rss-kb ${process.resourceUsage().maxRSS}]\n`);
});
