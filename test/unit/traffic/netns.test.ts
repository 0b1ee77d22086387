// Network namespaces as sockets and connections see them: ports are taken per namespace, a
// process lists only its namespace's sockets, the host reaches a container's listener by its
// address over the docker0 bridge, a container reaches its own listeners on 127.0.0.1 and the
// host's world as the host would.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/shared/sys';
import type { SocketReply } from '../../../src/shared/services/sockets';
import { NetNamespaces } from '../../../src/kernel/netns';
import { Network } from '../../../src/subsystems/net/network';
import { Netfilter } from '../../../src/subsystems/netfilter/netfilter';
import { Sockets } from '../../../src/subsystems/sockets/sockets';
import { Traffic } from '../../../src/subsystems/traffic/traffic';

const HOST: Caller = { pid: 1, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };

function setup(opts: { bridge?: boolean } = {}) {
  const net = new Network({ placeholderDhcp: true });
  const nf = new Netfilter();
  const comms: Record<number, string> = { 700: 'nginx', 800: 'nginx', 900: 'redis', 901: 'curl' };
  const sockets = new Sockets({ comm: (pid) => comms[pid] ?? '?' });
  const ns = new NetNamespaces();
  const a = ns.create();
  const b = ns.create();
  ns.setAddresses(a, ['172.17.0.2']);
  ns.setAddresses(b, ['172.17.0.3']);
  if (opts.bridge ?? true) {
    expect(net.handle(HOST, { kind: 'newlink', nlflags: { create: true, excl: true }, name: 'docker0', type: 'bridge', change: {} })).toMatchObject({ ok: true });
    const ifindex = net.links().find((l) => l.name === 'docker0')!.ifindex;
    expect(net.handle(HOST, { kind: 'setlink', ifindex, change: { up: true } })).toMatchObject({ ok: true });
    expect(net.handle(HOST, { kind: 'newaddr', nlflags: { create: true, excl: true }, addr: { family: 4, ifindex, local: '172.17.0.1', address: '172.17.0.1', prefixlen: 16 } })).toMatchObject({ ok: true });
  }
  let seed = 7;
  const traffic = new Traffic({
    net, netfilter: nf, sockets, now: () => 0, random: () => (seed = (seed * 48271) % 2147483647) / 2147483647,
    sysctl: (k) => ({ 'net.ipv4.ip_default_ttl': '64' })[k], readFile: () => '', hostname: () => 'photon', netns: ns,
  });
  const inNs = (id: number, pid: number): Caller => ({ ...HOST, pid, netns: id });
  return { net, nf, sockets, traffic, ns, a, b, inNs };
}

const listen = (s: Sockets, caller: Caller, port: number, address = '0.0.0.0'): SocketReply =>
  s.handle(caller, { kind: 'listen', proto: 'tcp', family: 4, address, port });

describe('sockets per network namespace', () => {
  it('lets two namespaces and the host each listen on the same port', () => {
    const { sockets, a, b, inNs } = setup();
    expect(listen(sockets, { ...HOST, pid: 600 }, 80)).toEqual({ kind: 'ok', id: 1 });
    expect(listen(sockets, inNs(a, 700), 80)).toEqual({ kind: 'ok', id: 2 });
    expect(listen(sockets, inNs(b, 800), 80)).toEqual({ kind: 'ok', id: 3 });
    // within one namespace the port is still taken
    expect(listen(sockets, inNs(a, 701), 80, '172.17.0.2')).toEqual({ kind: 'error', errno: 'EADDRINUSE' });
    expect(listen(sockets, { ...HOST, pid: 601 }, 80)).toEqual({ kind: 'error', errno: 'EADDRINUSE' });
  });

  it('finds the listener of the namespace asked for', () => {
    const { sockets, a, b, inNs } = setup();
    listen(sockets, inNs(a, 700), 80);
    listen(sockets, inNs(b, 900), 6379);
    expect(sockets.listener('tcp', '172.17.0.2', 80, 4, a)?.pid).toBe(700);
    expect(sockets.listener('tcp', '172.17.0.2', 80)).toBeUndefined();
    expect(sockets.listener('tcp', '172.17.0.3', 80, 4, b)).toBeUndefined();
    expect(sockets.listener('tcp', '127.0.0.1', 6379, 4, b)?.pid).toBe(900);
    expect(sockets.netnsOf(1)).toBe(a);
  });

  it('lists only the caller namespace', () => {
    const { sockets, a, b, inNs } = setup();
    listen(sockets, { ...HOST, pid: 600 }, 22);
    listen(sockets, inNs(a, 700), 80);
    listen(sockets, inNs(b, 900), 6379);
    const ports = (c: Caller) => (sockets.handle(c, { kind: 'list' }) as Extract<SocketReply, { kind: 'list' }>).sockets.map((s) => s.localPort);
    expect(ports(HOST)).toEqual([22]);
    expect(ports(inNs(a, 1))).toEqual([80]);
    expect(ports(inNs(b, 1))).toEqual([6379]);
    expect(sockets.view().map((s) => s.localPort)).toEqual([22, 80, 6379]);
    sockets.processExited(700);
    expect(ports(inNs(a, 1))).toEqual([]);
  });
});

