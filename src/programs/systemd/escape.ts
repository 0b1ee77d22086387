// systemd-escape (systemd 253, src/escape/escape.c): turns strings and paths into text that
// may stand in a unit name, and back. Results go on one line, separated by spaces; the first
// failure ends the run (what was already printed stays, without its newline).
import type { OptionDef } from '../lib/getopt';
import { parseArgsInOrder, reportBad } from './ctl/common';
import type { Ctx } from '../lib/context';
import { defineProgram } from '../define';
import {
  NAME_ANY,
  NAME_INSTANCE,
  NAME_TEMPLATE,
  unitNameEscape,
  unitNameIsValid,
  unitNameMangle,
  unitNameReplaceInstance,
  unitNameTemplate,
  unitTypeFromString,
} from '../../shared/systemd/unit-name';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from './systemctl/help';
import { encodeText } from '../../shared/bytes';
import { decodeUnitBytes } from '../../shared/systemd/unit-file';

const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' },
  { key: 'version', long: 'version' },
  { key: 'suffix', long: 'suffix', arg: 'required' },
  { key: 'template', long: 'template', arg: 'required' },
  { key: 'unescape', short: 'u', long: 'unescape' },
  { key: 'mangle', short: 'm', long: 'mangle' },
  { key: 'path', short: 'p', long: 'path' },
  { key: 'instance', long: 'instance' },
];

function help(name: string): string {
  return `${name} [OPTIONS...] [NAME...]

Turn strings into text usable in unit names, or back.

  -h --help               Print this help
     --version            Print the version
     --suffix=SUFFIX      Add this unit type suffix to each result
     --template=TEMPLATE  Use each result as the instance of this template
     --instance           With --unescape, print only the instance part
  -u --unescape           Undo the escaping
  -m --mangle             Make a unit name the way systemctl does
  -p --path               Treat each string as a file system path

See the systemd-escape(1) man page for details.
`;
}

const NAME_MAX = 255;
const PATH_MAX = 4096;

/** The path's components (empty and "." ones dropped), or undefined when one is too long. */
function components(p: string): string[] | undefined {
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (new TextEncoder().encode(c).length > NAME_MAX) return undefined;
    out.push(c);
  }
  return out;
}

/** path_is_valid(): not empty, no over-long component, shorter than PATH_MAX. */
function pathIsValid(p: string): boolean {
  return p !== '' && components(p) !== undefined && new TextEncoder().encode(p).length < PATH_MAX;
}

/** path_is_normalized(): valid, no "..", no "." component and no doubled slash. */
function pathIsNormalized(p: string): boolean {
  if (!pathIsValid(p) || p.split('/').includes('..')) return false;
  if (p === '.' || p.startsWith('./') || p.endsWith('/.') || p.includes('/./')) return false;
  return !p.includes('//');
}

/** path_simplify(): doubled and trailing slashes and "." components go ("" stays ""). */
function pathSimplify(p: string): string {
  if (p === '') return p;
  const abs = p.startsWith('/');
  const parts = components(p);
  if (parts === undefined) return p;
  const body = parts.join('/');
  if (abs) return `/${body}`;
  return body === '' ? '.' : body;
}

type Escaped = { ok: string } | { error: string };

