// What the benchmarks share: the median and its range, the command line timed as a user runs
// it (writing to a file, peak memory from /usr/bin/time), and a section of docs/figures.md
// written between its markers.
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
export const cli = join(root, 'target/release/sspr-doctor');

/** `sspr-doctor args... --today today`, its output written to `out`: seconds, peak MB, MB
 *  written, and the exit status. */
export function timeCli(args, { out, today }) {
  const fd = openSync(out, 'w');
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cli, ...args, '--today', today], { stdio: ['ignore', fd, 'pipe'] });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  closeSync(fd);
  return { secs, rss: Number(String(r.stderr).trim().split('\n').pop()) / 1024, mb: statSync(out).size / 1e6, status: r.status, stderr: String(r.stderr) };
}

/** Puts `section` (which starts with `<!-- name -->` and ends with `<!-- /name -->\n`) into
 *  docs/figures.md in place of the last one, or at its end. */
export function writeSection(name, section) {
  const path = join(root, 'docs/figures.md');
  const old = readFileSync(path, 'utf8');
  const marked = new RegExp(`<!-- ${name} -->[\\s\\S]*<!-- \\/${name} -->\\n`);
  writeFileSync(path, marked.test(old) ? old.replace(marked, () => section) : `${old}\n${section}`);
  console.log(section);
}
