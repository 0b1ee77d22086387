// The machine's sockets: listening TCP sockets and bound UDP ones, owned by processes. A port
// below 1024 needs root (CAP_NET_BIND_SERVICE); a port in use gives EADDRINUSE, with Linux's
// rule that 0.0.0.0 and :: (not v6only) overlap every address of the family. A socket belongs to
// its creator's network namespace (a container's): ports are taken per namespace, and a process
// lists only its own namespace's sockets.
import type { SocketInfo, SocketReply, SocketRequest } from '../../shared/services/sockets';
import type { Caller } from '../../shared/sys';

export interface SocketOwner {
  comm(pid: number): string;
}

export class Sockets {
  private readonly table = new Map<number, SocketInfo>();
  private nextId = 1;
  private nextInode = 20431;
  /** Descriptor numbers handed out per process (sockets after 0, 1, 2). */
  private readonly fds = new Map<number, number>();
  /** Network namespace of each socket that is not the machine's own (0). */
  private readonly netns = new Map<number, number>();

  constructor(private readonly owner: SocketOwner) {}

  private overlaps(a: SocketInfo, req: { proto: string; family: 4 | 6; address: string; port: number; v6only?: boolean }): boolean {
    if (a.proto !== req.proto || a.localPort !== req.port) return false;
    const wild = (addr: string): boolean => addr === '0.0.0.0' || addr === '::';
    if (a.family === req.family) return wild(a.localAddress) || wild(req.address) || a.localAddress === req.address;
    // a dual-stack "::" socket (IPV6_V6ONLY off) also holds the port for every IPv4 address
    if (a.family === 6) return a.localAddress === '::' && !a.v6only;
    return req.address === '::' && !req.v6only;
  }

  handle(caller: Caller, request: unknown): SocketReply {
    const req = request as SocketRequest;
    switch (req.kind) {
      case 'listen': {
        if (!Number.isInteger(req.port) || req.port < 0 || req.port > 65535) return { kind: 'error', errno: 'EINVAL' };
        if (req.port < 1024 && caller.euid !== 0) return { kind: 'error', errno: 'EACCES' };
        const netns = caller.netns ?? 0;
        for (const s of this.table.values()) if (this.netnsOf(s.id) === netns && this.overlaps(s, req)) return { kind: 'error', errno: 'EADDRINUSE' };
        const fd = (this.fds.get(caller.pid) ?? 2) + 1;
        this.fds.set(caller.pid, fd);
        const id = this.nextId++;
        this.table.set(id, {
          id, proto: req.proto, family: req.family, state: req.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
          localAddress: req.address, localPort: req.port, peerAddress: req.family === 6 ? '::' : '0.0.0.0', peerPort: 0,
          pid: caller.pid, comm: this.owner.comm(caller.pid), fd, uid: caller.uid, inode: this.nextInode++, v6only: req.v6only ?? false,
          recvQ: 0, sendQ: req.proto === 'tcp' ? 128 : 0,
        });
        if (netns !== 0) this.netns.set(id, netns);
        return { kind: 'ok', id };
      }
      case 'close':
        this.netns.delete(req.id);
        return this.table.delete(req.id) ? { kind: 'ok' } : { kind: 'error', errno: 'EBADF' };
      case 'list': {
        const netns = caller.netns ?? 0;
        return { kind: 'list', sockets: [...this.table.values()].filter((s) => this.netnsOf(s.id) === netns).map((s) => ({ ...s })) };
      }
      default:
        return { kind: 'error', errno: 'EINVAL' };
    }
  }

  /** A process ended: its sockets close. */
  processExited(pid: number): void {
    for (const [id, s] of this.table) {
      if (s.pid !== pid) continue;
      this.table.delete(id);
      this.netns.delete(id);
    }
    this.fds.delete(pid);
  }

  /** The network namespace socket `id` belongs to (0: the machine's own). */
  netnsOf(id: number): number {
    return this.netns.get(id) ?? 0;
  }

  /** Who listens on `port` for `proto` at `address` in namespace `netns` (for incoming connections and packets). */
  listener(proto: 'tcp' | 'udp', address: string, port: number, family: 4 | 6 = 4, netns = 0): SocketInfo | undefined {
    for (const s of this.table.values()) {
      if (s.proto !== proto || s.localPort !== port) continue;
      if (this.netnsOf(s.id) !== netns) continue;
      if (s.state !== 'LISTEN' && s.state !== 'UNCONN') continue;
      if (s.localAddress === address) return s;
      if (s.family === family && (s.localAddress === '0.0.0.0' || s.localAddress === '::')) return s;
      if (family === 4 && s.family === 6 && s.localAddress === '::' && !s.v6only) return s;
    }
    return undefined;
  }

  /** Every socket of every namespace (lessons and the state inspector; see netnsOf). */
  view(): SocketInfo[] {
    return [...this.table.values()].map((s) => ({ ...s }));
  }
}
