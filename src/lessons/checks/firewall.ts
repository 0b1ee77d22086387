// firewall: what netfilter does with a packet between a host and this machine (the traffic
// subsystem's probe: the real rules and policies, no counters moved); listening: a socket.
import type { ProbeResult } from '../../shared/services/traffic';
import type { FirewallCheck, ListeningCheck } from '../types';
import { failed, pass, type EvalContext, type Outcome } from './outcome';

function packetText(c: FirewallCheck): string {
  const what = c.proto === 'icmp' ? 'a ping (ICMP echo)' : `a ${c.proto.toUpperCase()} packet`;
  const port = c.port !== undefined && c.proto !== 'icmp' ? ` port ${c.port}` : '';
  return c.direction === 'out' ? `${what} from this machine to ${c.peer}${port}` : `${what} from ${c.peer} to${port ? port : ' this machine'}`;
}

/** Did the firewall stop it? Only a rule or a policy counts, not a closed port or a missing route. */
function blocked(r: ProbeResult): boolean {
  return r.why.kind === 'netfilter' && r.outcome !== 'answered';
}

export function evaluateFirewall(ctx: EvalContext, c: FirewallCheck): Outcome {
  const r = ctx.host.probe({ direction: c.direction ?? 'in', proto: c.proto, peer: c.peer, ...(c.port !== undefined ? { port: c.port } : {}) });
  const packet = packetText(c);
  if (r.why.kind !== 'netfilter' && r.outcome === 'error') {
    return failed(`${packet} cannot be sent at all (${r.reason}), so the firewall never sees it`);
  }
  const isBlocked = blocked(r);
  if (c.verdict === 'accept') {
    if (!isBlocked) return pass(`${packet} gets through the firewall${r.outcome === 'answered' ? '' : ` (${r.reason})`}`);
    return failed(`${packet} is ${r.outcome === 'refused' ? 'rejected' : 'dropped'}: ${r.reason}`);
  }
  if (isBlocked) return pass(`${packet} is ${r.outcome === 'refused' ? 'rejected' : 'dropped'} (${r.reason})`);
  return failed(`${packet} gets through the firewall (${r.reason}); the lesson wants it dropped`);
}

export function evaluateListening(ctx: EvalContext, c: ListeningCheck): Outcome {
  const proto = c.proto ?? 'tcp';
  const socks = ctx.host.sockets().filter((s) => s.proto === proto && s.localPort === c.port && (proto === 'tcp' ? s.state === 'LISTEN' : true));
  const P = proto.toUpperCase();
  const owners = [...new Set(socks.map((s) => s.comm))];
  if (c.listening === false) {
    if (socks.length === 0) return pass(`nothing listens on ${P} port ${c.port}`);
    return failed(`${owners.join(', ')} still listens on ${P} port ${c.port}`);
  }
  if (socks.length === 0) return failed(`nothing listens on ${P} port ${c.port}`);
  if (c.process !== undefined && !owners.includes(c.process)) return failed(`${P} port ${c.port} is held by ${owners.join(', ')}; the lesson wants ${c.process} there`);
  return pass(`${owners.join(', ')} listens on ${P} port ${c.port}`);
}
