// `ip neigh` (ip/ipneigh.c): add/del/change/replace, show and flush with their selectors,
// get, and the print format (`ADDR dev DEV lladdr MAC [router] STATE`).
import { strerror } from '../../shared/errno';
import { isNetError, NTF, NUD, type NeighMsg, type NeighSpec, type NlFlags } from '../../shared/services/net';
import { parseAddr, samePrefix } from '../../shared/services/net-addr';
import { familyColor } from './ip-addr-print';
import { afToFamily, getAddr, getPrefix, llAddr, prefixText, toIpAddr, type InetPrefix } from './ip-inet';
import { NUD_NAMES, nudA2n, protoA2n, protoN2a } from './ip-names';
import type { Ip } from './ip-session';
import { NEIGH_USAGE } from './ip-usage';
import { AF, Args, matches } from './ip-util';

async function modify(ip: Ip, argv: string[], del: boolean, nl: NlFlags): Promise<number> {
  const args = new Args(argv);
  let state: number = NUD.PERMANENT;
  let flags = 0;
  let dev: string | undefined;
  let lla: string | undefined;
  let dst: InetPrefix | undefined;
  let devOk = false;
  let protocol: number | undefined;
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    if (matches(w, 'lladdr')) {
      const v = next();
      if (lla !== undefined) ip.duparg('lladdr', v);
      lla = v;
    } else if (w === 'nud') {
      const v = next();
      const s = nudA2n(v);
      if (s === null) ip.invarg('nud state is bad', v);
      state = s;
    } else if (matches(w, 'proxy')) {
      const v = next();
      if (matches(v, 'help')) ip.fail(NEIGH_USAGE);
      if (dst) ip.duparg('address', v);
      dst = getAddr(ip, v, ip.family);
      devOk = true;
      flags |= NTF.PROXY;
    } else if (w === 'router') {
      flags |= NTF.ROUTER;
    } else if (w === 'use') {
      flags |= NTF.USE;
    } else if (w === 'managed') {
      state = NUD.NONE;
    } else if (matches(w, 'extern_learn')) {
      flags |= NTF.EXT_LEARNED;
    } else if (w === 'dev') {
      dev = next();
      devOk = true;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const pr = protoA2n(v);
      if (pr === null) ip.invarg('"protocol" value is invalid\n', v);
      protocol = pr;
    } else {
      let v = w;
      if (v === 'to') v = next();
      if (matches(v, 'help')) v = next();
      if (dst) ip.duparg2('to', v);
      dst = getAddr(ip, v, ip.family);
    }
  }
  if (!devOk || !dst || dst.family === AF.UNSPEC) return ip.fail('Device and destination are required arguments.\n');
  const spec: NeighSpec = { family: afToFamily(dst.family), ifindex: 0, dst: prefixText(dst) ?? '', state, flags: flags & ~NTF.USE };
  if (lla !== undefined && lla !== 'null') spec.lladdr = llAddr(ip, lla);
  if (protocol !== undefined) spec.protocol = protocol;
  if (dev !== undefined) {
    spec.ifindex = await ip.index(dev);
    if (!spec.ifindex) ip.nodev(dev);
  }
  await ip.talk(del ? { kind: 'delneigh', neigh: spec } : { kind: 'newneigh', nlflags: nl, neigh: spec });
  return 0;
}

interface NeighFilter {
  family: number;
  index: number;
  state: number;
  pfx?: InetPrefix;
  protocol: number;
  /** `proxy`: the dump asks for the proxy table (NTF_PROXY) and only that */
  proxy?: boolean;
  /** `unused`: only entries nothing holds (a reference count of 0, so no running timer) */
  unused?: boolean;
}

function passes(f: NeighFilter, n: NeighMsg): boolean {
  if (f.family && f.family !== (n.family === 4 ? AF.INET : AF.INET6)) return false;
  if (f.index && f.index !== n.ifindex) return false;
  if (!!f.proxy !== ((n.flags & NTF.PROXY) !== 0)) return false;
  if (f.unused && n.refcnt) return false;
  if (!(f.state & n.state) && !(n.flags & NTF.PROXY) && !(n.flags & NTF.EXT_LEARNED) && (n.state || !(f.state & 0x100))) return false;
  if (f.pfx && f.pfx.family !== AF.UNSPEC && f.pfx.bitlen > 0) {
    const a = parseAddr(n.dst);
    if (!a || f.pfx.family !== (n.family === 4 ? AF.INET : AF.INET6) || !samePrefix(a, toIpAddr(f.pfx), f.pfx.bitlen)) return false;
  }
  if (f.protocol && f.protocol !== (n.protocol ?? 0)) return false;
  return true;
}

