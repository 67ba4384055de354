// What the benchmarks read of Chromium's processes (Linux /proc).
import { readdirSync, readFileSync } from 'node:fs';

/** RSS (bytes) of this machine's Chromium renderer processes, largest first. */
export function rendererRss() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) out.push(Number(m[1]) * 1024);
    } catch { /* gone */ }
  }
  return out.sort((a, b) => b - a);
}

/** Records every long task of `page` in `window.__long` (reset it to start counting). */
export async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
}
