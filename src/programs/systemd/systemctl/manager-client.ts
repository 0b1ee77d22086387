// Talking to the service manager from systemctl: one request, one typed reply.
import type { SystemdReply, SystemdRequest, UnitSnapshot } from '../../../shared/services/systemd';
import { fnmatch } from '../../../shared/systemd/glob';
import { unitNameMangle } from '../../../shared/systemd/unit-name';
import type { Ctx } from '../../lib/context';

export async function ask(ctx: Ctx, req: SystemdRequest): Promise<SystemdReply> {
  return (await ctx.sys.call('systemd', req)) as SystemdReply;
}

export async function units(ctx: Ctx, names?: string[], all = false): Promise<UnitSnapshot[]> {
  const r = await ask(ctx, names ? { kind: 'load', names } : { kind: 'units', all });
  return r.kind === 'units' ? r.units : [];
}

/**
 * Unit names as systemctl makes them from arguments ("sshd" -> "sshd.service"); a glob expands
 * over the units the manager has loaded. Undefined (after printing the error) for a bad name.
 */
export async function unitArgs(ctx: Ctx, args: string[], suffix = '.service'): Promise<string[] | undefined> {
  const out: string[] = [];
  let loaded: UnitSnapshot[] | undefined;
  for (const a of args) {
    if (/[*?[]/.test(a)) {
      loaded ??= await units(ctx);
      const pattern = a.includes('.') ? a : `${a}${suffix}`;
      out.push(...loaded.filter((u) => fnmatch(pattern, u.id)).map((u) => u.id));
      continue;
    }
    const m = unitNameMangle(a, suffix);
    if (!m) {
      await ctx.err.write(`Failed to mangle name '${a}': Invalid argument\n`);
      return undefined;
    }
    out.push(m.name);
  }
  return out;
}
