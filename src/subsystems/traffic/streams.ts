// Connections that reach a listening socket of this machine, as the listener sees them: accept(2)
// hands over the next one, recv(2) the bytes the client sent, and the end of the stream when the
// client closes or exits; the listener's answer travels back the same way (a web server's
// response, which the client reads until the listener hangs up). Text only. Waiting calls are
// promises the kernel can interrupt.
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
  /** the process that accepted the connection (0 until accepted) */
  serverPid: number;
  /** what the listener sent back, not yet read by the client */
  back: string[];
  /** the listener closed its side (or exited) */
  hungUp: boolean;
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
  private readonly readWaiters = new Map<number, () => void>();

  /** A client's connection completed its handshake with socket `socketId`. */
  open(socketId: number, clientPid: number, from: string, fromPort: number, closed = false): StreamConn | undefined {
    const queue = this.queues.get(socketId) ?? [];
    if (queue.length >= BACKLOG) return undefined;
    const c: StreamConn = { id: this.nextId++, socketId, clientPid, from, fromPort, chunks: [], closed, serverPid: 0, back: [], hungUp: false };
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
  accept(sockets: number[], pid = 0): AcceptReply | Promise<AcceptReply> {
    const reply = (c: StreamConn): AcceptReply => {
      c.serverPid = pid;
      return { kind: 'conn', id: c.id, from: c.from, port: c.fromPort };
    };
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
      this.forget(c);
      return { kind: 'closed' };
    }
    return new Promise((resolve) => this.recvWaiters.set(id, () => resolve(this.recv(id))));
  }

  /** The listener's answer to the client of `id`. */
  answer(id: number, text: string): boolean {
    const c = this.conns.get(id);
    if (!c || c.hungUp || c.closed) return false;
    if (c.back.reduce((n, s) => n + s.length, 0) + text.length > MAX_BUFFER) return false;
    c.back.push(text);
    this.wakeClient(id);
    return true;
  }

  /** The listener closes its side: the client reads what is left, then the end. */
  hangup(id: number): void {
    const c = this.conns.get(id);
    if (!c || c.hungUp) return;
    c.hungUp = true;
    this.wakeClient(id);
    this.forget(c);
  }

  /** The client's read of what the listener sent back. */
  read(id: number): RecvReply | Promise<RecvReply> {
    const c = this.conns.get(id);
    if (!c) return { kind: 'closed' };
    if (c.back.length) return { kind: 'data', text: c.back.splice(0).join('') };
    if (c.hungUp) {
      this.forget(c);
      return { kind: 'closed' };
    }
    return new Promise((resolve) => this.readWaiters.set(id, () => resolve(this.read(id))));
  }

  /** Whether `pid` is the client of connection `id`. */
  clientOf(id: number): number | undefined {
    return this.conns.get(id)?.clientPid;
  }

  /** A connection both sides are done with is dropped. */
  private forget(c: StreamConn): void {
    if (c.closed && c.hungUp && !c.chunks.length && !c.back.length) this.conns.delete(c.id);
    else if (c.closed && c.serverPid === 0 && !c.chunks.length) this.conns.delete(c.id);
  }

  close(id: number): void {
    const c = this.conns.get(id);
    if (!c) return;
    c.closed = true;
    this.wake(id);
  }

  /** A process ended: the connections it opened close. */
  processExited(pid: number): void {
    for (const c of [...this.conns.values()]) {
      if (c.clientPid === pid && !c.closed) this.close(c.id);
      if (c.serverPid === pid && !c.hungUp) this.hangup(c.id);
    }
  }

  private wakeClient(id: number): void {
    const w = this.readWaiters.get(id);
    if (w) {
      this.readWaiters.delete(id);
      w();
    }
  }

  private wake(id: number): void {
    const w = this.recvWaiters.get(id);
    if (w) {
      this.recvWaiters.delete(id);
      w();
    }
  }
}
