// systemd-detect-virt (systemd 253): what this machine runs on. The simulated machine is a
// VMware virtual machine, not a container and not chrooted; the exit status says whether
// something was detected (0) or not (1).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import type { OptionDef } from '../lib/getopt';
import { parseArgs } from './ctl/common';
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

const DEFS: OptionDef[] = [
  { key: 'h', short: 'h', long: 'help' }, { key: 'V', long: 'version' },
  { key: 'c', short: 'c', long: 'container' }, { key: 'v', short: 'v', long: 'vm' },
  { key: 'r', short: 'r', long: 'chroot' }, { key: 'U', long: 'private-users' },
  { key: 'q', short: 'q', long: 'quiet' }, { key: 'L', long: 'list' },
];

async function main(ctx: Ctx): Promise<number> {
  const parsed = await parseArgs(ctx, DEFS);
  if (!parsed) return 1;
  let mode: 'any' | 'vm' | 'container' | 'chroot' | 'userns' | 'list' = 'any';
  let quiet = false;
  for (const { key } of parsed.order) {
    if (key === 'h') {
      await ctx.print(HELP);
      return 0;
    }
    if (key === 'V') {
      await ctx.print(systemctlVersion());
      return 0;
    }
    if (key === 'q') quiet = true;
    else mode = ({ c: 'container', v: 'vm', r: 'chroot', U: 'userns', L: 'list' } as const)[key as 'c' | 'v' | 'r' | 'U' | 'L'];
  }
  if (parsed.operands.length) {
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
