// window.SsprDoctor: the contract's page API (shared/contract.md), for embedding pages and
// automation. Defined once, whichever front (page or <sspr-doctor>) loaded first.
import { engine } from './engine.js';

export function exposeApi() {
  if (window.SsprDoctor) return;
  Object.defineProperty(window, 'SsprDoctor', {
    value: Object.freeze({
      diagnose: (c) => engine.diagnose(c),
      checkPhones: (list) => engine.checkPhones(list),
      version: __VERSION__,
      get restarts() { return engine.restarts; },
      /** For the crash-recovery test: makes the module trap as a Rust panic would. */
      _trapForTesting: () => engine.trapForTesting(),
    }),
    enumerable: true,
  });
}
