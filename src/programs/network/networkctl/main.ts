// networkctl (systemd 253): list, status and lldp read the kernel and systemd-networkd's state
// files; up and down set the link flag over rtnetlink; reload, reconfigure, renew and forcerenew
// are calls to systemd-networkd on the bus (which starts it when it is not running).
import type { LinkMsg, NetReply } from '../../../shared/services/net';
import { isNetError } from '../../../shared/services/net';
import { strerror } from '../../../shared/errno';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { fnmatch } from '../../lib/fnmatch';
import { getopt, GetoptError, type Parsed } from '../../lib/getopt';
import { page } from '../../lib/pager';
import { systemctlVersion } from '../../systemd/systemctl/help';
import { glyphs } from '../../../shared/systemd/glyphs';
import { busCall } from '../common/bus';
import { managerState } from '../common/netif';
import { terminalColumns } from '../common/table';
import { linkStatus, listLinks, lldpStatus, systemStatus, type Net, type Out } from './status';

const HELP = `networkctl [OPTIONS...] COMMAND

Query and control the networking subsystem.

Commands:
  list [PATTERN...]      List links
  status [PATTERN...]    Show link status
  lldp [PATTERN...]      Show LLDP neighbors
  label                  Show current address label entries in the kernel
  delete DEVICES...      Delete virtual netdevs
  up DEVICES...          Bring devices up
  down DEVICES...        Bring devices down
  renew DEVICES...       Renew dynamic configurations
  forcerenew DEVICES...  Trigger DHCP reconfiguration of all connected clients
  reconfigure DEVICES... Reconfigure interfaces
  reload                 Reload .network and .netdev files

Options:
  -h --help              Show this help
     --version           Show package version
     --no-pager          Do not pipe output into a pager
     --no-legend         Do not show the headers and footers
  -a --all               Show status for all links
  -s --stats             Show detailed link statistics
  -l --full              Do not ellipsize output
  -n --lines=INTEGER     Number of journal entries to show
     --json=pretty|short|off
                         Generate JSON output

See the networkctl(1) man page for details.
`;

/** verb: [min args, max args] counting the verb, as dispatch_verb() checks them. */
const VERBS: Record<string, [number, number]> = {
  list: [1, Infinity], status: [1, Infinity], lldp: [1, Infinity], label: [1, 1], delete: [2, Infinity], up: [2, Infinity], down: [2, Infinity],
  renew: [2, Infinity], forcerenew: [2, Infinity], reconfigure: [2, Infinity], reload: [1, 1],
};

const NETWORK1 = 'org.freedesktop.network1';

async function fail(ctx: Ctx, message: string): Promise<number> {
  await ctx.err.write(`${message}\n`);
  return 1;
}

async function netState(ctx: Ctx): Promise<Net> {
  const get = async (kind: 'getlinks' | 'getaddrs' | 'getroutes' | 'getneighs'): Promise<NetReply> => (await ctx.sys.call('net', { kind })) as NetReply;
  const [l, a, r, n] = await Promise.all([get('getlinks'), get('getaddrs'), get('getroutes'), get('getneighs')]);
  return { links: 'links' in l ? l.links : [], addrs: 'addrs' in a ? a.addrs : [], routes: 'routes' in r ? r.routes : [], neighs: 'neighs' in n ? n.neighs : [] };
}

