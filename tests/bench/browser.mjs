// Browser benchmark (run with `just bench`): diagnose and phone checks per second through
// window.SsprDoctor.diagnose in headless Chromium (JS object in, JS object out, so the
// crossing is included), next to the native figures from
// `cargo bench` (target/bench-native.json). Writes docs/bench.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, singleFileUrl, root } from '../e2e/helpers.mjs';

const CASES = {
  'diagnose: typical case (ja, all fields)': { lang: 'ja', symptom: 'both', username: 'admin@contoso.com', isAdmin: true, soleAdmin: false, alternateEmail: 'taro@gmial.com', mobilePhone: '+81 090-1234-5678', policyOutput: 'AllowedToUseSspr : True', pageMessage: 'SSPR_0009', methods: ['email', 'mobilePhone'], today: '2026-11-24' },
  'diagnose: empty case (everything to check)': { today: '2026-11-24' },
  'diagnose: 1 MB phone + 1 MB policy output': { mobilePhone: '0'.repeat(1 << 20), policyOutput: 'x'.repeat(1 << 20), today: '2026-11-24' },
  'phone check via diagnose (mobilePhone only, symptom sms)': { symptom: 'sms', mobilePhone: '+81 090-1234-5678', smsProvider: 'carrier', carrierReceivesUsSms: true, clickedResetLink: true, telecomProvider: true, isAdmin: true, today: '2026-11-24' },
};

const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(singleFileUrl);
await page.waitForFunction(() => typeof window.SsprDoctor?.diagnose === 'function');
const results = [];
for (const [name, c] of Object.entries(CASES)) {
  const r = await page.evaluate((c) => {
    const f = () => window.SsprDoctor.diagnose(c);
    const t0 = performance.now();
    let warm = 0;
    while (performance.now() - t0 < 300) { f(); warm++; }
    const per = (performance.now() - t0) / warm;
    const batch = Math.max(1, Math.round(5 / per));
    const samples = [];
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      for (let j = 0; j < batch; j++) f();
      samples.push((performance.now() - s) / batch);
    }
    samples.sort((a, b) => a - b);
    return { median: samples[20], p10: samples[4], p90: samples[36] };
  }, c);
  results.push({ name, ...r });
  console.log(`${name.padEnd(58)} median ${(r.median * 1000).toFixed(1).padStart(9)} µs = ${Math.round(1000 / r.median)}/s`);
}
await browser.close();

const nativePath = join(root, 'target/bench-native.json');
const nativeRun = existsSync(nativePath) ? JSON.parse(readFileSync(nativePath, 'utf8')) : { stats: [] };
const native = nativeRun.stats;
const us = (ns) => (Number.isFinite(ns) ? `${(ns / 1000).toFixed(2)} µs` : '—');
const md = `# Benchmarks

Run by \`just bench\` on ${new Date().toISOString().slice(0, 10)} (2 cores). Median of 40–60 timed batches after
a 300 ms warm-up; per second = 1 / median. Native: \`cargo bench -p sspr-doctor-core --bench diagnose\`
(release profile). Browser: headless Chromium, the offline file, through \`window.SsprDoctor.diagnose\`
(includes the case and the report crossing between JavaScript and WebAssembly).

## Native (Rust)

The corpus is tests/phones/corpus.tsv (${nativeRun.corpus ?? '?'} numbers). Peak memory of the benchmark process after
checking it: ${nativeRun.peakMib ?? '?'} MiB (VmHWM). Side-by-side figures with the JavaScript peer are in docs/figures.md.

| what | median | p10–p90 | per second |
|---|---|---|---|
${native.map((s) => `| ${s.name} | ${us(s.medianNs)} | ${s.p10Ns === null ? 'one pass' : `${us(s.p10Ns)}–${us(s.p90Ns)}`} | ${Math.round(1e9 / s.medianNs).toLocaleString('en')} |`).join('\n')}

## In the browser (WebAssembly, Chromium)

| what | median | p10–p90 | per second |
|---|---|---|---|
${results.map((r) => `| ${r.name} | ${(r.median * 1000).toFixed(1)} µs | ${(r.p10 * 1000).toFixed(1)}–${(r.p90 * 1000).toFixed(1)} µs | ${Math.round(1000 / r.median).toLocaleString('en')} |`).join('\n')}
`;
writeFileSync(join(root, 'docs/bench.md'), md);
console.log('wrote docs/bench.md');
