// The page's two catalogs: the same keys, the same {placeholders}, no empty text, and every
// key used by the page's code (literally, or through one of the few built keys whose
// suffix is itself in the code). No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../web/src/messages/en.js';
import ja from '../../web/src/messages/ja.js';

const SRC = new URL('../../web/src/', import.meta.url).pathname;
const code = ['', 'ui/']
  .flatMap((d) => readdirSync(join(SRC, d)).filter((f) => f.endsWith('.js')).map((f) => join(SRC, d, f)))
  .filter((f) => !f.includes('/messages/'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('English and Japanese have the same keys', () => {
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
});

test('each Japanese text has the English text\'s placeholders and no text is empty', () => {
  for (const [k, v] of Object.entries(en)) {
    assert.ok(v.trim() && ja[k].trim(), k);
    assert.deepEqual(placeholders(ja[k]), placeholders(v), k);
  }
});

test('Japanese text is Japanese', () => {
  // Product and Microsoft names stay in Latin letters; every sentence has kana or kanji.
  const words = (v) => v.replace(/\{\w+\}/g, '');
  const NAMES = new Set(['app.title']);
  const latinOnly = Object.entries(ja).filter(([k, v]) => !NAMES.has(k) && /[A-Za-z]{3}/.test(words(v)) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(v));
  assert.deepEqual(latinOnly, []);
});

// Keys the code builds from a prefix and a value it names elsewhere in the code.
const BUILT = [/^q\./, /^h\./, /^section\./, /^m\./, /^load\./, /^view\./];
const literal = (s) => code.includes(`'${s}'`) || code.includes(`"${s}"`) || code.includes(`\`${s}\``);

test('every key is used by the page', () => {
  const unused = Object.keys(en).filter((k) => {
    if (literal(k)) return false;
    const built = BUILT.find((re) => re.test(k));
    if (!built) return true;
    // q.accountSource.cloud: the code has `q.accountSource.${v}` and 'cloud'.
    const parts = k.split('.');
    const value = parts.pop();
    const prefix = parts.join('.');
    const usesPrefix = code.includes(`\`${prefix}.\${`);
    const namesValue = literal(value) || ['true', 'false', 'null'].includes(value) && new RegExp(`\\b${value}\\b`).test(code);
    return !(usesPrefix && namesValue);
  });
  assert.deepEqual(unused, []);
});

test('every key the code asks for exists', () => {
  const asked = [...code.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1]);
  assert.ok(asked.length > 40, `found ${asked.length} keys; the scan is broken`);
  assert.deepEqual(asked.filter((k) => !(k in en)), []);
});