/** unit_name_path_escape() with escape.c's explanations of why a path was refused. */
function pathEscape(input: string): Escaped & { warning?: string } {
  const p = pathSimplify(input);
  let s: string;
  if (p === '' || /^\/*$/.test(p)) s = '-';
  else if (!pathIsNormalized(p)) {
    if (!pathIsValid(input)) return { error: `Input '${input}' is not a valid file system path, failed to escape.` };
    if (!input.startsWith('/')) return { error: `Input '${input}' is not an absolute file system path, failed to escape.` };
    if (!pathIsNormalized(input)) return { error: `Input '${input}' is not a normalized file system path, failed to escape.` };
    return { error: 'Failed to escape string: Invalid argument' };
  } else s = unitNameEscape(p.replace(/\/+$/, '').replace(/^\/+/, ''));
  if (!pathIsValid(input)) return { ok: s, warning: `Input '${input}' is not a valid file system path, escaping is likely not going be reversible.` };
  if (!input.startsWith('/')) return { ok: s, warning: `Input '${input}' is not an absolute file system path, escaping is likely not going to be reversible.` };
  return { ok: s };
}

/** unit_name_unescape(): '-' -> '/', \xNN -> that byte; anything else after '\' is invalid. */
function unescape(f: string): string | undefined {
  const bytes: number[] = [];
  const src = encodeText(f);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x2d) bytes.push(0x2f);
    else if (c === 0x5c) {
      if (src[i + 1] !== 0x78) return undefined;
      const hex = String.fromCharCode(src[i + 2] ?? 0, src[i + 3] ?? 0);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else bytes.push(c);
  }
  // a C string ends at the first NUL; bytes that are no UTF-8 are written back as they are
  const end = bytes.indexOf(0);
  return decodeUnitBytes(Uint8Array.from(end >= 0 ? bytes.slice(0, end) : bytes));
}

/** unit_name_path_unescape(): "-" is "/", otherwise "/" + the unescaped text, normalized. */
function pathUnescape(f: string): string | undefined {
  if (f === '') return undefined;
  if (f === '-') return '/';
  const w = unescape(f);
  if (w === undefined || w.startsWith('/') || w.endsWith('/')) return undefined;
  const s = `/${w}`;
  return pathIsNormalized(s) ? s : undefined;
}

/** unit_name_to_instance(): the instance text ('' for plain and template names), or undefined. */
function instanceOf(n: string): string | undefined {
  if (!unitNameIsValid(n, NAME_ANY)) return undefined;
  const at = n.indexOf('@');
  if (at < 0) return '';
  return n.slice(at + 1, n.lastIndexOf('.'));
}

interface Options {
  action: 'escape' | 'unescape' | 'mangle';
  suffix?: string;
  template?: string;
  path: boolean;
  instance: boolean;
}

async function parse(ctx: Ctx): Promise<{ opts: Options; names: string[] } | number> {
  const fail = async (msg: string): Promise<number> => {
    await ctx.err.write(`${msg}\n`);
    return 1;
  };
  const parsed = parseArgsInOrder(ctx, DEFS);
  const o: Options = { action: 'escape', path: false, instance: false };
  for (const { key, value } of parsed.order) {
    switch (key) {
      case 'help':
        await ctx.print(help(ctx.name));
        return 0;
      case 'version':
        await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
        return 0;
      case 'suffix':
        if (!unitTypeFromString(value!)) return fail(`Invalid unit suffix type "${value}".`);
        o.suffix = value;
        break;
      case 'template':
        if (!unitNameIsValid(value!, NAME_TEMPLATE)) return fail(`Template name ${value} is not valid.`);
        o.template = value;
        break;
      case 'unescape': o.action = 'unescape'; break;
      case 'mangle': o.action = 'mangle'; break;
      case 'path': o.path = true; break;
      case 'instance': o.instance = true; break;
    }
  }
  if (await reportBad(ctx, parsed)) return 1;
  if (parsed.operands.length === 0) return fail('Not enough arguments.');
  if (o.template && o.suffix) return fail('--suffix= and --template= may not be combined.');
  if ((o.template || o.suffix) && o.action === 'mangle') return fail('--suffix= and --template= are not compatible with --mangle.');
  if (o.suffix && o.action === 'unescape') return fail('--suffix is not compatible with --unescape.');
  if (o.path && o.action === 'mangle') return fail('--path may not be combined with --mangle.');
  if (o.instance && o.action !== 'unescape') return fail('--instance must be used in conjunction with --unescape.');
  if (o.instance && o.template) return fail('--instance may not be combined with --template.');
  return { opts: o, names: parsed.operands };
}

function convert(o: Options, input: string): Escaped & { warning?: string } {
  switch (o.action) {
    case 'escape': {
      let r: Escaped & { warning?: string } = o.path ? pathEscape(input) : { ok: unitNameEscape(input) };
      if (!('ok' in r)) return r;
      if (o.template) {
        const x = unitNameIsValid(o.template, NAME_INSTANCE | NAME_TEMPLATE) ? unitNameReplaceInstance(o.template, r.ok) : undefined;
        if (x === undefined) return { error: 'Failed to replace instance: Invalid argument' };
        r = { ...r, ok: x };
      } else if (o.suffix) r = { ...r, ok: `${r.ok}.${o.suffix}` };
      return r;
    }
    case 'unescape': {
      let name = input;
      if (o.template || o.instance) {
        const inst = instanceOf(input);
        if (inst === undefined) return { error: 'Failed to extract instance: Invalid argument' };
        if (inst === '') return { error: `Unit ${input} is missing the instance name.` };
        const template = unitNameTemplate(input);
        if (template === undefined) return { error: 'Failed to extract template: Invalid argument' };
        if (o.template && o.template !== template) {
          return { error: `Unit ${input} template ${template} does not match specified template ${o.template}.` };
        }
        name = inst;
      }
      const e = o.path ? pathUnescape(name) : unescape(name);
      return e === undefined ? { error: 'Failed to unescape string: Invalid argument' } : { ok: e };
    }
    case 'mangle': {
      const m = unitNameMangle(input, '.service');
      return m === undefined ? { error: 'Failed to mangle name: Invalid argument' } : { ok: m.name };
    }
  }
}

export default defineProgram({
  name: 'systemd-escape',
  installPath: '/usr/bin/systemd-escape',
  pkg: 'systemd',
  async main(ctx) {
    const p = await parse(ctx);
    if (typeof p === 'number') return p;
    let out = '';
    for (let i = 0; i < p.names.length; i++) {
      const r = convert(p.opts, p.names[i]!);
      if (r.warning) await ctx.err.write(`${r.warning}\n`);
      if ('error' in r) {
        await ctx.print(out);
        await ctx.err.write(`${r.error}\n`);
        return 1;
      }
      out += (i > 0 ? ' ' : '') + r.ok;
    }
    await ctx.print(`${out}\n`);
    return 0;
  },
});