describe('connections into and out of namespaces', () => {
  it('reaches a container listener from the host over docker0, and the listener accepts it', async () => {
    const { sockets, traffic, a, inNs, net } = setup();
    listen(sockets, inNs(a, 700), 80);
    const docker0 = net.links().find((l) => l.name === 'docker0')!.ifindex;
    const before = net.view().links.find((l) => l.ifindex === docker0)!;
    const r = traffic.handle({ ...HOST, pid: 50 }, { kind: 'connect', dst: '172.17.0.2', port: 80 });
    expect(r).toMatchObject({ kind: 'connected', src: '172.17.0.1', peer: { kind: 'local', pid: 700, comm: 'nginx', socket: 1 }, conn: 1 });
    const after = net.view().links.find((l) => l.ifindex === docker0)!;
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    // the container's process accepts it; the host's client reads the answer
    expect(await traffic.handle(inNs(a, 700), { kind: 'accept', sockets: [1] })).toEqual({ kind: 'conn', id: 1, from: '172.17.0.1', port: expect.any(Number) });
    expect(traffic.handle(inNs(a, 700), { kind: 'answer', conn: 1, text: 'hi' })).toEqual({ kind: 'ok' });
    expect(await traffic.handle({ ...HOST, pid: 50 }, { kind: 'read', conn: 1 })).toEqual({ kind: 'data', text: 'hi' });
    // someone else cannot accept on the container's socket
    expect(traffic.handle({ ...HOST, pid: 51 }, { kind: 'accept', sockets: [1] })).toEqual({ kind: 'error', errno: 'EINVAL' });
  });

  it('refuses a closed port of a container, and the host does not reach its own listener through the container address', () => {
    const { sockets, traffic } = setup();
    listen(sockets, { ...HOST, pid: 600 }, 80);
    expect(traffic.handle(HOST, { kind: 'connect', dst: '172.17.0.2', port: 80 })).toMatchObject({ kind: 'refused', why: { kind: 'nothing-listening', proto: 'tcp', port: 80 } });
  });

  it('cannot reach a namespace address without a docker0 bridge', () => {
    const { sockets, traffic, a, inNs } = setup({ bridge: false });
    listen(sockets, inNs(a, 700), 80);
    expect(traffic.handle(HOST, { kind: 'connect', dst: '172.17.0.2', port: 80 })).toMatchObject({ kind: 'error', errno: 'EHOSTUNREACH' });
  });

  it('reaches a container own listeners on 127.0.0.1 and its address, not the host ones', () => {
    const { sockets, traffic, a, b, inNs } = setup();
    listen(sockets, { ...HOST, pid: 600 }, 22);
    listen(sockets, inNs(a, 700), 80);
    expect(traffic.handle(inNs(a, 901), { kind: 'connect', dst: '127.0.0.1', port: 80 })).toMatchObject({ kind: 'connected', src: '127.0.0.1', peer: { kind: 'local', pid: 700, socket: 2 } });
    expect(traffic.handle(inNs(a, 901), { kind: 'connect', dst: '172.17.0.2', port: 80 })).toMatchObject({ kind: 'connected', peer: { kind: 'local', pid: 700 } });
    expect(traffic.handle(inNs(a, 901), { kind: 'connect', dst: '127.0.0.1', port: 22 })).toMatchObject({ kind: 'refused' });
    expect(traffic.handle(inNs(b, 901), { kind: 'connect', dst: '127.0.0.1', port: 80 })).toMatchObject({ kind: 'refused' });
    // a container reaches another over the bridge, and the host's sshd at the bridge address
    expect(traffic.handle(inNs(b, 901), { kind: 'connect', dst: '172.17.0.2', port: 80 })).toMatchObject({ kind: 'connected', src: '172.17.0.3', peer: { kind: 'local', pid: 700 } });
    expect(traffic.handle(inNs(b, 901), { kind: 'connect', dst: '172.17.0.1', port: 22 })).toMatchObject({ kind: 'connected', peer: { kind: 'local', pid: 600 } });
    // pings stay inside too
    expect(traffic.handle(inNs(a, 901), { kind: 'echo', dst: '127.0.0.1', size: 56 })).toMatchObject({ kind: 'reply', from: '127.0.0.1' });
    expect(traffic.handle(HOST, { kind: 'echo', dst: '172.17.0.3', size: 56 })).toMatchObject({ kind: 'reply', from: '172.17.0.3' });
  });

  it('sends a container connection to the world as the host would', () => {
    const { traffic, a, inNs } = setup();
    const host = traffic.handle(HOST, { kind: 'connect', dst: '192.168.1.30', port: 80 });
    const ct = traffic.handle(inNs(a, 901), { kind: 'connect', dst: '192.168.1.30', port: 80 });
    expect(host).toMatchObject({ kind: 'connected', src: '192.168.1.50', peer: { kind: 'remote', name: 'fileserver' } });
    expect(ct).toMatchObject({ kind: 'connected', src: '172.17.0.2', peer: { kind: 'remote', name: 'fileserver' } });
  });
});

describe('the namespace registry', () => {
  it('creates, addresses and removes namespaces', () => {
    const ns = new NetNamespaces();
    const a = ns.create();
    expect(a).toBe(1);
    ns.setAddresses(a, ['172.17.0.2']);
    expect(ns.byAddress('172.17.0.2')).toBe(a);
    const b = ns.create();
    expect(() => ns.setAddresses(b, ['172.17.0.2'])).toThrow(expect.objectContaining({ errno: 'EADDRINUSE' }));
    expect(() => ns.setAddresses(0, ['1.2.3.4'])).toThrow(expect.objectContaining({ errno: 'EINVAL' }));
    ns.remove(a);
    expect(ns.byAddress('172.17.0.2')).toBeUndefined();
    expect(ns.has(0)).toBe(true);
    expect(ns.has(a)).toBe(false);
  });
});
