// The published words with their keys once (issue 27): an object that holds exactly `en` and
// `ja`, with the same keys in the same order, travels as { '': keys, en: values, ja: values }
// (0.5 kB less brotli in the page, 2026-12-08). `fold` at build time (scripts/build-web.mjs),
// `unfold` in the page; unfold(fold(v)) is v (the build checks it).

const sameKeys = (a, b) => {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function fold(v) {
  if (!isObject(v)) return Array.isArray(v) ? v.map(fold) : v;
  const keys = Object.keys(v);
  if (keys.length === 2 && isObject(v.en) && isObject(v.ja) && !('' in v.en) && sameKeys(v.en, v.ja)) {
    return { '': Object.keys(v.en), en: Object.values(v.en).map(fold), ja: Object.values(v.ja).map(fold) };
  }
  return Object.fromEntries(keys.map((k) => [k, fold(v[k])]));
}

/** `v` as it was before `fold`, each string through `text` (for the published words,
 *  wide-text.js `unwide`). What a folded object's two sides hold is read back when first
 *  read, each string once: the page in English never reads its Japanese, and the Japanese
 *  page only the words it shows (all of them at once took 12 ms of script, measured in Node
 *  with only V8's baseline compiler, 2026-12-08). */
export function unfold(v, text = (s) => s) {
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map((x) => unfold(x, text));
  if (!isObject(v)) return v;
  if (Array.isArray(v[''])) {
    const keys = v[''];
    const side = (values) => {
      const raw = {};
      for (let i = 0; i < keys.length; i++) raw[keys[i]] = values[i];
      return lazy(raw, text);
    };
    return { en: side(v.en), ja: side(v.ja) };
  }
  return Object.fromEntries(Object.keys(v).map((k) => [k, unfold(v[k], text)]));
}

/** `raw` (an object or an array) whose strings go through `text`, and whose objects are
 *  unfolded, when first read. */
function lazy(raw, text) {
  const read = new Set();
  return new Proxy(raw, {
    get(t, k, receiver) {
      const value = Reflect.get(t, k, receiver);
      if (value === null || (typeof value !== 'string' && typeof value !== 'object') || read.has(k) || !Object.hasOwn(t, k)) return value;
      read.add(k);
      t[k] = typeof value === 'string' ? text(value) : isObject(value) && Array.isArray(value['']) ? unfold(value, text) : lazy(value, text);
      return t[k];
    },
  });
}
