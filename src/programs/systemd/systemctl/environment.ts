// systemctl show-environment, set-environment, unset-environment and import-environment
// (src/systemctl/systemctl-set-environment.c): the environment the manager hands to the
// processes it starts.
import type { Ctx } from '../../lib/context';
import { ask } from './manager-client';
import type { SystemctlOptions } from './options';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CESCAPE: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** shell_maybe_quote(..., SHELL_ESCAPE_POSIX): plain when safe, else $'...' from the first unsafe character on. */
export function shellQuotePosix(s: string): string {
  const unsafe = /[\x00-\x1f\x7f \t\n\r"\\`$*?['()<>|&;!]/;
  const at = s.search(unsafe);
  if (at < 0) return s;
  let out = `$'${s.slice(0, at)}`;
  for (const ch of s.slice(at)) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) out += CESCAPE[ch] ?? `\\x${c.toString(16).padStart(2, '0')}`;
    else if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else out += ch;
  }
  return `${out}'`;
}

async function change(ctx: Ctx, set: string[], unset: string[], what: string): Promise<number> {
  if (ctx.sys.geteuid() !== 0) {
    await ctx.err.write(`Failed to ${what} environment: Access denied\n`);
    return 1;
  }
  const r = await ask(ctx, { kind: 'environment', set, unset });
  if (r.kind === 'error') {
    await ctx.err.write(`Failed to ${what} environment: ${r.message}\n`);
    return 1;
  }
  return 0;
}

export async function environmentVerb(ctx: Ctx, verb: string, args: string[], opts: SystemctlOptions): Promise<number> {
  if (verb === 'set-environment') return change(ctx, args, [], 'set');
  if (verb === 'unset-environment') return change(ctx, [], args, 'set');
  if (verb === 'import-environment') {
    if (args.length === 0) {
      await ctx.err.write('Calling import-environment without a list of variable names is deprecated.\n');
      return change(ctx, [...ctx.env.entries()].filter(([k]) => NAME.test(k)).map(([k, v]) => `${k}=${v}`), [], 'import');
    }
    const set: string[] = [];
    for (const a of args) {
      if (!NAME.test(a)) {
        await ctx.err.write(`Not a valid environment variable name: ${a}\n`);
        return 1;
      }
      const v = ctx.env.get(a);
      if (v === undefined) await ctx.err.write(`Environment variable $${a} not set, ignoring.\n`);
      else set.push(`${a}=${v}`);
    }
    return change(ctx, set, [], 'import');
  }
  const r = await ask(ctx, { kind: 'environment' });
  if (r.kind !== 'environment') return 1;
  if (opts.output === 'json' || opts.output === 'json-pretty') {
    const obj: Record<string, string> = {};
    for (const e of r.env) obj[e.slice(0, e.indexOf('='))] = e.slice(e.indexOf('=') + 1);
    await ctx.out.write(opts.output === 'json' ? `${JSON.stringify(obj)}\n` : `${JSON.stringify(obj, null, '\t')}\n`);
    return 0;
  }
  await ctx.out.write(r.env.map((e) => `${e.slice(0, e.indexOf('='))}=${shellQuotePosix(e.slice(e.indexOf('=') + 1))}\n`).join(''));
  return 0;
}
