// runlevel (systemd's SysV compatibility): the previous and the current runlevel from the
// utmp record systemd-update-utmp writes at boot ("N 3": none before, multi-user now), or
// "unknown" with status 1 when there is no such record.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { readUtmp } from '../lib/utmp';

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.includes('--help') || args.includes('-h')) {
    await ctx.print(`${ctx.name} [OPTIONS...]\n\nPrint the previous and current SysV runlevel.\n\n     --help      Show this help\n\nSee the runlevel(8) man page for details.\n`);
    return 0;
  }
  const bad = args.find((a) => a.startsWith('-'));
  if (bad !== undefined) {
    await ctx.err.write(bad.startsWith('--') ? `${ctx.name}: unrecognized option '${bad}'\n` : `${ctx.name}: invalid option -- '${bad[1]}'\n`);
    return 1;
  }
  if (args.length > 1) {
    await ctx.err.write('Too many arguments.\n');
    return 1;
  }
  const record = (await readUtmp(ctx.sys)).filter((e) => e.kind === 'runlevel').at(-1);
  if (!record) {
    await ctx.print('unknown\n');
    return 1;
  }
  const current = String.fromCharCode(record.pid % 256);
  const previous = Math.floor(record.pid / 256) % 256;
  await ctx.print(`${previous ? String.fromCharCode(previous) : 'N'} ${current}\n`);
  return 0;
}

export default defineProgram({ name: 'runlevel', installPath: '/usr/sbin/runlevel', pkg: 'systemd', main });
