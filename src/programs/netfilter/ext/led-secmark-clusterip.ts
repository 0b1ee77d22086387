// LED (a packet blinks an LED trigger), SECMARK (SELinux security marks) and CLUSTERIP (an
// IPv4 address shared by a cluster): libxt_LED, libxt_SECMARK and libipt_CLUSTERIP. This
// kernel has no LED or CLUSTERIP module and no security module to resolve a context, so rules
// with them are refused; their options are still read and checked, and -v echoes them.
import type { NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import type { TargetExtension, TargetFormatter } from './types';

type T<K extends NfTarget['kind']> = Extract<NfTarget, { kind: K }>;

const U32 = 0xffffffff;
/** the trigger name is "netfilter-" and the id in 27 bytes */
const LED_ID_MAX = 16;

export const ledTarget: TargetExtension<T<'LED'>> = {
  name: 'LED',
  kind: 'target',
  noKernel: true,
  x6: true,
  opts: [
    { name: 'led-trigger-id', id: 0, hasArg: 1, mand: true },
    { name: 'led-delay', id: 1, hasArg: 1 },
    { name: 'led-always-blink', id: 2, hasArg: 0 },
  ],
  init: () => ({ kind: 'LED', id: '', delay: 0, blink: false }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      if (a.length > LED_ID_MAX) throw paramError(`Argument must have a maximum length of ${LED_ID_MAX} characters\n`);
      d.id = a;
    } else if (opt.id === 1) {
      if (a.slice(0, 3).toLowerCase() === 'inf') d.delay = -1;
      else {
        const v = strtouiWhole(a, 0, U32);
        if (v === null) throw paramError(`Delay value must be within range 0..${U32}`);
        d.delay = v;
      }
    } else d.blink = true;
  },
  build: (d) => d,
};

const ledId = (id: string): string => id.replace(/["\\]/g, (c) => `\\${c}`);

export const ledFormat: TargetFormatter<T<'LED'>> = {
  print(t) {
    // (the delay is printed as a signed int)
    let s = ` led-trigger-id:"${ledId(t.id)}" led-delay:${t.delay === -1 ? 'inf' : `${t.delay | 0}ms`}`;
    if (t.blink) s += ' led-always-blink';
    return s;
  },
  save(t) {
    let s = ` --led-trigger-id "${ledId(t.id)}"`;
    if (t.delay === -1) s += ' --led-delay inf';
    else if (t.delay !== 0) s += ` --led-delay ${t.delay | 0}`;
    if (t.blink) s += ' --led-always-blink';
    return s;
  },
};

/** the context buffer of the kernel structure, NUL included */
const SELCTX_SIZE = 256;

export const secmarkTarget: TargetExtension<T<'SECMARK'>> = {
  name: 'SECMARK',
  kind: 'target',
  x6: true,
  opts: [{ name: 'selctx', id: 0, hasArg: 1, mand: true }],
  init: () => ({ kind: 'SECMARK', selctx: '' }),
  parse(_opt, arg, _invert, d) {
    d.selctx = (arg ?? '').slice(0, SELCTX_SIZE - 1);
  },
  build: (d) => d,
};

export const secmarkFormat: TargetFormatter<T<'SECMARK'>> = {
  print: (t) => ` SECMARK selctx ${t.selctx}`,
  save: (t) => ` --selctx ${t.selctx}`,
};

const HASHMODES = ['sourceip', 'sourceip-sourceport', 'sourceip-sourceport-destport'];
/** the options that make a complete "--new" */
const NEW_ALL = 0b11111;

export const clusteripTarget: TargetExtension<T<'CLUSTERIP'>> = {
  name: 'CLUSTERIP',
  kind: 'target',
  family: 'ipv4',
  noKernel: true,
  x6: true,
  opts: [
    { name: 'new', id: 0, hasArg: 0 },
    { name: 'hashmode', id: 1, hasArg: 1 },
    { name: 'clustermac', id: 2, hasArg: 1 },
    { name: 'total-nodes', id: 3, hasArg: 1 },
    { name: 'local-node', id: 4, hasArg: 1 },
    { name: 'hash-init', id: 5, hasArg: 1 },
  ],
  init: () => ({ kind: 'CLUSTERIP', isNew: false, hashMode: 0, mac: '00:00:00:00:00:00', total: 0, local: 0, hashInit: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    const num = (max: number): number => {
      const v = strtouiWhole(a, 0, max);
      if (v === null) throw paramError(`CLUSTERIP: bad value for option "--${opt.name}", or out of range (0-${max}).\n`);
      return v;
    };
    switch (opt.id) {
      case 0:
        d.isNew = true;
        break;
      case 1: {
        const i = HASHMODES.indexOf(a);
        if (i < 0) throw paramError(`Unknown hashmode "${a}"`);
        d.hashMode = i + 1;
        break;
      }
      case 2: {
        const parts = a.split(':');
        if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw paramError('Invalid MAC address specified.');
        const bytes = parts.map((p) => parseInt(p, 16));
        if (!(bytes[0]! & 1)) throw paramError('MAC has to be a multicast ethernet address');
        d.mac = bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
        break;
      }
      case 3:
        d.total = num(16);
        break;
      case 4:
        d.local = num(16);
        break;
      default:
        d.hashInit = num(U32);
    }
  },
  final(_d, st) {
    if (st.flags !== 0 && (st.flags & NEW_ALL) !== NEW_ALL) throw paramError('CLUSTERIP target: Invalid parameter combination');
  },
  build: (d) => d,
};

export const clusteripFormat: TargetFormatter<T<'CLUSTERIP'>> = {
  print(t) {
    if (!t.isNew) return ' CLUSTERIP';
    return ` CLUSTERIP hashmode=${HASHMODES[t.hashMode - 1] ?? 'unknown-error'} clustermac=${t.mac} total_nodes=${t.total} local_node=${t.local} hash_init=${t.hashInit}`;
  },
  save(t) {
    if (!t.isNew) return '';
    return ` --new --hashmode ${HASHMODES[t.hashMode - 1] ?? 'unknown-error'} --clustermac ${t.mac} --total-nodes ${t.total} --local-node ${t.local} --hash-init ${t.hashInit}`;
  },
};
