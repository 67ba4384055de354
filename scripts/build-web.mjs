// Builds the web deliverables from the wasm-pack output in target/pkg:
//   dist/site/index.html           the hosted page: one self-contained file (styles, script and
//                                  engine inside), so any way of saving it keeps a working copy
//   dist/site/sspr-doctor.html     the same file, offered as "Save for offline use"
//   dist/site/sspr-doctor-element.js  the custom element <sspr-doctor> (engine inside)
//   dist/site/embed.js             for host pages that frame the tool (iframe height)
//   dist/sspr-doctor.html          the offline file (the same as index.html)
// The engine travels inside the page because the Content-Security-Policy forbids every
// fetch (connect-src 'none'); it is instantiated from bytes, which 'wasm-unsafe-eval'
// allows. Inline script and styles are allowed by their SHA-256 hashes.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { functions, withoutCustomSections } from './wasm-sections.mjs';
import { carrierText, pack } from './engine-pack.mjs';
import { engineBytes } from '../web/src/engine-read.js';
import { unwide, wideJson } from '../web/src/wide-text.js';
import { fold, unfold } from '../web/src/folded.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The three folders can be moved for a measurement of another build of the engine (the
// troubleshooter's alone: `just figures-engines`); the deliverables use these defaults.
const pkg = join(root, process.env.SSPR_PKG ?? 'target/pkg');
const gen = join(root, process.env.SSPR_GEN ?? 'target/web-gen');
const dist = join(root, process.env.SSPR_DIST ?? 'dist');
const site = join(dist, 'site');

