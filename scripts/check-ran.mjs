// Runs a test command and fails unless it reports at least one passed test and no failure.
// Guards against suites that are silently skipped (wasm-pack test exits 0 when a suite is
// not configured to run in a browser).
//   node scripts/check-ran.mjs NAME -- command args...
import { spawn } from 'node:child_process';

const sep = process.argv.indexOf('--');
const name = process.argv[2];
const [cmd, ...args] = process.argv.slice(sep + 1);
const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
for (const s of [child.stdout, child.stderr]) s.on('data', (d) => { out += d; process.stdout.write(d); });
child.on('close', (code) => {
  const results = [...out.matchAll(/test result: (\w+)\. (\d+) passed; (\d+) failed/g)];
  const passed = results.reduce((n, m) => n + Number(m[2]), 0);
  const failed = results.reduce((n, m) => n + Number(m[3]), 0);
  if (code !== 0 || failed > 0) { console.error(`${name}: failed (exit ${code}, ${failed} failed)`); process.exit(code || 1); }
  if (passed === 0) { console.error(`${name}: no test ran: treating as a failure`); process.exit(1); }
  console.log(`${name}: ${passed} passed, 0 failed`);
});
