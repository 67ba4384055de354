// window.SsprDoctor: the contract's page API (shared/contract.md), for embedding pages and
// automation. Defined once, whichever front (page or <sspr-doctor>) loaded first.
import { engine, today } from './engine.js';
import { AuditRunner, toFiles } from './audit/runner.js';

/**
 * Contract v1.1: audit(input, options) → Promise<AuditReport>. Each call runs in its own
 * worker (the page's own audit is not disturbed) and ends it when done.
 * @param {any} input
 * @param {{ lang?: string, today?: string, tenantDomains?: string[], telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', tenantId?: string }} [options]
 */
async function audit(input, options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError('audit(input, options): options is an object');
  const files = toFiles(input);
  const runner = new AuditRunner();
  try {
    await runner.run(files, { ...options, today: options.today ?? today() });
    const blob = await runner.exportFile('json');
    return JSON.parse(await blob.text());
  } finally {
    runner.close();
  }
}

/**
 * Contract v1.2: fixScript(input, options) → Promise<string>, the command line's
 * `fix-script` bytes. Options as for audit, plus temporaryAccessPass (default false).
 * @param {any} input
 * @param {{ lang?: string, today?: string, tenantDomains?: string[], telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', tenantId?: string, temporaryAccessPass?: boolean }} [options]
 */
async function fixScript(input, options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError('fixScript(input, options): options is an object');
  const files = toFiles(input);
  const runner = new AuditRunner();
  try {
    await runner.run(files, { ...options, today: options.today ?? today() });
    const { blob } = await runner.fixScript(options.lang ?? 'en', options.temporaryAccessPass === true);
    // Blob.text() would drop the byte order mark: the command line's bytes keep it.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
  } finally {
    runner.close();
  }
}

/**
 * Contract v1.2: auditDiff(oldInput, newInput, options) → Promise<AuditDiff>: what changed
 * between an earlier export and a later one (inputs as for audit; options as for audit).
 * @param {any} oldInput
 * @param {any} newInput
 * @param {{ lang?: string, today?: string, tenantDomains?: string[], telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', tenantId?: string }} [options]
 */
async function auditDiff(oldInput, newInput, options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError('auditDiff(oldInput, newInput, options): options is an object');
  const runner = new AuditRunner();
  try {
    const o = { ...options, today: options.today ?? today() };
    await runner.run(toFiles(newInput), o);
    return await runner.diff(toFiles(oldInput), o);
  } finally {
    runner.close();
  }
}

/** Defines window.SsprDoctor once. False when another script already defined it. */
let ours = null;
export function exposeApi() {
  if (window.SsprDoctor) return window.SsprDoctor === ours;
  Object.defineProperty(window, 'SsprDoctor', {
    value: Object.freeze({
      diagnose: (c) => engine.diagnose(c),
      checkPhones: (list) => engine.checkPhones(list),
      audit,
      auditDiff,
      fixScript,
      version: __VERSION__,
      get restarts() { return engine.restarts; },
      /** For the crash-recovery test: makes the module trap as a Rust panic would. */
      _trapForTesting: () => engine.trapForTesting(),
    }),
    enumerable: true,
  });
  ours = window.SsprDoctor;
  return true;
}
