// The only way the page builds DOM. Strings always become text nodes (never HTML), and
// the CSP's Trusted Types rule makes any HTML-string sink throw, so user text cannot run.

/**
 * h('p', { class: 'x', on: { click: fn } }, 'text', child, [more])
 * Attributes are set with setAttribute; `on` adds listeners; null/false children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'props') Object.assign(el, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else el.append(document.createTextNode(String(c)));
  }
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;
