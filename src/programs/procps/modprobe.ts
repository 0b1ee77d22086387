// modprobe (kmod 30, as Photon OS 5.0 ships it): loads or unloads kernel modules by name. The
// kernel here has its drivers loaded at boot (see lsmod) and knows which other modules its
// /lib/modules tree holds; loading one needs root, an unknown name is kmod's FATAL message.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

/** Modules linux-esx 6.1's tree has beyond those loaded at boot. */
const AVAILABLE = new Set([
  'overlay', 'br_netfilter', 'bridge', 'stp', 'llc', 'veth', 'xt_MASQUERADE', 'xt_addrtype', 'xt_nat', 'nf_nat', 'iptable_nat', 'iptable_filter',
  'ip_tables', 'ip6_tables', 'x_tables', 'nft_chain_nat', 'nft_masq', 'bonding', '8021q', 'dummy', 'loop', 'tun', 'vxlan', 'ipip', 'sit', 'fuse',
  'nbd', 'xfs', 'btrfs', 'isofs', 'nfs', 'nfsd', 'sctp', 'tcp_bbr', 'squashfs', 'wireguard', 'ip_vs', 'ip_vs_rr', 'ip_set', 'xt_conntrack',
  'nft_compat', 'nf_conntrack', 'nf_defrag_ipv6', 'nf_defrag_ipv4', 'nf_tables', 'nfnetlink', 'vmw_balloon', 'vmw_vmci', 'vmw_pvscsi', 'vmxnet3',
]);

/** Built into linux-esx: modprobe accepts them and has nothing to do. */
const BUILTIN = new Set(['ext4', 'ipv6', 'af_packet', 'unix', 'crc32c_generic']);

const USAGE = `Usage:
\tmodprobe [options] [-i] [-b] modulename
\tmodprobe [options] -a [-i] [-b] modulename [modulename...]
\tmodprobe [options] -r [-i] modulename
\tmodprobe [options] -r -a [-i] modulename [modulename...]
\tmodprobe [options] -c
\tmodprobe [options] --dump-modversions filename
Management Options:
\t-a, --all                   Treat every name as a module to load (or remove with -r)
\t-r, --remove                Unload the modules instead of loading them
\t-n, --dry-run               Go through the motions without changing the kernel
\t-q, --quiet                 Say nothing about modules that cannot be found
\t-v, --verbose               Say what is being done
\t-V, --version               Print the version and exit
\t-h, --help                  Print this help and exit
`;

async function fatal(ctx: Ctx, text: string): Promise<number> {
  await ctx.err.write(`modprobe: FATAL: ${text}\n`);
  return 1;
}

export default defineProgram({
  name: 'modprobe',
  installPath: '/usr/sbin/modprobe',
  pkg: 'kmod',
  async main(ctx) {
    let remove = false;
    let all = false;
    let quiet = false;
    let dry = false;
    const names: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (a === '-r' || a === '--remove') remove = true;
      else if (a === '-a' || a === '--all') all = true;
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-n' || a === '--dry-run' || a === '--show') dry = true;
      else if (a === '-v' || a === '--verbose' || a === '-b' || a === '-i') continue;
      else if (a === '-h' || a === '--help') {
        await ctx.print(USAGE);
        return 0;
      } else if (a === '-V' || a === '--version') {
        await ctx.print('kmod version 30\n+ZSTD +XZ +ZLIB +LIBCRYPTO -EXPERIMENTAL\n');
        return 0;
      } else if (a.startsWith('-')) {
        await ctx.err.write(`modprobe: ERROR: unknown command line option '${a}'\n`);
        return 1;
      } else names.push(a);
    }
    if (!names.length) {
      await ctx.err.write('modprobe: ERROR: missing parameters. See -h.\n');
      return 1;
    }
    // without -a the words after the module name are its parameters
    const mods = all || remove ? names : names.slice(0, 1);
    const release = ctx.sys.uname().release;
    for (const raw of mods) {
      const name = raw.replace(/-/g, '_');
      const known = AVAILABLE.has(name) || BUILTIN.has(name);
      if (!known) {
        if (quiet) return 1;
        return fatal(ctx, remove ? `Module ${raw} not found.` : `Module ${raw} not found in directory /lib/modules/${release}`);
      }
      if (remove && BUILTIN.has(name)) return fatal(ctx, `Module ${raw} is builtin.`);
      if (dry || BUILTIN.has(name)) continue;
      if (ctx.sys.geteuid() !== 0) {
        await ctx.err.write(`modprobe: ERROR: could not ${remove ? 'remove' : 'insert'} '${name}': Operation not permitted\n`);
        return 1;
      }
    }
    return 0;
  },
});
