// Reads a WebAssembly binary's layout, for the size report (scripts/size-report.mjs) and for
// stripping the name section from the module the page ships (scripts/build-web.mjs): its
// sections, each function body's byte range, the function names of the `name` section, and
// the data segments' byte ranges. Only the structure is read (LEB128 sizes), never the code.
// Throws on a malformed module: the input is our own build's output.

/** An unsigned LEB128 at `pos`: [value, next position]. */
function uleb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    if (b === undefined) throw new Error('truncated LEB128');
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

/** The sections: { id, name, start (of the payload), end, headerStart }. */
export function sections(bytes) {
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('not a wasm module');
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const headerStart = pos;
    const id = bytes[pos++];
    let size;
    [size, pos] = uleb(bytes, pos);
    const start = pos;
    const end = pos + size;
    let name = SECTION_NAMES[id] ?? `unknown-${id}`;
    if (id === 0) {
      const [n, p] = uleb(bytes, start);
      name = `custom:${new TextDecoder().decode(bytes.subarray(p, p + n))}`;
    }
    out.push({ id, name, start, end, headerStart });
    pos = end;
  }
  return out;
}

/** The module without its custom sections (names, producers, target features). */
export function withoutCustomSections(bytes) {
  const keep = [bytes.subarray(0, 8)];
  for (const s of sections(bytes)) if (s.id !== 0) keep.push(bytes.subarray(s.headerStart, s.end));
  const out = new Uint8Array(keep.reduce((n, k) => n + k.length, 0));
  let at = 0;
  for (const k of keep) {
    out.set(k, at);
    at += k.length;
  }
  return out;
}

/** How many functions are imported (they come first in the function index space). */
function importedFunctions(bytes, importSection) {
  if (!importSection) return 0;
  let [count, pos] = uleb(bytes, importSection.start);
  let funcs = 0;
  const skipName = () => {
    let n;
    [n, pos] = uleb(bytes, pos);
    pos += n;
  };
  for (let i = 0; i < count; i++) {
    skipName();
    skipName();
    const kind = bytes[pos++];
    if (kind === 0) {
      [, pos] = uleb(bytes, pos);
      funcs++;
    } else if (kind === 1) {
      pos++; // reftype
      const flags = bytes[pos++];
      [, pos] = uleb(bytes, pos);
      if (flags & 1) [, pos] = uleb(bytes, pos);
    } else if (kind === 2) {
      const flags = bytes[pos++];
      [, pos] = uleb(bytes, pos);
      if (flags & 1) [, pos] = uleb(bytes, pos);
    } else if (kind === 3) {
      pos += 2; // valtype, mutability
    } else if (kind === 4) {
      pos++;
      [, pos] = uleb(bytes, pos);
    } else {
      throw new Error(`import kind ${kind}`);
    }
  }
  return funcs;
}

/** Function names from the `name` section's function subsection: Map(index → name). */
function functionNames(bytes, nameSection) {
  const names = new Map();
  if (!nameSection) return names;
  let [n, pos] = uleb(bytes, nameSection.start);
  pos += n; // the section's own name, "name"
  const dec = new TextDecoder();
  while (pos < nameSection.end) {
    const sub = bytes[pos++];
    let size;
    [size, pos] = uleb(bytes, pos);
    const end = pos + size;
    if (sub === 1) {
      let count;
      [count, pos] = uleb(bytes, pos);
      for (let i = 0; i < count; i++) {
        let idx;
        let len;
        [idx, pos] = uleb(bytes, pos);
        [len, pos] = uleb(bytes, pos);
        names.set(idx, dec.decode(bytes.subarray(pos, pos + len)));
        pos += len;
      }
    }
    pos = end;
  }
  return names;
}

/** Each function body: { index, name, start, end } (the body's bytes, size prefix excluded). */
export function functions(bytes) {
  const secs = sections(bytes);
  const code = secs.find((s) => s.name === 'code');
  if (!code) return [];
  const imported = importedFunctions(bytes, secs.find((s) => s.name === 'import'));
  const names = functionNames(bytes, secs.find((s) => s.name === 'custom:name'));
  let [count, pos] = uleb(bytes, code.start);
  const out = [];
  for (let i = 0; i < count; i++) {
    let size;
    [size, pos] = uleb(bytes, pos);
    const index = imported + i;
    out.push({ index, name: names.get(index) ?? `code[${i}]`, start: pos, end: pos + size });
    pos += size;
  }
  return out;
}

/** Each data segment's bytes: { index, start, end }. */
export function dataSegments(bytes) {
  const data = sections(bytes).find((s) => s.name === 'data');
  if (!data) return [];
  let [count, pos] = uleb(bytes, data.start);
  const out = [];
  for (let i = 0; i < count; i++) {
    let flags;
    [flags, pos] = uleb(bytes, pos);
    if (flags === 2) [, pos] = uleb(bytes, pos); // memory index
    if (flags !== 1) {
      // The offset expression: read up to its `end` (0x0b); ours are i32.const N.
      while (bytes[pos] !== 0x0b) {
        const op = bytes[pos++];
        if (op === 0x41 || op === 0x42 || op === 0x23) [, pos] = uleb(bytes, pos);
        else throw new Error(`data offset opcode 0x${op.toString(16)}`);
      }
      pos++;
    }
    let size;
    [size, pos] = uleb(bytes, pos);
    out.push({ index: i, start: pos, end: pos + size });
    pos += size;
  }
  return out;
}
