// Every Microsoft Graph PowerShell call of a generated script, held against Microsoft's
// published cmdlet reference (tests/ps/reference/graph-cmdlets.json: each cmdlet's SYNTAX
// blocks as its page in MicrosoftDocs/microsoftgraph-docs-powershell gives them, with the
// page, commit and date). The script is read by the independent parser
// (scripts/ps-parse.mjs, tree-sitter-powershell), never run.
//
// A call passes when: the cmdlet is in the reference; every argument is named (no
// positional argument: the scripts never rely on position); every named parameter (by its
// full name or a documented alias; splatted hashtables count, with every key they are ever
// given) belongs to one parameter set that also holds all that set's required parameters,
// the common parameters aside; a switch takes no separate value; and the keys of a
// -BodyParameter hashtable are properties of the documented body type.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePowerShell } from '../../scripts/ps-parse.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const REFERENCE_FILE = join(here, 'reference/graph-cmdlets.json');

/**
 * One SYNTAX block into its parameters: `-Name <type>` required, `[-Name <type>]`
 * optional, `[-Name]` an optional switch, `[[-Name] <type>]` optional and positional,
 * `[-Name] <type>` required and positional, `-Name` a required switch. Throws on anything
 * else, so a block copied wrong cannot pass unseen.
 * @param {string} cmdlet
 * @param {string} text
 */
export function parseSyntax(cmdlet, text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat.startsWith(`${cmdlet} `) && flat !== cmdlet) throw new Error(`${cmdlet}: the syntax does not start with its name: ${flat.slice(0, 60)}`);
  let rest = flat.slice(cmdlet.length).trim();
  /** @type {Map<string, { required: boolean, switch: boolean, positional: boolean }>} */
  const params = new Map();
  let common = false;
  const forms = [
    [/^\[\[-(\w+)\] <[^<>\s]+>\]/, { required: false, switch: false, positional: true }],
    [/^\[-(\w+)\] <[^<>\s]+>/, { required: true, switch: false, positional: true }],
    [/^\[-(\w+) <[^<>\s]+>\]/, { required: false, switch: false, positional: false }],
    [/^\[-(\w+)\]/, { required: false, switch: true, positional: false }],
    [/^-(\w+) <[^<>\s]+>/, { required: true, switch: false, positional: false }],
    [/^-(\w+)(?= |$)/, { required: true, switch: true, positional: false }],
  ];
  while (rest) {
    if (rest.startsWith('[<CommonParameters>]')) {
      common = true;
      rest = rest.slice('[<CommonParameters>]'.length).trim();
      continue;
    }
    const hit = forms.map(([re, kind]) => [re.exec(rest), kind]).find(([m]) => m);
    if (!hit) throw new Error(`${cmdlet}: cannot read the syntax at: ${rest.slice(0, 60)}`);
    const [m, kind] = hit;
    if (params.has(m[1])) throw new Error(`${cmdlet}: -${m[1]} twice in one set`);
    params.set(m[1], kind);
    rest = rest.slice(m[0].length).trim();
  }
  return { params, common };
}

/** The reference, with each cmdlet's parameter sets read from its syntax. */
export function loadReference(file = REFERENCE_FILE) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const cmdlets = new Map();
  for (const [name, c] of Object.entries(data.cmdlets)) {
    const sets = c.syntax.map((s) => ({ name: s.set, default: s.default, ...parseSyntax(name, s.text) }));
    /** Lower-cased alias or name → the parameter's name. */
    const names = new Map();
    for (const set of sets) for (const p of set.params.keys()) names.set(p.toLowerCase(), p);
    for (const [p, aliases] of Object.entries(c.aliases ?? {})) for (const a of aliases) names.set(a.toLowerCase(), p);
    cmdlets.set(name.toLowerCase(), { name, page: c.page, commit: c.commit, msDate: c.msDate, sets, names, body: c.body ?? null });
  }
  const common = new Map(data.commonParameters.map((p) => [p.toLowerCase(), p]));
  return { cmdlets, common, source: data.source };
}

/** Every node of a tree in document order, without recursion. */
function* nodes(tree) {
  const cursor = tree.walk();
  try {
    while (true) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    cursor.delete();
  }
}

