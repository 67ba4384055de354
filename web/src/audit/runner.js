// The page's side of the audit: a Web Worker made from this bundle's own code (no file is
// fetched: the CSP allows no requests), given the engine's compiled module. Where the
// host page's policy forbids workers (a custom element under a strict CSP) the same code
// runs on the page's thread, in the same short slices.
import { createGlue } from '@gen/glue-factory.js';
import { engine } from '../engine.js';
import { PAGE } from '../words.js';
import { workerMain } from './worker-main.js';

const WORKER_SOURCE = `"use strict";\nconst createGlue = ${createGlue.toString()};\n(${workerMain.toString()})(self, createGlue);\n`;

/** Blob URLs this page made for its workers: the only script URLs its policy allows. */
const ours = new Set();
let policy = null;

function scriptUrl(url) {
  const tt = globalThis.trustedTypes;
  if (!tt?.createPolicy) return url;
  policy ??= tt.createPolicy('sspr-doctor-worker', {
    createScriptURL: (u) => {
      if (!ours.has(u)) throw new TypeError('not an SSPR Doctor worker');
      return u;
    },
  });
  return policy.createScriptURL(url);
}

/** The error a stopped run's callers get (the views return quietly on `cancelled`). */
const cancelled = () => Object.assign(new Error('cancelled'), { cancelled: true });

/** The page and the audit code on one thread: messages go through the task queue. */
function localPorts() {
  const page = { onmessage: null, postMessage: (m) => setTimeout(() => worker.onmessage?.({ data: m }), 0), terminate() {} };
  const worker = { onmessage: null, postMessage: (m) => setTimeout(() => page.onmessage?.({ data: m }), 0) };
  workerMain(worker, createGlue);
  return page;
}

/** A Worker, or null where the page may not start one. */
function startWorker() {
  let url = null;
  try {
    url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    ours.add(url);
    return new Worker(scriptUrl(url), { name: 'sspr-doctor-audit' });
  } catch (e) {
    console.info('SSPR Doctor: no worker here, the audit runs on the page:', e?.message ?? e);
    return null;
  } finally {
    if (url) setTimeout(() => { URL.revokeObjectURL(url); ours.delete(url); }, 10_000);
  }
}

export class AuditRunner {
  constructor() {
    this.port = null;
    this.mode = null; // 'worker' | 'page'
    this.seq = 0;
    this.waiting = new Map();
    this.listener = null;
    // The drops handed over so far: a cancel or a new drop ends the handing over of the last
    // (it is not yet waiting for an answer, so nothing else would stop it).
    this.drops = 0;
    /** @type {Promise<void> | null} The worker's start, while it is under way. */
    this.opening = null;
  }

  /** Starts the worker (or the local fallback) with the engine's compiled module: once, for
   *  every caller that asks meanwhile (two starts would leave a worker behind, and a drop's
   *  files could go to one and its question to the other). */
  open() {
    if (this.port) return Promise.resolve();
    this.opening ??= this.start().finally(() => { this.opening = null; });
    return this.opening;
  }

