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

import { WIDE, wideIndex, wideOf } from '../web/src/wide-text.js';

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

// The page carries the packed bytes as ASCII text (web/src/wide-text.js says why: Chromium
// parses an all-ASCII page about 70 ms sooner than one with Latin-1 or Japanese in it), in a
// form brotli compresses nearly as well as the bytes themselves:
// - a byte below 0x80 is its own character, but for NUL, CR and `<` (HTML would change them,
//   or they could end the element) and the characters below, which have a role;
// - a byte from 0x80 up is H0 (0x80..0xBF) or H1 (0xC0..0xFF) then the character 0x40 plus
//   its low six bits (as UTF-8 writes a continuation byte);
// - NUL, CR and `<` are written as three stand-ins S0..S2: NUL, the engine's most common byte,
//   stays one character (4 kB less brotli than escaping it, measured 2026-12-04);
// - a valid UTF-8 sequence of a character in wide-text.js BLOCKS (the Japanese words, arrows,
//   dashes) is that character's three-character form, the form the page's own words have, so
//   brotli finds them in each other (3.7 kB less than \u escapes, 2026-12-08);
// - the characters with a role (E, H0, H1, S0..S2, and wide-text.js WIDE) are written E then
//   `a` plus their place in that list.
// E, H0, H1 and S0..S2 are named in the text's first six characters. They are rare in the
// engine, and which stands for what moves brotli's size by more than their counts say (the
// engine's text alone, 2026-12-08, against 256.3 kB in the Latin-1 form before): the six
// rarest by count (`YZQVWz`) 258.4 kB with seven WIDE characters, 257.9 kB with three;
// control characters 258.7 kB; `YZQ%~+` 256.0 kB; these, `YZQ%~` and a backquote, 255.9 kB.
const ROLES = ['Y', 'Z', 'Q', '%', '~', '`'];
const STOOD_FOR = [0, 13, 60];

/** `bytes` as text with the role characters `r` (no header); `wide`: Japanese in its
 *  three-character form (the engine), or not (the reader module, read by JavaScript). */
function asText(bytes, r, wide) {
  const [E, H0, H1, ...S] = r;
  const named = [...r, ...WIDE];
  const code = Array.from({ length: 256 }, (_, b) => {
    if (b >= 0x80) return (b < 0xc0 ? H0 : H1) + String.fromCharCode(0x40 + (b & 0x3f));
    const stood = STOOD_FOR.indexOf(b);
    if (stood >= 0) return S[stood];
    const role = named.indexOf(String.fromCharCode(b));
    return role >= 0 ? E + String.fromCharCode(97 + role) : String.fromCharCode(b);
  });
  const parts = [];
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i];
    if (wide && c >= 0xe2 && c <= 0xef && i + 2 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      const v = wideIndex(((c & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      if (v >= 0) {
        parts.push(wideOf(v));
        i += 3;
        continue;
      }
    }
    parts.push(code[c]);
    i++;
  }
  return parts.join('');
}

/** The page's text of the packed bytes (build time): the six role characters, then the text. */
export function encodeText(packed) {
  return ROLES.join('') + asText(packed, ROLES, true);
}

/** The page's whole text of the engine: the reader module (crates/sspr-engine-unpack), its
 *  length, the role characters and its bytes in the same form but for the three-character
 *  forms (a few lines of JavaScript read it: web/src/engine-read.js), then the engine's text
 *  for it to read (`encodeText`). In the text rather than in the page's script as base64:
 *  0.9 kB less. */
export function carrierText(reader, packed) {
  return `${reader.length}:${ROLES.join('')}${asText(reader, ROLES, false)}${encodeText(packed)}`;
}