/** The first descendant of `node` (itself included) of a type, without crossing `stop` types. */
function first(node, type) {
  for (const n of node.descendantsOfType(type)) return n;
  return null;
}

/** A hashtable literal's keys as written (`Scopes`, `'X'` → X). */
function hashKeys(hash) {
  return hash.descendantsOfType('hash_entry').filter((e) => e.parent?.parent?.id === hash.id || e.parent?.id === hash.id)
    .map((e) => e.childForFieldName?.('key')?.text ?? e.namedChildren.find((c) => c.type === 'key_expression')?.text ?? '')
    .map((k) => k.trim().replace(/^(['"])(.*)\1$/, '$2'));
}

/** The direct value of an expression node: a hashtable literal, a variable, or null. */
function directValue(node) {
  let n = node;
  // Down through the grammar's chain of single-child expression wrappers.
  while (n && n.namedChildCount === 1 && !['hash_literal_expression', 'variable'].includes(n.type)) n = n.namedChild(0);
  return n && ['hash_literal_expression', 'variable'].includes(n.type) ? n : null;
}

/** Keys every hashtable variable is ever given: `$h = @{ ... }`, `$h['K'] = `, `$h.K = `. */
function hashtableVariables(tree) {
  /** @type {Map<string, Set<string>>} */
  const vars = new Map();
  const add = (name, key) => {
    const k = name.toLowerCase();
    if (!vars.has(k)) vars.set(k, new Set());
    if (key) vars.get(k).add(key);
  };
  for (const n of nodes(tree)) {
    if (n.type !== 'assignment_expression') continue;
    const left = first(n.namedChild(0), 'element_access') ?? first(n.namedChild(0), 'member_access') ?? first(n.namedChild(0), 'variable');
    const right = n.namedChildren.at(-1);
    if (!left || !right) continue;
    if (left.type === 'variable') {
      const v = directValue(right);
      if (v?.type === 'hash_literal_expression') {
        add(left.text.slice(1), null);
        for (const k of hashKeys(v)) add(left.text.slice(1), k);
      }
    } else {
      const target = left.namedChild(0);
      if (target?.type !== 'variable') continue;
      const key = left.type === 'element_access' ? left.namedChild(1)?.text : left.namedChildren.at(-1)?.text;
      if (key && vars.has(target.text.slice(1).toLowerCase())) add(target.text.slice(1), key.trim().replace(/^(['"])(.*)\1$/, '$2'));
    }
  }
  return vars;
}

/**
 * The Graph calls of a script, each checked. `problems` is empty when every call is one
 * Microsoft's reference accepts.
 * @param {string} source
 * @param {ReturnType<typeof loadReference>} ref
 */
export async function checkGraphCalls(source, ref) {
  const { tree, errors } = await parsePowerShell(source.replace(/^\uFEFF/, ''));
  const problems = errors.map((e) => `parse error at ${e.row + 1}:${e.column + 1}: ${e.text}`);
  const calls = [];
  try {
    const hashes = hashtableVariables(tree);
    for (const cmd of nodes(tree)) {
      if (cmd.type !== 'command') continue;
      const nameNode = cmd.childForFieldName('command_name');
      const name = nameNode?.text ?? '';
      if (!/^[A-Za-z]+-Mg[A-Z]/.test(name)) continue;
      const at = `${name} (line ${cmd.startPosition.row + 1})`;
      const c = ref.cmdlets.get(name.toLowerCase());
      if (!c) {
        problems.push(`${at}: not a cmdlet of the reference`);
        continue;
      }
      if (c.name !== name) problems.push(`${at}: spelled ${name}, the reference writes ${c.name}`);
      const elements = cmd.namedChildren.find((n) => n.type === 'command_elements')?.children ?? [];
      /** @type {Map<string, string>} parameter → how it was given */
      const used = new Map();
      let body = null;
      let bodyValue = null;
      for (let i = 0; i < elements.length; i++) {
        const el = elements[i];
        if (el.type === 'command_argument_sep' || !el.isNamed) continue;
        if (el.type === 'command_parameter') {
          const written = el.text.replace(/^-/, '').replace(/:$/, '');
          const common = ref.common.get(written.toLowerCase());
          const param = c.names.get(written.toLowerCase()) ?? common;
          if (!param) {
            problems.push(`${at}: -${written} is not a parameter of ${c.name} (${c.page})`);
            continue;
          }
          if (used.has(param)) problems.push(`${at}: -${param} given twice`);
          used.set(param, `-${written}`);
          const isSwitch = c.sets.some((s) => s.params.get(param)?.switch) || ['Verbose', 'Debug'].includes(param);
          // The value: after ':' always; after a space unless the parameter is a switch.
          let j = i + 1;
          const colon = elements[j]?.type === 'command_argument_sep' && elements[j].text.includes(':');
          while (elements[j] && (elements[j].type === 'command_argument_sep' || !elements[j].isNamed)) j++;
          if (colon || (!isSwitch && elements[j] && elements[j].type !== 'command_parameter')) {
            if (!elements[j] || elements[j].type === 'command_parameter') problems.push(`${at}: -${param} has no value`);
            else {
              if (param === 'BodyParameter') bodyValue = elements[j];
              i = j;
            }
          } else if (!isSwitch) {
            problems.push(`${at}: -${param} has no value`);
          }
          continue;
        }
        const v = directValue(el);
        if (v?.type === 'variable' && v.text.startsWith('@')) {
          const keys = hashes.get(v.text.slice(1).toLowerCase());
          if (!keys) {
            problems.push(`${at}: splats ${v.text}, whose keys the script does not show`);
            continue;
          }
          for (const k of keys) {
            const param = c.names.get(k.toLowerCase()) ?? ref.common.get(k.toLowerCase());
            if (!param) problems.push(`${at}: ${v.text} holds ${k}, not a parameter of ${c.name} (${c.page})`);
            else used.set(param, `${v.text}.${k}`);
          }
          continue;
        }
        problems.push(`${at}: a positional argument (${el.text.slice(0, 40)}): name its parameter`);
      }
      // One parameter set takes them all and has all it requires.
      const own = [...used.keys()].filter((p) => !ref.common.has(p.toLowerCase()));
      const fits = c.sets.filter((s) => own.every((p) => s.params.has(p))
        && [...s.params].every(([p, k]) => !k.required || used.has(p)));
      if (fits.length === 0) {
        const closest = c.sets.map((s) => ({ s, missing: [...s.params].filter(([p, k]) => k.required && !used.has(p)).map(([p]) => p), extra: own.filter((p) => !s.params.has(p)) }))
          .sort((a, b) => (a.missing.length + a.extra.length) - (b.missing.length + b.extra.length))[0];
        problems.push(`${at}: no parameter set of ${c.name} takes ${own.map((p) => `-${p}`).join(' ') || 'no parameter'}`
          + (closest ? ` (closest ${closest.s.name}: missing ${closest.missing.map((p) => `-${p}`).join(' ') || 'nothing'}, not in it ${closest.extra.map((p) => `-${p}`).join(' ') || 'nothing'})` : ''));
      }
      if (used.has('BodyParameter')) {
        if (!c.body) problems.push(`${at}: -BodyParameter, but the reference gives no body type`);
        const v = bodyValue && directValue(bodyValue);
        const keys = v?.type === 'hash_literal_expression' ? hashKeys(v) : v?.type === 'variable' ? [...(hashes.get(v.text.slice(1).toLowerCase()) ?? [])] : null;
        if (!keys) problems.push(`${at}: -BodyParameter is not a hashtable the script shows`);
        else {
          body = keys;
          const props = new Set((c.body?.properties ?? []).map((p) => p.toLowerCase()));
          for (const k of keys) if (!props.has(k.toLowerCase())) problems.push(`${at}: -BodyParameter key ${k} is not a property of ${c.body?.type}`);
        }
      }
      calls.push({ cmdlet: c.name, line: cmd.startPosition.row + 1, parameters: [...used.keys()], body, sets: fits.map((s) => s.name) });
    }
  } finally {
    tree.delete();
  }
  return { calls, problems };
}
