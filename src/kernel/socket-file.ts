// A connected stream socket a process holds as a descriptor: bash's /dev/tcp/HOST/PORT (and
// /dev/udp) redirections. The program makes the connection through the 'traffic' service, then
// the kernel keeps it as an open file that any process sharing the descriptor reads and writes:
// a connection to a socket of this machine carries bytes both ways (the traffic service's
// streams); a host of the lab world sends its greeting (an SSH banner) and then nothing until it
// is spoken to in a protocol this simulation does not model, so a read after the greeting waits,
// as it would on a real server, until a signal ends it.
import { SysError, type Errno } from '../shared/errno';
import type { DatagramReply, RecvReply, SendReply } from '../shared/services/traffic';
import type { Caller } from '../shared/sys';
import type { Kernel } from './kernel';
import type { Process } from './process';

export interface NetSocket {
  /** its inode number in sockfs (/proc/<pid>/fd shows socket:[id]) */
  id: number;
  proto: 'tcp' | 'udp';
  /** the traffic service's connection, when the peer is a socket of this machine */
  conn?: number;
  /** who connected: reads and writes go to the service as that process */
  caller: Caller;
  /** what the peer sends first (a remote server's banner), not yet read */
  greeting?: Uint8Array;
  /** the peer ended the connection: reads return end of file */
  ended: boolean;
  /** a datagram socket's destination: each write sends one datagram there */
  peer?: { dst: string; port: number };
  /** an ICMP error that came back for an earlier datagram, for the next send to report (sk_err) */
  pendingError?: Errno;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let nextId = 52000;

export function newSocket(proto: 'tcp' | 'udp', caller: Caller, conn: number | undefined, greeting: string | undefined): NetSocket {
  return { id: nextId++, proto, caller, ended: false, ...(conn !== undefined ? { conn } : {}), ...(greeting ? { greeting: encoder.encode(greeting) } : {}) };
}

function traffic(k: Kernel, s: NetSocket, request: unknown): unknown {
  const handler = k.services.get('traffic');
  if (!handler) throw new SysError('ECONNRESET', 'read');
  return handler(s.caller, request);
}

export async function readSocket(k: Kernel, proc: Process, s: NetSocket, max: number): Promise<Uint8Array | null> {
  if (s.greeting) {
    const chunk = s.greeting.subarray(0, max);
    s.greeting = s.greeting.length > max ? s.greeting.subarray(max) : undefined;
    return chunk;
  }
  if (s.ended) return null;
  if (s.conn === undefined) {
    // the remote end says nothing more: wait, as a read on a quiet connection does
    await k.block(proc, new Promise<never>(() => {}));
    return null;
  }
  const r = (await k.block(proc, Promise.resolve(traffic(k, s, { kind: 'read', conn: s.conn })))) as RecvReply;
  if (r.kind === 'closed') {
    s.ended = true;
    return null;
  }
  const bytes = encoder.encode(r.text);
  if (bytes.length > max) s.greeting = bytes.subarray(max);
  return bytes.subarray(0, max);
}

export async function writeSocket(k: Kernel, s: NetSocket, data: Uint8Array): Promise<'ok' | Errno> {
  if (s.peer && s.proto === 'udp') {
    // a connected UDP socket: one datagram a write; an ICMP error it brings back is the next send's (sk_err)
    const pending = s.pendingError;
    if (pending) {
      delete s.pendingError;
      return pending;
    }
    const r = (await traffic(k, s, { kind: 'datagram', ...s.peer, size: data.length })) as DatagramReply;
    if (r.later) s.pendingError = r.later;
    return r.errno ?? 'ok';
  }
  if (s.conn === undefined) return 'ok';
  const r = (await traffic(k, s, { kind: 'send', conn: s.conn, text: decoder.decode(data) })) as SendReply;
  return r.kind === 'ok' ? 'ok' : 'EPIPE';
}

export function closeSocket(k: Kernel, s: NetSocket): void {
  if (s.conn !== undefined) void Promise.resolve(traffic(k, s, { kind: 'close', conn: s.conn })).catch(() => undefined);
}
