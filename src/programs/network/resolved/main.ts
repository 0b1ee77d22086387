// systemd-resolved (253): opens the stub resolver on 127.0.0.53 and 127.0.0.54 port 53 (answers
// come from the 'resolve' service, which holds resolved's cache and counters while the stub is
// open), owns org.freedesktop.resolve1 on the bus, and writes /run/systemd/resolve/resolv.conf
// (the uplink servers) and stub-resolv.conf (nameserver 127.0.0.53), again whenever
// systemd-networkd reports a change. resolvectl's changes come in over the bus.
import { isSysError } from '../../../shared/errno';
import { BUS_ERRORS, type BusMessage } from '../../../shared/services/bus';
import type { ResolveReply, ResolvedStatus } from '../../../shared/services/resolve';
import { SIGNALS } from '../../../shared/signals';
import type { Sys } from '../../../shared/sys';
import { defineProgram } from '../../define';
import { notifyReady, retryOnSignal } from '../../daemons/daemon';
import type { Ctx } from '../../lib/context';
import { busOwn, busRecv, busReply } from '../common/bus';

const NEGATIVE_ANCHORS = [
  'home.arpa', '10.in-addr.arpa', ...Array.from({ length: 16 }, (_, i) => `${16 + i}.172.in-addr.arpa`), '168.192.in-addr.arpa', 'd.f.ip6.arpa',
  'corp', 'home', 'internal', 'intranet', 'lan', 'local', 'private', 'test',
];
const ROOT_ANCHOR = '. IN DS 20326 8 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d';
/** resolv.conf(5) readers use at most this many servers (MAXNS). */
const MAXNS = 3;

async function status(sys: Sys): Promise<ResolvedStatus | undefined> {
  const r = (await sys.call('resolve', { kind: 'status' })) as ResolveReply;
  return r.kind === 'status' ? r.status : undefined;
}

function search(domains: string[]): string {
  return domains.length ? `search ${domains.join(' ')}\n` : 'search .\n';
}

/** The two files resolved keeps in /run/systemd/resolve (manager_write_resolv_conf()). */
export function resolvConfFiles(s: ResolvedStatus): { uplink: string; stub: string } {
  let uplink = '';
  if (s.upstream.servers.length === 0) uplink += '# No DNS servers known.\n';
  s.upstream.servers.forEach((server, i) => {
    if (i === MAXNS) uplink += '# Too many DNS servers configured, the following entries may be ignored.\n';
    uplink += `nameserver ${server}\n`;
  });
  uplink += search(s.upstream.search);
  return { uplink, stub: `nameserver 127.0.0.53\noptions edns0 trust-ad\n${search(s.upstream.search)}` };
}

async function writeIfChanged(sys: Sys, path: string, text: string): Promise<void> {
  try {
    if (new TextDecoder().decode(await sys.readFile(path)) === text) return;
  } catch {
    // missing: write it
  }
  await sys.writeFile(path, text, { mode: 0o644 }).catch(() => undefined);
}

async function writeFiles(sys: Sys): Promise<void> {
  const s = await status(sys);
  if (!s) return;
  const f = resolvConfFiles(s);
  await sys.mkdir('/run/systemd/resolve', 0o755).catch(() => undefined);
  await writeIfChanged(sys, '/run/systemd/resolve/resolv.conf', f.uplink);
  await writeIfChanged(sys, '/run/systemd/resolve/stub-resolv.conf', f.stub);
}

async function handle(sys: Sys, m: BusMessage): Promise<void> {
  const body = (m.body ?? {}) as { ifindex?: number; dns?: string[]; domains?: string[] };
  const privileged = ['SetLinkDNS', 'SetLinkDomains', 'RevertLink', 'FlushCaches', 'ResetStatistics'];
  if (privileged.includes(m.method) && m.sender.euid !== 0) {
    return busReply(sys, m.serial, undefined, { name: BUS_ERRORS.interactiveAuth, message: 'Interactive authentication required.' });
  }
  let r: ResolveReply = { kind: 'ok' };
  switch (m.method) {
    case 'NetworkChanged':
      break;
    case 'SetLinkDNS':
      r = (await sys.call('resolve', { kind: 'set-link', ifindex: body.ifindex ?? 0, dns: body.dns ?? [] })) as ResolveReply;
      break;
    case 'SetLinkDomains':
      r = (await sys.call('resolve', { kind: 'set-link', ifindex: body.ifindex ?? 0, domains: body.domains ?? [] })) as ResolveReply;
      break;
    case 'RevertLink':
      r = (await sys.call('resolve', { kind: 'revert-link', ifindex: body.ifindex ?? 0 })) as ResolveReply;
      break;
    case 'FlushCaches':
      r = (await sys.call('resolve', { kind: 'flush-caches' })) as ResolveReply;
      break;
    case 'ResetStatistics':
      r = (await sys.call('resolve', { kind: 'reset-statistics' })) as ResolveReply;
      break;
    default:
      return busReply(sys, m.serial, undefined, { name: BUS_ERRORS.unknownMethod, message: `Unknown method ${m.method} or interface org.freedesktop.resolve1.Manager.` });
  }
  await writeFiles(sys);
  if (r.kind === 'bus-error') return busReply(sys, m.serial, undefined, { name: r.name, message: r.message });
  return busReply(sys, m.serial, {});
}

async function listen(ctx: Ctx): Promise<void> {
  for (const address of ['127.0.0.53', '127.0.0.54']) {
    for (const proto of ['udp', 'tcp'] as const) await ctx.sys.call('sockets', { kind: 'listen', proto, family: 4, address, port: 53 });
  }
}

export default defineProgram({
  name: 'systemd-resolved',
  installPath: '/usr/lib/systemd/systemd-resolved',
  pkg: 'systemd',
  async main(ctx) {
    const sys = ctx.sys;
    if (ctx.argv.length > 1) {
      await ctx.err.write('This program takes no arguments.\n');
      return 1;
    }
    const flags = { term: false, flush: false };
    sys.signal(SIGNALS.SIGTERM, () => void (flags.term = true));
    // SIGUSR2 flushes the caches; SIGHUP reloads (here: flush and rewrite the files)
    sys.signal(SIGNALS.SIGUSR2, () => void (flags.flush = true));
    sys.signal(SIGNALS.SIGHUP, () => void (flags.flush = true));
    const safely = (step: () => Promise<void>): Promise<void> => retryOnSignal(step, () => flags.term);
    await safely(async () => {
      for (const line of ['Positive Trust Anchors:', ROOT_ANCHOR, `Negative trust anchors: ${NEGATIVE_ANCHORS.join(' ')}`, `Using system hostname '${sys.uname().nodename}'.`]) {
        await ctx.print(`${line}\n`);
      }
      await ctx.out.flush();
      await listen(ctx);
      await busOwn(sys, 'org.freedesktop.resolve1');
      await writeFiles(sys);
      await notifyReady(ctx);
    });
    for (;;) {
      if (flags.term) return 0;
      if (flags.flush) {
        flags.flush = false;
        await safely(async () => {
          await sys.call('resolve', { kind: 'flush-caches' });
          await writeFiles(sys);
        });
        continue;
      }
      let m: BusMessage;
      try {
        m = await busRecv(sys);
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EINTR') throw e;
        continue;
      }
      await safely(() => handle(sys, m));
    }
  },
});
