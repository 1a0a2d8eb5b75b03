// Preloaded into a real CLI or server process (`node -r test/support/fs-count.cjs …`) by the walk
// tests: counts the folder listings (`opendir`) and looks (`stat`) through node:fs/promises, the
// only way host/read.ts walks and looks at files, and writes the counts to $ANTWOORDBRIEF_FS_COUNT
// after each call, so a test can read them while the process runs.
// (a preload without require's lint: Node 20.16+ hands out built-in modules from process)
const proc = globalThis.process;
const fsp = proc.getBuiltinModule('node:fs/promises');
const { writeFileSync } = proc.getBuiltinModule('node:fs');
const counts = { opendir: 0, stat: 0 };
const out = proc.env.ANTWOORDBRIEF_FS_COUNT;
for (const name of Object.keys(counts)) {
  const original = fsp[name];
  fsp[name] = function counted(...args) {
    counts[name]++;
    if (out) writeFileSync(out, JSON.stringify(counts));
    return original.apply(this, args);
  };
}
