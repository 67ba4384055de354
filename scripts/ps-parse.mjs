// An independent reading of PowerShell: tree-sitter-powershell's grammar, run by
// web-tree-sitter (both npm packages, loaded from node_modules, so it works offline after
// `npm ci`). It is not PowerShell's own parser: it says whether a script parses cleanly,
// which commands it invokes, which string literals it holds, and whether a piece of text
// lies only inside verbatim strings or comments, and where it knows this grammar reads less
// than PowerShell does it answers no rather than yes (see insideVerbatim).
//
//   node scripts/ps-parse.mjs FILE   prints { errors, commands } as JSON (FILE - is standard
//                                    input); exits 1 on any ERROR or MISSING node, 2 if it
//                                    cannot read FILE or is called wrongly.
//
// Offsets: web-tree-sitter, given a JS string, counts in UTF-16 code units, so `start` and
// `end` below are JS string indices (source.slice(start, end) is the text); `startByte` and
// `endByte` are the same places in the UTF-8 encoding of the source.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Language, Parser } from 'web-tree-sitter';

/** @typedef {import('web-tree-sitter').Node} TsNode */
/** @typedef {import('web-tree-sitter').Tree} TsTree */
/** @typedef {{ row: number, column: number, text: string }} ParseError row and column from 0 (column in UTF-16 code units) */
/** @typedef {'verbatim' | 'verbatim-here' | 'expandable' | 'expandable-here'} StringKind */
/** @typedef {{ kind: StringKind, start: number, end: number, startByte: number, endByte: number, text: string }} StringLiteral */

/** The grammar's node type for each kind of string literal. */
const STRING_KINDS = /** @type {Record<string, StringKind>} */ ({
  verbatim_string_characters: 'verbatim',
  verbatim_here_string_characters: 'verbatim-here',
  expandable_string_literal: 'expandable',
  expandable_here_string_literal: 'expandable-here',
});

/** @type {Promise<Parser> | undefined} */
let parserPromise;

