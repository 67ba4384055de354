// The page's all-ASCII forms (issue 27): web/src/wide-text.js and web/src/folded.js. The
// engine's text is checked by the build, which reads it back byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLOCKS, DIGITS, unwide, wideJson } from '../../web/src/wide-text.js';
import { fold, unfold } from '../../web/src/folded.js';

const read = unwide;
const deep = (v) => (typeof v === 'string' ? read(v) : Array.isArray(v) ? v.map(deep)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)])) : v);

test('every character from U+0020 to U+FFFF in a string comes back, the characters with a role too', () => {
  for (let cp = 0x20; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCharCode(cp);
    const s = `${c}^${c}*"${c}\\&<${c}`;
    const text = wideJson({ s, list: [c] });
    assert.ok(/^[\x20-\x7e]*$/.test(text), `U+${cp.toString(16)}: ${text}`);
    assert.ok(!text.includes('<'), `U+${cp.toString(16)}`);
    assert.deepEqual(deep(JSON.parse(text)), { s, list: [c] }, `U+${cp.toString(16)}`);
  }
});

test('characters of the blocks take three characters, and surrogate pairs stay escapes', () => {
  for (const [first, count] of BLOCKS) {
    assert.equal(wideJson(String.fromCharCode(first)).length, 5);
    assert.equal(wideJson(String.fromCharCode(first + count - 1)).length, 5);
  }
  assert.equal(wideJson('😀'), '"\\ud83d\\ude00"');
  assert.equal(read(JSON.parse(wideJson('あ😀'))), 'あ😀');
  assert.equal(DIGITS.length, 92);
});

test('folded words come back whole, and a side is read only when asked for', () => {
  const words = { version: '1', catalog: { en: { a: 'Yes', b: '“x”', nested: { c: 'ok' } }, ja: { a: 'はい', b: '「x」', nested: { c: '問題なし' } } }, list: ['é', '→'] };
  const seen = [];
  const back = unfold(JSON.parse(wideJson(fold(words))), (s) => { seen.push(s); return read(s); });
  assert.equal(back.catalog.en.a, 'Yes');
  assert.ok(!seen.some((s) => s !== read(s) && read(s) === 'はい'), 'the Japanese side was read before it was asked for');
  assert.equal(JSON.stringify(back), JSON.stringify(words));
  assert.equal(back.catalog.ja.nested.c, '問題なし');
  // Not folded: sides whose keys differ.
  const odd = { en: { a: 'x' }, ja: { b: 'y' } };
  assert.deepEqual(fold(odd), odd);
});
