// window.SsprDoctor: the contract's page API (shared/contract.md), for embedding pages and
// automation. Defined once, whichever front (page or <sspr-doctor>) loaded first.
import { engine, today } from './engine.js';
import { AuditRunner, toFiles } from './audit/runner.js';

/** The options of the page API: the engine's AuditOptions, and `redact` (v1.3), which the
 *  page applies after reading (contact data hidden in every report; never in a script). */
function split(options, what) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError(`${what}: options is an object`);
  const { redact, ...rest } = options;
  return { redact: redact === true, o: { ...rest, today: rest.today ?? today() } };
}

/**
 * Contract v1.1: audit(input, options) → Promise<AuditReport>. Each call runs in its own
 * worker (the page's own audit is not disturbed) and ends it when done.
 * @param {any} input
 * @param {{ lang?: string, today?: string, tenantDomains?: string[], telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', tenantId?: string, redact?: boolean }} [options]
 */
async function audit(input, options = {}) {
  const { redact, o } = split(options, 'audit(input, options)');
  const files = toFiles(input);
  const runner = new AuditRunner();
  try {
    await runner.run(files, o);
    if (redact) await runner.redact(true);
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
 * @param {{ lang?: string, today?: string, tenantDomains?: string[], telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', tenantId?: string, temporaryAccessPass?: boolean, redact?: boolean }} [options]
 */
async function fixScript(input, options = {}) {
  const { redact, o } = split(options, 'fixScript(input, options)');
  const files = toFiles(input);
  const runner = new AuditRunner();
  try {
    await runner.run(files, o);
    // A script is never redacted: the engine refuses it, saying why.
    if (redact) await runner.redact(true);
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
 * @param {{ lang?: string, today?: string, tenantDomains?: string[], telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', tenantId?: string, redact?: boolean }} [options]
 */
async function auditDiff(oldInput, newInput, options = {}) {
  const { redact, o } = split(options, 'auditDiff(oldInput, newInput, options)');
  const runner = new AuditRunner();
  try {
    await runner.run(toFiles(newInput), o);
    if (redact) await runner.redact(true);
    return await runner.diff(toFiles(oldInput), o);
  } finally {
    runner.close();
  }
}

/**
 * Contract v1.3: auditOrganizations(input, options) → Promise<OrganizationsReport>: many
 * organizations' exports at once. `input`: a `.zip` (Blob, File, ArrayBuffer or Uint8Array),
 * an array of `{ name, data }` whose `name` may hold a folder path (`contoso/admins.csv`: one
 * organization per top folder), of Files, or an array of those. Options as for audit but
 * `tenantId` (each organization's is its own files').
 * @param {any} input
 * @param {{ lang?: string, today?: string, telecomProvider?: boolean, cloud?: 'public' | 'usGovernment' | 'usGovernmentDoD' | 'china', redact?: boolean }} [options]
 */
async function auditOrganizations(input, options = {}) {
  const { redact, o } = split(options, 'auditOrganizations(input, options)');
  const files = toFiles(Array.isArray(input) ? input.flat() : input);
  const runner = new AuditRunner();
  try {
    await runner.orgs(files, o);
    if (redact) await runner.redact(true);
    const blob = await runner.orgsExport('json');
    return JSON.parse(await blob.text());
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
      auditOrganizations,
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