mkdirSync(gen, { recursive: true });
rmSync(dist, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

// 1. wasm-opt from npm's binaryen (Debian's is too old: its output fails in Chromium).
const rawWasm = join(pkg, 'sspr_doctor_wasm_bg.wasm');
const optWasm = join(gen, 'sspr_doctor.wasm');
// The optimized module keeps its function names (-g) for the size report
// (scripts/size-report.mjs); the page ships the same module without its custom sections.
const namedWasm = join(gen, 'sspr_doctor.named.wasm');
if (!existsSync(rawWasm)) throw new Error(`missing ${rawWasm}: run wasm-pack first (just build)`);
// --flatten --rereloop before two -Oz rounds: 2.8 kB less brotli than -Oz alone and no
// slower (measured in node on the phone corpus, side by side); --converge on top made it larger.
execFileSync(join(root, 'node_modules/.bin/wasm-opt'), [
  rawWasm, '-o', namedWasm, '-g', '--flatten', '--rereloop', '-Oz', '-Oz', '--strip-dwarf', '--strip-producers', '--strip-target-features',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-sign-ext', '--enable-multivalue', '--enable-mutable-globals',
], { stdio: 'inherit' });
const wasm = Buffer.from(withoutCustomSections(readFileSync(namedWasm)));
writeFileSync(optWasm, wasm);

// 2. The engine's bytes as text (scripts/engine-pack.mjs: ASCII, a byte below 0x80 as itself
//    but for a few, a byte from 0x80 up as two characters, the Japanese as three, which
//    brotli compresses nearly as well as the raw bytes; base64 was 253 kB against 199 kB for
//    one character per byte when measured). Two carriers of the same text:
//    - in the page, data blocks (<script type="application/x-sspr-engine">) that the HTML
//      parser passes over and JavaScript never compiles;
//    - in the custom element's module, a template literal (JavaScript escapes on top).
//    The bytes are the module packed (scripts/engine-pack.mjs: the code section's kinds of
//    byte in streams of their own, 22 kB less brotli), checked here to unpack to the module.
//    The page reads it back with crates/sspr-engine-unpack (web/src/engine-read.js): the
//    same reader runs here on the text and must give the module back byte for byte.
const readerWasm = join(root, 'target/wasm32-unknown-unknown/release/sspr_engine_unpack.wasm');
if (!existsSync(readerWasm)) throw new Error(`missing ${readerWasm}: build sspr-engine-unpack first (just build-web)`);
const readerOpt = join(gen, 'engine-reader.wasm');
// The reader's hot parts stay functions of their own (the text's decoding, a function body's
// walk, an LEB128; `#[inline(never)]` in the crate, and here for wasm-opt, by their mangled
// names): V8 runs the reader first in its baseline code and compiles a function's optimized
// code on another thread once it has run a while. As one function of 6.2 kB, that took 31 ms
// of the other core (12.7 ms optimizing it; traced in Chromium, 2026-12-08, a slow phase) and
// came after the reading was over; as six of at most 1.7 kB, the reading took 22.2 ms against
// 28.4 (21 visits each, the same run; 24.8 against 31.5 and 26.7 against 43.4 in two others).
// The check below fails the build if a renamed function lets them be inlined again.
const NO_INLINE = ['*11decode_some*', '*8function*', '*3leb*'].map((p) => `--no-inline=${p}`);
const READER_LARGEST_BODY = 2048;
execFileSync(join(root, 'node_modules/.bin/wasm-opt'), [readerWasm, '-o', readerOpt, ...NO_INLINE, '-O3', '--strip-debug', '--strip-producers',
  '--strip-target-features', '--enable-bulk-memory', '--enable-sign-ext', '--enable-multivalue', '--enable-mutable-globals'], { stdio: 'inherit' });
const reader = Buffer.from(withoutCustomSections(readFileSync(readerOpt)));
{
  const largest = Math.max(...functions(reader).map((f) => f.end - f.start));
  if (largest > READER_LARGEST_BODY) throw new Error(`the engine reader has a function of ${largest} bytes (at most ${READER_LARGEST_BODY}): its hot parts were inlined (NO_INLINE)`);
}
const engineText = carrierText(reader, pack(wasm));
if (/[\u0080-\uffff\r<]/.test(engineText) || engineText.includes('\0')) throw new Error('engine text would not survive HTML parsing, or is not ASCII');
if (Buffer.compare(Buffer.from(engineBytes([engineText])), wasm) !== 0) throw new Error('the engine text does not read back as the module');
const engineBlocks = engineParts(engineText);
if (Buffer.compare(Buffer.from(engineBytes(engineBlocks)), wasm) !== 0) throw new Error('the engine text in blocks does not read back as the module');
const asTemplateLiteral = engineText.replace(/[\\`$]/g, (c) => `\\${c}`);
writeFileSync(join(gen, 'engine-text-page.js'),
  "// Generated by scripts/build-web.mjs: the engine's text, from the page's data blocks.\n"
  + "export const engineText = () => Array.from(document.querySelectorAll('script[type=\"application/x-sspr-engine\"]'), (e) => e.textContent);\n");
writeFileSync(join(gen, 'engine-text-inline.js'),
  `// Generated by scripts/build-web.mjs: the engine's text, carried by this module.\nconst TEXT = \`${asTemplateLiteral}\`;\nexport const engineText = () => [TEXT];\n`);

// 2b. What the page shows before the engine has loaded (the form's regions, the command
//     to run, the sender, the facts' date), from the core through the command line.
const published = execFileSync(join(root, 'target/release/sspr-doctor'), ['facts'], { encoding: 'utf8' });
// The read-only script once, not once per cloud (1.5 kB): the page puts each cloud's
// -Environment name in the template's mark (web/src/ui/audit/intake.js), and this checks
// that doing so gives the core's script for every cloud, character for character.
const pageData = JSON.parse(published);
const { scripts, scriptTemplate, environmentMark, environments } = pageData.audit;
for (const [cloud, text] of Object.entries(scripts)) {
  if (scriptTemplate.replaceAll(environmentMark, environments[cloud]) !== text) throw new Error(`the read-only script for ${cloud} does not follow from its template`);
}
delete pageData.audit.scripts;
// In ASCII, as the page is (web/src/wide-text.js): the page carries the text in a data block
// (page-data-page.js below reads it), the custom element in its module.
const pageDataText = wideJson(fold(pageData));
if (JSON.stringify(unfold(JSON.parse(pageDataText), unwide)) !== JSON.stringify(pageData)) throw new Error('the published words do not read back');
writeFileSync(join(gen, 'page-data.js'), `// Generated by scripts/build-web.mjs: the published words and facts (\`sspr-doctor facts\`).
import { pageDataText } from '@page-data-text';
import { unwide } from '${join(root, 'web/src/wide-text.js')}';
import { unfold } from '${join(root, 'web/src/folded.js')}';
export default unfold(JSON.parse(pageDataText()), unwide);
`);
writeFileSync(join(gen, 'page-data-page.js'), "// Generated by scripts/build-web.mjs: the published words, from the page's data block.\n"
  + "export const pageDataText = () => document.getElementById('sspr-page-data').textContent;\n");
writeFileSync(join(gen, 'page-data-inline.js'), `// Generated by scripts/build-web.mjs: the published words, carried by this module.\nexport const pageDataText = () => ${JSON.stringify(pageDataText)};\n`);
const { version } = JSON.parse(published);

// 3. The wasm-bindgen glue as a factory: each call evaluates a fresh copy of the glue, so a
//    trapped (dead) instance can be replaced by a new one with clean state.
const glue = await esbuild.build({
  entryPoints: [join(pkg, 'sspr_doctor_wasm.js')], bundle: true, write: false,
  format: 'iife', globalName: '__ssprGlue', minify: true, logLevel: 'error',
  define: { 'import.meta.url': '""' },
});
writeFileSync(join(gen, 'glue-factory.js'),
  `// Generated by scripts/build-web.mjs from wasm-pack's glue.\nexport function createGlue() {\n${glue.outputFiles[0].text}\nreturn __ssprGlue;\n}\n`);

// 3b. The styles, minified (0.4 kB less brotli): the page inlines them, the custom element
//     carries the same text for its shadow root (`@gen/styles.css`).
const css = (await esbuild.transform(readFileSync(join(root, 'web/styles.css'), 'utf8'), {
  loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari16'], logLevel: 'error',
})).code;
writeFileSync(join(gen, 'styles.css'), css);

// 4. The app bundles (one ES module each, no imports left). Page and custom element are the
//    same app with the same settings; the page reads the engine from its data block, the
//    element carries it (and the stylesheet, for its shadow root).
const bundle = async (entry, engine, pageText, extra = {}) => {
  const out = await esbuild.build({
    entryPoints: [join(root, 'web/src', entry)], bundle: true, write: false, format: 'esm', metafile: true,
    minify: !process.env.SSPR_NO_MINIFY, target: ['chrome100', 'firefox100', 'safari16'], logLevel: 'error',
    alias: { '@gen': gen, '@engine-text': join(gen, engine), '@page-data-text': join(gen, pageText) }, define: { __VERSION__: JSON.stringify(version) }, ...extra,
  });
  // Where the bundle's bytes come from, for the size report.
  writeFileSync(join(gen, `${entry.replace(/\.js$/, '')}-meta.json`), JSON.stringify(out.metafile));
  return out.outputFiles[0].text;
};
// The page's bundle in ASCII (esbuild's default): its few characters beyond ASCII as \u
// escapes, its words in the page's data block (page-data above).
const appJs = await bundle('main.js', 'engine-text-page.js', 'page-data-page.js');
const elementJs = await bundle('element.js', 'engine-text-inline.js', 'page-data-inline.js', { loader: { '.css': 'text' } });
const embed = await esbuild.build({ entryPoints: [join(root, 'web/src/embed.js')], bundle: true, write: false, minify: true, logLevel: 'error' });
const template = readFileSync(join(root, 'web/index.html'), 'utf8');

// The engine's text in data blocks of 128 Ki characters (the first one with the id the tests
// damage): Chromium parsed the page 10-14 ms sooner than with one block of 850 Ki, and
// painted it 4-8 ms sooner (15 visits each, 2026-12-07), for 0.2 kB. The page reads
// them (engine-text-page.js) each as a part of its own (engine-read.js), not joined, into
// one run of memory (so a cut may fall inside a character's form); the first block holds the
// reader whole.
function engineParts(text) {
  const BLOCK = 1 << 17;
  if (text.indexOf(':') + 7 + reader.length * 2 > BLOCK) throw new Error('the engine reader does not fit in the first block');
  const parts = [];
  for (let i = 0; i < text.length;) {
    const end = Math.min(i + BLOCK, text.length);
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}
const engineHtml = (parts) => parts
  .map((part, i) => `<script type="application/x-sspr-engine"${i === 0 ? ' id="sspr-engine"' : ''}>${part}</script>`).join('');

const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
// Trusted Types with one policy that makes only script URLs (the audit's worker, from a
// blob: URL the page made itself; audit/runner.js) and no HTML: any HTML-string sink
// throws, so user text can only ever be rendered as text. Workers only from such blobs.
const cspBase = "default-src 'none'; connect-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'; worker-src blob:; require-trusted-types-for 'script'; trusted-types sspr-doctor-worker";

// 5. The page: everything inline, allowed by hash. The hosted index.html and the offline
//    file are the same bytes.
const inlineScript = appJs.replace(/<\/script/gi, '<\\/script');
const csp = `${cspBase}; script-src ${sha256(inlineScript)} 'wasm-unsafe-eval'; style-src ${sha256(css)}`;
// The deployment's configuration: the help desk, set by whoever builds or deploys the page
// (never by a URL). A JSON block the browser never runs; `<` is escaped so nothing in it can
// end the element, and every character beyond ASCII (a help desk's name in Japanese), as the
// page is all ASCII.
const config = JSON.stringify({
  helpdesk: process.env.SSPR_HELPDESK || null,
  helpdeskContact: process.env.SSPR_HELPDESK_CONTACT || null,
}).replace(/[<\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
let page = template
  .replace('%CONFIG%', () => `<script type="application/json" id="sspr-config">${config}</script><script type="application/x-sspr-words" id="sspr-page-data">${pageDataText}</script>`)
  .replace('%CSP%', () => csp)
  .replace('%STYLE%', () => `<style>${css}</style>`)
  .replace('%ENGINE%', () => engineHtml(engineBlocks))
  .replace('%SCRIPT%', () => `<script type="module">${inlineScript}</script>`);
// All ASCII (web/src/wide-text.js says why): the markup's own Japanese as character references.
const asciiPage = page.replace(/[\u{80}-\u{10ffff}]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
if (asciiPage !== page && /[\u0080-\uffff]/.test(page.slice(page.indexOf('<script'))))
  throw new Error('the page has characters beyond ASCII in a script or data block, where a character reference would not be read');
page = asciiPage;
writeFileSync(join(site, 'index.html'), page);
writeFileSync(join(site, 'sspr-doctor.html'), page);
writeFileSync(join(dist, 'sspr-doctor.html'), page);
writeFileSync(join(site, 'sspr-doctor-element.js'), elementJs);
writeFileSync(join(site, 'embed.js'), embed.outputFiles[0].text);

console.log(`built dist/site/ and dist/sspr-doctor.html (wasm ${wasm.length} bytes, page ${page.length} bytes)`);
