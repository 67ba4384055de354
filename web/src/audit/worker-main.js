// The audit's side of the page/worker conversation. It runs in a Web Worker, next to its
// own WebAssembly instance, so a 100,000-account file never blocks the page; where a host
// page forbids workers it runs on the page's thread, in the same slices. The page sends
// this function's source text to the worker (runner.js), so it must not use anything
// from outside its own body and its two arguments.
export function workerMain(port, createGlue) {
  let module = null;
  let glue = null;
  // How many accounts are checked: the rows themselves stay in the engine, which answers
  // the page's questions about them (a page of rows, a filter, an order, the counts).
  let checked = 0;
  let current = 0;
  /** The files of the drop being handed over (`stage` messages), until `orgs` takes them. */
  let staged = [];
  const send = (message, transfer) => port.postMessage(message, transfer || []);
  const TYPES = { csv: 'text/csv;charset=utf-8', json: 'application/json', markdown: 'text/markdown;charset=utf-8', text: 'text/plain;charset=utf-8', html: 'text/html;charset=utf-8' };
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
  /** The rows of accounts `from`..`to` (those checked), as the table shows them. */
  const rowsOf = (from, to) => {
    const n = Math.max(0, Math.min(to, checked) - from);
    if (n === 0) return [];
    return JSON.parse(glue.auditRows(Uint32Array.from({ length: n }, (_, k) => from + k)));
  };
  const tally = () => JSON.parse(glue.auditTally());

  async function preview(id, files, options, first) {
    const f = files[0];
    if (files.length !== 1 || f.blob.size < 4 * PREVIEW_BYTES) return;
    const head = new Uint8Array(await f.blob.slice(0, PREVIEW_BYTES).arrayBuffer());
    if (id !== current) return;
    const lead = head.find((b) => b > 32 && b !== 0xEF && b !== 0xBB && b !== 0xBF);
    if (lead === 0x7B || lead === 0x5B) return; // JSON: a part of it is not JSON
    const end = head.lastIndexOf(10);
    if (end < 0) return;
    try {
      glue.auditClear();
      glue.auditAddFile(String(f.name || ''), head.subarray(0, end + 1));
      glue.auditRead(JSON.stringify(options || {}));
      checked = glue.auditCheck(first);
      if (id !== current) return;
      send({ type: 'preview', id, rows: rowsOf(0, first), tally: tally() });
      // Reading the whole file takes both cores of a small machine for a while: let the
      // page draw these rows first (it says when it has), so its frame is not starved.
      await new Promise((resolve) => {
        painted = resolve;
        setTimeout(resolve, 250);
      });
      painted = null;
    } catch {
      // No preview: the whole file will say what is wrong.
    }
  }
  let painted = null;

  /** The file's bytes go to the engine in parts of this size, through one buffer reused
   *  for every part where the browser can (a stream read into our own buffer), so the
   *  page never holds the file a second time, not even as garbage waiting to be collected. */
  const PART_BYTES = 1024 * 1024;
  async function feed(id, blob) {
    let reader = null;
    try {
      reader = blob.stream().getReader({ mode: 'byob' });
    } catch {
      reader = null; // no byte stream here: slices instead
    }
    if (reader) {
      let buffer = new ArrayBuffer(PART_BYTES);
      for (;;) {
        const { value, done } = await reader.read(new Uint8Array(buffer));
        // Checked after every wait, before the engine is touched: on the page's thread a
        // cancelled run would otherwise add to the next run's file.
        if (id !== current) {
          reader.cancel().catch(() => {});
          return false;
        }
        if (done) return true;
        glue.auditFileAppend(value);
        buffer = value.buffer;
      }
    }
    for (let at = 0; at < blob.size; at += PART_BYTES) {
      const part = new Uint8Array(await blob.slice(at, at + PART_BYTES).arrayBuffer());
      if (id !== current) return false;
      glue.auditFileAppend(part);
    }
    return true;
  }

  /** `first`: how many rows the page shows first; they come with the counts. */
  async function run(id, files, options, first) {
    glue.auditClear();
    // A new audit starts in full, as the page's switch does ("Hide contact data" off).
    glue.auditRedact(false, 0, 0);
    checked = 0;
    // Files arrive as Blobs (a handle, not a copy, crosses to the worker) and are read here;
    // one too large is refused before it is read.
    for (const f of files) {
      if (f.blob.size > glue.auditMaxBytes()) throw new Error(glue.auditTooLarge(f.blob.size, options?.lang || 'en'));
    }
    await preview(id, files, options, first);
    if (id !== current) return;
    glue.auditClear();
    checked = 0;
    // In parts: the engine holds the file's bytes, JavaScript only one part at a time.
    for (const f of files) {
      glue.auditFileStart(String(f.name || ''), f.blob.size);
      if (!(await feed(id, f.blob))) return;
    }
    const total = glue.auditRead(JSON.stringify(options || {}));
    send({ type: 'read', id, total });
    // Slices of about 40 ms: the first rows arrive at once, cancel answers quickly.
    let batch = 250;
    let done = 0;
    while (done < total) {
      await pause();
      if (id !== current) return;
      const started = now();
      checked = glue.auditCheck(batch);
      // One small message a slice: the counts, and the first page's rows as they come.
      send({ type: 'checked', id, rows: rowsOf(done, first), done: checked, total, tally: tally() });
      const took = Math.max(now() - started, 1);
      batch = Math.max(50, Math.min(20000, Math.round(batch * (40 / took))));
      if (checked === done) break;
      done = checked;
    }
    if (id !== current) return;
    send({ type: 'done', id, head: JSON.parse(glue.auditHead()) });
  }

  /** An earlier export against the finished audit (contract v1.2 "Comparing two
   *  exports"): read and checked in the engine beside it, compared in brief, then
   *  forgotten; the finished audit stays as it was. */
  async function compare(files, options, perChange) {
    for (const f of files) {
      if (f.blob.size > glue.auditMaxBytes()) throw new Error(glue.auditTooLarge(f.blob.size, options?.lang || 'en'));
    }
    // A cancel (current changes; a new run waits for this one, port.onmessage) stops the
    // reading; the audit set aside is then forgotten with the rest (auditClear).
    const id = current;
    glue.auditDiffBegin();
    try {
      for (const f of files) {
        glue.auditFileStart(String(f.name || ''), f.blob.size);
        if (!(await feed(id, f.blob))) throw new Error('cancelled');
      }
      const total = glue.auditRead(JSON.stringify(options || {}));
      for (let done = 0, before = -1; done < total && done !== before;) {
        before = done;
        done = glue.auditCheck(5000);
        await pause();
        // A cancel while this one waited: the engine has been cleared.
        if (id !== current) throw new Error('cancelled');
      }
      return JSON.parse(glue.auditDiffEnd(String(options?.lang || 'en'), perChange));
    } catch (e) {
      glue.auditDiffAbort();
      throw e;
    }
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
      for (let before = -1; checked !== before;) {
        before = checked;
        checked = glue.auditCheck(500);
        glue.auditTally();
      }
      glue.auditRows(Uint32Array.from([0, 1, 2]));
      glue.auditQuery(JSON.stringify({ text: 'admin1', sort: { key: 'status', dir: 'asc' } }));
      glue.auditHead();
      glue.auditAccount(0);
      glue.auditExport('csv', 'accounts', 0, 0, 200);
    } catch {
      // Only a warm-up.
    }
    glue.auditClear();
    checked = 0;
  }

  async function exportFile(id, format) {
    const parts = [glue.auditExport(format, 'head', 0, 0, 0)];
    const passes = Number(glue.auditExport(format, 'passes', 0, 0, 0));
    const step = 2000;
    for (let pass = 0; pass < passes; pass++) {
      for (let start = 0; start < checked; start += step) {
        parts.push(glue.auditExport(format, 'accounts', pass, start, Math.min(checked, start + step)));
        send({ type: 'exporting', id, done: pass * checked + Math.min(checked, start + step), total: passes * checked });
        await pause();
      }
      parts.push(glue.auditExport(format, 'between', pass, 0, 0));
    }
    parts.push(glue.auditExport(format, 'tail', 0, 0, 0));
    return new Blob(parts, { type: TYPES[format] || 'text/plain' });
  }

  // ---- Many organizations (contract v1.3) --------------------------------------------

  /** A deflated member inflated by the browser, no further than one byte past the size it
   *  declares: its bytes, or why not ('archive_bomb', 'archive_unreadable'). */
  async function inflate(raw, size) {
    const parts = [];
    let n = 0;
    try {
      const reader = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        n += value.length;
        if (n > size) {
          reader.cancel().catch(() => {});
          return 'archive_bomb';
        }
        parts.push(value);
      }
    } catch {
      return 'archive_unreadable';
    }
    const out = new Uint8Array(n);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Reads the members the engine listed (and those of an archive inside, in turn). */
  async function members(id, list) {
    for (const m of list) {
      if (id !== current) return;
      let inner;
      if (m.method === 'stored') {
        inner = glue.orgsArchiveTake(m.id, undefined);
      } else {
        const data = await inflate(glue.orgsArchiveRaw(m.id), m.size);
        // Without a worker, a new drop may have begun meanwhile: its archive is not this one.
        if (id !== current) return;
        if (typeof data === 'string') {
          glue.orgsArchiveRefuse(m.id, data);
          continue;
        }
        inner = glue.orgsArchiveTake(m.id, data);
      }
      await members(id, JSON.parse(inner));
    }
  }

  const isZip = async (f) => /\.zip$/i.test(f.name) || (f.blob.size >= 4 && new Uint8Array(await f.blob.slice(0, 4).arrayBuffer()).join() === '80,75,3,4');

  /** A drop of many organizations' exports: files with their paths ([{ name, blob }]), an
   *  archive's members through the engine's listing. Then checked in slices like an audit. */
  async function orgs(id, files, options, over) {
    glue.orgsClear();
    glue.auditRedact(false, 0, 0);
    // Without a worker (the page's thread runs this), a new drop can begin at any await: after
    // each, nothing of this one goes into the engine once it is not the current drop.
    for (const f of files) {
      if (id !== current) return;
      try {
        const zip = await isZip(f);
        if (id !== current) return;
        if (zip) {
          if (f.blob.size > glue.orgsArchiveMaxBytes()) {
            glue.orgsProblem(f.name, 'archive_too_large');
            continue;
          }
          const bytes = new Uint8Array(await f.blob.arrayBuffer());
          if (id !== current) return;
          const listed = glue.orgsArchiveOpen(f.name, bytes);
          await members(id, JSON.parse(listed));
          if (id !== current) return;
          glue.orgsArchiveClose();
        } else if (f.blob.size > glue.auditMaxBytes()) {
          glue.orgsProblem(f.name, 'tooLarge');
        } else {
          const bytes = new Uint8Array(await f.blob.arrayBuffer());
          if (id !== current) return;
          glue.orgsAddFile(f.name, bytes);
        }
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) throw e;
        if (id !== current) return;
        // The browser could not read it (a file gone, a folder without permission).
        glue.orgsArchiveClose();
        glue.orgsProblem(f.name, 'archive_unreadable');
      }
    }
    if (id !== current) return;
    if (over != null) glue.orgsProblem(String(over), 'too_many_files');
    const total = glue.orgsRead(JSON.stringify(options || {}));
    send({ type: 'read', id, total });
    let batch = 500;
    for (let done = 0; done < total;) {
      await pause();
      if (id !== current) return;
      const started = now();
      const checked = glue.orgsCheck(batch);
      send({ type: 'checked', id, rows: [], done: checked, total, tally: null });
      batch = Math.max(50, Math.min(20000, Math.round(batch * (40 / Math.max(now() - started, 1)))));
      if (checked === done) break;
      done = checked;
    }
    if (id !== current) return;
    send({ type: 'done', id, orgs: JSON.parse(glue.orgsHead()) });
  }

  /** The organizations as a file, organization by organization. */
  async function orgsFile(id, format) {
    const parts = [glue.orgsExport(format, 'start', 0)];
    const n = JSON.parse(glue.orgsHead()).organizations.length;
    for (let k = 0; k < n; k++) {
      parts.push(glue.orgsExport(format, 'org', k));
      send({ type: 'exporting', id, done: k + 1, total: n });
      await pause();
    }
    parts.push(glue.orgsExport(format, 'end', 0));
    return new Blob(parts, { type: TYPES[format] || 'text/plain' });
  }

  // While an earlier export is read beside the audit, the audit is set aside in the engine:
  // every other question waits until it is back (a cancel does not).
  let comparing = null;
  port.onmessage = async (event) => {
    const m = event.data || {};
    while (comparing && m.type !== 'cancel' && m.type !== 'painted') await comparing.catch(() => {});
    try {
      switch (m.type) {
        case 'init':
          module = m.module;
          fresh();
          send({ type: 'ready' });
          break;
        case 'run':
          current = m.id;
          glue.orgsClear();
          await run(m.id, m.files, m.options, m.first ?? 0);
          break;
        case 'warm':
          warm();
          break;
        case 'painted':
          painted?.();
          break;
        case 'cancel':
          current = -1;
          glue.orgsClear();
          glue.auditClear();
          checked = 0;
          break;
        case 'account':
          send({ type: 'account', id: m.id, account: JSON.parse(glue.auditAccount(m.index)) });
          break;
        case 'lang':
          // What is checked is said again in the other language; nothing is read again.
          glue.auditSetLang(String(m.lang));
          send({ type: 'lang', id: m.id, head: JSON.parse(glue.auditHead()) });
          break;
        case 'rows':
          send({ type: 'rows', id: m.id, rows: JSON.parse(glue.auditRows(Uint32Array.from(m.indices))) });
          break;
        case 'query': {
          const f = m.filter || {};
          const q = { status: String(f.status || ''), role: String(f.role || ''), finding: String(f.finding || ''), text: String(f.text || ''), sort: { key: String(m.sort?.key || ''), dir: String(m.sort?.dir || 'asc') } };
          const indices = glue.auditQuery(JSON.stringify(q));
          send({ type: 'query', id: m.id, indices }, [indices.buffer]);
          break;
        }
        case 'fixScript': {
          // The page gets the first lines to show and the whole script as a Blob (a handle):
          // 20 MB of text crossing to the page's thread would hold it for 150 ms.
          const script = glue.auditFixScript(JSON.stringify({ lang: m.lang, temporaryAccessPass: !!m.temporaryAccessPass, tenantId: m.tenantId || null }));
          let lines = 1;
          let cut = -1;
          for (let i = script.indexOf('\n'); i >= 0; i = script.indexOf('\n', i + 1)) {
            if (lines === Number(m.shownLines)) cut = i;
            lines++;
          }
          const preview = cut >= 0 ? script.slice(0, cut) : script;
          send({ type: 'fixScript', id: m.id, preview, lines, blob: new Blob([script], { type: 'text/plain;charset=utf-8' }) });
          break;
        }
        case 'diff':
          comparing = compare(m.files, m.options, Number(m.perChange) || 0);
          try {
            send({ type: 'diff', id: m.id, diff: await comparing });
          } finally {
            comparing = null;
          }
          break;
        case 'diffAgain':
          send({ type: 'diff', id: m.id, diff: JSON.parse(glue.auditDiffJson(String(m.lang), Number(m.perChange) || 0)) });
          break;
        case 'diffExport':
          send({ type: 'diffExport', id: m.id, blob: new Blob([glue.auditDiffExport(String(m.format), String(m.lang))], { type: TYPES[m.format] || 'text/plain' }) });
          break;
        case 'stage':
          // A drop's files, a few per message (runner.js stage); the drop follows.
          if (m.first) staged = [];
          staged.push(...m.files);
          break;
        case 'orgs':
          current = m.id;
          await orgs(m.id, m.staged ? staged.splice(0) : m.files, m.options, m.over);
          break;
        case 'orgsOpen':
          // The organization's audit answers every audit call until orgsClose.
          glue.orgsOpen(Number(m.index));
          checked = glue.auditCheck(0);
          send({ type: 'orgsOpen', id: m.id, head: JSON.parse(glue.auditHead()), rows: rowsOf(0, Number(m.first) || 0), tally: tally() });
          break;
        case 'orgsClose':
          glue.orgsClose();
          send({ type: 'orgsClose', id: m.id, orgs: JSON.parse(glue.orgsHead()) });
          break;
        case 'orgsExport':
          send({ type: 'orgsExport', id: m.id, blob: await orgsFile(m.id, String(m.format)) });
          break;
        case 'orgsFix': {
          const zip = glue.orgsFixScripts(JSON.stringify({ lang: m.lang, temporaryAccessPass: !!m.temporaryAccessPass }));
          send({ type: 'orgsFix', id: m.id, blob: new Blob([zip], { type: 'application/zip' }), refused: JSON.parse(glue.orgsFixRefusals()) });
          break;
        }
        case 'redact': {
          // A new salt each time contact data is hidden: new pseudonyms, stable until shown again.
          const salt = crypto.getRandomValues(new Uint32Array(2));
          glue.auditRedact(!!m.on, salt[0], salt[1]);
          send({ type: 'redact', id: m.id });
          break;
        }
        case 'orgsLang':
          glue.orgsSetLang(String(m.lang));
          send({ type: 'orgsLang', id: m.id, orgs: JSON.parse(glue.orgsHead()) });
          break;
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
      send({ type: 'error', id: m.id, message: String(e?.message || e), trapped });
    }
  };
}
