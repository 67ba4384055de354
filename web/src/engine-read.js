// The page's reader of its engine (issue 27): the engine's text in the page back to the
// WebAssembly module. scripts/engine-pack.mjs wrote the text: first the reader module
// (crates/sspr-engine-unpack, a few kilobytes, one character per byte), then the engine
// packed. The reader reads the engine from its UTF-8 (the browser's own TextEncoder), so the
// first answer does not wait for JavaScript to warm up on a million bytes. The build runs
// this same function on its output (scripts/build-web.mjs) and fails unless it gives the
// module back.

/** The engine module's bytes from the page's text; throws "engine text damaged" if they are
 *  not there. */
export function engineBytes(text) {
  const colon = text.indexOf(':');
  const size = Number(text.slice(0, colon));
  if (!(colon > 0 && size > 0)) throw new Error('engine text damaged');
  const escaped = { 92: 92, 48: 0, 114: 13, 108: 60 };
  const readerBytes = new Uint8Array(size);
  let i = colon + 1;
  for (let n = 0; n < size; i++) {
    const c = text.charCodeAt(i);
    readerBytes[n++] = c === 92 ? escaped[text.charCodeAt(++i)] ?? 0 : c;
  }
  const { exports } = /** @type {{ exports: { memory: WebAssembly.Memory, engine: (text: number, length: number, packed: number, out: number) => number } }} */ (
    /** @type {unknown} */ (new WebAssembly.Instance(new WebAssembly.Module(readerBytes)))
  );
  const utf8 = new TextEncoder().encode(text.slice(i));
  const n = utf8.length;
  // The text, then room for the packed bytes and for the module (each no longer than it),
  // after everything the reader's own memory holds.
  const memory = exports.memory;
  const base = memory.buffer.byteLength;
  memory.grow(Math.ceil((3 * n) / 65536) + 1);
  new Uint8Array(memory.buffer, base, n).set(utf8);
  const length = exports.engine(base, n, base + n, base + 2 * n);
  if (length < 0) throw new Error('engine text damaged');
  return new Uint8Array(memory.buffer, base + 2 * n, length);
}
