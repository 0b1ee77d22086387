// hostnamectl (systemd 253): the status screen, hostname and set-hostname (which writes
// /etc/hostname and sets the kernel's name), as systemd-hostnamed answers them.
import type { JournalReply } from '../../../shared/services/journal';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { denied, envFile, fields, parseArgs, readText, tooMany, unknownVerb, helpOrVersion } from './common';

const VALID = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}))*$/;

export default defineProgram({
  name: 'hostnamectl',
  installPath: '/usr/bin/hostnamectl',
  pkg: 'systemd',
  async main(ctx) {
    const p = await parseArgs(ctx, [
      { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'static', long: 'static' },
      { key: 'transient', long: 'transient' }, { key: 'pretty', long: 'pretty' }, { key: 'json', long: 'json', arg: 'required' },
      { key: 'noask', long: 'no-ask-password' },
    ]);
    if (!p) return 1;
    const answered = await helpOrVersion(ctx, p, 'hostnamectl [OPTIONS...] COMMAND ...\n\nQuery or change the system hostname.\n\nCommands:\n  status                 Show current hostname settings\n  hostname [NAME]        Get/set system hostname\n  icon-name [NAME]       Get/set icon name for host\n  chassis [NAME]         Get/set chassis type for host\n  deployment [NAME]      Get/set deployment environment for host\n  location [NAME]        Get/set location for host\n\nOptions:\n  -h --help              Show this help\n     --version           Show package version\n     --transient         Only set transient hostname\n     --static            Only set static hostname\n     --pretty            Only set pretty hostname\n');
    if (answered !== undefined) return answered;
    const [verb = 'status', ...args] = p.operands;
    const host = ctx.sys.uname().nodename;
    switch (verb) {
      case 'status': {
        if (args.length) return tooMany(ctx);
        if (p.flags.has('static') || p.flags.has('pretty') || p.flags.has('transient')) return oneName(ctx, p.flags, host);
        const os = envFile(await readText(ctx, '/etc/os-release'));
        const machineId = (await readText(ctx, '/etc/machine-id'))?.trim() ?? '';
        const boots = (await ctx.sys.call('journal', { kind: 'boots' })) as JournalReply;
        const bootId = boots.kind === 'boots' ? boots.boots.at(-1)?.id ?? '' : '';
        const staticName = (await readText(ctx, '/etc/hostname'))?.trim() ?? '';
        const u = ctx.sys.uname();
        const rows: [string, string][] = [['Static hostname', staticName || '(unset)']];
        if (staticName !== host) rows.push(['Transient hostname', host]);
        rows.push(
          ['Icon name', 'computer-vm'], ['Chassis', 'vm'], ['Machine ID', machineId], ['Boot ID', bootId], ['Virtualization', 'vmware'],
          ['Operating System', os.get('PRETTY_NAME') ?? 'Linux'], ['Kernel', `${u.sysname} ${u.release}`], ['Architecture', 'x86-64'],
          ['Hardware Vendor', 'VMware, Inc.'], ['Hardware Model', 'VMware Virtual Platform'], ['Firmware Version', '6.00'], ['Firmware Date', 'Thu 2020-11-12'],
        );
        await ctx.out.write(fields(rows, 16));
        return 0;
      }
      case 'hostname':
      case 'set-hostname': {
        if (verb === 'hostname' && args.length === 0) return oneName(ctx, p.flags, host);
        if (args.length !== 1) {
          await ctx.err.write(args.length ? 'Too many arguments.\n' : 'Too few arguments.\n');
          return 1;
        }
        const name = args[0]!;
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set static hostname');
        if (!VALID.test(name) || name.length > 64) {
          await ctx.err.write(`Could not set static hostname: Invalid static hostname '${name}'\n`);
          return 1;
        }
        if (!p.flags.has('transient') && !p.flags.has('pretty')) await ctx.sys.writeFile('/etc/hostname', `${name}\n`);
        if (!p.flags.has('static') && !p.flags.has('pretty')) ctx.sys.sethostname(name);
        return 0;
      }
      case 'icon-name':
      case 'chassis':
      case 'deployment':
      case 'location':
        if (args.length === 0) {
          await ctx.print(verb === 'icon-name' ? 'computer-vm\n' : verb === 'chassis' ? 'vm\n' : '\n');
          return 0;
        }
        if (ctx.sys.geteuid() !== 0) return denied(ctx, `set ${verb}`);
        return 0;
      default:
        return unknownVerb(ctx, verb);
    }
  },
});

/** get_hostname_based_on_flag(): one of the pretty, static or transient names, alone. */
async function oneName(ctx: Ctx, flags: { has(k: string): boolean }, host: string): Promise<number> {
  const asked = ['pretty', 'static', 'transient'].filter((f) => flags.has(f));
  if (asked.length > 1) {
    await ctx.err.write('Cannot query more than one name type at a time\n');
    return 1;
  }
  let name = host;
  if (asked[0] === 'static') name = (await readText(ctx, '/etc/hostname'))?.trim() ?? '';
  if (asked[0] === 'pretty') name = envFile(await readText(ctx, '/etc/machine-info')).get('PRETTY_HOSTNAME') ?? '';
  await ctx.out.write(`${name}\n`);
  return 0;
}
