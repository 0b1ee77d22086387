// Connections that reach a listening socket of this machine, as the listener sees them: accept(2)
// hands over the next one, recv(2) the bytes the client sent, and the end of the stream when the
// client closes or exits. Only what a program such as ncat needs: text in one direction, from
// the connecting side to the listener. Waiting calls are promises the kernel can interrupt.
import type { AcceptReply, RecvReply } from '../../shared/services/traffic';

export interface StreamConn {
  id: number;
  socketId: number;
  /** the connecting process, or 0 for a host of the world */
  clientPid: number;
  from: string;
  fromPort: number;
  chunks: string[];
  closed: boolean;
}


/** Bound on connections waiting to be accepted per socket (the listen backlog). */
const BACKLOG = 128;
/** Bound on bytes buffered per connection. */
const MAX_BUFFER = 1 << 20;

export class Streams {
  private nextId = 1;
  private readonly conns = new Map<number, StreamConn>();
  private readonly queues = new Map<number, StreamConn[]>();
  /** Listeners blocked in accept, by socket; one waiter may wait on several sockets. */
  private readonly acceptWaiters = new Map<number, { sockets: number[]; wake: (c: StreamConn) => void }>();
  private readonly recvWaiters = new Map<number, () => void>();

  /** A client's connection completed its handshake with socket `socketId`. */
  open(socketId: number, clientPid: number, from: string, fromPort: number, closed = false): StreamConn | undefined {
    const queue = this.queues.get(socketId) ?? [];
    if (queue.length >= BACKLOG) return undefined;
    const c: StreamConn = { id: this.nextId++, socketId, clientPid, from, fromPort, chunks: [], closed };
    this.conns.set(c.id, c);
    const waiter = this.acceptWaiters.get(socketId);
    if (waiter) {
      for (const s of waiter.sockets) this.acceptWaiters.delete(s);
      waiter.wake(c);
    } else {
      queue.push(c);
      this.queues.set(socketId, queue);
    }
    return c;
  }

  /** The next connection to any of `sockets` (a listener with an IPv4 and an IPv6 socket). */
  accept(sockets: number[]): AcceptReply | Promise<AcceptReply> {
    const reply = (c: StreamConn): AcceptReply => ({ kind: 'conn', id: c.id, from: c.from, port: c.fromPort });
    if (!sockets.length || sockets.length > 16) return { kind: 'error', errno: 'EINVAL' };
    for (const s of sockets) {
      const queued = this.queues.get(s)?.shift();
      if (queued) return reply(queued);
    }
    return new Promise((resolve) => {
      const waiter = { sockets: [...sockets], wake: (c: StreamConn) => resolve(reply(c)) };
      for (const s of sockets) this.acceptWaiters.set(s, waiter);
    });
  }

  /** The listening socket a connection arrived on. */
  socketOf(id: number): number | undefined {
    return this.conns.get(id)?.socketId;
  }

  send(id: number, text: string): boolean {
    const c = this.conns.get(id);
    if (!c || c.closed) return false;
    if (c.chunks.reduce((n, s) => n + s.length, 0) + text.length > MAX_BUFFER) return false;
    c.chunks.push(text);
    this.wake(id);
    return true;
  }

  recv(id: number): RecvReply | Promise<RecvReply> {
    const c = this.conns.get(id);
    if (!c) return { kind: 'closed' };
    if (c.chunks.length) return { kind: 'data', text: c.chunks.splice(0).join('') };
    if (c.closed) {
      this.conns.delete(id);
      return { kind: 'closed' };
    }
    return new Promise((resolve) => this.recvWaiters.set(id, () => resolve(this.recv(id))));
  }

  close(id: number): void {
    const c = this.conns.get(id);
    if (!c) return;
    c.closed = true;
    this.wake(id);
  }

  /** A process ended: the connections it opened close. */
  processExited(pid: number): void {
    for (const c of this.conns.values()) if (c.clientPid === pid && !c.closed) this.close(c.id);
  }

  private wake(id: number): void {
    const w = this.recvWaiters.get(id);
    if (w) {
      this.recvWaiters.delete(id);
      w();
    }
  }
}
