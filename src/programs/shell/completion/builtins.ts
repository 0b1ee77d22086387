// complete, compgen and compopt (bash manual, Programmable Completion Builtins).
import type { Interpreter } from '../interpreter';
import { activeCompletion, generate, type GenContext } from './generate';
import { defaultMatches } from './default';
import { fileMatches } from './sources';
import { copySpec, DEFAULT_NAME, EMPTY_NAME, INITIAL_NAME, OPTIONS, parseCompArgs, specLine, type CompSpec, type ParsedArgs } from './spec';

const COMPLETE_USAGE = 'complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]';
const COMPGEN_USAGE = 'compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]';
const COMPOPT_USAGE = 'compopt [-o|+o option] [-DEI] [name ...]';

async function usageError(sh: Interpreter, name: string, usage: string, p: ParsedArgs): Promise<number> {
  if (p.error?.message) await sh.error(`${name}: ${p.error.message}`);
  if (p.error?.usage !== false) await sh.write(2, `${name}: usage: ${usage}\n`);
  return 2;
}

/** The -D, -E and -I names given, as bash files them. */
function specialNames(flags: Set<string>): string[] {
  const out: string[] = [];
  if (flags.has('D')) out.push(DEFAULT_NAME);
  if (flags.has('E')) out.push(EMPTY_NAME);
  if (flags.has('I')) out.push(INITIAL_NAME);
  return out;
}

const noSpec = (sh: Interpreter, cmd: string, name: string): Promise<void> => sh.error(`${cmd}: ${name}: no completion specification`);

function isEmpty(spec: CompSpec): boolean {
  return spec.actions.size === 0 && spec.options.size === 0 && Object.keys(spec).length === 2;
}

export async function complete(sh: Interpreter, argv: string[]): Promise<number> {
  const p = parseCompArgs(argv.slice(1), 'prDEI');
  if (p.error) return usageError(sh, 'complete', COMPLETE_USAGE, p);
  const table = sh.state.completions;
  const names = [...specialNames(p.flags), ...p.rest];
  if (p.flags.has('r')) {
    if (names.length === 0) {
      table.clear();
      return 0;
    }
    let status = 0;
    for (const n of names) {
      if (!table.delete(n)) {
        await noSpec(sh, 'complete', n);
        status = 1;
      }
    }
    return status;
  }
  if (p.flags.has('p') || (argv.length === 1)) {
    const list = names.length ? names : table.names();
    let status = 0;
    for (const n of list) {
      const spec = table.get(n);
      if (!spec) {
        await noSpec(sh, 'complete', n);
        status = 1;
        continue;
      }
      await sh.write(1, `${specLine(n, spec)}\n`);
    }
    return status;
  }
  if (names.length === 0) return usageError(sh, 'complete', COMPLETE_USAGE, { ...p, error: { usage: true } });
  for (const n of names) table.set(n, copySpec(p.spec));
  return 0;
}

export async function compgen(sh: Interpreter, argv: string[]): Promise<number> {
  const p = parseCompArgs(argv.slice(1), '');
  if (p.error) return usageError(sh, 'compgen', COMPGEN_USAGE, p);
  if (isEmpty(p.spec)) return 0;
  if (p.spec.func !== undefined) await sh.error('compgen: warning: -F option may not work as you expect');
  if (p.spec.command !== undefined) await sh.error('compgen: warning: -C option may not work as you expect');
  const word = p.rest[0] ?? '';
  const ctx: GenContext = { sh, word, cmd: 'compgen', prev: '', type: 9, options: new Set(p.spec.options) };
  let matches = await generate(ctx, p.spec);
  if (matches.length === 0 && ctx.options.has('default')) matches = await fileMatches(sh, word);
  if (matches.length === 0 && ctx.options.has('bashdefault')) matches = (await defaultMatches(sh, word, false)).matches;
  for (const m of matches) await sh.write(1, `${m}\n`);
  return matches.length > 0 ? 0 : 1;
}

export async function compopt(sh: Interpreter, argv: string[]): Promise<number> {
  const p = parseCompArgs(argv.slice(1), 'DEI', true);
  if (p.error || p.spec.actions.size > 0 || Object.keys(p.spec).length > 2) {
    return usageError(sh, 'compopt', COMPOPT_USAGE, p.error ? p : { ...p, error: { usage: true } });
  }
  const on = p.spec.options;
  const names = [...specialNames(p.flags), ...p.rest];
  const apply = (options: Set<string>): void => {
    for (const o of on) options.add(o);
    for (const o of p.off) options.delete(o);
  };
  if (names.length === 0) {
    const active = activeCompletion();
    if (!active) {
      await sh.error('compopt: not currently executing completion function');
      return 1;
    }
    if (on.size === 0 && p.off.size === 0) {
      await sh.write(1, `${optionLine(active.options)}\n`);
      return 0;
    }
    apply(active.options);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const spec = sh.state.completions.get(n);
    if (!spec) {
      await noSpec(sh, 'compopt', n);
      status = 1;
      continue;
    }
    if (on.size === 0 && p.off.size === 0) await sh.write(1, `${optionLine(spec.options)} ${n === DEFAULT_NAME ? '-D' : n === EMPTY_NAME ? '-E' : n === INITIAL_NAME ? '-I' : n}\n`);
    else apply(spec.options);
  }
  return status;
}

function optionLine(options: Set<string>): string {
  return `compopt ${OPTIONS.map((o) => `${options.has(o) ? '-o' : '+o'} ${o}`).join(' ')}`;
}
