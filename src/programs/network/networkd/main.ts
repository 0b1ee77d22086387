// systemd-networkd (253): configures links from .network files, keeps their state in
// /run/systemd/netif, and answers networkctl on the bus as org.freedesktop.network1. It tells
// systemd it is ready (Type=notify-reload) once the links present at start are configured.
// SIGHUP reloads; SIGTERM ends it and leaves the configuration in place, as the real one does.
import { isSysError } from '../../../shared/errno';
import { BUS_ERRORS, type BusMessage } from '../../../shared/services/bus';
import { SIGNALS } from '../../../shared/signals';
import { defineProgram } from '../../define';
import { notifyReady, retryOnSignal } from '../../daemons/daemon';
import { busOwn, busRecv, busReply } from '../common/bus';
import { Networkd } from './daemon';

const NAME = 'org.freedesktop.network1';

async function handle(d: Networkd, m: BusMessage): Promise<void> {
  const body = (m.body ?? {}) as { ifindex?: number; dns?: string[]; domains?: string[] };
  const link = body.ifindex !== undefined ? d.links.get(body.ifindex) : undefined;
  const reply = (b?: unknown): Promise<void> => busReply(d.env.sys, m.serial, b);
  const error = (name: string, message: string): Promise<void> => busReply(d.env.sys, m.serial, undefined, { name, message });
  if (m.sender.euid !== 0 && m.method !== 'Describe') return error(BUS_ERRORS.interactiveAuth, 'Interactive authentication required.');
  switch (m.method) {
    case 'Reload':
      await d.reload();
      return reply();
    case 'ReconfigureLink':
    case 'RenewLink':
    case 'ForceRenewLink':
      if (!link) return error('org.freedesktop.network1.NoSuchLink', `Link ${body.ifindex ?? 0} not known`);
      if (m.method === 'ReconfigureLink') await d.reconfigure(link.ifindex);
      else if (link.network && link.lease) await d.renew(link.ifindex);
      return reply();
    case 'SetLinkDNS':
    case 'SetLinkDomains':
    case 'RevertLinkDNS':
      if (!link) return error('org.freedesktop.network1.NoSuchLink', `Link ${body.ifindex ?? 0} not known`);
      if (m.method === 'SetLinkDNS') link.dns = body.dns;
      else if (m.method === 'SetLinkDomains') link.domains = body.domains;
      else {
        link.dns = undefined;
        link.domains = undefined;
      }
      await d.save();
      return reply();
    default:
      return error(BUS_ERRORS.unknownMethod, `Unknown method ${m.method} or interface org.freedesktop.network1.Manager.`);
  }
}

export default defineProgram({
  name: 'systemd-networkd',
  installPath: '/usr/lib/systemd/systemd-networkd',
  pkg: 'systemd',
  async main(ctx) {
    const sys = ctx.sys;
    if (ctx.argv.length > 1) {
      await ctx.err.write('This program takes no arguments.\n');
      return 1;
    }
    const flags = { hup: false, term: false };
    sys.signal(SIGNALS.SIGHUP, () => void (flags.hup = true));
    sys.signal(SIGNALS.SIGTERM, () => void (flags.term = true));
    // RestartKillSignal=SIGUSR2: a restart keeps the configuration too
    sys.signal(SIGNALS.SIGUSR2, () => void (flags.term = true));
    // a handled signal interrupts whatever call is blocked (EINTR): do the step again, unless
    // the signal asked us to stop
    const safely = (step: () => Promise<void>): Promise<void> => retryOnSignal(step, () => flags.term);
    const d = new Networkd(sys);
    await safely(() => busOwn(sys, NAME));
    await safely(() => d.start());
    await safely(() => notifyReady(ctx));
    let netWait: Promise<'net'> | undefined;
    let busWait: Promise<BusMessage | undefined> | undefined;
    let timer: Promise<'timer'> | undefined;
    let timerAt = Infinity;
    for (;;) {
      if (flags.term) return 0;
      if (flags.hup) {
        flags.hup = false;
        await safely(() => d.reload());
        continue;
      }
      netWait ??= d.env.nl.wait(d.seq).then((seq) => {
        d.seq = seq;
        return 'net' as const;
      });
      busWait ??= busRecv(sys);
      const next = d.nextDeadline();
      if (next < timerAt) {
        timerAt = next;
        timer = sys.sleep(Math.max(0, next - sys.now())).then(() => 'timer' as const);
        // a timer replaced by an earlier one may still be interrupted later: nobody awaits it
        timer.catch(() => undefined);
      }
      let event: 'net' | 'timer' | BusMessage | undefined;
      try {
        event = await Promise.race([netWait, busWait, ...(timer ? [timer] : [])]);
      } catch (e) {
        // a signal interrupted every wait: start them again
        if (!isSysError(e) || e.errno !== 'EINTR') throw e;
        netWait = busWait = timer = undefined;
        timerAt = Infinity;
        continue;
      }
      if (event === 'net') {
        netWait = undefined;
        await safely(async () => {
          await d.sync();
          await d.configureNew();
          await d.save();
        });
      } else if (event === 'timer') {
        timer = undefined;
        timerAt = Infinity;
        await safely(() => d.timers());
      } else {
        busWait = undefined;
        const m = event;
        if (m) await safely(() => handle(d, m));
      }
    }
  },
});
