// The audit's side of the page/worker conversation. It runs in a Web Worker, next to its
// own WebAssembly instance, so a 100,000-account file never blocks the page; where a host
// page forbids workers it runs on the page's thread, in the same slices. The page sends
// this function's source text to the worker (runner.js), so it must not use anything
// from outside its own body and its two arguments.
export function workerMain(port, createGlue) {
  let module = null;
  let glue = null;
  let rows = [];
  let keys = null;
  let current = 0;
  const send = (message, transfer) => port.postMessage(message, transfer || []);
  const pause = () => new Promise((resolve) => { setTimeout(resolve, 0); });
  const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

  function fresh() {
    glue = createGlue();
    glue.initSync({ module });
  }

  /** A large CSV: its first lines, checked while the whole file is read, so the first rows
   *  show at once. The rows of the whole file then replace them (the same rows, unless a
   *  later line adds to one of these accounts). */
  const PREVIEW_BYTES = 256 * 1024;
  async function preview(id, files, options) {
    const f = files[0];
    if (files.length !== 1 || f.blob.size < 4 * PREVIEW_BYTES) return;
    const head = new Uint8Array(await f.blob.slice(0, PREVIEW_BYTES).arrayBuffer());
    const first = head.find((b) => b > 32 && b !== 0xEF && b !== 0xBB && b !== 0xBF);
    if (first === 0x7B || first === 0x5B) return; // JSON: a part of it is not JSON
    let end = head.lastIndexOf(10);
    if (end < 0) return;
    try {
      glue.auditClear();
      glue.auditAddFile(String(f.name || ''), head.subarray(0, end + 1));
      glue.auditRead(JSON.stringify(options || {}));
      const part = JSON.parse(glue.auditStep(100));
      if (id !== current) return;
      send({ type: 'preview', id, rows: part });
      // Reading the whole file takes both cores of a small machine for a while: let the
      // page draw these rows first (it says when it has), so its frame is not starved.
      await new Promise((resolve) => {
        painted = resolve;
        setTimeout(resolve, 250);
      });
      painted = null;
    } catch (e) {
      // No preview: the whole file will say what is wrong.
    }
  }
  let painted = null;

  async function run(id, files, options) {
    glue.auditClear();
    rows = [];
    keys = null;
    // Files arrive as Blobs (a handle, not a copy, crosses to the worker) and are read here;
    // one too large is refused before it is read.
    for (const f of files) {
      if (f.blob.size > glue.auditMaxBytes()) throw new Error(glue.auditTooLarge(f.blob.size, (options && options.lang) || 'en'));
    }
    await preview(id, files, options);
    glue.auditClear();
    if (id !== current) return;
    for (const f of files) glue.auditAddFile(String(f.name || ''), new Uint8Array(await f.blob.arrayBuffer()));
    if (id !== current) return;
    const total = glue.auditRead(JSON.stringify(options || {}));
    send({ type: 'read', id, total });
    // Slices of about 40 ms: the first rows arrive at once, cancel answers quickly.
    let batch = 250;
    let done = 0;
    while (done < total) {
      await pause();
      if (id !== current) return;
      const started = now();
      const part = JSON.parse(glue.auditStep(batch));
      for (const r of part) rows.push(r);
      // Small messages: the page takes each in a few milliseconds.
      for (let k = 0; k < part.length; k += 1000) {
        done += Math.min(1000, part.length - k);
        send({ type: 'rows', id, rows: part.slice(k, k + 1000), done, total });
      }
      const took = Math.max(now() - started, 1);
      batch = Math.max(50, Math.min(20000, Math.round(batch * (40 / took))));
      if (part.length === 0) break;
    }
    if (id !== current) return;
    send({ type: 'done', id, head: JSON.parse(glue.auditHead()) });
  }

  /** A small made-up tenant run through every step, while the page is idle: the engine's
   *  hot code is then optimized (the browser does that on other threads, after code has run
   *  a while) before a real file comes, so that work does not compete with the first rows
   *  being drawn on a two-core machine. */
  function warm() {
    if (current !== 0) return;
    const phones = ['+81 90-1234-5678', '090-1234-5678', '+44 7700 900123', '+1 425 555 0100', '8.19E+11', '+49 1512 3456789', ''];
    const lines = ['userPrincipalName,displayName,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails,onPremisesSyncEnabled'];
    for (let i = 0; i < 2000; i++) {
      lines.push(`admin${i}@contoso.example,Admin ${i},${i % 3 ? 'User Administrator' : 'Global Administrator'},"mobilePhone; email",${phones[i % phones.length]},a${i}@${i % 9 ? 'fabrikam.example' : 'gmial.com'},,,${i % 4 === 0}`);
    }
    try {
      glue.auditAddFile('warm.csv', new TextEncoder().encode(lines.join('\n')));
      glue.auditRead(JSON.stringify({ lang: 'en' }));
      while (JSON.parse(glue.auditStep(500)).length) { /* all of it */ }
      glue.auditHead();
      glue.auditAccount(0);
      glue.auditExport('csv', 'accounts', 0, 0, 200);
    } catch (e) {
      // Only a warm-up.
    }
    glue.auditClear();
  }

  const rank = { fails: 0, atRisk: 1, unknown: 2, ok: 3 };
  function sortKey(r, key) {
    switch (key) {
      case 'status': return rank[r.status] ?? 9;
      case 'role': return r.role;
      case 'usable': return r.usable;
      case 'date': return r.smsRetirementDate || '9999';
      case 'findings': return r.findings.length;
      case 'name': return String(r.displayName || '').toLowerCase();
      default: return String(r.upn || '').toLowerCase();
    }
  }

  function query(filter, sort) {
    const f = filter || {};
    const text = String(f.text || '').trim().toLowerCase();
    const out = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (f.status && r.status !== f.status) continue;
      if (f.role && r.role !== f.role) continue;
      if (f.finding && !r.findings.includes(f.finding)) continue;
      if (text) {
        const hay = `${r.upn || ''} ${r.displayName || ''}`.toLowerCase();
        if (!hay.includes(text)) continue;
      }
      out.push(i);
    }
    if (sort && sort.key) {
      if (!keys || keys.key !== sort.key) keys = { key: sort.key, values: rows.map((r) => sortKey(r, sort.key)) };
      const v = keys.values;
      const dir = sort.dir === 'desc' ? -1 : 1;
      out.sort((a, b) => (v[a] < v[b] ? -dir : v[a] > v[b] ? dir : a - b));
    }
    return Int32Array.from(out);
  }

  async function exportFile(id, format) {
    const parts = [glue.auditExport(format, 'head', 0, 0, 0)];
    const passes = Number(glue.auditExport(format, 'passes', 0, 0, 0));
    const step = 2000;
    for (let pass = 0; pass < passes; pass++) {
      for (let start = 0; start < rows.length; start += step) {
        parts.push(glue.auditExport(format, 'accounts', pass, start, Math.min(rows.length, start + step)));
        send({ type: 'exporting', id, done: pass * rows.length + Math.min(rows.length, start + step), total: passes * rows.length });
        await pause();
      }
      parts.push(glue.auditExport(format, 'between', pass, 0, 0));
    }
    parts.push(glue.auditExport(format, 'tail', 0, 0, 0));
    const types = { csv: 'text/csv;charset=utf-8', json: 'application/json', markdown: 'text/markdown;charset=utf-8', text: 'text/plain;charset=utf-8' };
    return new Blob(parts, { type: types[format] || 'text/plain' });
  }

  port.onmessage = async (event) => {
    const m = event.data || {};
    try {
      switch (m.type) {
        case 'init':
          module = m.module;
          fresh();
          send({ type: 'ready' });
          break;
        case 'run':
          current = m.id;
          await run(m.id, m.files, m.options);
          break;
        case 'warm':
          warm();
          break;
        case 'painted':
          painted?.();
          break;
        case 'cancel':
          current = -1;
          glue.auditClear();
          rows = [];
          break;
        case 'account':
          send({ type: 'account', id: m.id, account: JSON.parse(glue.auditAccount(m.index)) });
          break;
        case 'query': {
          const indices = query(m.filter, m.sort);
          send({ type: 'query', id: m.id, indices }, [indices.buffer]);
          break;
        }
        case 'export':
          send({ type: 'export', id: m.id, blob: await exportFile(m.id, m.format) });
          break;
        default:
          break;
      }
    } catch (e) {
      const trapped = typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
      // A trap kills the instance: start a fresh one so the next file works.
      if (trapped && module) fresh();
      send({ type: 'error', id: m.id, message: String((e && e.message) || e), trapped });
    }
  };
}
