import * as esbuild from 'esbuild';
const r = await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, metafile: true, write: false, entryPoints: ['server/src/server.ts'], outfile: 'x.js', logLevel: 'error' });
const out = Object.values(r.metafile.outputs)[0];
console.log('total', out.bytes);
const byPkg = {};
for (const [f, v] of Object.entries(out.inputs)) { const m = f.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); const k = m ? m[1] : f.split('/').slice(0,3).join('/'); byPkg[k] = (byPkg[k]||0) + v.bytesInOutput; }
for (const [k, v] of Object.entries(byPkg).sort((a,b)=>b[1]-a[1]).slice(0,25)) console.log(String(v).padStart(8), k);
