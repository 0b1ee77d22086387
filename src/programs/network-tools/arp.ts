// arp (net-tools 2.10): the kernel's IPv4 neighbour table, read from /proc/net/arp as the
// real tool reads it (here from the network service), in its table (-n, default) or BSD (-a) layout.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import type { NetReply } from '../../shared/services/net';

interface Entry { ip: string; hw: string; flags: number; mask: string; dev: string }

/** The IPv4 neighbours as /proc/net/arp lists them (flags ATF_COM 0x2 when the address is known). */
async function entries(ctx: Ctx): Promise<Entry[]> {
  const call = async (kind: 'getneighs' | 'getlinks'): Promise<NetReply> => (await ctx.sys.call('net', { kind })) as NetReply;
  const [n, l] = await Promise.all([call('getneighs'), call('getlinks')]);
  const links = 'links' in l ? l.links : [];
  const neighs = 'neighs' in n ? n.neighs : [];
  // NUD_NOARP (0x40) and failed (0x20) entries are not shown
  return neighs.filter((x) => x.family === 4 && !(x.state & 0x60)).map((x) => ({
    ip: x.dst, hw: x.lladdr ?? '00:00:00:00:00:00', flags: x.lladdr ? 2 | (x.state & 0x80 ? 4 : 0) : 0, mask: '*',
    dev: links.find((k) => k.ifindex === x.ifindex)?.name ?? '',
  }));
}

export default defineProgram({
  name: 'arp',
  installPath: '/usr/sbin/arp',
  pkg: 'net-tools',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let bsd = false;
    let iface: string | undefined;
    const hosts: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-V' || a === '--version') return ctx.print('net-tools 2.10\n+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE +BLUETOOTH \nHW:  +ETHER +ARC +SLIP +PLIP +TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n').then(() => 0);
      if (a === '-i' || a === '--device') iface = args[++i];
      else if (a === '-a' || a === '--all') bsd = true;
      else if (a === '-e') bsd = false;
      else if (/^-[nv]+$/.test(a) || a === '--numeric' || a === '--verbose') continue;
      else if (a.startsWith('-')) {
        await ctx.err.write(`arp: invalid option -- '${a.slice(1, 2)}'\n`);
        await ctx.err.write('Usage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n');
        return 3;
      } else hosts.push(a);
    }
    let list = (await entries(ctx)).filter((e) => (!iface || e.dev === iface) && (!hosts.length || hosts.includes(e.ip)));
    if (!list.length) {
      const total = (await entries(ctx)).length;
      if (hosts.length && !bsd) await ctx.print(`${hosts[0]} (${hosts[0]}) -- no entry\n`);
      else if (hosts.length || iface) await ctx.print(`arp: in ${total} entries no match found.\n`);
      return 0;
    }
    let out = '';
    if (bsd) {
      for (const e of list) out += e.flags & 2 ? `? (${e.ip}) at ${e.hw} [ether] on ${e.dev}\n` : `? (${e.ip}) at <incomplete> on ${e.dev}\n`;
    } else {
      out = `${'Address'.padEnd(25)}${'HWtype'.padEnd(8)}${'HWaddress'.padEnd(20)}${'Flags Mask'.padEnd(22)}Iface\n`;
      for (const e of list) {
        const fl = `${e.flags & 2 ? 'C' : ''}${e.flags & 4 ? 'M' : ''}${e.flags & 8 ? 'P' : ''}`;
        out += e.flags & 2
          ? `${e.ip.padEnd(25)}${'ether'.padEnd(8)}${e.hw.padEnd(20)}${fl.padEnd(6)}${''.padEnd(16)}${e.dev}\n`
          : `${e.ip.padEnd(25)}${''.padEnd(8)}${'(incomplete)'.padEnd(20)}${fl.padEnd(6)}${''.padEnd(16)}${e.dev}\n`;
      }
    }
    await ctx.print(out);
    return 0;
  },
});
