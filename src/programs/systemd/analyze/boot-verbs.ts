// systemd-analyze time, blame and critical-chain (src/analyze/analyze-time.c,
// analyze-blame.c, analyze-critical-chain.c) from the manager's record of this boot.
import type { ManagerSnapshot, SystemdReply, UnitSnapshot } from '../../../shared/services/systemd';
import { glyphs } from '../../../shared/systemd/glyphs';
import { formatTimespan } from '../../../shared/systemd/time-span';
import type { Ctx } from '../../lib/context';

const span = (ms: number): string => formatTimespan(BigInt(Math.round(ms * 1000)), 1000n);

async function manager(ctx: Ctx): Promise<ManagerSnapshot | undefined> {
  const r = (await ctx.sys.call('systemd', { kind: 'manager' })) as SystemdReply;
  return r.kind === 'manager' ? r.manager : undefined;
}

export async function analyzeTime(ctx: Ctx): Promise<number> {
  const m = await manager(ctx);
  if (!m) return 1;
  if (m.state === 'starting') {
    await ctx.err.write('Bootup is not yet finished (org.freedesktop.systemd1.Manager.FinishTimestampMonotonic=0).\nPlease try again later.\nHint: Use \'systemctl list-jobs\' to see active jobs\n');
    return 1;
  }
  const target = m.activation.find((a) => a.unit === m.defaultTarget);
  let out = `Startup finished in ${span(m.kernelMs)} (kernel) + ${span(m.userspaceMs)} (userspace) = ${span(m.kernelMs + m.userspaceMs)} \n`;
  if (target) out += `${m.defaultTarget} reached after ${span(target.at)} in userspace.\n`;
  await ctx.print(out);
  return 0;
}

export async function analyzeBlame(ctx: Ctx): Promise<number> {
  const m = await manager(ctx);
  if (!m) return 1;
  const list = m.activation.filter((a) => a.ms > 0).sort((a, b) => b.ms - a.ms);
  const texts = list.map((a) => span(a.ms));
  const width = Math.max(0, ...texts.map((t) => t.length));
  await ctx.print(list.map((a, i) => `${texts[i]!.padStart(width)} ${a.unit}`).join('\n') + (list.length ? '\n' : ''));
  return 0;
}

export async function analyzeCriticalChain(ctx: Ctx, args: string[]): Promise<number> {
  const m = await manager(ctx);
  if (!m) return 1;
  const when = new Map(m.activation.map((a) => [a.unit, a]));
  const cache = new Map<string, UnitSnapshot | undefined>();
  const snap = async (n: string): Promise<UnitSnapshot | undefined> => {
    if (!cache.has(n)) {
      const r = (await ctx.sys.call('systemd', { kind: 'load', names: [n] })) as SystemdReply;
      cache.set(n, r.kind === 'units' ? r.units[0] : undefined);
    }
    return cache.get(n);
  };
  const lines: string[] = ['The time when unit became active or started is printed after the "@" character.', 'The time the unit took to start is printed after the "+" character.', ''];
  const roots = args.length ? args : [m.defaultTarget];
  const tree = glyphs(ctx.env).treeRight;
  for (const root of roots) {
    const seen = new Set<string>();
    let name: string | undefined = root;
    let depth = 0;
    while (name && !seen.has(name) && depth < 64) {
      seen.add(name);
      const a = when.get(name);
      const u = await snap(name);
      const at = a ? `@${span(a.at + a.ms)}` : '';
      const took = a && a.ms > 0 ? ` +${span(a.ms)}` : '';
      const label = `${name}${at ? ` ${at}` : ''}${took}`;
      lines.push(depth === 0 ? label : `${'  '.repeat(depth - 1)}${tree}${label}`);
      // the unit it waited for longest: the After= dependency that became active last
      // a target also waits for what it wants (default dependencies)
      const afters = [...new Set([...(u?.deps.After ?? []), ...(u?.type === 'target' ? [...(u.deps.Wants ?? []), ...(u.deps.Requires ?? [])] : [])])].filter((d) => when.has(d));
      afters.sort((x, y) => (when.get(y)!.at + when.get(y)!.ms) - (when.get(x)!.at + when.get(x)!.ms));
      name = afters[0];
      depth++;
    }
  }
  await ctx.print(`${lines.join('\n')}\n`);
  return 0;
}
