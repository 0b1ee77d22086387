// `ip link set DEV vf NUM ...` (iplink_parse_vf): the settings of an SR-IOV virtual function.
// ip reads and checks them all; the simulated devices have no virtual functions, so the kernel
// then refuses the request (do_setvfinfo without the driver's ndo_set_vf_* hooks).
import { llAddr } from './ip-inet';
import { protoA2n as llProtoA2n } from './ip-link-vlan';
import type { Ip } from './ip-session';
import { type Args, getUnsigned, matches } from './ip-util';

const ETH_P_8021Q = 0x8100;
const ETH_P_8021AD = 0x88a8;

/** parse_on_off as the vf settings use it: a bad word makes the whole parse fail. */
function onOff(ip: Ip, msg: string, v: string): boolean {
  if (matches(v, 'off') || matches(v, 'on')) return true;
  ip.err(`Error: argument of "${msg}" must be one of "off", "on", not "${v}"\n`);
  return false;
}

/** get_guid: eight colon-separated bytes of two hex digits each. */
function validGuid(v: string): boolean {
  return /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){7}$/.test(v);
}

/** iplink_parse_vf_vlan_info: `vlan VLANID [qos QOS] [proto PROTO]`, the cursor on `vlan`. */
function vlanInfo(ip: Ip, args: Args, next: () => string): number {
  let proto = ETH_P_8021Q;
  const id = next();
  const vci = getUnsigned(id);
  if (vci === null || vci > 4095) ip.invarg('Invalid "vlan" value\n', id);
  if (args.remaining > 1) {
    args.advance();
    if (matches(args.cur, 'qos')) {
      const q = next();
      if (getUnsigned(q) === null) ip.invarg('Invalid "qos" value\n', q);
    } else args.back();
  }
  if (args.remaining > 1) {
    args.advance();
    if (matches(args.cur, 'proto')) {
      const p = next();
      const n = llProtoA2n(p);
      if (n === null) ip.invarg('protocol is invalid\n', p);
      if (n !== ETH_P_8021Q && n !== ETH_P_8021AD) ip.invarg('Invalid "vlan protocol" value - supported 802.1Q, 802.1ad\n', p);
      proto = n;
    } else args.back();
  }
  return proto;
}

/**
 * Reads the settings after `vf NUM` (the cursor on NUM) up to the first word that is not one,
 * leaving the cursor on the last word read. `halen` is the device's address length (-1 when
 * it has none to compare with). Returns -1 where ip gives up after printing a message.
 */
export function parseVf(ip: Ip, args: Args, halen: number): number {
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  // a first pass: max_tx_rate or min_tx_rate anywhere selects the newer rate interface
  const words = args.rest.slice(1);
  const newApi = words.some((w) => matches(w, 'max_tx_rate') || matches(w, 'min_tx_rate'));
  const overrideLegacy = words.some((w) => matches(w, 'max_tx_rate'));
  let min = -1;
  let max = -1;
  const start = args.remaining;
  while (args.remaining > 1) {
    const w = next();
    if (matches(w, 'mac')) {
      const mac = llAddr(ip, next());
      if (halen > 0 && mac.length !== halen) {
        ip.err(`Invalid address length ${mac.length} - must be ${halen} bytes\n`);
        return -1;
      }
    } else if (matches(w, 'vlan')) {
      // a first group of 802.1ad starts a list: the `vlan` groups right after it join it
      if (vlanInfo(ip, args, next) !== ETH_P_8021Q) {
        while (args.remaining > 1) {
          args.advance();
          if (!matches(args.cur, 'vlan')) {
            args.back();
            break;
          }
          vlanInfo(ip, args, next);
        }
      }
    } else if (matches(w, 'rate')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('Invalid "rate" value\n', v);
      if (newApi && !overrideLegacy) max = n;
    } else if (matches(w, 'max_tx_rate')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('Invalid "max tx rate" value\n', v);
      max = n;
    } else if (matches(w, 'min_tx_rate')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('Invalid "min tx rate" value\n', v);
      min = n;
    } else if (matches(w, 'spoofchk') || matches(w, 'query_rss') || matches(w, 'trust')) {
      if (!onOff(ip, matches(w, 'spoofchk') ? 'spoofchk' : matches(w, 'query_rss') ? 'query_rss' : 'trust', next())) return -1;
    } else if (matches(w, 'state')) {
      const v = next();
      if (!matches(v, 'auto') && !matches(v, 'enable') && !matches(v, 'disable')) ip.invarg('Invalid "state" value\n', v);
    } else if (matches(w, 'node_guid') || matches(w, 'port_guid')) {
      const v = next();
      if (!validGuid(v)) ip.invarg('Invalid GUID format\n', v);
    } else {
      args.back();
      break;
    }
  }
  if (newApi) {
    // the rate not given comes from the device's VF list, which has no entries: 0
    const tmin = min === -1 ? 0 : min;
    const tmax = max === -1 ? 0 : max;
    if (tmax && tmin > tmax) {
      ip.err(`Invalid min_tx_rate ${tmin} - must be <= max_tx_rate ${tmax}\n`);
      return -1;
    }
  }
  if (args.remaining === start) ip.incomplete();
  return 0;
}
