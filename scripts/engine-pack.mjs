// The engine in the form that costs least after brotli (issue 27), written at build time by
// scripts/build-web.mjs; the page reads it back with crates/sspr-engine-unpack (a small module
// of its own: web/src/engine-read.js). A WebAssembly code section interleaves opcodes with their immediates (local indices, constants, memory
// offsets, call targets, ...), each kind with its own statistics; brotli, which models one
// stream of bytes, compresses them better apart. `pack` (at build time, scripts/build-web.mjs)
// moves each kind of byte of the code section into a stream of its own, in order; the
// reader (in the page, before compiling) walks the same instructions and puts every byte back. No
// byte is changed or re-encoded, so the module is the one wasm-opt wrote, bit for bit (the
// build checks it). The rest of the module (its other sections, the data) stays as it is.
// Measured in docs/figures.md ("The engine's weight").
//
// Packed: "SSPK", the number of streams (u32 LE), each stream's length (u32 LE), then the
// streams: the module before the code section's payload, the code streams (STREAMS; sspr-engine-unpack's
// `Stream` is the same list), the module after it.

const MAGIC = [0x53, 0x53, 0x50, 0x4b];
/** The code's streams, in their order in the packed bytes. */
const STREAMS = ['size', 'locals', 'op', 'blocktype', 'label', 'call', 'type', 'index', 'local', 'global', 'align', 'offset', 'i32', 'i64', 'float', 'address'];
const S = Object.fromEntries(STREAMS.map((name, i) => [name, i]));
/** Addresses (i32.const from here up) and the opcode that marks them in the op stream. */
const ADDRESS = 0x100000;
const ADDRESS_OP = 0xc5;

/**
 * Walks the code section's function bodies through `io`, which reads each byte from where it
 * is (the module, or its stream) and writes it where it goes: `op()` an opcode, `leb(k)` an
 * LEB128 of stream k (returning its value), `i32()` an i32.const's, `byte(k)` / `bytes(k, n)` raw
 * bytes, `peek(k)` the
 * next byte of stream k, `at()` the position in the module.
 */
function walk(io) {
  const functions = io.leb(S.size);
  for (let f = 0; f < functions; f++) {
    const size = io.leb(S.size);
    const end = io.at() + size;
    const groups = io.leb(S.locals);
    for (let g = 0; g < groups; g++) {
      io.leb(S.locals);
      io.byte(S.locals);
    }
    while (io.at() < end) {
      const op = io.op();
      if (op >= 0x45 && op <= 0xc4) continue; // numeric: no immediate
      switch (op) {
        case 0x02: case 0x03: case 0x04: {
          // Empty (0x40), a value type (0x6f..0x7f), or a type index (s33).
          const b = io.peek(S.blocktype);
          if (b === 0x40 || (b >= 0x6f && b <= 0x7f)) io.byte(S.blocktype);
          else io.leb(S.blocktype);
          break;
        }
        case 0x0c: case 0x0d: io.leb(S.label); break;
        case 0x0e: {
          const n = io.leb(S.label);
          for (let i = 0; i <= n; i++) io.leb(S.label);
          break;
        }
        case 0x10: case 0xd2: io.leb(S.call); break;
        case 0x11: io.leb(S.type); io.leb(S.index); break;
        case 0x1c: io.bytes(S.blocktype, io.leb(S.blocktype)); break;
        case 0x20: case 0x21: case 0x22: io.leb(S.local); break;
        case 0x23: case 0x24: io.leb(S.global); break;
        case 0x25: case 0x26: io.leb(S.index); break;
        case 0x3f: case 0x40: case 0xd0: io.byte(S.index); break;
        case 0x41: io.i32(); break;
        case 0x42: io.leb(S.i64); break;
        case 0x43: io.bytes(S.float, 4); break;
        case 0x44: io.bytes(S.float, 8); break;
        case 0xfc: {
          const sub = io.leb(S.op);
          if (sub === 8) { io.leb(S.index); io.byte(S.index); } // memory.init
          else if (sub === 9 || sub === 13 || (sub >= 15 && sub <= 17)) io.leb(S.index);
          else if (sub === 10) io.bytes(S.index, 2); // memory.copy
          else if (sub === 11) io.byte(S.index); // memory.fill
          else if (sub === 12 || sub === 14) { io.leb(S.index); io.leb(S.index); }
          else if (sub > 17) throw new Error(`engine pack: unknown 0xfc ${sub}`);
          break;
        }
        case 0x00: case 0x01: case 0x05: case 0x0b: case 0x0f: case 0x1a: case 0x1b: case 0xd1: break;
        default:
          if (op >= 0x28 && op <= 0x3e) { io.leb(S.align); io.leb(S.offset); break; }
          throw new Error(`engine pack: unknown opcode 0x${op.toString(16)}`);
      }
    }
    if (io.at() !== end) throw new Error('engine pack: a function body is misaligned');
  }
}

/** An unsigned LEB128 of `bytes` at `pos`: [value, next position]. */
function uleb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