  async start() {
    await engine.load();
    const module = engine.compiledModule();
    const worker = startWorker();
    if (worker) {
      const ok = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), 5000);
        worker.onmessage = (e) => { if (e.data?.type === 'ready') { clearTimeout(timer); resolve(true); } };
        worker.onerror = (e) => { clearTimeout(timer); console.info('SSPR Doctor: the worker did not start:', e?.message ?? e); resolve(false); };
        worker.postMessage({ type: 'init', module });
      });
      if (ok) {
        this.port = worker;
        this.mode = 'worker';
      } else {
        worker.terminate();
      }
    }
    if (!this.port) {
      this.port = localPorts();
      this.mode = 'page';
      await /** @type {Promise<void>} */ (new Promise((resolve) => {
        this.port.onmessage = (e) => { if (e.data?.type === 'ready') resolve(); };
        this.port.postMessage({ type: 'init', module });
      }));
    }
    this.port.onmessage = (e) => this.receive(e.data);
  }

  receive(m) {
    const w = this.waiting.get(m.id);
    if (m.type === 'read' || m.type === 'checked' || m.type === 'preview' || m.type === 'exporting') {
      w?.progress?.(m);
      // The worker waits until the first rows are drawn (after the frame that draws them).
      if (m.type === 'preview') requestAnimationFrame(() => setTimeout(() => this.port?.postMessage({ type: 'painted', id: m.id }), 0));
      return;
    }
    if (!w) return;
    this.waiting.delete(m.id);
    if (m.type === 'error') w.reject(Object.assign(new Error(m.message), { trapped: m.trapped }));
    else w.resolve(m);
  }

  ask(message, progress) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, progress });
      this.port.postMessage({ ...message, id });
    });
  }

  /**
   * Audits `files` ([{ name, blob }]); `progress` gets { type: 'preview', rows, tally } (a
   * large file's first lines), { type: 'read', total }, then after each slice
   * { type: 'checked', rows, done, total, tally }: the counts so far, and the rows among
   * the `first` accounts just checked (none unless asked: `audit()` only exports). Resolves
   * with the report's head.
   */
  async run(files, options, progress, first = 0) {
    await this.open();
    const m = await this.ask({ type: 'run', files, options, first }, progress);
    return m.head;
  }

  /** Optimizes the engine's audit code while the page is idle (in a worker only: on the
   *  page's thread it would only take time from the page). */
  async warm() {
    await this.open();
    if (this.mode === 'worker') this.port.postMessage({ type: 'warm' });
  }

  /** Stops a run at once: a worker is ended (and a new one started for the next run). An
   *  idle worker is kept. */
  cancel() {
    this.drops++;
    if (this.waiting.size === 0) return;
    for (const [, w] of this.waiting) w.reject(cancelled());
    this.waiting.clear();
    if (this.mode === 'worker') {
      this.port?.terminate();
      this.port = null;
    } else if (this.port) {
      this.port.postMessage({ type: 'cancel' });
    }
  }

  async account(index) {
    return (await this.ask({ type: 'account', index })).account;
  }

  /** Says the finished audit in `lang` from now on; resolves with its head in that
   *  language (the accounts come in it when asked). Nothing is read or checked again. */
  async setLang(lang) {
    return (await this.ask({ type: 'lang', lang })).head;
  }

  /** The table rows of the accounts at `indices`. */
  async rows(indices) {
    return (await this.ask({ type: 'rows', indices: [...indices] })).rows;
  }

  async query(filter, sort) {
    return (await this.ask({ type: 'query', filter, sort })).indices;
  }

  /** The finished audit compared with an earlier export (`files`, as for run): the AuditDiff,
   *  with at most `perChange` accounts of each change when given (the counts stay whole). */
  async diff(files, options, perChange = 0) {
    return (await this.ask({ type: 'diff', files, options, perChange })).diff;
  }

  /** The last comparison said again in `lang` (nothing is read again). */
  async diffAgain(lang, perChange = 0) {
    return (await this.ask({ type: 'diffAgain', lang, perChange })).diff;
  }

  /** The last comparison as a file (json, csv, markdown, text, html). */
  async diffExport(format, lang) {
    return (await this.ask({ type: 'diffExport', format, lang })).blob;
  }

  /** The fix script of the finished audit (contract v1.2): the whole script as a Blob, its
   *  first `shownLines` lines as text (all of it when shorter), and how many lines it has. */
  async fixScript(lang, temporaryAccessPass, shownLines = 0, tenantId = null) {
    const m = await this.ask({ type: 'fixScript', lang, temporaryAccessPass, shownLines, tenantId });
    return { blob: m.blob, preview: m.preview, lines: m.lines };
  }

  /** Audits a drop of many organizations (contract v1.3): `files` as for run, each `name` its
   *  path in the drop (a folder's files under the folder's name), `.zip` archives opened in
   *  the worker. `progress` as for run (no rows). Resolves with the OrganizationsReport
   *  without its accounts. */
  async orgs(files, options, progress) {
    // Numbered before the worker is (re)started: a cancel meanwhile ends it too.
    const drop = ++this.drops;
    await this.open();
    // A drop is read as far as an archive is (sspr-model MAX_FOLDER_FILES); the first file
    // past that is named, with the problem `too_many_files`.
    const max = PAGE.audit.maxFolderFiles;
    await this.stage(files.slice(0, max), drop);
    return (await this.ask({ type: 'orgs', staged: true, options, over: files[max]?.name ?? null }, progress)).orgs;
  }

  /** Hands `files` to the worker a few at a time, one task each: the browser copies a File
   *  handle into a message synchronously (some 0.3 ms each for a chosen folder's files), so
   *  200 files in one message were one task of 60 ms (a trace: SerializedScriptValueFactory). */
  async stage(files, drop) {
    if (drop !== this.drops) throw cancelled();
    // None in the task that chose them: that task is already the browser's file list.
    const BATCH = 10;
    for (let at = 0; at < files.length; at += BATCH) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      // A new drop (or a cancel) came meanwhile: this one is not handed over further.
      if (drop !== this.drops) throw cancelled();
      this.port.postMessage({ type: 'stage', files: files.slice(at, at + BATCH), first: at === 0 });
    }
    if (!files.length) this.port.postMessage({ type: 'stage', files: [], first: true });
  }

  /** Makes organization `index` the one every audit call answers for (rows, filters,
   *  accounts, exports, its fix script): its head, its first `first` rows and its counts. */
  async openOrg(index, first = 0) {
    const m = await this.ask({ type: 'orgsOpen', index, first });
    return { head: m.head, rows: m.rows, tally: m.tally };
  }

  /** Back to the overview; resolves with it (as the organizations are said now). */
  async closeOrg() {
    return (await this.ask({ type: 'orgsClose' })).orgs;
  }

  /** The overview said in `lang` from now on. */
  async orgsLang(lang) {
    return (await this.ask({ type: 'orgsLang', lang })).orgs;
  }

  /** The organizations as a file (json, csv, markdown, html). */
  async orgsExport(format, progress) {
    return (await this.ask({ type: 'orgsExport', format }, progress)).blob;
  }

  /** Every organization's fix script in one .zip, and the organizations left out, with why. */
  async orgsFix(lang, temporaryAccessPass) {
    const m = await this.ask({ type: 'orgsFix', lang, temporaryAccessPass });
    return { blob: m.blob, refused: m.refused };
  }

  /** Hides contact data in every view and export from now on, or shows it again (v1.3). */
  async redact(on) {
    await this.open();
    await this.ask({ type: 'redact', on });
  }

  async exportFile(format, progress) {
    return (await this.ask({ type: 'export', format }, progress)).blob;
  }

  close() {
    if (this.mode === 'worker') this.port?.terminate();
    this.port = null;
  }
}

/** What `audit(input)` accepts, as files: a string, an ArrayBuffer, a typed array, a
 *  Blob or File, or an array of these (or of { name, data }). */
export function toFiles(input) {
  const list = Array.isArray(input) ? input : [input];
  const files = [];
  for (const item of list) {
    // A File chosen with its folder (webkitdirectory) is named by its path in it.
    const named = item && typeof item === 'object' && 'data' in item && !(item instanceof Blob) ? item : { name: item?.webkitRelativePath || item?.name || '', data: item };
    const d = named.data;
    let blob;
    if (typeof d === 'string') blob = new Blob([d]); // UTF-8
    else if (d instanceof ArrayBuffer || ArrayBuffer.isView(d)) blob = new Blob([/** @type {BlobPart} */ (d)]);
    else if (typeof Blob !== 'undefined' && d instanceof Blob) blob = d;
    else throw new TypeError('audit(input) takes a string, an ArrayBuffer, a Uint8Array, a Blob or an array of them');
    files.push({ name: String(named.name ?? '').slice(0, 1000), blob });
  }
  return files;
}
