// iproute2's `ip` (6.0.0 on Photon OS 5.0): the global options, the object abbreviation
// rules (`ip a s`, `ip r`, `ip n`), and the exit statuses of ip/ip.c. The objects talk to
// the kernel's `net` service.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { doAddr } from './ip-addr';
import { doLink } from './ip-link';
import { doNeigh } from './ip-neigh';
import { doRoute } from './ip-route';
import { doNetns, netnsSwitch } from './ip-netns';
import { doMroute, doMrule } from './ip-mcast';
import { doRule } from './ip-rule';
import { doTuntap } from './ip-tuntap';
import { doMaddr } from './ip-maddr';
import { doMonitor } from './ip-monitor';
import { doAddrlabel } from './ip-addrlabel';
import { doTunnel, doVrf } from './ip-tunnel';
import { doNetconf, doTcpMetrics, doToken, doXfrm } from './ip-misc';
import { doNexthop } from './ip-nexthop';
import { doNtable } from './ip-ntable';
import { defaultOptions, Ip, runIp, type IpOptions } from './ip-session';
import { IP_USAGE } from './ip-usage';
import { loadNameFiles } from './ip-names';
import { AF, IpExit, matches, readFamily } from './ip-util';

const VERSION = 'ip utility, iproute2-6.0.0';

type Handler = (ip: Ip, argv: string[]) => Promise<number>;

/** ip.c's command table, in its order: an abbreviation picks the first object it begins. */
const OBJECTS: [string, Handler | null][] = [
  ['address', doAddr], ['addrlabel', doAddrlabel], ['maddress', doMaddr], ['route', doRoute], ['rule', doRule],
  ['neighbor', doNeigh], ['neighbour', doNeigh], ['ntable', doNtable], ['ntbl', doNtable], ['link', doLink],
  ['l2tp', null], ['fou', null], ['ila', null], ['macsec', null], ['tunnel', doTunnel], ['tunl', doTunnel],
  ['tuntap', doTuntap], ['tap', doTuntap], ['token', doToken], ['tcpmetrics', doTcpMetrics], ['tcp_metrics', doTcpMetrics],
  ['monitor', doMonitor], ['xfrm', doXfrm], ['mroute', doMroute], ['mrule', doMrule], ['netns', doNetns], ['netconf', doNetconf],
  ['vrf', doVrf], ['sr', null], ['nexthop', doNexthop], ['mptcp', null], ['ioam', null], ['help', null], ['stats', null],
];

/** matches_color: -c, -color, -color=always|auto|never. */
function colorOption(opt: string): IpOptions['color'] | null {
  const eq = opt.indexOf('=');
  const name = eq >= 0 ? opt.slice(0, eq) : opt;
  const value = eq >= 0 ? opt.slice(eq + 1) : '';
  if (!matches(name, '-color')) return null;
  if (value === '' || value === 'always') return 'always';
  if (value === 'auto' || value === 'never') return value;
  return null;
}

async function parseOptions(ip: Ip, args: string[]): Promise<string[] | number> {
  const o = ip.opts;
  const usage = (): never => ip.fail(IP_USAGE);
  while (args.length > 0) {
    let opt = args[0]!;
    if (opt === '--') {
      args.shift();
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt[1] === '-') opt = opt.slice(1);
    const value = (): string => {
      args.shift();
      if (args.length === 0) usage();
      return args[0]!;
    };
    const color = colorOption(opt);
    if (matches(opt, '-loops')) o.loops = Number.parseInt(value(), 10) || 0;
    else if (matches(opt, '-family')) {
      const v = value();
      if (v === 'help') usage();
      o.family = readFamily(v);
      if (o.family === AF.UNSPEC) ip.invarg('invalid protocol family', v);
    } else if (opt === '-4') o.family = AF.INET;
    else if (opt === '-6') o.family = AF.INET6;
    else if (opt === '-0') o.family = AF.PACKET;
    else if (opt === '-M') o.family = AF.MPLS;
    else if (opt === '-B') o.family = AF.BRIDGE;
    else if (matches(opt, '-human') || matches(opt, '-human-readable')) o.human++;
    else if (matches(opt, '-iec')) o.iec = true;
    else if (matches(opt, '-stats') || matches(opt, '-statistics')) o.stats++;
    else if (matches(opt, '-details')) o.details++;
    else if (matches(opt, '-resolve')) o.resolve = true;
    else if (matches(opt, '-oneline')) o.oneline = true;
    else if (matches(opt, '-timestamp') || matches(opt, '-tshort')) {
      // timestamps only matter to `ip monitor`
    } else if (matches(opt, '-Version')) {
      ip.out(`${VERSION}\n`);
      return 0;
    } else if (matches(opt, '-force')) {
      o.force = true;
    } else if (matches(opt, '-batch')) {
      o.batch = value();
    } else if (matches(opt, '-brief')) o.brief = true;
    else if (matches(opt, '-json')) o.json = true;
    else if (matches(opt, '-pretty')) o.pretty = true;
    else if (matches(opt, '-rcvbuf')) value();
    else if (color) o.color = color;
    else if (matches(opt, '-help')) usage();
    else if (matches(opt, '-netns')) {
      // netns_switch(argv[1]) runs even when the name is missing
      const v = args[1] ?? '(null)';
      args.shift();
      await netnsSwitch(ip, v);
    } else if (matches(opt, '-Numeric')) o.numeric = true;
    else if (matches(opt, '-all')) o.all = true;
    else if (opt === '-echo') o.echo = true;
    else ip.fail(`Option "${opt}" is unknown, try "ip -help".\n`);
    args.shift();
  }
  return args;
}