async function printNeigh(ip: Ip, f: NeighFilter, n: NeighMsg): Promise<void> {
  const p = ip.printer;
  const color = familyColor(n.family);
  p.openObject();
  if (ip.opts.brief) {
    const dst = ip.host(n.dst);
    p.any('dst', `${dst.padEnd(39)} `, dst, color);
    if (!f.index && n.ifindex) {
      const dev = await ip.name(n.ifindex);
      p.any('dev', `${dev.padEnd(16)} `, dev, 'ifname');
    }
    if (n.lladdr) p.any('lladdr', n.lladdr, n.lladdr, 'mac');
    p.fp('\n');
    p.closeObject();
    return;
  }
  const dst = ip.host(n.dst);
  p.any('dst', `${dst} `, dst, color);
  if (!f.index && n.ifindex) {
    const dev = await ip.name(n.ifindex);
    p.fp('dev ');
    p.any('dev', `${dev} `, dev, 'ifname');
  }
  if (n.lladdr) {
    p.fp('lladdr ');
    p.any('lladdr', `${n.lladdr} `, n.lladdr, 'mac');
  }
  if (n.flags & NTF.ROUTER) p.any('router', 'router ', null);
  if (n.flags & NTF.PROXY) p.any('proxy', 'proxy ', null);
  if (n.flags & NTF.EXT_LEARNED) p.any('extern_learn', 'extern_learn ', null);
  if (ip.opts.stats) {
    if (n.refcnt) p.any('refcnt', ` ref ${n.refcnt}`, n.refcnt);
    p.any('used', ` used ${n.used}`, n.used);
    p.any('confirmed', `/${n.confirmed}`, n.confirmed);
    p.any('updated', `/${n.updated}`, n.updated);
    p.any('probes', `probes ${n.probes} `, n.probes);
  }
  if (n.state) {
    p.openArrayJsonOnly('state');
    for (const [bit, name] of NUD_NAMES) if (n.state & bit) p.any(null, `${name} `, name);
    p.closeArrayJsonOnly();
  }
  if (n.protocol) {
    const pr = protoN2a(n.protocol, ip.opts.numeric);
    p.any('protocol', `proto ${pr} `, pr);
  }
  p.fp('\n');
  p.closeObject();
}

