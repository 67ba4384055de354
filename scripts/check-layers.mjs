// The architecture's gates that the compiler does not check (docs/architecture.md):
// - no cycle among the top-level modules of any crate of ours (a file under src/x/ belongs
//   to module x; the crate root, which declares them all, is left out);
// - no source file over 500 lines (Rust under crates/, the page's, the scripts' and the
//   tests' JavaScript), but the word catalogs (sspr-words' en, ja, audit_en, audit_ja,
//   page_en, page_ja) and the vendored phonenumber (upstream's files).
// Exits 1 with what it found. `node scripts/check-layers.mjs`.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const MAX_LINES = 500;
const CATALOGS = new Set(['en', 'ja', 'audit_en', 'audit_ja', 'page_en', 'page_ja'].map((c) => `crates/sspr-words/src/${c}.rs`));
const problems = [];

const files = (dir, ext = /\.rs$/) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
});

const tooLong = (f) => {
  const lines = readFileSync(f, 'utf8').split('\n').length;
  const shown = relative(root, f);
  if (lines > MAX_LINES && !CATALOGS.has(shown)) problems.push(`${shown}: ${lines} lines (at most ${MAX_LINES} outside the word catalogs)`);
};
// Everything of ours but src/ (checked below with the modules): tests, examples, benches,
// build scripts; and the JavaScript.
for (const crate of readdirSync(join(root, 'crates'))) {
  for (const f of files(join(root, 'crates', crate))) if (!relative(join(root, 'crates', crate), f).startsWith('src/')) tooLong(f);
}
for (const dir of ['web/src', 'scripts', 'tests/e2e', 'tests/bench']) {
  for (const f of files(join(root, dir), /\.m?js$/)) if (!f.includes('/peer/')) tooLong(f);
}

for (const crate of readdirSync(join(root, 'crates'))) {
  const src = join(root, 'crates', crate, 'src');
  if (!existsSync(src)) continue;
  const all = files(src);
  // The top-level modules: src/x.rs and src/x/.
  const modules = new Set(readdirSync(src).filter((n) => n !== 'lib.rs' && n !== 'main.rs').map((n) => n.replace(/\.rs$/, '')));
  const edges = new Map([...modules].map((m) => [m, new Set()]));
  for (const f of all) {
    const rel = relative(src, f);
    const text = readFileSync(f, 'utf8');
    tooLong(f);
    const own = rel.split('/')[0].replace(/\.rs$/, '');
    if (!modules.has(own)) continue;
    // `crate::x` anywhere; `super::x` from a top-level file (its super is the root).
    const refs = [...text.matchAll(/\bcrate::([a-z_][a-z0-9_]*)/g)].map((m) => m[1]);
    if (!rel.includes('/')) refs.push(...[...text.matchAll(/\bsuper::([a-z_][a-z0-9_]*)/g)].map((m) => m[1]));
    for (const r of refs) if (r !== own && modules.has(r)) edges.get(own).add(r);
  }
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set();
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of edges.get(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1) problems.push(`crates/${crate}: a cycle among the modules ${scc.sort().join(', ')}`);
    }
  };
  for (const m of modules) if (!idx.has(m)) visit(m);
}

if (problems.length) {
  console.error(`check-layers: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('check-layers: no module cycle in any crate of ours, no source file of ours over 500 lines outside the word catalogs');
