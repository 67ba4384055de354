// The one adapter between the page and the WebAssembly module. It instantiates the module
// from bytes bundled in the script (the CSP forbids fetch), answers diagnose() synchronously,
// and replaces the instance if it ever traps: a trap (a Rust panic) leaves the old
// instance in an undefined state, so it is never used again.
import { WASM_BASE64 } from '@gen/wasm-bytes.js';
import { createGlue } from '@gen/glue-factory.js';

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

/** Thrown by diagnose() after the module crashed; the engine has already restarted. */
export class EngineRestarted extends Error {
  constructor(cause) {
    super('The diagnosis engine stopped and was restarted. Please try again.');
    this.name = 'EngineRestarted';
    this.cause = cause;
  }
}

function decodeBase64(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function classify(err) {
  const msg = String(err?.message ?? err);
  if (/wasm-unsafe-eval|Content Security Policy|CSP|call to eval|not allowed by/i.test(msg)) return 'blocked';
  if (err instanceof WebAssembly.CompileError || /base64|atob|invalid character|magic/i.test(msg)) return 'damaged';
  return 'unknown';
}

let compiled = null;
let glue = null;
let restarts = 0;

async function instantiate() {
  const fresh = createGlue();
  await fresh.default({ module_or_path: compiled });
  glue = fresh;
}

/** Loads the module once. Rejects with a LoadError. */
export async function load() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.compile !== 'function') {
    throw new LoadError('noWasm', new Error('WebAssembly is not available'));
  }
  try {
    compiled = await WebAssembly.compile(decodeBase64(WASM_BASE64));
    await instantiate();
  } catch (e) {
    throw new LoadError(classify(e), e);
  }
}

/** Today as YYYY-MM-DD in the user's own time zone. */
export function today(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function call(fn) {
  if (!glue) throw new Error('SSPR Doctor is not loaded yet');
  try {
    return fn(glue);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // The instance is dead. Start a new one from the compiled module; the caller's
      // answers are in the page, not in the module, so nothing is lost.
      glue = null;
      restarts += 1;
      const ready = instantiate();
      engine.restarting = ready;
      throw Object.assign(new EngineRestarted(e), { ready });
    }
    throw e;
  }
}

export const engine = {
  load,
  restarting: null,
  get restarts() { return restarts; },
  get loaded() { return glue !== null; },
  /** Contract v1 diagnose; fills `today` from the clock when absent (as the CLI does). */
  diagnose(c) {
    if (c === null || typeof c !== 'object' || Array.isArray(c)) throw new TypeError('diagnose(case) takes a Case object');
    const input = c.today == null ? { ...c, today: today() } : c;
    return call((g) => g.diagnose(input));
  },
  version: () => call((g) => g.version()),
  /** A report as 'text' or 'markdown' in `lang` (the core's formatter). */
  format: (report, format, lang) => call((g) => g.formatReport(report, format, lang)),
  /** For the recovery test only: makes the module trap like a panic would. */
  trapForTesting: () => call((g) => g.__trapForTesting()),
};

/** Page facts and phone regions never change: read them once from the module. */
let cachedFacts = null;
export function pageFacts() {
  cachedFacts ??= { ...call((g) => g.facts()), regions: call((g) => g.phoneRegions()) };
  return cachedFacts;
}
