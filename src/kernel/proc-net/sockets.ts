// /proc/net/{tcp,tcp6,udp,udp6,unix}: the sockets of the namespace, one line each.
import type { SocketInfo } from '../../shared/services/sockets';
import type { NetSource } from './files';
import { HEX, hexIPv4, hexIPv6Words, padLine, right } from './hex';

/** TCP_* state numbers (include/net/tcp_states.h). */
const STATE: Record<SocketInfo['state'], number> = { ESTAB: 1, 'SYN-SENT': 2, 'TIME-WAIT': 6, UNCONN: 7, 'CLOSE-WAIT': 8, LISTEN: 10 };

/** %pK of the socket: a hashed pointer (kptr_restrict 0), stable for the socket. */
function pointer(s: SocketInfo): string {
  return `00000000${((Math.imul(s.inode ^ 0x5bd1e995, 0x9e3779b1) ^ 0x1b873593) >>> 0).toString(16).padStart(8, '0')}`;
}

function endpoint(family: 4 | 6, addr: string, port: number): string {
  return `${family === 4 ? hexIPv4(addr) : hexIPv6Words(addr)}:${HEX(port, 4)}`;
}

/**
 * tcp4_seq_show / tcp6_seq_show: the listening sockets, then the others. Version 4 lines are
 * padded to 149 columns, version 6 ones are not.
 */
export function tcpFile(s: NetSource, family: 4 | 6): string {
  const socks = s.sockets().filter((x) => x.proto === 'tcp' && x.family === family);
  const ordered = [...socks.filter((x) => x.state === 'LISTEN'), ...socks.filter((x) => x.state !== 'LISTEN')];
  const head = family === 4
    ? padLine('  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode', 149)
    : '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
  const lines = ordered.map((x, i) => {
    const st = STATE[x.state];
    const base = `${right(i, 4)}: ${endpoint(family, x.localAddress, x.localPort)} ${endpoint(family, x.peerAddress, x.peerPort)} ${HEX(st, 2)}`;
    let text: string;
    if (x.state === 'TIME-WAIT') {
      // get_timewait4_sock: the TIME-WAIT timer (3) and no owner
      text = `${base} 00000000:00000000 03:00001770 00000000     0        0 0 3 ${pointer(x)}`;
    } else {
      const rx = x.state === 'LISTEN' ? 0 : x.recvQ;
      const tx = x.state === 'LISTEN' ? 0 : x.sendQ;
      // refcnt, pointer, rto and ato in clock ticks, quick/pingpong, cwnd, and the fastopen
      // queue (listeners) or ssthresh (-1 while in initial slow start)
      const tail = x.state === 'LISTEN' ? '1 POINTER 100 0 0 10 0' : '1 POINTER 20 4 30 10 -1';
      text = `${base} ${HEX(tx, 8)}:${HEX(rx, 8)} 00:00000000 00000000 ${right(x.uid, 5)} ${right(0, 8)} ${x.inode} ${tail.replace('POINTER', pointer(x))}`;
    }
    return family === 4 ? padLine(text, 149) : `${text}\n`;
  });
  return head + lines.join('');
}

/** The UDP hash slot of a port (udp_hashfn with the table's mask; the namespace mix is 0 here). */
const bucket = (port: number): number => port & 1023;

/** udp4_seq_show / udp6_seq_show: by hash slot; version 4 lines padded to 127 columns. */
export function udpFile(s: NetSource, family: 4 | 6): string {
  const socks = s.sockets()
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => x.proto === 'udp' && x.family === family)
    // a slot lists its newest socket first
    .sort((a, b) => bucket(a.x.localPort) - bucket(b.x.localPort) || b.i - a.i);
  const head = family === 4
    ? padLine('   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops', 127)
    : '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n';
  const lines = socks.map(({ x }) => {
    const text = `${right(bucket(x.localPort), 5)}: ${endpoint(family, x.localAddress, x.localPort)} ${endpoint(family, x.peerAddress, x.peerPort)} ${HEX(STATE[x.state], 2)} ${HEX(x.sendQ, 8)}:${HEX(x.recvQ, 8)} 00:00000000 00000000 ${right(x.uid, 5)} ${right(0, 8)} ${x.inode} 2 ${pointer(x)} 0`;
    return family === 4 ? padLine(text, 127) : `${text}\n`;
  });
  return head + lines.join('');
}

/** unix_seq_show: the machine keeps no Unix-domain sockets, so only the header. */
export function unixFile(): string {
  return 'Num       RefCount Protocol Flags    Type St Inode Path\n';
}
