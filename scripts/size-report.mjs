// Where every byte of the offline file goes (issue 27), and the gate that keeps it within
// its budget. Reads what `./dev build` left: dist/sspr-doctor.html, the engine with its
// function names (target/web-gen/sspr_doctor.named.wasm: the shipped module is this one
// without its custom sections, scripts/build-web.mjs), the page bundle's esbuild metafile,
// and the sources the engine's data comes from (the phone metadata shards, the word
// catalogs, the script templates).
//
//   node scripts/size-report.mjs            print the report (Markdown)
//   node scripts/size-report.mjs --json F   also write it as JSON (docs/size.json is the committed one)
//   node scripts/size-report.mjs --gate     exit 1 when the file is over its budget, naming the
//                                           parts that grew most since docs/size.json
//
// Every part is compressed alone (brotli quality 11, which is deterministic), so the parts
// add up to more than the file: brotli shares its window across parts in the file.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { dataSegments, functions, sections } from './wasm-sections.mjs';

const root = new URL('..', import.meta.url).pathname;
/** The offline file's budget, brotli quality 11, in bytes (kB = 1000 bytes). */
export const BUDGET = 300_000;

export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
const part = (name, bufs) => {
  const buf = Buffer.concat(bufs.map((b) => Buffer.from(b)));
  return { name, raw: buf.length, brotli: buf.length ? brotli(buf) : 0 };
};

/** The crate a function belongs to: the first path segment of its (demangled) name, the
 *  type's crate for `<Type as Trait>::method`. wasm-bindgen's shims are the bindings'. */
export function crateOf(name) {
  if (/ (multivalue|externref) shim$|^__wbg|^__wbindgen|^__externref/.test(name)) return 'sspr_doctor_wasm (bindings)';
  const m = name.replace(/^[<&*\s]*((mut|dyn|const) )*/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)/);
  if (!m) return '(other)';
  const c = m[1];
  if (['f32', 'f64', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'isize', 'char', 'str', 'bool'].includes(c)) return 'core';
  return c;
}

/** Rust string literals of a source file, unescaped, split where a format placeholder is. */
function literals(src) {
  const out = [];
  const re = /r(#*)"([\s\S]*?)"\1|"((?:[^"\\]|\\[\s\S])*)"/g;
  for (const m of src.matchAll(re)) {
    let s = m[2] ?? m[3];
    if (m[3] !== undefined) {
      s = s.replace(/\\\n\s*/g, '').replace(/\\u\{([0-9a-fA-F]+)\}|\\([nrt0\\"'])/g, (_, hex, c) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : { n: '\n', r: '\r', t: '\t', 0: '\0', '\\': '\\', '"': '"', "'": "'" }[c]);
    }
    for (const piece of s.split(/\{[^{}]*\}/)) if (Buffer.byteLength(piece) >= 6) out.push(piece);
  }
  return out;
}

const files = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? files(p) : [p];
});

/** The engine: its code by crate and function, its data by where it comes from. */
function engine(named) {
  const secs = sections(named);
  const fns = functions(named);
  const byCrate = new Map();
  for (const f of fns) {
    const c = crateOf(f.name);
    if (!byCrate.has(c)) byCrate.set(c, []);
    byCrate.get(c).push(named.subarray(f.start, f.end));
  }
  const crates = [...byCrate].map(([c, bufs]) => part(c, bufs)).sort((a, b) => b.raw - a.raw);
  const topFunctions = [...fns].sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, 15)
    .map((f) => ({ name: f.name.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 120), raw: f.end - f.start }));

  // The data: claim the bytes of each known source, in order; what is left is "other".
  const data = Buffer.concat(dataSegments(named).map((d) => named.subarray(d.start, d.end)));
  const claimed = new Uint8Array(data.length);
  const claim = (needle) => {
    const n = Buffer.from(needle);
    for (let at = data.indexOf(n); at >= 0; at = data.indexOf(n, at + 1)) {
      if (!claimed[at]) {
        claimed.fill(1, at, at + n.length);
        return data.subarray(at, at + n.length);
      }
    }
    return null;
  };
  const dataParts = [];
  const shard = files(join(root, 'target/wasm32-unknown-unknown/wasm-release/build'))
    .filter((p) => p.endsWith('/phone-shards.bin')).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (shard) {
    const got = claim(readFileSync(shard));
    dataParts.push(part('phone metadata shards', got ? [got] : []));
  }
  const templates = files(join(root, 'crates')).filter((p) => /\.(ps1|html|css|svg)$/.test(p) && !p.includes('/target/'));
  for (const t of templates) {
    const got = claim(readFileSync(t));
    if (got) dataParts.push(part(`template ${relative(root, t)}`, [got]));
  }
  const catalogs = files(join(root, 'crates/sspr-words/src')).filter((p) => p.endsWith('.rs') && !p.endsWith('tests.rs'));
  for (const c of catalogs) {
    const got = literals(readFileSync(c, 'utf8')).map(claim).filter(Boolean);
    dataParts.push(part(`words ${relative(root, c)}`, got));
  }
  const facts = files(join(root, 'crates/sspr-model/src')).filter((p) => p.endsWith('.rs'));
  dataParts.push(part('facts and ids (sspr-model)', facts.flatMap((f) => literals(readFileSync(f, 'utf8')).map(claim).filter(Boolean))));
  const rest = [];
  for (let i = 0; i < data.length; i++) if (!claimed[i]) rest.push(data[i]);
  dataParts.push(part('other data (tables, the other crates\' strings)', [Buffer.from(rest)]));
  dataParts.sort((a, b) => b.brotli - a.brotli);

  const codeSection = secs.find((s) => s.name === 'code');
  const other = secs.filter((s) => !['code', 'data'].includes(s.name) && !s.name.startsWith('custom:'));
  return {
    code: part('code', [named.subarray(codeSection.start, codeSection.end)]),
    data: part('data', [data]),
    otherSections: part('other sections (types, imports, exports, tables)', other.map((s) => named.subarray(s.headerStart, s.end))),
    crates,
    topFunctions,
    dataParts,
  };
}

