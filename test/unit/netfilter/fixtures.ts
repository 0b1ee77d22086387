// Small builders for netfilter unit tests: rules as the iptables program would send them.
import type { NfMatch, NfRule, NfTarget } from '../../../src/shared/services/netfilter';

export const ROOT = { pid: 1, uid: 0, euid: 0, gid: 0, egid: 0, groups: [] };
export const NOBODY = { pid: 2, uid: 65534, euid: 65534, gid: 65534, egid: 65534, groups: [] };

export function rule(over: Partial<NfRule> = {}): NfRule {
  return {
    src: { addr: '0.0.0.0', mask: '0.0.0.0' },
    srcInv: false,
    dst: { addr: '0.0.0.0', mask: '0.0.0.0' },
    dstInv: false,
    inIface: '',
    inInv: false,
    outIface: '',
    outInv: false,
    proto: 0,
    protoInv: false,
    frag: false,
    fragInv: false,
    matches: [],
    target: { kind: 'verdict', verdict: 'ACCEPT' },
    counters: { packets: 0, bytes: 0 },
    ...over,
  };
}

export function tcpDport(port: number): NfMatch {
  return { kind: 'tcp', sport: [0, 65535], dport: [port, port], sportInv: false, dportInv: false, flagsMask: 0, flagsCmp: 0, flagsInv: false, option: 0, optionInv: false };
}

export function jump(chain: string): NfTarget {
  return { kind: 'jump', chain };
}

export const DROP: NfTarget = { kind: 'verdict', verdict: 'DROP' };
export const RETURN: NfTarget = { kind: 'verdict', verdict: 'RETURN' };
