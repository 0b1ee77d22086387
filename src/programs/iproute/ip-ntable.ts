// `ip ntable` (ipntable.c): the neighbour tables' thresholds and parameters, shown per table and
// per device, and changed.
import type { NtableMsg, NtableParms, NtableSpec } from '../../shared/services/net';
import type { Ip } from './ip-session';
import { AF, getUnsigned, matches } from './ip-util';

const USAGE = `Usage: ip ntable change name NAME [ dev DEV ]
        [ thresh1 VAL ] [ thresh2 VAL ] [ thresh3 VAL ] [ gc_int MSEC ]
        [ PARMS ]
Usage: ip ntable show [ dev DEV ] [ name NAME ]
PARMS := [ base_reachable MSEC ] [ retrans MSEC ] [ gc_stale MSEC ]
         [ delay_probe MSEC ] [ queue LEN ]
         [ app_probes VAL ] [ ucast_probes VAL ] [ mcast_probes VAL ]
         [ anycast_delay MSEC ] [ proxy_delay MSEC ] [ proxy_queue LEN ]
         [ locktime MSEC ]
`;

/** The words of PARMS and the parameter each sets. */
const PARMS: Record<string, keyof NtableParms> = {
  base_reachable: 'baseReachable', retrans: 'retrans', gc_stale: 'gcStale', delay_probe: 'delayProbe', queue: 'queue',
  app_probes: 'appProbes', ucast_probes: 'ucastProbes', mcast_probes: 'mcastProbes', anycast_delay: 'anycastDelay',
  proxy_delay: 'proxyDelay', proxy_queue: 'proxyQueue', locktime: 'locktime',
};

function familyOf(af: number): 4 | 6 | 0 {
  return af === AF.INET ? 4 : af === AF.INET6 ? 6 : 0;
}

async function change(ip: Ip, argv: string[]): Promise<number> {
  const spec: NtableSpec = { family: familyOf(ip.family), name: '' };
  const parms: Partial<NtableParms> = {};
  let named = false;
  let any = false;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) ip.incomplete();
      return v;
    };
    const num = (key: string): number => {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg(`"${key}" value is invalid`, v);
      any = true;
      return n;
    };
    if (w === 'name') {
      spec.name = next();
      named = true;
    } else if (w === 'dev') {
      const v = next();
      const idx = await ip.index(v);
      if (!idx) ip.nodev(v);
      spec.ifindex = idx;
    } else if (w === 'thresh1' || w === 'thresh2' || w === 'thresh3') {
      spec.thresh ??= [undefined, undefined, undefined];
      spec.thresh[Number(w.slice(-1)) - 1] = num(w);
    } else if (w === 'gc_int') {
      spec.gcInt = num(w);
    } else if (PARMS[w]) {
      parms[PARMS[w]] = num(w);
    } else if (matches(w, 'help')) {
      ip.fail(USAGE);
    } else {
      ip.invarg('unknown', w);
    }
  }
  if (!named) return ip.fail('Error: argument "NAME" is required\n');
  if (!any) return ip.fail('Not enough information: changeable attributes required.\n');
  if (Object.keys(parms).length) spec.parms = parms;
  await ip.talk({ kind: 'setntable', ntable: spec });
  return 0;
}

async function printNtable(ip: Ip, t: NtableMsg): Promise<void> {
  const p = ip.printer;
  const fam = t.family === 4 ? 'inet' : 'inet6';
  p.openObject();
  p.any('family', `${fam} `, fam);
  p.any('name', `${t.name} `, t.name);
  p.fp('\n    ');
  if (t.ifindex === undefined) {
    const [t1, t2, t3] = t.thresh ?? [];
    p.any('thresh1', `thresh1 ${t1} `, t1!);
    p.any('thresh2', `thresh2 ${t2} `, t2!);
    p.any('thresh3', `thresh3 ${t3} `, t3!);
    p.any('gc_interval', `gc_int ${t.gcInt} `, t.gcInt!);
  } else {
    const dev = await ip.name(t.ifindex);
    p.any('dev', `dev ${dev} `, dev);
  }
  const q = t.parms;
  p.fp('\n    ');
  p.any('refcnt', 'refcnt 1 ', 1);
  p.any('reachable', `reachable ${t.reachable} `, t.reachable);
  p.any('base_reachable', `base_reachable ${q.baseReachable} `, q.baseReachable);
  p.any('retrans', `retrans ${q.retrans} `, q.retrans);
  p.fp('\n    ');
  p.any('gc_stale', `gc_stale ${q.gcStale} `, q.gcStale);
  p.any('delay_probe', `delay_probe ${q.delayProbe} `, q.delayProbe);
  p.any('queue', `queue ${q.queue} `, q.queue);
  p.fp('\n    ');
  p.any('app_probes', `app_probes ${q.appProbes} `, q.appProbes);
  p.any('ucast_probes', `ucast_probes ${q.ucastProbes} `, q.ucastProbes);
  p.any('mcast_probes', `mcast_probes ${q.mcastProbes} `, q.mcastProbes);
  p.fp('\n    ');
  p.any('anycast_delay', `anycast_delay ${q.anycastDelay} `, q.anycastDelay);
  p.any('proxy_delay', `proxy_delay ${q.proxyDelay} `, q.proxyDelay);
  p.any('proxy_queue', `proxy_queue ${q.proxyQueue} `, q.proxyQueue);
  p.any('locktime', `locktime ${q.locktime} `, q.locktime);
  p.fp('\n\n');
  p.closeObject();
}

async function show(ip: Ip, argv: string[]): Promise<number> {
  let ifindex: number | undefined;
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const v = argv[i + 1];
    if (w === 'dev') {
      if (v === undefined) ip.incomplete();
      i++;
      ifindex = await ip.index(v);
      if (!ifindex) ip.invarg('"DEV" is invalid', v);
    } else if (w === 'name') {
      if (v === undefined) ip.incomplete();
      i++;
      name = v;
    } else if (matches(w, 'help')) {
      ip.fail(USAGE);
    } else {
      ip.invarg('unknown', w);
    }
  }
  const r = await ip.talk({ kind: 'getntables' });
  const fam = familyOf(ip.family);
  const list = ('ntables' in r ? r.ntables : []).filter((t) => (!fam || t.family === fam) && (name === undefined || t.name === name) && (ifindex === undefined || t.ifindex === ifindex));
  ip.printer.start();
  for (const t of list) await printNtable(ip, t);
  ip.printer.finish();
  return 0;
}

export async function doNtable(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return show(ip, []);
  if (matches(cmd, 'change')) return change(ip, rest);
  if (matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst')) return show(ip, rest);
  if (matches(cmd, 'help')) return ip.fail(USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip ntable help".\n`);
}
