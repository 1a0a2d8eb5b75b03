// Timing for the linear-time tests.

/**
 * Fastest CPU time (ms) of `fn` over each input across `runs` interleaved rounds (a, b, a, b, …):
 * CPU time of this process only, and the minimum, so other work on a shared machine does not
 * count. With `warmup`, each input runs once untimed first.
 */
export function fastestCpu<T>(fn: (input: T) => unknown, inputs: T[], runs: number, warmup = true): number[] {
  const best = inputs.map(() => Infinity);
  if (warmup) inputs.forEach((x) => fn(x));
  for (let k = 0; k < runs; k++) {
    inputs.forEach((x, i) => {
      const t0 = process.cpuUsage();
      fn(x);
      const used = process.cpuUsage(t0);
      best[i] = Math.min(best[i], (used.user + used.system) / 1000);
    });
  }
  return best;
}
