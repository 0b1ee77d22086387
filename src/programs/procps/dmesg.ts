// dmesg and mount (util-linux 2.38). dmesg shows a fixed boot log of linux-esx 6.1 on a
// VMware VM; Photon sets kernel.dmesg_restrict=1, so only root may read it. mount without
// arguments lists /proc/mounts in mount's own format.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { strftime } from '../lib/strftime';
import { readState } from './sysctl';

// [seconds, level (0-7), facility (0 kern), text]
function bootLog(release: string, version: string, hostnameCmdline: string): [number, number, string][] {
  return [
    [0, 5, `Linux version ${release} (root@photon) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) ${version}`],
    [0, 6, `Command line: ${hostnameCmdline}`],
    [0, 6, 'Disabled fast string operations'],
    [0, 6, 'x86/fpu: Supporting XSAVE feature 0x001: \'x87 floating point registers\''],
    [0, 6, 'BIOS-provided physical RAM map:'],
    [0, 6, 'BIOS-e820: [mem 0x0000000000000000-0x000000000009ebff] usable'],
    [0, 6, 'BIOS-e820: [mem 0x0000000000100000-0x000000007fedffff] usable'],
    [0, 6, 'NX (Execute Disable) protection: active'],
    [0, 6, 'SMBIOS 2.7 present.'],
    [0, 6, 'DMI: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 11/12/2020'],
    [0, 6, 'Hypervisor detected: VMware'],
    [0, 6, 'vmware: TSC freq read from hypervisor : 2095.078 MHz'],
    [0.000002, 6, 'tsc: Detected 2095.078 MHz processor'],
    [0.004312, 6, 'Memory: 1966244K/2096696K available (14342K kernel code, 2536K rwdata, 6176K rodata, 1640K init, 1820K bss, 130192K reserved, 0K cma-reserved)'],
    [0.010245, 6, 'smpboot: Allowing 2 CPUs, 0 hotplug CPUs'],
    [0.061873, 6, 'smpboot: CPU0: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz (family: 0x6, model: 0x55, stepping: 0x7)'],
    [0.068432, 6, 'smp: Brought up 1 node, 2 CPUs'],
    [0.071204, 6, 'devtmpfs: initialized'],
    [0.092655, 6, 'NET: Registered PF_NETLINK/PF_ROUTE protocol family'],
    [0.201873, 6, 'PCI: Using configuration type 1 for base access'],
    [0.395021, 6, 'VMware PVSCSI driver - version 1.0.7.0-k'],
    [0.401337, 6, 'vmw_pvscsi: using 64bit dma'],
    [0.412889, 5, 'scsi 0:0:0:0: Direct-Access     VMware   Virtual disk     2.0  PQ: 0 ANSI: 6'],
    [0.421006, 5, 'sd 0:0:0:0: [sda] 33554432 512-byte logical blocks: (17.2 GB/16.0 GiB)'],
    [0.421342, 5, 'sd 0:0:0:0: [sda] Write Protect is off'],
    [0.422951, 6, ' sda: sda1 sda2 sda3'],
    [0.423402, 5, 'sd 0:0:0:0: [sda] Attached SCSI disk'],
    [0.480119, 6, 'VMware vmxnet3 virtual NIC driver - version 1.7.0.0-k-NAPI'],
    [0.486745, 6, 'vmxnet3 0000:0b:00.0: # of Tx queues : 2, # of Rx queues : 2'],
    [0.491633, 6, 'vmxnet3 0000:0b:00.0 eth0: NIC Link is Up 10000 Mbps'],
    [0.612074, 6, 'EXT4-fs (sda3): mounted filesystem with ordered data mode. Quota mode: none.'],
    [0.615532, 6, 'VFS: Mounted root (ext4 filesystem) readonly on device 8:3.'],
    [0.619877, 6, 'Freeing unused kernel image (initmem) memory: 1640K'],
    [0.621006, 6, 'Run /lib/systemd/systemd as init process'],
    [0.812443, 6, 'systemd[1]: systemd 253 running in system mode (+PAM -AUDIT -SELINUX +APPARMOR -IMA -SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL -ELFUTILS -FIDO2 +IDN2 -IDN +IPTC +KMOD -LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified)'],
    [0.813004, 6, 'systemd[1]: Detected virtualization vmware.'],
    [0.813120, 6, 'systemd[1]: Detected architecture x86-64.'],
    [0.821998, 6, 'systemd[1]: Hostname set to <photon-machine>.'],
    [1.204551, 6, 'EXT4-fs (sda3): re-mounted. Quota mode: none.'],
    [1.590366, 6, 'vmw_vmci 0000:00:07.7: Using capabilities 0xc'],
    [1.733210, 6, 'NET: Registered PF_PACKET protocol family'],
    [2.118964, 6, 'IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready'],
  ];
}

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const CLEARED = '/run/dmesg.cleared';