/** Links matching the patterns (names, indexes, globs); an exact name that matches nothing is an error. */
async function selectLinks(ctx: Ctx, links: LinkMsg[], patterns: string[]): Promise<LinkMsg[] | number> {
  if (!patterns.length) return links;
  const matched = new Set<number>();
  const out = links.filter((l) => patterns.some((p, i) => (fnmatch(p, l.name) || fnmatch(p, String(l.ifindex))) && matched.add(i)));
  for (const [i, p] of patterns.entries()) {
    if (!matched.has(i) && !/[*?[]/.test(p)) return fail(ctx, `Interface "${p}" not found.`);
  }
  if (!out.length) await ctx.err.write('No interfaces matched.\n');
  return out;
}

/** rtnl_resolve_interface(): an index or a name. */
async function resolveInterface(ctx: Ctx, links: LinkMsg[], name: string): Promise<number | undefined> {
  if (/^[0-9]+$/.test(name) && Number(name) > 0) return Number(name);
  const l = links.find((x) => x.name === name);
  if (l) return l.ifindex;
  await fail(ctx, `Failed to resolve interface "${name}": ${strerror('ENODEV')}`);
  return undefined;
}

export default defineProgram({
  name: 'networkctl',
  installPath: '/usr/bin/networkctl',
  pkg: 'systemd',
  async main(ctx) {
    let p: Parsed;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'noPager', long: 'no-pager' },
        { key: 'noLegend', long: 'no-legend' }, { key: 'all', short: 'a', long: 'all' }, { key: 'stats', short: 's', long: 'stats' },
        { key: 'full', short: 'l', long: 'full' }, { key: 'lines', short: 'n', long: 'lines', arg: 'required' }, { key: 'json', long: 'json', arg: 'required' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.error(e.message);
      return 1;
    }
    if (p.flags.has('help')) {
      await ctx.print(HELP);
      return 0;
    }
    if (p.flags.has('version')) {
      await ctx.print(systemctlVersion());
      return 0;
    }
    const lines = p.values.get('lines')?.at(-1);
    if (lines !== undefined && !/^[0-9]+$/.test(lines)) return fail(ctx, `Failed to parse lines '${lines}'`);
    const json = p.values.get('json')?.at(-1);
    if (json !== undefined && !['pretty', 'short', 'off'].includes(json)) return fail(ctx, `Unknown argument to --json= suffix: ${json}`);
    const [verb = 'list', ...args] = p.operands;
    const arity = VERBS[verb];
    if (!arity) return fail(ctx, `Unknown command verb ${verb}.`);
    if (p.operands.length > 0 && 1 + args.length < arity[0]) return fail(ctx, 'Too few arguments.');
    if (1 + args.length > arity[1]) return fail(ctx, 'Too many arguments.');
    const sys = ctx.sys;
    if (!(await managerState(sys))) await ctx.err.write('WARNING: systemd-networkd is not running, output will be incomplete.\n\n');
    const tty = sys.isatty(1);
    const o: Out = { colors: tty && ctx.env.get('TERM') !== 'dumb', columns: terminalColumns(ctx.env, tty ? sys.winsize(1) : undefined), legend: !p.flags.has('noLegend'), circle: glyphs(ctx.env).blackCircle, lines: lines === undefined ? 10 : Number(lines) };
    const net = await netState(ctx);
    const pager = async (text: string): Promise<number> => {
      if (p.flags.has('noPager')) await ctx.out.write(text);
      else await page(ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
      return 0;
    };
    switch (verb) {
      case 'list':
      case 'lldp': {
        const links = await selectLinks(ctx, net.links, args);
        if (typeof links === 'number') return links;
        return pager(verb === 'list' ? await listLinks(sys, links, o) : lldpStatus(o));
      }
      case 'status': {
        if (!args.length && !p.flags.has('all')) return pager(await systemStatus(sys, net, o));
        const links = await selectLinks(ctx, net.links, p.flags.has('all') ? [] : args);
        if (typeof links === 'number') return links;
        const blocks: string[] = [];
        for (const l of links) blocks.push(await linkStatus(sys, l, net, o));
        return pager(blocks.join('\n'));
      }
      case 'label':
        return pager(o.legend ? 'Prefix/Prefixlen                          Label\n' : '');
      case 'up':
      case 'down':
      case 'delete': {
        const indexes: number[] = [];
        for (const a of args) {
          const i = await resolveInterface(ctx, net.links, a);
          if (i === undefined) return 1;
          if (!indexes.includes(i)) indexes.push(i);
        }
        for (const i of indexes) {
          const r = (await sys.call('net', verb === 'delete' ? { kind: 'dellink', ifindex: i } : { kind: 'setlink', ifindex: i, change: { up: verb === 'up' } })) as NetReply;
          if (isNetError(r)) {
            const name = net.links.find((l) => l.ifindex === i)?.name ?? String(i);
            return fail(ctx, verb === 'delete' ? `Failed to delete interface ${name}: ${strerror(r.errno)}` : `Failed to bring ${verb} interface ${name}: ${strerror(r.errno)}`);
          }
        }
        return 0;
      }
      case 'reload': {
        const r = await busCall(sys, NETWORK1, 'Reload', undefined, 'systemd-networkd.service');
        return r.ok ? 0 : fail(ctx, `Failed to reload network settings: ${r.error.message}`);
      }
      default: {
        const method = verb === 'reconfigure' ? 'ReconfigureLink' : verb === 'renew' ? 'RenewLink' : 'ForceRenewLink';
        for (const a of args) {
          const i = await resolveInterface(ctx, net.links, a);
          if (i === undefined) return 1;
          const r = await busCall(sys, NETWORK1, method, { ifindex: i }, 'systemd-networkd.service');
          if (r.ok) continue;
          const name = net.links.find((l) => l.ifindex === i)?.name ?? String(i);
          const what = verb === 'reconfigure' ? `Failed to reconfigure network interface ${name}` : verb === 'renew' ? `Failed to renew dynamic configuration of interface ${a}` : `Failed to force renew dynamic configuration of interface ${a}`;
          return fail(ctx, `${what}: ${r.error.message}`);
        }
        return 0;
      }
    }
  },
});
