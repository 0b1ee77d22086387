// Talking to the service manager from systemctl: one request, one typed reply.
import type { SystemdReply, SystemdRequest, UnitSnapshot } from '../../../shared/services/systemd';
import { fnmatch } from '../../../shared/systemd/glob';
import { unitNameIsValid, unitNameMangle } from '../../../shared/systemd/unit-name';
import type { Ctx } from '../../lib/context';

export async function ask(ctx: Ctx, req: SystemdRequest): Promise<SystemdReply> {
  return (await ctx.sys.call('systemd', req)) as SystemdReply;
}

export async function units(ctx: Ctx, names?: string[], all = false): Promise<UnitSnapshot[]> {
  const r = await ask(ctx, names ? { kind: 'load', names } : { kind: 'units', all });
  return r.kind === 'units' ? r.units : [];
}

/** The filters of expand_unit_names()/output_show_unit() that come from the command line. */
export interface ExpandOptions {
  quiet?: boolean;
  all?: boolean;
  states?: readonly string[];
  types?: readonly string[];
}

/**
 * expand_unit_names(): every argument is mangled as a glob-friendly name ("sshd" ->
 * "sshd.service", with a notice for escaped characters unless --quiet); globs expand over the
 * units the manager has loaded, where inactive ones only count with --all or --state=.
 * Undefined (after printing the error) for an argument that cannot become a name. The names may
 * still be invalid (e.g. "a!b.service"): the verbs report that as the manager would.
 */
export async function unitArgs(ctx: Ctx, args: string[], suffix = '.service', o: ExpandOptions = {}): Promise<string[] | undefined> {
  const out: string[] = [];
  const globs: string[] = [];
  for (const a of args) {
    const m = unitNameMangle(a, suffix, { glob: true });
    if (!m) {
      await ctx.err.write('Failed to mangle name: Invalid argument\nFailed to expand names: Invalid argument\n');
      return undefined;
    }
    if (m.notice && !o.quiet) await ctx.err.write(`${m.notice}\n`);
    if (/[*?[]/.test(m.name)) globs.push(m.name);
    else out.push(m.name);
  }
  if (globs.length === 0) return out;
  const states = o.states ?? [];
  const types = o.types ?? [];
  for (const u of await units(ctx, undefined, true)) {
    if (!globs.some((g) => fnmatch(g, u.id))) continue;
    if (states.length && !states.some((s) => s === u.loadState || s === u.activeState || s === u.subState)) continue;
    if (types.length && !types.includes(u.type)) continue;
    if (!o.all && states.length === 0 && u.activeState === 'inactive') continue;
    out.push(u.id);
  }
  return out;
}

/** cescape(): how the manager quotes a unit name in its errors. */
function cescape(s: string): string {
  return s.replace(/[\\"'\x00-\x1f\x7f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/**
 * A name the manager refuses to look up (bus_unit_validate_load_state / unit path lookup), or
 * undefined when it is a valid unit name.
 */
export function invalidNameError(name: string): string | undefined {
  if (unitNameIsValid(name)) return undefined;
  return `Unit name ${cescape(name)} is neither a valid invocation ID nor unit name.`;
}
