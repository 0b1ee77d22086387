// The 'sockets' service: the machine's TCP and UDP endpoints (what ss and netstat list, what a
// connection needs to find something listening). Daemons open listening sockets; the kernel
// closes a process's sockets when it exits.

export type SockProto = 'tcp' | 'udp';
export type SockState = 'LISTEN' | 'UNCONN' | 'ESTAB' | 'TIME-WAIT' | 'SYN-SENT' | 'CLOSE-WAIT';

export interface SocketInfo {
  id: number;
  proto: SockProto;
  family: 4 | 6;
  state: SockState;
  localAddress: string;
  localPort: number;
  peerAddress: string;
  peerPort: number;
  /** Owning process (ss -p) and its descriptor number. */
  pid: number;
  comm: string;
  fd: number;
  uid: number;
  inode: number;
  /** IPV6_V6ONLY is off for "::" listeners, so they also accept IPv4 (shown as [::]). */
  v6only: boolean;
  recvQ: number;
  sendQ: number;
}

export type SocketRequest =
  | { kind: 'listen'; proto: SockProto; family: 4 | 6; address: string; port: number; v6only?: boolean }
  | { kind: 'close'; id: number }
  | { kind: 'list' };

export type SocketReply =
  | { kind: 'ok'; id?: number }
  | { kind: 'list'; sockets: SocketInfo[] }
  | { kind: 'error'; errno: 'EADDRINUSE' | 'EACCES' | 'EINVAL' | 'EBADF' };
