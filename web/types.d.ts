// What the build generates (scripts/build-web.mjs) and the page's globals, for the type
// check (tsconfig.json). The engine's functions are typed by the module's own .d.ts, which
// wasm-bindgen writes from the Rust bindings (target/pkg, built before the check).

declare module '@gen/glue-factory.js' {
  /** A fresh instance of the wasm-bindgen glue, bound to its own module instance. */
  export function createGlue(): typeof import('../target/pkg/sspr_doctor_wasm.js');
}

declare module '@gen/page-data.js' {
  /** What `sspr-doctor facts` publishes (crates/sspr-output/src/published.rs). */
  const PAGE: any;
  export default PAGE;
}

declare module '@gen/styles.css' {
  /** The page's styles, minified, for the custom element's shadow root. */
  const css: string;
  export default css;
}

declare module '@engine-text' {
  /** The engine's bytes as the page carries them (one character per byte). */
  export const engineText: () => string[];
}

/** The crate version, put in by the build. */
declare const __VERSION__: string;

interface Window {
  /** The page's automation API (web/src/api.js). */
  SsprDoctor: any;
}
