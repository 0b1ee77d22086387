// A packet a host of the simulated world sends to this machine (a learner's "can the client reach
// my web server?"): it arrives on the NIC cabled to the lab LAN, crosses PREROUTING and INPUT,
// the kernel or a socket answers it, and the answer leaves through OUTPUT and POSTROUTING.
import type { ProbeResult, ProbeSpec, Why } from '../../shared/services/traffic';
import { icmpErrorFor, respondLocally, type ExchangeEnv } from './exchange';
import { TCP, rejectAnswer, type Flow } from './firewall';
import { result } from './why';
import { worldHost } from './world-paths';

export interface InboundDeps {
  env: ExchangeEnv;
  ourAddress(): { address: string; ifindex: number; ifname: string } | undefined;
  /** the NIC cabled to the lab LAN, for saying why nothing answers there */
  nic(): string;
  sport(): number;
  /** A connection reached socket `socket` (played for real, not probed). */
  opened?(socket: number, from: string, port: number): void;
  /** The network namespace (a container's) holding `ip` and the bridge leading to it. */
  container?(ip: string): { netns: number; bridge: string } | undefined;
}

export function inbound(d: InboundDeps, spec: ProbeSpec): ProbeResult {
  const host = worldHost(spec.peer);
  if (!host) return result('error', { kind: 'no-host', address: spec.peer });
  // the lab's router masquerades the LAN: nothing from the internet is forwarded in
  if (host.where !== 'lan') return result('dropped', { kind: 'remote', host: 'gateway', answer: 'ignored' });
  const ours = d.ourAddress();
  if (!ours) return result('unreachable', { kind: 'no-address', ifname: d.nic() });
  const env = d.env;
  const port = spec.port ?? 0;
  const req: Flow =
    spec.proto === 'icmp' ? { proto: 1, src: host.ipv4, dst: ours.address, icmpType: 8, icmpCode: 0, length: 84 }
    : spec.proto === 'tcp' ? { proto: 6, src: host.ipv4, dst: ours.address, sport: d.sport(), dport: port, tcpFlags: TCP.SYN, length: 60 }
    : { proto: 17, src: host.ipv4, dst: ours.address, sport: d.sport(), dport: port, length: 60 };
  count(env, ours.ifindex, 'rx', req);
  // a published container port: nat PREROUTING sends it on through FORWARD to the container,
  // whatever INPUT says (docker's well-known way around a host firewall)
  const to = req.proto !== 1 ? env.fw.destinationAfterPrerouting(req, ours.ifname) : undefined;
  const box = to ? d.container?.(to.dst) : undefined;
  if (to && box) return toContainer(d, req, host.ipv4, ours.ifname, to, box);
  const inp = env.fw.input(req, ours.ifname, 'request');
  if (!inp.ok) {
    if (inp.verdict !== 'REJECT') return result('dropped', inp.why);
    const a = rejectAnswer(inp.rejectWith);
    const reply = a.kind === 'tcp-reset' && req.proto === 6 ? { ...swap(req), tcpFlags: TCP.RST | TCP.ACK, length: 40 } : icmpErrorFor(req, ours.address, 3, a.kind === 'icmp' ? a.code : 3);
    const out = send(env, reply, ours);
    if (out) return result('dropped', out);
    const refused = reply.proto === 6 || reply.icmpCode === 3 || reply.icmpCode === 2;
    return result(refused ? 'refused' : 'unreachable', inp.why);
  }
  const r = respondLocally(env, req);
  if (!r.reply) return result(r.why.kind === 'socket' ? 'answered' : 'dropped', r.why);
  const out = send(env, r.reply, ours);
  if (out) return result('dropped', out);
  if (r.peer?.kind === 'local' && req.proto === 6) d.opened?.(r.peer.socket, host.ipv4, req.sport ?? 0);
  const rst = r.reply.proto === 6 && ((r.reply.tcpFlags ?? 0) & TCP.RST) !== 0;
  const unreachable = r.reply.proto === 1 && r.reply.icmpType === 3;
  return result(rst || unreachable ? 'refused' : 'answered', r.why);
}

/** Through FORWARD to a container's socket across its bridge. */
function toContainer(d: InboundDeps, req: Flow, from: string, nic: string, to: { dst: string; dport?: number }, box: { netns: number; bridge: string }): ProbeResult {
  const env = d.env;
  const fwd = env.fw.forward(req, nic, box.bridge);
  if (!fwd.ok) return result(fwd.verdict === 'REJECT' ? 'refused' : 'dropped', fwd.why);
  const proto = req.proto === 6 ? 'tcp' : 'udp';
  const port = to.dport ?? req.dport ?? 0;
  const s = env.sockets.listener(proto, to.dst, port, 4, box.netns);
  if (!s) return result(proto === 'tcp' ? 'refused' : 'dropped', { kind: 'nothing-listening', proto, port });
  if (proto === 'tcp') d.opened?.(s.id, from, req.sport ?? 0);
  return result('answered', { kind: 'socket', proto, port, pid: s.pid, comm: s.comm });
}

function swap(f: Flow): Flow {
  return { proto: f.proto, src: f.dst, dst: f.src, ...(f.dport !== undefined ? { sport: f.dport } : {}), ...(f.sport !== undefined ? { dport: f.sport } : {}), length: f.length };
}

/** The answer leaving by the LAN NIC; the why of a drop, if OUTPUT or POSTROUTING drops it. */
function send(env: ExchangeEnv, reply: Flow, ours: { ifindex: number; ifname: string }): Why | undefined {
  const out = env.fw.output(reply, ours.ifname, 'reply');
  if (!out.ok) return out.why;
  count(env, ours.ifindex, 'tx', reply);
  return undefined;
}

function count(env: ExchangeEnv, ifindex: number, dir: 'rx' | 'tx', f: Flow): void {
  if (!env.fw.dry) env.net.count(ifindex, dir, f.length + 14);
}