/** The code section's payload: [start, end]. */
function codeSection(wasm) {
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = uleb(wasm, pos + 1);
    if (id === 10) return [start, start + size];
    pos = start + size;
  }
  throw new Error('engine pack: no code section');
}

/** The module `wasm` packed (build time). */
export function pack(wasm) {
  const [start, end] = codeSection(wasm);
  const out = STREAMS.map(() => []);
  let pos = start;
  const take = (k, n) => {
    for (let i = 0; i < n; i++) out[k].push(wasm[pos++]);
  };
  walk({
    at: () => pos,
    op: () => { out[S.op].push(wasm[pos]); return wasm[pos++]; },
    leb: (k) => {
      const [value, next] = uleb(wasm, pos);
      take(k, next - pos);
      return value;
    },
    // A constant from the start of the data up (1 MiB, where rustc puts it) is an address:
    // those go to a stream of their own, marked by an opcode no module has (0xc5 for 0x41).
    i32: () => {
      let [value] = uleb(wasm, pos);
      const bytes = uleb(wasm, pos)[1] - pos;
      // The sign bit of the last byte (a positive address has it clear).
      if (wasm[pos + bytes - 1] & 0x40) value = -1;
      if (value >= ADDRESS) {
        out[S.op][out[S.op].length - 1] = ADDRESS_OP;
        take(S.address, bytes);
      } else {
        take(S.i32, bytes);
      }
    },
    byte: (k) => { take(k, 1); },
    bytes: (k, n) => take(k, n),
    peek: () => wasm[pos],
  });
  if (pos !== end) throw new Error('engine pack: the code section is misaligned');
  const parts = [wasm.subarray(0, start), ...out.map((o) => Uint8Array.from(o)), wasm.subarray(end)];
  const header = new DataView(new ArrayBuffer(8 + 4 * parts.length));
  for (const [i, b] of MAGIC.entries()) header.setUint8(i, b);
  header.setUint32(4, parts.length, true);
  for (const [i, p] of parts.entries()) header.setUint32(8 + 4 * i, p.length, true);
  const packed = new Uint8Array(header.byteLength + parts.reduce((n, p) => n + p.length, 0));
  packed.set(new Uint8Array(header.buffer), 0);
  let at = header.byteLength;
  for (const p of parts) {
    packed.set(p, at);
    at += p.length;
  }
  return packed;
}

// The page carries the packed bytes as text, one character per byte (U+0000..U+00FF), which
// brotli compresses nearly as well as the bytes themselves. Four bytes cannot stand for
// themselves in HTML or could end the script: NUL, CR, `<`, and `\`, the escape. They are
// written as the characters of the four bytes the engine has least of (named in the text's
// first four characters), and those four as `\1`..`\4`: NUL, the engine's most common byte,
// stays one character (4 kB less brotli than escaping it, measured). A valid UTF-8 sequence
// of a character from U+2000 up (the Japanese words, arrows, dashes) is written as that
// character: the page's own Japanese is then the same bytes, and brotli finds it (4.5 kB less).

/** The bytes HTML would change or that could end the script, and the escape. */
const UNSAFE = [0, 13, 60, 92];

/** The page's text of the packed bytes (build time). */
export function encodeText(packed) {
  const count = new Array(256).fill(0);
  for (const b of packed) count[b]++;
  const rare = [...Array(256).keys()].filter((b) => !UNSAFE.includes(b)).sort((x, y) => count[x] - count[y] || x - y).slice(0, 4);
  const chars = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b));
  for (const [i, u] of UNSAFE.entries()) {
    chars[u] = String.fromCharCode(rare[i]);
    chars[rare[i]] = `\\${i + 1}`;
  }
  const parts = rare.map((b) => String.fromCharCode(b));
  const utf8 = new TextDecoder();
  const back = new TextEncoder();
  for (let i = 0; i < packed.length;) {
    const c = packed[i];
    const n = c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n && i + n <= packed.length) {
      const ch = utf8.decode(packed.subarray(i, i + n));
      const again = back.encode(ch);
      if (ch.codePointAt(0) >= 0x2000 && ch.length <= 2 && again.length === n && again.every((x, k) => x === packed[i + k])) {
        parts.push(ch);
        i += n;
        continue;
      }
    }
    parts.push(chars[c]);
    i++;
  }
  return parts.join('');
}

/** The page's whole text of the engine: the reader module (crates/sspr-engine-unpack), its
 *  length then one character per byte (`\0 \r \l \\` for the four bytes HTML would change),
 *  which the page reads with a few lines of JavaScript; then the engine's text for it to read
 *  (`encodeText`). In the text rather than in the page's script as base64: 0.9 kB less. */
export function carrierText(reader, packed) {
  const escapes = { 92: '\\\\', 0: '\\0', 13: '\\r', 60: '\\l' };
  return `${reader.length}:${Array.from(reader, (b) => escapes[b] ?? String.fromCharCode(b)).join('')}${encodeText(packed)}`;
}
