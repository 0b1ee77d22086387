// `ip link ... type macvlan|macvtap` (ip/iplink_macvlan.c): the options after the type, and
// the `macvlan mode bridge bcqueuelen N usedbcqueuelen N` part of `ip -d link`.
import type { MacvlanChange, MacvlanData } from '../../shared/services/net';
import { llAddr } from './ip-inet';
import type { Printer } from './ip-print';
import type { Ip } from './ip-session';
import { getUnsigned, IpExit, matches } from './ip-util';

const MODES: [string, number][] = [['private', 1], ['vepa', 2], ['bridge', 4], ['passthru', 8], ['source', 16]];

function usage(kind: string): string {
  return `Usage: ... ${kind} mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]

MODE: private | vepa | bridge | passthru | source
MODE_FLAG: null | nopromisc | nodst
MODE_OPTS: for mode "source":
\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }
BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]
`;
}

/** A MAC address as ll_addr_a2n reads it, or null (quietly) when the word is not one. */
function macOrNull(word: string): number[] | null {
  return /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(word) ? word.split(':').map((h) => parseInt(h, 16)) : null;
}

/** macvlan_parse_opt. */
export function parseMacvlan(ip: Ip, kind: string, words: string[]): MacvlanChange {
  const d: MacvlanChange = {};
  let flags = 0;
  let hasFlags = false;
  let i = 0;
  const bail = (msg: string): never => {
    ip.err(msg);
    throw new IpExit(1);
  };
  const next = (): string => {
    i++;
    if (i >= words.length) ip.incomplete();
    return words[i]!;
  };
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (matches(w, 'mode')) {
      const v = next();
      const m = MODES.find(([n]) => n === v);
      if (!m) bail(`Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${v}"\n`);
      d.mode = m![1];
    } else if (matches(w, 'flag')) {
      const v = next();
      if (v === 'nopromisc') flags |= 1;
      else if (v === 'nodst') flags |= 2;
      else if (v !== 'null') bail(`Error: argument of "flag" must be "nopromisc", "nodst" or "null", not "${v}"\n`);
      hasFlags = true;
    } else if (matches(w, 'macaddr')) {
      const v = next();
      if (v !== 'add' && v !== 'del' && v !== 'set' && v !== 'flush') bail(usage(kind));
      const op = v as 'add' | 'del' | 'set' | 'flush';
      const addrs: number[][] = [];
      if (op === 'add' || op === 'del') addrs.push(llAddr(ip, next()));
      if (op === 'set') {
        for (let mac = macOrNull(words[i + 1] ?? ''); mac; mac = macOrNull(words[i + 1] ?? '')) {
          addrs.push(mac);
          i++;
        }
      }
      d.macaddr = { op, addrs };
    } else if (matches(w, 'nopromisc')) {
      flags |= 1;
      hasFlags = true;
    } else if (matches(w, 'nodst')) {
      flags |= 2;
      hasFlags = true;
    } else if (matches(w, 'bcqueuelen')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) bail(`Error: argument of "bcqueuelen" must be a positive integer [0-4294967295], not "${v}"\n`);
      d.bcQueueLen = n!;
    } else if (matches(w, 'help')) {
      bail(usage(kind));
    } else {
      bail(`${kind}: unknown option "${w}"?\n${usage(kind)}`);
    }
  }
  if (hasFlags) {
    if (flags & 1 && d.mode !== 8) bail(`${kind}: nopromisc flag only valid in passthru mode\n${usage(kind)}`);
    d.flags = flags;
  }
  return d;
}

/** macvlan_print_opt. */
export function printMacvlanData(p: Printer, d: MacvlanData): void {
  p.openObject('info_data');
  const mode = MODES.find(([, m]) => m === d.mode)?.[0] ?? 'unknown';
  p.any('mode', `mode ${mode} `, mode);
  if (d.flags & 1) p.any('nopromisc', 'nopromisc ', true);
  if (d.flags & 2) p.any('nodst', 'nodst ', true);
  p.any('bcqueuelen', `bcqueuelen ${d.bcQueueLen} `, d.bcQueueLen);
  p.any('usedbcqueuelen', `usedbcqueuelen ${d.usedBcQueueLen} `, d.usedBcQueueLen);
  if (d.remotes) {
    p.any('macaddr_count', `remotes (${d.remotes.length}) `, d.remotes.length);
    if (d.remotes.length) {
      p.openArrayJsonOnly('macaddr_data');
      for (const r of d.remotes) p.any(null, `${r} `, r);
      p.closeArrayJsonOnly();
    }
  }
  p.closeObject();
}
