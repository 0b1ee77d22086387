// How ip prints an address (ip/ipaddress.c print_addrinfo): `    inet ADDR/LEN [metric N]
// [brd B] scope S FLAGS LABEL` and the lifetime line, the -o form prefixed with the device,
// and the brief `ADDR/LEN ` form.
import { FOREVER, IFA_F, type AddrMsg } from '../../shared/services/net';
import { scopeN2a } from './ip-names';
import type { Color } from './ip-print';
import type { Ip } from './ip-session';

/** ifa_flag_data: the order and names ip prints address flags in. */
const FLAG_NAMES: [string, number][] = [
  ['secondary', IFA_F.SECONDARY], ['temporary', IFA_F.SECONDARY], ['nodad', IFA_F.NODAD], ['optimistic', IFA_F.OPTIMISTIC],
  ['dadfailed', IFA_F.DADFAILED], ['home', IFA_F.HOMEADDRESS], ['deprecated', IFA_F.DEPRECATED], ['tentative', IFA_F.TENTATIVE],
  ['permanent', IFA_F.PERMANENT], ['mngtmpaddr', IFA_F.MANAGETEMPADDR], ['noprefixroute', IFA_F.NOPREFIXROUTE],
  ['autojoin', IFA_F.MCAUTOJOIN], ['stable-privacy', IFA_F.STABLE_PRIVACY],
];

/** Flags the address list can be filtered by (get_filter), with `dynamic`/`primary` as inversions. */
export const FILTER_FLAGS = new Map<string, number>(FLAG_NAMES.map(([n, m]) => [n, m]));

/** Flags `ip addr add` accepts; the read-only ones only draw a warning. */
export const SETTABLE_FLAGS = new Map<string, { mask: number; readonly: boolean; v6only: boolean }>([
  ['secondary', { mask: IFA_F.SECONDARY, readonly: true, v6only: false }],
  ['temporary', { mask: IFA_F.SECONDARY, readonly: true, v6only: false }],
  ['nodad', { mask: IFA_F.NODAD, readonly: false, v6only: true }],
  ['optimistic', { mask: IFA_F.OPTIMISTIC, readonly: false, v6only: true }],
  ['dadfailed', { mask: IFA_F.DADFAILED, readonly: true, v6only: true }],
  ['home', { mask: IFA_F.HOMEADDRESS, readonly: false, v6only: true }],
  ['deprecated', { mask: IFA_F.DEPRECATED, readonly: true, v6only: true }],
  ['tentative', { mask: IFA_F.TENTATIVE, readonly: true, v6only: true }],
  ['permanent', { mask: IFA_F.PERMANENT, readonly: true, v6only: true }],
  ['mngtmpaddr', { mask: IFA_F.MANAGETEMPADDR, readonly: false, v6only: true }],
  ['noprefixroute', { mask: IFA_F.NOPREFIXROUTE, readonly: false, v6only: false }],
  ['autojoin', { mask: IFA_F.MCAUTOJOIN, readonly: false, v6only: false }],
  ['stable-privacy', { mask: IFA_F.STABLE_PRIVACY, readonly: true, v6only: true }],
]);

export function familyColor(family: 4 | 6): Color {
  return family === 4 ? 'inet' : 'inet6';
}

function printFlags(ip: Ip, a: AddrMsg): void {
  const p = ip.printer;
  let flags = a.flags;
  for (const [name, mask] of FLAG_NAMES) {
    if (mask === IFA_F.PERMANENT) {
      if (!(flags & mask)) p.any('dynamic', 'dynamic ', true);
    } else if (flags & mask) {
      if (mask === IFA_F.SECONDARY && a.family === 6) p.any('temporary', 'temporary ', true);
      else p.any(name, `${name} `, true);
    }
    flags &= ~mask;
  }
  if (flags) p.any('ifa_flags', `flags ${flags.toString(16).padStart(2, '0')} `, flags.toString(16).padStart(2, '0'));
}

/**
 * One address. `devName` is given for the -o form (and flush listings), which start each
 * line with `N: dev`.
 */
export function printAddr(ip: Ip, a: AddrMsg, devName: string | undefined): void {
  const p = ip.printer;
  const color = familyColor(a.family);
  if (!ip.opts.brief) {
    if (devName !== undefined) {
      p.jsonOnly('index', a.ifindex);
      p.jsonOnly('dev', devName);
      p.fp(`${a.ifindex}: ${devName}`);
    }
    const fam = a.family === 4 ? 'inet' : 'inet6';
    p.any('family', `    ${fam} `, fam);
  }
  const local = ip.host(a.local);
  p.any('local', local, local, color);
  if (a.address !== a.local) {
    const peer = ip.host(a.address);
    p.fp(' peer ');
    p.any('address', peer, peer, color);
  }
  p.any('prefixlen', `/${a.prefixlen} `, a.prefixlen);
  if (a.metric !== undefined) p.any('metric', `metric ${a.metric} `, a.metric);
  if (ip.opts.brief) return;
  if (a.broadcast !== undefined) {
    p.fp('brd ');
    const brd = ip.host(a.broadcast);
    p.any('broadcast', `${brd} `, brd, color);
  }
  if (a.anycast !== undefined) {
    p.fp('any ');
    const any = ip.host(a.anycast);
    p.any('anycast', `${any} `, any, color);
  }
  const scope = scopeN2a(a.scope, ip.opts.numeric);
  p.any('scope', `scope ${scope} `, scope);
  printFlags(ip, a);
  if (a.label !== undefined) p.any('label', a.label, a.label);
  p.nl();
  p.fp('       valid_lft ');
  if (a.validLft === FOREVER) {
    p.jsonOnly('valid_life_time', FOREVER);
    p.fp('forever');
  } else {
    p.any('valid_life_time', `${a.validLft}sec`, a.validLft);
  }
  p.fp(' preferred_lft ');
  if (a.preferredLft === FOREVER) {
    p.jsonOnly('preferred_life_time', FOREVER);
    p.fp('forever');
  } else {
    p.any('preferred_life_time', `${a.preferredLft}sec`, a.preferredLft);
  }
  p.fp('\n');
}