/** The page bundle's bytes by source module (esbuild's metafile). */
function script(metafile, js) {
  const out = Object.values(metafile.outputs)[0];
  const byModule = Object.entries(out.inputs).map(([path, v]) => ({ path, bytes: v.bytesInOutput }));
  // esbuild reports each module's bytes in the output, not where they are: take each
  // module's share of the script's brotli size by its share of the bytes.
  const total = byModule.reduce((n, m) => n + m.bytes, 0);
  const br = brotli(Buffer.from(js));
  const group = (p) => (p.includes('web-gen/page-data') ? 'published words and facts (page-data, from the core)'
    : p.includes('web-gen/glue') ? 'wasm-bindgen glue' : p.replace(/^web\/src\//, 'web/src/').replace(/^.*web-gen\//, 'generated/'));
  const groups = new Map();
  for (const m of byModule) groups.set(group(m.path), (groups.get(group(m.path)) ?? 0) + m.bytes);
  return [...groups].map(([name, raw]) => ({ name, raw, brotli: Math.round((br * raw) / total), estimated: true }))
    .sort((a, b) => b.raw - a.raw);
}

export function measure() {
  const html = readFileSync(join(root, 'dist/sspr-doctor.html'));
  const text = html.toString('utf8');
  const named = readFileSync(join(root, 'target/web-gen/sspr_doctor.named.wasm'));
  const metafile = JSON.parse(readFileSync(join(root, 'target/web-gen/main-meta.json'), 'utf8'));
  // The engine's data blocks (scripts/build-web.mjs engineBlocks): their texts, and the page without them.
  const blocks = /(<script type="application\/x-sspr-engine"(?: id="sspr-engine")?>)([\s\S]*?)(<\/script>)/g;
  const engineText = Array.from(text.matchAll(blocks), (m) => m[2]).join('');
  const js = [...text.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const css = text.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
  // The published words' data block (scripts/build-web.mjs pageDataText, since 2026-12-08;
  // before, they were part of the page's script).
  const words = text.match(/<script type="application\/x-sspr-words" id="sspr-page-data">([\s\S]*?)<\/script>/)?.[1] ?? '';
  const markup = text.replace(blocks, '$1$3').replace(js, '').replace(css, '').replace(words, '');
  return {
    date: new Date().toISOString().slice(0, 10),
    budget: BUDGET,
    file: { name: 'dist/sspr-doctor.html', raw: html.length, brotli: brotli(html) },
    parts: [
      { ...part('engine, as the page carries it', [Buffer.from(engineText)]) },
      { ...part('page script', [Buffer.from(js)]) },
      { ...part('published words and facts (from the core), in their data block', [Buffer.from(words)]) },
      { ...part('page styles', [Buffer.from(css)]) },
      { ...part('markup (boot message, configuration)', [Buffer.from(markup)]) },
    ],
    engine: engine(named),
    script: script(metafile, js),
  };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const KiB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const delta = (now, then) => (then === undefined ? '' : `${now - then >= 0 ? '+' : '−'}${(Math.abs(now - then) / 1000).toFixed(1)} kB`);

/** Every named part with its brotli size, to compare two reports by. */
function flat(r) {
  const out = new Map();
  for (const p of r.parts) out.set(`file: ${p.name}`, p.brotli);
  for (const c of r.engine.crates) out.set(`engine code: ${c.name}`, c.brotli);
  for (const d of r.engine.dataParts) out.set(`engine data: ${d.name}`, d.brotli);
  for (const s of r.script) out.set(`script: ${s.name}`, s.brotli);
  return out;
}

/** The parts that moved most between two reports (largest change first). */
export function movers(now, then, n = 8) {
  const a = flat(now);
  const b = then ? flat(then) : new Map();
  return [...new Set([...a.keys(), ...b.keys()])]
    .map((k) => ({ name: k, now: a.get(k) ?? 0, before: b.get(k) ?? 0 }))
    .filter((m) => m.now !== m.before)
    .sort((x, y) => Math.abs(y.now - y.before) - Math.abs(x.now - x.before))
    .slice(0, n);
}

export function markdown(r, then) {
  const row = (p, prev) => `| ${p.name} | ${KiB(p.raw)} | ${kB(p.brotli)}${p.estimated ? ' (share)' : ''} | ${prev ? delta(p.brotli, prev.get(p.key ?? p.name)) : ''} |`;
  const prev = then ? flat(then) : null;
  const keyed = (prefix, list) => list.map((p) => ({ ...p, key: `${prefix}${p.name}` }));
  const lines = [
    `Offline file \`${r.file.name}\`: **${kB(r.file.brotli)}** brotli (quality 11) of ${KiB(r.file.raw)}; budget ${kB(r.budget)}`
      + `${then ? ` (${delta(r.file.brotli, then.file.brotli)} since the committed docs/size.json of ${then.date})` : ''}. Each part is compressed alone, so they add up to more than the file.`,
    '',
    '| part | raw | brotli | change |',
    '|---|---|---|---|',
    ...keyed('file: ', r.parts).map((p) => row(p, prev)),
    '',
    `The engine (${KiB(r.engine.code.raw + r.engine.data.raw + r.engine.otherSections.raw)} of module): code ${KiB(r.engine.code.raw)} (${kB(r.engine.code.brotli)}), data ${KiB(r.engine.data.raw)} (${kB(r.engine.data.brotli)}), other sections ${KiB(r.engine.otherSections.raw)}.`,
    '',
    '| engine code by crate | raw | brotli | change |',
    '|---|---|---|---|',
    ...keyed('engine code: ', r.engine.crates.filter((c) => c.raw >= 1024)).map((p) => row(p, prev)),
    `| (${r.engine.crates.filter((c) => c.raw < 1024).length} crates under 1 KiB) | ${KiB(r.engine.crates.filter((c) => c.raw < 1024).reduce((n, c) => n + c.raw, 0))} | | |`,
    '',
    '| engine data by source | raw | brotli | change |',
    '|---|---|---|---|',
    ...keyed('engine data: ', r.engine.dataParts).map((p) => row(p, prev)),
    '',
    '| largest functions | raw |',
    '|---|---|',
    ...r.engine.topFunctions.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${KiB(f.raw)} |`),
    '',
    '| page script by module | raw | brotli | change |',
    '|---|---|---|---|',
    ...keyed('script: ', r.script.filter((s) => s.raw >= 512)).map((p) => row(p, prev)),
  ];
  return lines.join('\n');
}

const committedPath = join(root, 'docs/size.json');
export const committed = () => (existsSync(committedPath) ? JSON.parse(readFileSync(committedPath, 'utf8')) : null);

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const args = process.argv.slice(2);
  const r = measure();
  const then = committed();
  if (args.includes('--gate')) {
    const over = r.file.brotli > r.budget;
    const top = movers(r, then).map((m) => `  ${m.name}: ${kB(m.before)} -> ${kB(m.now)} (${delta(m.now, m.before)})`).join('\n');
    const msg = `offline file: ${kB(r.file.brotli)} brotli, budget ${kB(r.budget)}`;
    if (over) {
      console.error(`size gate: ${msg}: ${kB(r.file.brotli - r.budget)} over.\nWhat moved most since docs/size.json (${then?.date ?? 'none'}):\n${top || '  (nothing: docs/size.json is missing or the same)'}\n`
        + 'Where every byte goes: node scripts/size-report.mjs');
      process.exit(1);
    }
    console.log(`size gate: ${msg} (${kB(r.budget - r.file.brotli)} to spare)${top ? `\nmoved most since docs/size.json:\n${top}` : ''}`);
  } else {
    console.log(markdown(r, then));
  }
  const j = args.indexOf('--json');
  if (j >= 0) writeFileSync(args[j + 1], `${JSON.stringify(r, null, 1)}\n`);
}
