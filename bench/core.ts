// Entry of the core as the benchmark measures it: bundled by esbuild like dist/server.js, so the
// figures are those of the shipped code (run through tsx, every import of a constant or function
// across modules is a getter call, which costs a quarter to a third of the analysis time).
export { analyze } from '../server/src/core/analyze';
export { findCitations } from '../server/src/core/citations';
export { findCommitments } from '../server/src/core/commitments';
