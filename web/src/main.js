// The hosted page and the offline file: load the engine, expose window.SsprDoctor, render
// the troubleshooter into #app. When framed (an intranet iframe), report the content height
// to the parent so the host can size the frame. If loading fails, say why in the user's
// language instead of leaving a blank page.
import { engine, mark } from './engine.js';
import { pickLang, translator } from './i18n.js';
import { fromUrl, fromConfig } from './options.js';
import { createApp } from './app.js';
import { exposeApi } from './api.js';

const boot = document.getElementById('boot');
const options = { ...fromUrl(), ...fromConfig() };
options.lang = pickLang(options.lang);

function setDocumentLang(lang) {
  document.documentElement.lang = lang;
  document.title = translator(lang)('app.title');
}

function reportHeight() {
  if (window.parent === window) return;
  // Only a number crosses to the host page: never anything the user typed.
  const post = () => window.parent.postMessage({ type: 'sspr-doctor:height', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  new ResizeObserver(post).observe(document.body);
  post();
}

function start() {
  mark('script');
  setDocumentLang(options.lang);
  // Start loading the engine: it reads its bytes and compiles them once the form below is
  // built, before the browser paints the form (engine.js load).
  const ready = engine.load();
  // A copy saved as "Webpage, complete" holds the page as it was drawn: no boot message,
  // the app already shown. Start the same way.
  boot?.remove();
  const app = document.getElementById('app');
  app.hidden = false;
  createApp(app, options, { onLang: setDocumentLang });
  reportHeight();
  mark('app');
  ready.then(() => {
    exposeApi();
    window.dispatchEvent(new Event('sspr-doctor-ready'));
  }, () => { /* createApp shows the localized explanation */ });
}

/** Starts once the loading message has been painted. Where the HTML arrives in one piece
 *  (the hosted page), the parser runs this script before any frame, and the form, the engine
 *  and the form's first layout all came before the first paint (164 ms against the peer's 56,
 *  2026-12-07): there it waits for a frame first (64 ms then; the first answer 18 ms later).
 *  From a file Chromium reads the HTML in two pieces and paints between them, before this
 *  script runs: there it starts at once. A document that draws no frames (a hidden frame)
 *  starts after 100 ms all the same. */
function afterFirstPaint(f) {
  if (location.protocol === 'file:' || performance.getEntriesByType?.('paint').length) return f();
  let started = false;
  const once = () => { if (!started) { started = true; f(); } };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

afterFirstPaint(start);
