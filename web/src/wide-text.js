// Characters from U+2000 up (the Japanese words, dashes, quotes, arrows) in three ASCII
// characters each, so that the page is all ASCII (issue 27). Chromium reads a page that has
// a single character above U+00FF as two-byte text from there on, and one with characters
// from U+0080 to U+00FF through its slower decoding: the same page parsed in 109 ms all in
// ASCII against 181 ms as it was, 127 ms with its Latin-1 left, the peer's in 86 (file://,
// 11 visits each, one run, 2026-12-08). The engine's text (scripts/engine-pack.mjs) writes
// its Japanese the same way, so brotli finds the page's words in the engine's.
//
// A character is WIDE[k] then DIGITS[i] and DIGITS[j], where its place in BLOCKS is
// (k * Q + i) * Q + j and Q is the number of DIGITS: every printable ASCII character but `<`,
// which could end the element that carries the text, and `"` and `\`, so that JSON with
// these forms in its strings is still JSON (the page parses its published words first and
// reads each string's forms back only when it is used: web/src/folded.js). BLOCKS are what
// Japanese text uses: punctuation, arrows and shapes (U+2000..U+27FF), kana (U+3000..U+30FF),
// the common kanji (U+4E00..U+9FFF) and the full-width forms (U+FF00..U+FFFF); three first
// characters cover them. Any other character stays a JSON escape (wideJson) or its bytes (the
// engine's text). The three are printable characters the engine has few of (so few are
// escaped there) and the page's words none (measured, scripts/engine-pack.mjs).

export const WIDE = '^*&';
export const DIGITS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !'<"\\'.includes(c)).join('');
const Q = DIGITS.length;
/** [first code point, count] of each block, in order. */
export const BLOCKS = [[0x2000, 0x800], [0x3000, 0x100], [0x4e00, 0x5200], [0xff00, 0x100]];
/** After the blocks, the WIDE characters themselves (in the published words, where JSON is
 *  parsed before the forms are read back; the engine's text escapes them its own way). */
const LITERAL = BLOCKS.reduce((n, [, count]) => n + count, 0);

/** The place of code point `cp` in BLOCKS, or -1 if it is in none. */
export function wideIndex(cp) {
  let base = 0;
  for (const [first, count] of BLOCKS) {
    if (cp >= first && cp < first + count) return base + cp - first;
    base += count;
  }
  return -1;
}

/** The code point at place `v` of BLOCKS, or the WIDE character after them. */
function codePointAt(v) {
  if (v >= LITERAL) return WIDE.charCodeAt(v - LITERAL);
  for (const [first, count] of BLOCKS) {
    if (v < count) return first + v;
    v -= count;
  }
  return -1;
}

/** The three characters of a code point in BLOCKS, at place `v` (wideIndex). */
export function wideOf(v) {
  return WIDE[Math.floor(v / (Q * Q))] + DIGITS[Math.floor(v / Q) % Q] + DIGITS[v % Q];
}

const inClass = WIDE.replace(/[\^\]\\-]/g, '\\$&');
const wide = new RegExp(`[${inClass}][^<"\\\\][^<"\\\\]`, 'g');
/** What `wideJson` rewrites: anything not printable ASCII, `<`, and the WIDE characters. */
const special = new RegExp(`[^\\x20-\\x7e]|[<${inClass}]`, 'g');
const digit = (c) => DIGITS.indexOf(c);

/** `text` with every three-character form back as its character (a string of the published
 *  words, once parsed as JSON); a string with none, as it is, without a regular expression's
 *  pass (most of the English words). */
export function unwide(text) {
  if (!text.includes(WIDE[0]) && !text.includes(WIDE[1]) && !text.includes(WIDE[2])) return text;
  return text.replace(wide, (m) => String.fromCharCode(codePointAt((WIDE.indexOf(m[0]) * Q + digit(m[1])) * Q + digit(m[2]))));
}

/** JSON of `value` in ASCII (build time): the characters of BLOCKS and the WIDE characters in
 *  their three-character form, every other non-ASCII character and `<` as JSON escapes. It
 *  parses as JSON; `unwide` on each string of what it parses to gives the value back (keys
 *  are not read back: the page's keys are plain ASCII, and the build reads its words back whole). */
export function wideJson(value) {
  const jsonEscape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return JSON.stringify(value).replace(special, (c) => {
    const literal = WIDE.indexOf(c);
    const v = literal >= 0 ? LITERAL + literal : wideIndex(c.charCodeAt(0));
    return v >= 0 ? wideOf(v) : jsonEscape(c);
  });
}
