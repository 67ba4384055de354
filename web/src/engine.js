// The one adapter between the page and the WebAssembly module. The module's bytes travel
// inside the page as text (the CSP forbids fetch; scripts/build-web.mjs); they are read
// back and compiled once the page has built its form, before it paints it (load below).
// Answers are synchronous once loaded. If the module ever traps (a Rust panic), the dead
// instance is replaced at once from the compiled module, so no later call finds the
// engine missing.
import { engineText } from '@engine-text';
import { createGlue } from '@gen/glue-factory.js';
import { engineBytes } from './engine-read.js';

/** Why loading failed, for a localized explanation. */
export class LoadError extends Error {
  constructor(kind, cause) {
    super(`${kind}: ${cause?.message ?? cause}`);
    this.kind = kind; // 'noWasm' | 'blocked' | 'damaged' | 'unknown'
    this.cause = cause;
  }
}

/** The localized explanation of a failed load(), for whichever front shows it. */
export function loadFailureText(t, e) {
  const kind = e instanceof LoadError ? e.kind : 'unknown';
  return t(`load.${kind}`, { message: e?.message ?? String(e) });
}

/** Thrown by the call whose input made the module trap; the engine is already restarted. */
export class EngineRestarted extends Error {
  constructor(cause) {
    super('The diagnosis engine stopped on this input and was restarted. Please try again.');
    this.name = 'EngineRestarted';
    this.cause = cause;
  }
}

function classify(err) {
  const msg = String(err?.message ?? err);
  if (/wasm-unsafe-eval|unsafe-eval|Content Security Policy|CSP|call to eval|not allowed by/i.test(msg)) return 'blocked';
  if (err instanceof WebAssembly.CompileError || /magic|invalid character|engine text damaged/i.test(msg)) return 'damaged';
  return 'unknown';
}

let compiled = null;
let glue = null;
let restarts = 0;
let loading = null;

/** A fresh instance of the compiled module, synchronously (no compile happens here). */
function instantiate() {
  const fresh = createGlue();
  fresh.initSync({ module: compiled });
  glue = fresh;
}

/** A performance mark `sspr-doctor:NAME` (read by tests/bench/figures.mjs). */
export function mark(name) {
  try { performance.mark(`sspr-doctor:${name}`); } catch { /* no User Timing here */ }
}

/** The module compiled synchronously, or null where the browser refuses that on this thread
 *  (a RangeError in browsers that cap synchronous compiles); a damaged module still throws. */
function compileNow(bytes) {
  try {
    return new WebAssembly.Module(bytes);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** Loads the module once; every caller gets the same promise. Rejects with a LoadError. */
export function load() {
  loading ??= (async () => {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.compile !== 'function') {
      throw new LoadError('noWasm', new Error('WebAssembly is not available'));
    }
    // Once the caller has built the form (this waits for its synchronous code to finish),
    // the engine's bytes are read and compiled on the main thread, at once, and the engine
    // is ready before the browser's next task. Chromium compiles a module lazily (each
    // function when first called), so compiling it here takes some 3 ms of 880 kB; the
    // asynchronous compile, as before, resolved only after the parse's end and the form's
    // first frame, some 45 ms later on the first answer's path (a trace of the offline
    // file). A browser that refuses a module this large on its main thread compiles it
    // asynchronously. (Measured and not kept, 2026-12-07: reading the text in a worker
    // started before the parser reaches it: the worker's start waits for the main thread,
    // the text reached it 75 ms after it was sent, and the first answer came 70 ms later.)
    // The marks let `just figures` say where the start-up goes.
    await null;
    try {
      mark('engine-start');
      const bytes = engineBytes(engineText());
      mark('engine-decoded');
      compiled = compileNow(bytes) ?? (await WebAssembly.compile(bytes));
      mark('engine-compiled');
      instantiate();
      mark('engine-ready');
    } catch (e) {
      throw new LoadError(classify(e), e);
    }
  })();
  return loading;
}

const pad = (n) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Now as 2026-11-25T10:15:00+09:00, in the user's own time zone (for the support summary). */
export function now(d = new Date()) {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${today(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

function call(fn) {
  if (!glue) throw new Error('SSPR Doctor is not loaded yet');
  try {
    return fn(glue);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // The instance is dead. Replace it now: the caller's answers are in the page, not in
      // the module, so nothing is lost, and the next call finds a working engine.
      glue = null;
      restarts += 1;
      instantiate();
      throw new EngineRestarted(e);
    }
    throw e;
  }
}

/** JSON text of a value from an embedding page, or a TypeError saying why not. */
function toJson(value, what) {
  try {
    return JSON.stringify(value);
  } catch (e) {
    throw new TypeError(`invalid ${what}: ${e.message}`);
  }
}

/** Case `c` with `today` and `now` from the clock where absent (as the CLI fills them). */
export function dated(c) {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) throw new TypeError('diagnose(case) takes a Case object');
  return c.today == null || c.now == null ? { ...c, today: c.today ?? today(), now: c.now ?? now() } : c;
}

const caseJson = (c) => toJson(dated(c), 'Case');

/** A chunk of numbers per call into the module: its memory stays small on any batch. */
const PHONE_CHUNK = 4096;

export const engine = {
  load,
  get restarts() { return restarts; },
  get loaded() { return glue !== null; },
  /** The compiled module, for the audit's worker (runner.js); null before load(). */
  compiledModule: () => compiled,
  /** Contract v1 diagnose; fills `today` and `now` from the clock when absent (as the CLI does). */
  diagnose(c) {
    return JSON.parse(call((g) => g.diagnoseJson(caseJson(c))));
  },
  /** The report of case `c` as 'text' or 'markdown' in its language (the core's formatter):
   *  `c` as given to diagnose, with the `today` and `now` it was given (`dated`). */
  format: (c, format) => call((g) => g.formatCaseJson(caseJson(c), format)),
  /** Contract v1.1 bulk phone checks: [{ mobilePhone, phoneCountry? }] → [PhoneCheck]. */
  checkPhones(list) {
    if (!Array.isArray(list)) throw new TypeError('checkPhones(list) takes an array of { mobilePhone, phoneCountry }');
    const out = [];
    for (let i = 0; i < list.length; i += PHONE_CHUNK) {
      const json = toJson(list.slice(i, i + PHONE_CHUNK), 'phone list');
      for (const r of JSON.parse(call((g) => g.checkPhonesJson(json)))) out.push(r);
    }
    return out;
  },
  version: () => call((g) => g.version()),
  /** For the recovery test only: makes the module trap like a panic would. */
  trapForTesting: () => call((g) => g.__trapForTesting()),
};
