// systemd-detect-virt (systemd 253): what this machine runs on. The simulated machine is a
// VMware virtual machine, not a container and not chrooted; the exit status says whether
// something was detected (0) or not (1).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { systemctlVersion } from './systemctl/help';

const VMS = ['kvm', 'amazon', 'qemu', 'bochs', 'xen', 'uml', 'vmware', 'oracle', 'microsoft', 'zvm', 'parallels', 'bhyve', 'qnx', 'acrn', 'powervm', 'apple', 'sre', 'google', 'vm-other'];
const CONTAINERS = ['systemd-nspawn', 'lxc-libvirt', 'lxc', 'openvz', 'docker', 'podman', 'rkt', 'wsl', 'proot', 'pouch', 'container-other'];

const HELP = `systemd-detect-virt [OPTIONS...]

Tell whether this system runs in a virtual machine or a container, and which.

  -h --help             Show this help
     --version          Show package version
  -c --container        Only look for a container
  -v --vm               Only look for a virtual machine
  -r --chroot           Tell whether this runs in a chroot() environment
     --private-users    Only tell whether this runs in a user namespace
  -q --quiet            Print nothing, answer with the exit status only
     --list             List every kind of virtualization it knows

See the systemd-detect-virt(1) man page for details.
`;

const LONG: Record<string, string> = { help: 'h', container: 'c', vm: 'v', chroot: 'r', quiet: 'q', version: 'V', list: 'L', 'private-users': 'U' };

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  let mode: 'any' | 'vm' | 'container' | 'chroot' | 'userns' | 'list' = 'any';
  let quiet = false;
  const letters: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
      const exact = LONG[name] !== undefined ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact === undefined) {
        await ctx.err.write(matches.length > 1 ? `${ctx.name}: option '${a}' is ambiguous\n` : `${ctx.name}: unrecognized option '${a}'\n`);
        return 1;
      }
      letters.push(LONG[exact]!);
    } else if (a.startsWith('-') && a !== '-') {
      for (const c of a.slice(1)) {
        if (!'hcvrq'.includes(c)) {
          await ctx.err.write(`${ctx.name}: invalid option -- '${c}'\n`);
          return 1;
        }
        letters.push(c);
      }
    } else break;
  }
  for (const c of letters) {
    if (c === 'h') {
      await ctx.print(HELP);
      return 0;
    }
    if (c === 'V') {
      await ctx.print(systemctlVersion());
      return 0;
    }
    if (c === 'q') quiet = true;
    if (c === 'c') mode = 'container';
    if (c === 'v') mode = 'vm';
    if (c === 'r') mode = 'chroot';
    if (c === 'U') mode = 'userns';
    if (c === 'L') mode = 'list';
  }
  if (i < args.length) {
    await ctx.err.write(`${ctx.name} takes no arguments.\n`);
    return 1;
  }
  if (mode === 'list') {
    await ctx.print(`none\n${[...VMS, ...CONTAINERS].join('\n')}\n`);
    return 0;
  }
  if (mode === 'chroot' || mode === 'userns') return 1;
  const found = mode === 'container' ? 'none' : 'vmware';
  if (!quiet) await ctx.print(`${found}\n`);
  return found === 'none' ? 1 : 0;
}

export default defineProgram({ name: 'systemd-detect-virt', installPath: '/usr/bin/systemd-detect-virt', pkg: 'systemd', main });
