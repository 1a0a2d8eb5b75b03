// How the server's heap grows (issue 10: peak memory <= 100 MB + 15 x the letter's size).
import * as v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past what was live after a full garbage collection before it
 * collects again, in percent. V8's own factor is up to 4 for a heap that allocates fast, as the
 * analysis of a long letter does: every keystroke in a 10 MB letter makes a new analysis of tens
 * of MB while the live data stays near 100 MB, and with the default the heap (and the resident
 * set) grew to 600-800 MB before the garbage of earlier keystrokes was collected. With 10 the
 * heap stays within 1.1 x its live data, at the cost of more frequent full collections, each of
 * them a few tens of ms for such a letter, beside an analysis of one to two seconds (with 20,
 * typing bursts in a 10 MB letter still peaked at 273 MB; with 10 at 229 MB, the goal being 245).
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Set how V8 grows this process's heap: the old generation to `percent` past its live data
 * (`HEAP_GROWING_PERCENT`), and the young generation not at all (`--semi-space-growth-factor=1`:
 * its two semi-spaces stay at their first size of about 1 MB instead of growing to 16 MB each,
 * which was a third of the peak with a 1 MB letter; more objects reach the old generation, whose
 * limit the first flag keeps close). V8 reads both flags when it next sizes a space, so setting
 * them after start takes effect from the next collection on. `--max-semi-space-size` and the
 * like are fixed at start and cannot be set here, and the server cannot choose how it is
 * started (VS Code, Neovim and the tests each start `dist/server.js` their own way).
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
