// Shared by the end-to-end tests: Debian's Chromium through playwright-core (never a
// downloaded browser), the static server, the page targets, and a page probe that records
// every request, console error, page error and CSP violation.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const artifacts = join(root, 'tests/artifacts');
mkdirSync(artifacts, { recursive: true });

/** Where screenshots and the axe results go: tests/artifacts/ (untracked) when testing;
 *  docs/ only for `just screenshots` (SSPR_DOCS=1), so tests never rewrite tracked files. */
export const DOCS = process.env.SSPR_DOCS === '1';
export const shotsDir = DOCS ? join(root, 'docs/screenshots') : join(artifacts, 'screenshots');
mkdirSync(shotsDir, { recursive: true });
export const axeResultsFile = DOCS ? join(root, 'docs/axe-results.json') : join(artifacts, 'axe-results.json');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

for (const f of [CHROMIUM, join(root, 'dist/sspr-doctor.html'), join(root, 'dist/site/index.html')]) {
  // A missing browser or build must fail the suite, never skip it.
  if (!existsSync(f)) throw new Error(`missing ${f}: run ./dev build (or ./dev test)`);
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves dist/site at `/` and again under a sub-path, on a free loopback port. */
export async function serve() {
  const server = await startServer({ port: 0 });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

export const singleFileUrl = pathToFileURL(join(root, 'dist/sspr-doctor.html')).href;

/** Opens `url` in a fresh context and records what the page does. */
export async function openProbed(browser, url, { locale = 'en-US', beforeGoto } = {}) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const probe = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [], readyAt: null, startedAt: Date.now() };
  page.on('request', (r) => probe.requests.push({ url: r.url(), at: Date.now() }));
  page.on('console', (m) => { if (m.type() === 'error') probe.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => probe.pageErrors.push(e.message));
  await page.exposeFunction('__reportCsp', (v) => probe.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url);
  return { context, page, probe };
}

export async function waitReady(page, probe) {
  await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function', null, { timeout: 15000 });
  probe.readyAt = Date.now();
}

export function fixtures() {
  const dir = join(root, 'tests/fixtures/cases');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), json: readFileSync(join(dir, f), 'utf8') }));
}

/** The command line's report for a case, as the exact bytes it printed (without the newline). */
export function cliReport(caseJson) {
  const bin = join(root, 'target/release/sspr-doctor');
  const r = spawnSync(bin, ['diagnose'], { input: caseJson, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sspr-doctor exited ${r.status}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, '');
}
