// A packet's fate in words, for lesson hints and the state inspector ("dropped by the policy of
// chain INPUT"). Programs never print these: they print what the real tools print.
import type { ProbeResult, Why } from '../../shared/services/traffic';

export function describeWhy(why: Why): string {
  switch (why.kind) {
    case 'netfilter': {
      const what = why.packet === 'reply' ? 'the answer' : 'the packet';
      if (why.rule === 0) return `${what} met the policy of chain ${why.chain} (table ${why.table}): ${why.target}`;
      return `${what} matched rule ${why.rule} of chain ${why.chain} (table ${why.table}): ${why.target}`;
    }
    case 'no-route':
      if (why.type === 'broadcast') return `${why.dst} is a broadcast address`;
      return why.type ? `the route to ${why.dst} is of type ${why.type}` : `no route to ${why.dst}`;
    case 'link':
      return why.state === 'down' ? `${why.ifname} is down` : why.state === 'no-carrier' ? `${why.ifname} has no carrier` : `${why.ifname} is not connected to the lab network`;
    case 'no-address':
      return `${why.ifname} has no address on the lab network`;
    case 'no-neighbour':
      return `nobody answers ARP for ${why.address}`;
    case 'no-host':
      return `no host has the address ${why.address}`;
    case 'remote':
      return {
        answered: `${why.host} answered`,
        ignored: `${why.host} does not answer it`,
        refused: `${why.host} refused the connection`,
        'port-unreachable': `${why.host} has nothing on that port`,
      }[why.answer];
    case 'socket':
      return `${why.comm} (pid ${why.pid}) listens on ${why.proto} port ${why.port}`;
    case 'nothing-listening':
      return `nothing listens on ${why.proto} port ${why.port}`;
    case 'kernel':
      return why.answer === 'echo-reply' ? 'the kernel answered the echo request' : 'the kernel ignores it';
    case 'ttl':
      return `the time to live ran out at ${why.router}`;
  }
}

export function result(outcome: ProbeResult['outcome'], why: Why): ProbeResult {
  return { outcome, why, reason: describeWhy(why) };
}
