// The page's reader of its engine (issue 27): the engine's text in the page back to the
// WebAssembly module. scripts/engine-pack.mjs wrote the text, all ASCII: first the reader
// module (crates/sspr-engine-unpack, a few kilobytes), then the engine packed. The reader
// reads the engine from the text's bytes (the browser's own TextEncoder, written straight
// into the reader's memory), so the first answer does not wait for JavaScript to warm up on
// a million bytes. The build runs this same function on its output
// (scripts/build-web.mjs) and fails unless it gives the module back.

import { WIDE } from './wide-text.js';

/** Function bodies per call into the reader (it decodes the text in slices of 32 KiB the
 *  same way, sspr-engine-unpack `read_some`): V8 runs a call in the code it began with, so
 *  after the first calls the rest run in its optimized reader. Measured in Chromium with the
 *  page's marks: the bodies in one call 10.6 ms, 256 a call 7.1 (2026-12-07, before); text to
 *  module, 256 a call with the text in one call about 21.5 ms, 32 a call with the text in
 *  slices about 19, median of 11 and 15 visits in the same runs (2026-12-07). */
const STEP = 32;

/** The engine module's bytes from the page's text, in the parts the page carries it in (the
 *  reader whole in the first); throws "engine text damaged" if they are not there. The text
 *  is ASCII (scripts/engine-pack.mjs `carrierText`): the reader's length, its six role
 *  characters and its bytes, then the engine's text. Each part is written into the reader's
 *  memory on its own, after the last (the browser's TextEncoder: for ASCII, a copy), and
 *  nothing joins them first. Measured in Chromium, the page's seven blocks: joined then
 *  written 5.6 ms, each written 2.0 ms (median of 11 visits, 2026-12-07). */
export function engineBytes(parts) {
  const text = parts[0] ?? '';
  const colon = text.indexOf(':');
  const size = Number(text.slice(0, colon));
  if (!(colon > 0 && size > 0)) throw new Error('engine text damaged');
  // The roles: E, H0, H1, then the stand-ins for NUL, CR and `<`; after E, `a` plus the place
  // of a role character in ROLES.
  const ROLES = text.slice(colon + 1, colon + 7) + WIDE;
  const [E, H0, H1, S0, S1, S2] = Array.from(ROLES.slice(0, 6), (c) => c.charCodeAt(0));
  const readerBytes = new Uint8Array(size);
  let i = colon + 7;
  for (let n = 0; n < size; n++) {
    const c = text.charCodeAt(i++);
    readerBytes[n] = c === S0 ? 0 : c === S1 ? 13 : c === S2 ? 60
      : c === H0 ? 0x80 | (text.charCodeAt(i++) - 0x40) : c === H1 ? 0xc0 | (text.charCodeAt(i++) - 0x40)
        : c === E ? ROLES.charCodeAt(text.charCodeAt(i++) - 97) : c;
  }
  // Cut short (a damaged first block): never a reader made of what follows its end.
  if (i > text.length) throw new Error('engine text damaged');
  const { exports: x } = /** @type {{ exports: { memory: WebAssembly.Memory, next: (...a: number[]) => number } }} */ (
    /** @type {unknown} */ (new WebAssembly.Instance(new WebAssembly.Module(readerBytes)))
  );
  const engine = [text.slice(i), ...parts.slice(1)];
  // After the reader's own memory: the text (one byte a character), then room for the packed
  // bytes and for the module (each no longer than the text), then the reading's state
  // (sspr-engine-unpack `Reading`, in PROGRESS_ROOM: 512 bytes).
  const pages = (bytes) => Math.ceil(bytes / 65536);
  const n = engine.reduce((sum, part) => sum + part.length, 0);
  const base = x.memory.buffer.byteLength;
  x.memory.grow(pages(base + 3 * n + 520) - pages(base) + 1);
  const utf8 = new TextEncoder();
  let at = base;
  for (const part of engine) {
    const { read, written } = utf8.encodeInto(part, new Uint8Array(x.memory.buffer, at, part.length));
    // Not ASCII: not the engine's text.
    if (read !== part.length || written !== part.length) throw new Error('engine text damaged');
    at += written;
  }
  const out = base + 2 * n;
  const reading = (out + n + 7) & ~7;
  let length = 0;
  while (length === 0) length = x.next(base, n, base + n, out, reading, STEP);
  if (length < 0) throw new Error('engine text damaged');
  return new Uint8Array(x.memory.buffer, out, length);
}
