// resolvectl (systemd 253): asks systemd-resolved (the 'resolve' service while its stub runs;
// the bus for changes) to resolve names and show or change its settings. Like the real tool, it
// starts systemd-resolved when nothing answers on the bus.
import { BUS_ERRORS } from '../../../shared/services/bus';
import type { LinkMsg, NetReply } from '../../../shared/services/net';
import type { ResolveReply, ResolvedStatus } from '../../../shared/services/resolve';
import { strerror } from '../../../shared/errno';
import type { Sys } from '../../../shared/sys';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { getopt, GetoptError, type Parsed } from '../../lib/getopt';
import { page } from '../../lib/pager';
import { systemctlVersion } from '../../systemd/systemctl/help';
import { activateUnit, busCall } from '../common/bus';
import { terminalColumns } from '../common/table';
import { answerText } from './query';
import { globalBlock, linkBlock, statisticsText, strvLine, type Out } from './status';
import { HELP } from './help';

const RESOLVE1 = 'org.freedesktop.resolve1';
const UNIT = 'systemd-resolved.service';

async function fail(ctx: Ctx, message: string): Promise<number> {
  await ctx.err.write(`${message}\n`);
  return 1;
}

async function resolveCall(sys: Sys, req: object): Promise<ResolveReply> {
  let r = (await sys.call('resolve', req)) as ResolveReply;
  // nothing owns org.freedesktop.resolve1: the bus starts the service (dbus-org.freedesktop.resolve1.service)
  if (r.kind === 'bus-error' && r.name === BUS_ERRORS.serviceUnknown && (await activateUnit(sys, UNIT))) r = (await sys.call('resolve', req)) as ResolveReply;
  return r;
}

async function status(ctx: Ctx): Promise<ResolvedStatus | number> {
  let r = (await ctx.sys.call('resolve', { kind: 'status' })) as ResolveReply;
  if (r.kind === 'status' && !r.status.running && (await activateUnit(ctx.sys, UNIT))) r = (await ctx.sys.call('resolve', { kind: 'status' })) as ResolveReply;
  if (r.kind !== 'status') return fail(ctx, 'Failed to get global data: Unknown error');
  if (!r.status.running) return fail(ctx, `Failed to get global data: The name ${RESOLVE1} was not provided by any .service files`);
  return r.status;
}

async function links(sys: Sys): Promise<LinkMsg[]> {
  const r = (await sys.call('net', { kind: 'getlinks' })) as NetReply;
  return 'links' in r ? r.links : [];
}

function ifindexOf(all: LinkMsg[], name: string): number | undefined {
  if (/^[0-9]+$/.test(name) && Number(name) > 0) return Number(name);
  return all.find((l) => l.name === name)?.ifindex;
}

const BOOL_OPTS = ['legend', 'cache', 'zone', 'trust-anchor', 'network', 'search', 'validate', 'synthesize', 'cname', 'service-address', 'service-txt'];