export const dmesg = defineProgram({
  name: 'dmesg',
  installPath: '/usr/bin/dmesg',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'C', short: 'C', long: 'clear' }, { key: 'c', short: 'c', long: 'read-clear' }, { key: 'H', short: 'H', long: 'human' },
        { key: 'k', short: 'k', long: 'kernel' }, { key: 'l', short: 'l', long: 'level', arg: 'required' }, { key: 'r', short: 'r', long: 'raw' },
        { key: 'T', short: 'T', long: 'ctime' }, { key: 't', short: 't', long: 'notime' }, { key: 'x', short: 'x', long: 'decode' },
        { key: 'w', short: 'w', long: 'follow' }, { key: 'L', short: 'L', long: 'color', arg: 'optional' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' }, { key: 'S', short: 'S', long: 'syslog' }, { key: 'P', short: 'P', long: 'nopager' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`dmesg: ${e.message}\nTry 'dmesg --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print('dmesg from util-linux 2.38\n').then(() => 0);
    if (p.flags.has('h')) return ctx.print('\nUsage:\n dmesg [options]\n\nDisplay or control the kernel ring buffer.\n\nFor more details see dmesg(1).\n').then(() => 0);
    const sys = ctx.sys;
    const restricted = (await readState(ctx)).get('kernel.dmesg_restrict') !== '0';
    if (sys.geteuid() !== 0 && (restricted || p.flags.has('C') || p.flags.has('c'))) {
      await ctx.err.write(`dmesg: ${p.flags.has('C') || p.flags.has('c') ? 'klogctl failed' : 'read kernel buffer failed'}: Operation not permitted\n`);
      return 1;
    }
    let cleared = false;
    try {
      await sys.stat(CLEARED);
      cleared = true;
    } catch {
      cleared = false;
    }
    const clear = async (): Promise<void> => sys.writeFile(CLEARED, '', { mode: 0o600 });
    if (p.flags.has('C')) {
      await clear();
      return 0;
    }
    const u = sys.uname();
    let cmdline = '';
    try {
      cmdline = new TextDecoder().decode(await sys.readFile('/proc/cmdline')).trim();
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const levels = p.values.get('l')?.at(-1)?.split(',');
    const boot = sys.now() - sys.uptime();
    let out = '';
    for (const [t, lvl, text] of cleared ? [] : bootLog(u.release, u.version, cmdline)) {
      if (levels && !levels.includes(LEVELS[lvl]!)) continue;
      const stamp = `[${t.toFixed(6).padStart(12)}] `;
      let line: string;
      if (p.flags.has('r')) line = `<${lvl}>${stamp}${text}`;
      else {
        const fac = p.flags.has('x') ? `${'kern'.padEnd(6)}:${LEVELS[lvl]!.padEnd(6)}: ` : '';
        const when = p.flags.has('t') ? '' : p.flags.has('T') ? `[${strftime('%a %b %e %H:%M:%S %Y', boot + t * 1000)}] ` : stamp;
        line = `${fac}${when}${text}`;
      }
      out += `${line}\n`;
    }
    await ctx.print(out);
    if (p.flags.has('c')) await clear();
    if (p.flags.has('w')) {
      await ctx.out.flush();
      for (;;) await sys.sleep(60_000);
    }
    return 0;
  },
});

export const mount = defineProgram({
  name: 'mount',
  installPath: '/usr/bin/mount',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'all' }, { key: 'l', short: 'l', long: 'show-labels' }, { key: 't', short: 't', long: 'types', arg: 'required' },
        { key: 'o', short: 'o', long: 'options', arg: 'required' }, { key: 'r', short: 'r', long: 'read-only' }, { key: 'w', short: 'w', long: 'rw' },
        { key: 'v', short: 'v', long: 'verbose' }, { key: 'n', short: 'n', long: 'no-mtab' }, { key: 'B', long: 'bind' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`mount: ${e.message}\nTry 'mount --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print('mount from util-linux 2.38 (libmount 2.38.0: btrfs, verity, namespaces, assert, debug)\n').then(() => 0);
    if (p.flags.has('h')) return ctx.print('\nUsage:\n mount [-lhV]\n mount -a [options]\n mount [options] [--source] <source> | [--target] <directory>\n mount [options] <source> <directory>\n\nMount a filesystem.\n\nFor more details see mount(8).\n').then(() => 0);
    const sys = ctx.sys;
    if (p.operands.length === 0 && !p.flags.has('a')) {
      const types = p.values.get('t')?.at(-1)?.split(',');
      const text = new TextDecoder().decode(await sys.readFile('/proc/self/mounts'));
      let out = '';
      for (const line of text.split('\n').filter(Boolean)) {
        const [src, target, type, opts] = line.split(' ');
        if (types && !types.includes(type!)) continue;
        out += `${src} on ${target} type ${type} (${opts})\n`;
      }
      await ctx.print(out);
      return 0;
    }
    if (p.flags.has('a')) return 0;
    if (sys.geteuid() !== 0) {
      await ctx.err.write(`mount: ${p.operands[p.operands.length - 1]}: must be superuser to use mount.\n`);
      return 32;
    }
    const src = p.operands[0]!;
    const target = p.operands[1];
    if (target === undefined) {
      await ctx.err.write(`mount: ${src}: can't find in /etc/fstab.\n`);
      return 1;
    }
    try {
      await sys.stat(target);
    } catch {
      await ctx.err.write(`mount: ${target}: mount point does not exist.\n`);
      return 32;
    }
    await ctx.err.write(`mount: ${target}: special device ${src} does not exist.\n`);
    return 32;
  },
});
