// The multiport match (revision 1): up to 15 ports or port ranges on source, destination or
// either side; needs -p tcp, udp, udplite, sctp or dccp.
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { parsePort, portName, PROTO_NAMES } from './common';
import type { MatchExtension, MatchFormatter, ParseEnv } from './types';

type Multiport = Extract<NfMatch, { kind: 'multiport' }>;

const MAX_PORTS = 15;
const ANY_SIDE = 0b111;

function checkProto(env: ParseEnv): string {
  if (env.protoInv) throw paramError('multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
  const name = PROTO_NAMES[env.proto];
  if (name) return name;
  if (env.proto === 0) throw paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
  throw paramError('multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
}

/** parse_multi_ports_v1 */
function parsePorts(spec: string, proto: string, env: ParseEnv): { ports: number[]; range: boolean[] } {
  const ports: number[] = [];
  const range: boolean[] = [];
  const items = spec.split(',');
  let i = 0;
  let k = 0;
  for (; k < items.length && i < MAX_PORTS; k++, i++) {
    const item = items[k]!;
    const colon = item.indexOf(':');
    if (colon >= 0 && i === MAX_PORTS - 1) throw paramError('too many ports specified');
    ports[i] = parsePort(colon >= 0 ? item.slice(0, colon) : item, proto, env.db);
    range[i] = false;
    if (colon >= 0) {
      range[i] = true;
      ports[++i] = parsePort(item.slice(colon + 1), proto, env.db);
      range[i] = false;
      if (ports[i - 1]! >= ports[i]!) throw paramError('invalid portrange specified');
    }
  }
  if (k < items.length) throw paramError('too many ports specified');
  return { ports, range };
}

export const multiportMatch: MatchExtension<Multiport> = {
  name: 'multiport',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'source-ports', id: 0, hasArg: 1, invert: true, excl: ANY_SIDE },
    { name: 'sports', id: 0, hasArg: 1, invert: true, excl: ANY_SIDE },
    { name: 'destination-ports', id: 1, hasArg: 1, invert: true, excl: ANY_SIDE },
    { name: 'dports', id: 1, hasArg: 1, invert: true, excl: ANY_SIDE },
    { name: 'ports', id: 2, hasArg: 1, invert: true, excl: ANY_SIDE },
  ],
  init: () => ({ kind: 'multiport', mode: 'destination', ports: [], range: [], inv: false }),
  parse(opt, arg, invert, d, _st, env) {
    const proto = checkProto(env);
    const r = parsePorts(arg ?? '', proto, env);
    d.ports = r.ports;
    d.range = r.range;
    d.mode = opt.id === 0 ? 'source' : opt.id === 1 ? 'destination' : 'either';
    if (invert) d.inv = true;
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('multiport expection an option');
  },
  build: (d) => d,
};

function listPorts(m: Multiport, proto: string | null, numeric: boolean, env: Parameters<MatchFormatter['print']>[1]): string {
  const out: string[] = [];
  for (let i = 0; i < m.ports.length; i++) {
    let s = portName(m.ports[i]!, proto, numeric, env.db);
    if (m.range[i]) s += `:${portName(m.ports[++i]!, proto, numeric, env.db)}`;
    out.push(s);
  }
  return out.join(',');
}

const SIDE: Readonly<Record<Multiport['mode'], string>> = { source: 'sports', destination: 'dports', either: 'ports' };

export const multiportFormat: MatchFormatter<Multiport> = {
  saveName: () => 'multiport',
  print: (m, env) => ` multiport ${SIDE[m.mode]} ${m.inv ? ' !' : ''}${listPorts(m, PROTO_NAMES[env.proto] ?? null, env.numeric, env)}`,
  save: (m, env) => `${m.inv ? ' !' : ''} --${SIDE[m.mode]} ${listPorts(m, null, true, env)}`,
};
