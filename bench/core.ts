// Entry of the core as the benchmark measures it: bundled by esbuild like dist/server.js, so the
// figures are those of the shipped code (run through tsx, every import of a constant or function
// across modules is a getter call, which costs a quarter to a third of the analysis time).
import { createAnalyzer } from '../server/src/core/analyzer';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
export { findCitations } from '../server/src/core/citations';
export { findCommitments } from '../server/src/core/commitments';

// One analyzer, as the language server has: its caches carry over from one analysis to the next,
// as they do between a letter's versions in the editor.
const analyzer = createAnalyzer();

/** The editor's analysis of one version: `analyze` then `diagnose` (no workspace, no question letter). */
export function analyze(text: string) {
  const a = analyzer.analyze(text);
  return { ...a, findings: analyzer.diagnose(a, { today: null }, DEFAULT_SETTINGS).findings };
}