async function showOrFlush(ip: Ip, argv: string[], flush: boolean): Promise<number> {
  const f: NeighFilter = { family: ip.family, index: 0, state: flush ? ~(NUD.PERMANENT | NUD.NOARP) : 0xff & ~NUD.NOARP, protocol: 0 };
  if (flush && argv.length === 0) {
    ip.err('Flush requires arguments.\n');
    return 1;
  }
  const args = new Args(argv);
  let dev: string | undefined;
  let stateGiven = false;
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    if (w === 'dev') {
      const v = next();
      if (dev !== undefined) ip.duparg('dev', v);
      dev = v;
    } else if (w === 'master' || w === 'vrf') {
      const v = next();
      ip.invarg(w === 'master' ? 'Device does not exist\n' : 'Not a valid VRF name\n', v);
    } else if (w === 'proxy') {
      f.proxy = true;
    } else if (w === 'unused') {
      f.unused = true;
    } else if (w === 'nomaster') {
      // no masters here
    } else if (w === 'nud') {
      const v = next();
      if (!stateGiven) {
        stateGiven = true;
        f.state = 0;
      }
      let s = nudA2n(v);
      if (s === null) {
        if (v !== 'all') ip.invarg('nud state is bad', v);
        s = ~0;
        if (flush) s &= ~NUD.NOARP;
      }
      f.state |= s === 0 ? 0x100 : s;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const pr = protoA2n(v);
      if (pr === null && v !== 'all') ip.invarg('invalid "protocol"\n', v);
      f.protocol = pr ?? 0;
    } else {
      let v = w;
      if (v === 'to') v = next();
      if (matches(v, 'help')) ip.fail(NEIGH_USAGE);
      f.pfx = getPrefix(ip, v, f.family);
      if (f.family === AF.UNSPEC) f.family = f.pfx.family;
    }
  }
  if (dev !== undefined) {
    f.index = await ip.index(dev);
    if (!f.index) ip.nodev(dev);
  }
  const dump = async (): Promise<NeighMsg[]> => {
    const r = await ip.call({ kind: 'getneighs' });
    return ('neighs' in r ? r.neighs : []).filter((n) => passes(f, n));
  };
  if (!flush) {
    ip.printer.start();
    for (const n of await dump()) await printNeigh(ip, f, n);
    ip.printer.finish();
    return 0;
  }
  const stats = ip.opts.stats;
  for (let round = 0; round < 10; ) {
    await ip.ctx.tick();
    const found = await dump();
    if (found.length === 0) {
      if (stats) ip.out(round === 0 ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
      return 0;
    }
    if (stats > 1) for (const n of found) await printNeigh(ip, f, n);
    round++;
    for (const n of found) {
      const r = await ip.call({ kind: 'delneigh', neigh: { family: n.family, ifindex: n.ifindex, dst: n.dst, state: n.state, flags: n.flags } });
      if (isNetError(r)) return ip.fail(`Failed to send flush request: ${strerror(r.errno)}\n`, 1);
    }
    if (stats) ip.out(`\n*** Round ${round}, deleting ${found.length} entries ***\n`);
    f.state &= ~NUD.FAILED;
  }
  ip.out('*** Flush not complete bailing out after 10 rounds\n');
  return 1;
}

async function get(ip: Ip, argv: string[]): Promise<number> {
  const args = new Args(argv);
  let dev: string | undefined;
  let dst: InetPrefix | undefined;
  let devOk = false;
  let proxy = false;
  for (; !args.done; args.advance()) {
    const w = args.cur;
    const next = (): string => {
      args.advance();
      if (args.done) ip.incomplete();
      return args.cur;
    };
    if (w === 'dev') {
      dev = next();
      devOk = true;
    } else if (matches(w, 'proxy')) {
      proxy = true;
      const v = next();
      if (matches(v, 'help')) ip.fail(NEIGH_USAGE);
      if (dst) ip.duparg('address', v);
      dst = getAddr(ip, v, ip.family);
      devOk = true;
    } else {
      let v = w;
      if (v === 'to') v = next();
      if (matches(v, 'help')) ip.fail(NEIGH_USAGE);
      if (dst) ip.duparg2('to', v);
      dst = getAddr(ip, v, ip.family);
    }
  }
  if (!devOk || !dst || dst.family === AF.UNSPEC) {
    ip.err('Device and address are required arguments.\n');
    return 1;
  }
  let ifindex = 0;
  if (dev !== undefined) {
    ifindex = await ip.index(dev);
    if (!ifindex) {
      ip.err(`Cannot find device "${dev}"\n`);
      return 1;
    }
  }
  const reply = await ip.talk({ kind: 'getneigh', family: afToFamily(dst.family), ifindex, dst: prefixText(dst) ?? '', ...(proxy ? { proxy } : {}) });
  if ('neigh' in reply) await printNeigh(ip, { family: 0, index: 0, state: ~0, protocol: 0 }, reply.neigh);
  return 0;
}

export async function doNeigh(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return showOrFlush(ip, [], false);
  if (matches(cmd, 'add')) return modify(ip, rest, false, { create: true, excl: true });
  if (matches(cmd, 'change') || cmd === 'chg') return modify(ip, rest, false, { replace: true });
  if (matches(cmd, 'replace')) return modify(ip, rest, false, { create: true, replace: true });
  if (matches(cmd, 'delete')) return modify(ip, rest, true, {});
  if (matches(cmd, 'get')) return get(ip, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return showOrFlush(ip, rest, false);
  if (matches(cmd, 'flush')) return showOrFlush(ip, rest, true);
  if (matches(cmd, 'help')) ip.fail(NEIGH_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip neigh help".\n`);
}