export default defineProgram({
  name: 'resolvectl',
  installPath: '/usr/bin/resolvectl',
  pkg: 'systemd',
  async main(ctx) {
    let p: Parsed;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'noPager', long: 'no-pager' },
        { key: '4', short: '4' }, { key: '6', short: '6' }, { key: 'interface', short: 'i', long: 'interface', arg: 'required' },
        { key: 'protocol', short: 'p', long: 'protocol', arg: 'required' }, { key: 'type', short: 't', long: 'type', arg: 'required' },
        { key: 'class', short: 'c', long: 'class', arg: 'required' }, { key: 'json', long: 'json', arg: 'required' }, { key: 'j', short: 'j' },
        { key: 'raw', long: 'raw', arg: 'optional' }, ...BOOL_OPTS.map((o) => ({ key: o, long: o, arg: 'required' as const })),
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
    const sys = ctx.sys;
    const tty = sys.isatty(1);
    const o: Out = { colors: tty && ctx.env.get('TERM') !== 'dumb', columns: terminalColumns(ctx.env, tty ? sys.winsize(1) : undefined) };
    const legend = p.values.get('legend')?.at(-1) !== 'no';
    const family = p.flags.has('4') ? 4 : p.flags.has('6') ? 6 : 0;
    const all = await links(sys);
    const [verb = 'status', ...args] = p.operands;
    const out = async (text: string): Promise<number> => {
      if (p.flags.has('noPager')) await ctx.out.write(text);
      else await page(ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
      return 0;
    };
    switch (verb) {
      case 'query': {
        if (!args.length) return fail(ctx, 'Too few arguments.');
        let status = 0;
        for (const name of args) {
          const r = await resolveCall(sys, { kind: 'query', name, family });
          if (r.kind === 'answer') await ctx.out.write(answerText(r, { colors: o.colors, legend, ifname: (i) => all.find((l) => l.ifindex === i)?.name }));
          else if (r.kind === 'bus-error') {
            const nx = r.name.endsWith('.NXDOMAIN') && !/^[0-9a-fA-F.:]+$/.test(name);
            await ctx.err.write(nx ? `${name}: ${r.message}\n` : `${name}: resolve call failed: ${r.message}\n`);
            status = 1;
          }
        }
        return status;
      }
      case 'status':
      case 'dns':
      case 'domain': {
        const s = await status(ctx);
        if (typeof s === 'number') return s;
        const wanted: number[] = [];
        for (const a of args.slice(0, verb === 'status' ? undefined : 1)) {
          const i = ifindexOf(all, a);
          if (i === undefined) {
            if (verb === 'status') await ctx.err.write(`Failed to resolve interface "${a}", ignoring: ${strerror('ENODEV')}\n`);
            else return fail(ctx, `Failed to resolve interface "${a}": ${strerror('ENODEV')}`);
          } else wanted.push(i);
        }
        if (verb !== 'status' && args.length > 1) return setLink(ctx, verb, wanted[0]!, args.slice(1));
        const show = s.links.filter((l) => (wanted.length ? wanted.includes(l.ifindex) : true));
        if (verb === 'status') {
          const blocks = wanted.length ? [] : [globalBlock(s, o)];
          for (const l of show) blocks.push(linkBlock(l, o));
          return out(blocks.join('\n'));
        }
        const pick = (x: { dns: string[]; domains: string[] }): string[] => (verb === 'dns' ? x.dns : [...x.domains].sort());
        let text = wanted.length ? '' : strvLine('Global', pick(s.global), o);
        for (const l of show) text += strvLine(`Link ${l.ifindex} (${l.name})`, pick(l), o);
        return out(text);
      }
      case 'statistics': {
        if (args.length) return fail(ctx, 'Too many arguments.');
        const r = await resolveCall(sys, { kind: 'statistics' });
        if (r.kind !== 'statistics') return fail(ctx, `Failed to get transaction statistics: ${r.kind === 'bus-error' ? r.message : 'Unknown error'}`);
        return out(statisticsText(r.statistics, o));
      }
      case 'flush-caches':
      case 'reset-statistics': {
        if (args.length) return fail(ctx, 'Too many arguments.');
        const r = await busCall(sys, RESOLVE1, verb === 'flush-caches' ? 'FlushCaches' : 'ResetStatistics', undefined, UNIT);
        if (r.ok) return 0;
        return fail(ctx, `${verb === 'flush-caches' ? 'Failed to flush caches' : 'Failed to reset statistics'}: ${r.error.message}`);
      }
      case 'revert': {
        if (args.length !== 1) return fail(ctx, args.length ? 'Too many arguments.' : 'Too few arguments.');
        const i = ifindexOf(all, args[0]!);
        if (i === undefined) return fail(ctx, `Failed to resolve interface "${args[0]}": ${strerror('ENODEV')}`);
        return setLink(ctx, 'revert', i, []);
      }
      default:
        return fail(ctx, `Unknown command verb ${verb}.`);
    }
  },
});

/** SetLinkDNS / SetLinkDomains / RevertLink: resolved for the links it owns, networkd for its links. */
async function setLink(ctx: Ctx, verb: string, ifindex: number, values: string[]): Promise<number> {
  const list = values.length === 1 && values[0] === '' ? [] : values;
  const st = (await ctx.sys.call('resolve', { kind: 'status' })) as ResolveReply;
  const managed = st.kind === 'status' && st.status.links.find((l) => l.ifindex === ifindex)?.managed;
  const isLoopback = (await links(ctx.sys)).find((l) => l.ifindex === ifindex)?.linkType === 'loopback';
  if (isLoopback) return fail(ctx, `Failed to set ${verb === 'dns' ? 'DNS configuration' : 'domain configuration'}: Link lo is loopback device.`);
  const method = verb === 'dns' ? 'SetLinkDNS' : verb === 'domain' ? 'SetLinkDomains' : managed ? 'RevertLinkDNS' : 'RevertLink';
  const body = verb === 'dns' ? { ifindex, dns: list } : verb === 'domain' ? { ifindex, domains: list } : { ifindex };
  // a link systemd-networkd manages is "busy" for resolved: networkd takes the setting instead
  const r = managed ? await busCall(ctx.sys, 'org.freedesktop.network1', method, body, 'systemd-networkd.service') : await busCall(ctx.sys, RESOLVE1, method, body, UNIT);
  if (r.ok) return 0;
  const what = verb === 'dns' ? 'Failed to set DNS configuration' : verb === 'domain' ? 'Failed to set domain configuration' : 'Failed to revert interface configuration';
  return fail(ctx, `${what}: ${r.error.message}`);
}