/** do_cmd: runs one object's command. */
async function doCmd(ip: Ip, object: string, argv: string[]): Promise<number> {
  for (const [name, handler] of OBJECTS) {
    if (!matches(object, name)) continue;
    if (name === 'help') return ip.fail(IP_USAGE);
    if (!handler) break;
    return handler(ip, argv);
  }
  return ip.fail(`Object "${object}" is unknown, try "ip help".\n`, 1);
}

/** makeargs: words split on blanks, a word may be quoted with ' or ". */
function makeArgs(ip: Ip, line: string): string[] {
  const words: string[] = [];
  const re = /[ \t\r\n]*(?:(['"])([^]*?)(\1|$)|([^ \t\r\n]+))/g;
  for (const m of line.matchAll(re)) {
    if (m[1]) {
      if (m[3] !== m[1]) ip.fail('Unterminated quoted string\n', 1);
      words.push(m[2]!);
    } else if (m[4]) {
      words.push(m[4]);
    }
  }
  return words;
}

/** ip -batch FILE (or - for stdin): one command per line, `#` comments, `\` continuations. */
async function batch(ip: Ip, name: string): Promise<number> {
  let text: string;
  try {
    text = name === '-' ? await ip.ctx.readAll(0) : new TextDecoder().decode(await ip.ctx.sys.readFile(name));
  } catch (e) {
    if (!isSysError(e)) throw e;
    ip.err(`Cannot open file "${name}" for reading: ${strerror(e.errno)}\n`);
    return 1;
  }
  const family = ip.opts.family;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let status = 0;
  for (let i = 0; i < lines.length; i++) {
    await ip.ctx.tick();
    let line = lines[i]!.replace(/#.*/, '');
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!.replace(/#.*/, '');
    const words = makeArgs(ip, line);
    if (words.length === 0) continue;
    ip.opts.family = family;
    let rc: number;
    try {
      rc = await doCmd(ip, words[0]!, words.slice(1));
    } catch (e) {
      // exit(-1) inside a command ends ip itself; other failures end just that command
      if (!(e instanceof IpExit) || e.code === 255) throw e;
      rc = e.code;
    }
    if (rc) {
      ip.err(`Command failed ${name}:${i + 1}\n`);
      status = 1;
      if (!ip.opts.force) break;
    }
  }
  return status;
}

async function run(ctx: Ctx): Promise<number> {
  return runIp(ctx, async (ip) => {
    const rest = await parseOptions(ip, ctx.argv.slice(1));
    if (typeof rest === 'number') return rest;
    ip.printer = ip.makePrinter();
    await loadNameFiles(ctx.sys, (text) => ip.err(text));
    if (ip.opts.resolve) await ip.loadHosts();
    if (ip.opts.batch !== undefined) return await batch(ip, ip.opts.batch);
    const [object, ...argv] = rest;
    if (object === undefined) return ip.fail(IP_USAGE);
    return await doCmd(ip, object, argv);
  });
}

export default defineProgram({
  name: 'ip',
  installPath: '/usr/sbin/ip',
  pkg: 'iproute2',
  main: (ctx) => run(ctx),
});
