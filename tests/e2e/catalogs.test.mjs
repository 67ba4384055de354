// The page's catalog (crates/sspr-words page_en.rs, page_ja.rs; the words crate's own tests
// check that both languages have the same keys and placeholders): every key is used by the
// page's code (literally, or through one of the few built keys whose suffix is itself in
// the code), and every key the code asks for exists. Read as the page gets it: what
// `sspr-doctor facts` publishes. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { root } from './helpers.mjs';

const published = JSON.parse(execFileSync(join(root, 'target/release/sspr-doctor'), ['facts'], { encoding: 'utf8' }));
const en = published.catalog.en;
const ja = published.catalog.ja;

const SRC = new URL('../../web/src/', import.meta.url).pathname;
const modules = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? modules(p) : f.endsWith('.js') ? [p] : [];
});
const code = modules(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');

test('the published catalog has both languages, with the same keys', () => {
  assert.ok(Object.keys(en).length > 100);
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
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