/** One parser for the process: web-tree-sitter's runtime and the grammar, from node_modules. */
function getParser() {
  parserPromise ??= (async () => {
    const runtime = fileURLToPath(import.meta.resolve('web-tree-sitter/web-tree-sitter.wasm'));
    const grammar = fileURLToPath(import.meta.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
    await Parser.init({ locateFile: () => runtime });
    // The grammar is compiled by V8's baseline compiler only (Liftoff). Otherwise V8 soon
    // recompiles its huge lexer function with TurboFan, which costs 10-15 s of CPU, and the
    // process cannot exit before that ends; Liftoff's code parses a 76 kB script in ~15 ms.
    // The flag is read when a module is compiled, so it is set for this one and put back.
    const alreadyLiftoffOnly = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--liftoff-only'));
    v8.setFlagsFromString('--liftoff-only');
    let language;
    try {
      language = await Language.load(new Uint8Array(readFileSync(grammar)));
    } finally {
      if (!alreadyLiftoffOnly) v8.setFlagsFromString('--no-liftoff-only');
    }
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/**
 * Every node of the tree, in document order (pre-order), without recursion.
 * @param {TsTree} tree
 * @returns {Generator<TsNode>}
 */
function* allNodes(tree) {
  const cursor = tree.walk();
  try {
    while (true) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Parses PowerShell source. `errors` lists every ERROR and MISSING node.
 * The caller owns `tree` (call tree.delete() when done, or leave it to the GC).
 * @param {string} source
 * @returns {Promise<{ tree: TsTree, errors: ParseError[] }>}
 */
export async function parsePowerShell(source) {
  if (typeof source !== 'string') throw new TypeError('parsePowerShell: source must be a string');
  const parser = await getParser();
  const tree = parser.parse(source);
  if (!tree) throw new Error('parsePowerShell: the parser returned no tree');
  /** @type {ParseError[]} */
  const errors = [];
  if (tree.rootNode.hasError) {
    for (const node of allNodes(tree)) {
      if (node.isError || node.isMissing) {
        const text = node.isMissing ? `MISSING ${node.type}` : node.text;
        errors.push({ row: node.startPosition.row, column: node.startPosition.column, text: text.slice(0, 80) });
      }
    }
  }
  return { tree, errors };
}

/**
 * UTF-8 byte offsets for ascending JS string indices, counted once through the source.
 * @param {string} source
 */
function utf8Offsets(source) {
  let index = 0;
  let bytes = 0;
  /** @param {number} to */
  return (to) => {
    if (to < index) {
      index = 0;
      bytes = 0;
    }
    for (; index < to; index++) {
      const c = source.charCodeAt(index);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && (source.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
        // A surrogate pair: 4 bytes for the two code units.
        bytes += 4;
        index++;
      } else bytes += 3; // (a lone surrogate is written as U+FFFD, 3 bytes too)
    }
    return bytes;
  };
}

/**
 * The commands a script invokes and the string literals it holds, both in document order.
 * `commands` are the names as written (`Get-MgUser`, `ForEach-Object`, `%`, or the text after
 * `&`/`.`, e.g. `$cmd`), including commands inside `$( )` in expandable strings.
 * @param {string} source
 * @returns {Promise<{ errors: ParseError[], commands: string[], strings: StringLiteral[] }>}
 */
export async function analysePowerShell(source) {
  const { tree, errors } = await parsePowerShell(source);
  try {
    /** @type {string[]} */
    const commands = [];
    /** @type {StringLiteral[]} */
    const strings = [];
    const toByte = utf8Offsets(source);
    for (const node of allNodes(tree)) {
      if (node.type === 'command') {
        const name = node.childForFieldName('command_name');
        if (name) commands.push(name.text);
      } else {
        const kind = STRING_KINDS[node.type];
        if (kind) {
          const start = node.startIndex;
          const end = node.endIndex;
          strings.push({ kind, start, end, startByte: toByte(start), endByte: toByte(end), text: node.text });
        }
      }
    }
    return { errors, commands, strings };
  } finally {
    tree.delete();
  }
}

// Where this grammar and PowerShell read the same text differently, so that an answer of
// "inside" could be wrong; a literal or comment showing any of these is not trusted:
// - PowerShell also takes U+2018-U+201B as single quotes (one ends a '...' or @'...'@ string;
//   two are an escaped quote); the grammar knows only U+0027.
const SMART_SINGLE_QUOTE = /[\u2018-\u201b]/;
// - A lone CR (and, to be safe, NEL, LS and PS) as a line break before a closing '@: the
//   grammar's here-string ends only at \n'@ or \r\n'@.
const ODD_LINE_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/;
// - A backtick in a <# #> comment: the grammar reads `# as an escape, PowerShell does not,
//   so `#> ends the comment for PowerShell and not for the grammar.

/**
 * The range of a literal's or comment's content (JS string indices), or null if this node's
 * reading may differ from PowerShell's.
 * @param {TsNode} node
 * @returns {[number, number] | null}
 */
function trustedContent(node) {
  const text = node.text;
  const start = node.startIndex;
  if (node.type === 'verbatim_string_characters') {
    if (SMART_SINGLE_QUOTE.test(text) || text.length < 2) return null;
    return [start + 1, start + text.length - 1];
  }
  if (node.type === 'verbatim_here_string_characters') {
    if (SMART_SINGLE_QUOTE.test(text) || ODD_LINE_BREAK.test(text)) return null;
    const open = /^@'[^\S\r\n]*\r?\n/.exec(text);
    const close = /\r?\n'@$/.exec(text);
    if (!open || !close || close.index < open[0].length - 1) return null;
    // An empty here-string: the opening line break is also the closing one.
    return [start + open[0].length, start + Math.max(close.index, open[0].length)];
  }
  if (node.type === 'comment') {
    const lead = text.length - text.trimStart().length;
    if (text.startsWith('<#', lead)) {
      if (text.includes('`') || !text.endsWith('#>') || text.length - lead < 4) return null;
      return [start + lead + 2, start + text.length - 2];
    }
    if (text[lead] !== '#' || /[\r\n\u0085\u2028\u2029]/.test(text.slice(lead))) return null;
    return [start + lead + 1, start + text.length];
  }
  return null;
}

/**
 * True only if `needle` occurs in `source` and every occurrence lies entirely inside the
 * content of a verbatim string literal ('...' or @'...'@) or of a comment, as this grammar
 * reads the script. False whenever the script has an ERROR or MISSING node, when `needle` is
 * empty or absent, and when the literal or comment holding an occurrence has text that
 * PowerShell reads differently from the grammar (a smart single quote U+2018-U+201B in a
 * verbatim string, a lone CR in a here-string, a backtick in a block comment).
 * @param {string} source
 * @param {string} needle
 * @returns {Promise<boolean>}
 */
export async function insideVerbatim(source, needle) {
  if (typeof needle !== 'string' || needle === '') return false;
  /** @type {number[]} */
  const occurrences = [];
  for (let i = source.indexOf(needle); i >= 0; i = source.indexOf(needle, i + 1)) occurrences.push(i);
  if (occurrences.length === 0) return false;
  const { tree, errors } = await parsePowerShell(source);
  try {
    if (errors.length > 0) return false;
    /** @type {[number, number][]} */
    const safe = [];
    for (const node of allNodes(tree)) {
      if (node.type === 'verbatim_string_characters' || node.type === 'verbatim_here_string_characters' || node.type === 'comment') {
        const range = trustedContent(node);
        if (range) safe.push(range);
      }
    }
    return occurrences.every((at) => safe.some(([from, to]) => from <= at && at + needle.length <= to));
  } finally {
    tree.delete();
  }
}

// The command line: node scripts/ps-parse.mjs FILE (- reads standard input)
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    process.stderr.write('usage: node scripts/ps-parse.mjs FILE   (- for standard input)\n');
    process.exit(2);
  }
  let source;
  try {
    source = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`ps-parse: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
  // PowerShell reads a UTF-8 BOM as an encoding mark, not as text.
  const { errors, commands } = await analysePowerShell(source.replace(/^\uFEFF/, ''));
  process.stdout.write(`${JSON.stringify({ errors, commands }, null, 2)}\n`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}
