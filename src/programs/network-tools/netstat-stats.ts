// netstat -s (net-tools 2.10 statistics.c): /proc/net/snmp and /proc/net/netstat read as pairs
// of lines (names, values), each value described by its group's table. The tables are searched
// with bsearch although a few are not in strcmp order, so some names fall through to the plain
// "Name: value" form (Forwarding among them), as they do with the real tool.
import type { Ctx } from '../lib/context';
import { readProcNet } from './proc-routes';

const enum T { Number, Opt, Forward, InIcmp, OutIcmp, RtoAlg }
/** The entry is a static setting (shown only with print_static, never by netstat) / starts an ICMP histogram. */
const STATIC = 1 << 16;
const TITLE = 1 << 17;

type Entry = readonly [name: string, text: string, type: number];

const IP: Entry[] = [
  ['DefaultTTL', 'Default TTL is %', T.Number | STATIC], ['Forwarding', 'Forwarding is %', T.Forward | STATIC],
  ['ForwDatagrams', '% forwarded', T.Number], ['FragCreates', '% fragments created', T.Opt],
  ['FragFails', '% outgoing packets failed fragmentation', T.Opt], ['FragOKs', '% outgoing packets fragmented ok', T.Opt],
  ['InAddrErrors', '% with invalid addresses', T.Opt], ['InDelivers', '% incoming packets delivered', T.Number],
  ['InDiscards', '% incoming packets discarded', T.Number], ['InHdrErrors', '% with invalid headers', T.Opt],
  ['InReceives', '% total packets received', T.Number], ['InUnknownProtos', '% with unknown protocol', T.Opt],
  ['OutDiscards', '% outgoing packets dropped', T.Opt], ['OutNoRoutes', '% dropped because of missing route', T.Opt],
  ['OutRequests', '% requests sent out', T.Number], ['ReasmFails', '% packet reassemblies failed', T.Opt],
  ['ReasmOKs', '% packets reassembled ok', T.Opt], ['ReasmReqds', '% reassemblies required', T.Opt],
  ['ReasmTimeout', '% fragments dropped after timeout', T.Opt],
];

const ICMP: Entry[] = [
  ['InAddrMaskReps', 'address mask replies: %', T.InIcmp | TITLE], ['InAddrMasks', 'address mask request: %', T.InIcmp | TITLE],
  ['InDestUnreachs', 'destination unreachable: %', T.InIcmp | TITLE], ['InEchoReps', 'echo replies: %', T.InIcmp | TITLE],
  ['InEchos', 'echo requests: %', T.InIcmp | TITLE], ['InErrors', '% input ICMP message failed', T.Number],
  ['InMsgs', '% ICMP messages received', T.Number], ['InParmProbs', 'wrong parameters: %', T.InIcmp | TITLE],
  ['InRedirects', 'redirects: %', T.InIcmp | TITLE], ['InSrcQuenchs', 'source quenches: %', T.InIcmp | TITLE],
  ['InTimeExcds', 'timeout in transit: %', T.InIcmp | TITLE], ['InTimestampReps', 'timestamp reply: %', T.InIcmp | TITLE],
  ['InTimestamps', 'timestamp request: %', T.InIcmp | TITLE], ['OutAddrMaskReps', 'address mask replies: %', T.OutIcmp | TITLE],
  ['OutAddrMasks', 'address mask requests: %', T.OutIcmp | TITLE], ['OutDestUnreachs', 'destination unreachable: %', T.OutIcmp | TITLE],
  ['OutEchoReps', 'echo replies: %', T.OutIcmp | TITLE], ['OutEchos', 'echo requests: %', T.OutIcmp | TITLE],
  ['OutErrors', '% ICMP messages failed', T.Number], ['OutMsgs', '% ICMP messages sent', T.Number],
  ['OutParmProbs', 'wrong parameters: %', T.OutIcmp | TITLE], ['OutRedirects', 'redirect: %', T.OutIcmp | TITLE],
  ['OutSrcQuenchs', 'source quench: %', T.OutIcmp | TITLE], ['OutTimeExcds', 'time exceeded: %', T.OutIcmp | TITLE],
  ['OutTimestampReps', 'timestamp replies: %', T.OutIcmp | TITLE], ['OutTimestamps', 'timestamp requests: %', T.OutIcmp | TITLE],
];

const TCP: Entry[] = [
  ['ActiveOpens', '% active connection openings', T.Number], ['AttemptFails', '% failed connection attempts', T.Number],
  ['CurrEstab', '% connections established', T.Number], ['EstabResets', '% connection resets received', T.Number],
  ['InErrs', '% bad segments received', T.Number], ['InSegs', '% segments received', T.Number], ['MaxConn', '', T.Number],
  ['OutRsts', '% resets sent', T.Number], ['OutSegs', '% segments sent out', T.Number],
  ['PassiveOpens', '% passive connection openings', T.Number], ['RetransSegs', '% segments retransmitted', T.Number],
  ['RtoAlgorithm', 'RTO algorithm is %', T.RtoAlg | STATIC], ['RtoMax', '', T.Number], ['RtoMin', '', T.Number],
];

const UDP: Entry[] = [
  ['InDatagrams', '% packets received', T.Number], ['InErrors', '% packet receive errors', T.Number],
  ['NoPorts', '% packets to unknown port received', T.Number], ['OutDatagrams', '% packets sent', T.Number],
  ['RcvbufErrors', '% receive buffer errors', T.Number], ['SndbufErrors', '% send buffer errors', T.Number],
];

const TCPEXT: Entry[] = ([
  ['DelayedACKLocked', '% delayed acks further delayed because of locked socket'], ['DelayedACKLost', 'Quick ack mode was activated % times'],
  ['DelayedACKs', '% delayed acks sent'], ['EmbryonicRsts', '% resets received for embryonic SYN_RECV sockets'],
  ['ListenDrops', '% SYNs to LISTEN sockets dropped'], ['ListenOverflows', '% times the listen queue of a socket overflowed'],
  ['LockDroppedIcmps', '% ICMP packets dropped because socket was locked'],
  ['OfoPruned', '% packets dropped from out-of-order queue because of socket buffer overrun'],
  ['OutOfWindowIcmps', '% ICMP packets dropped because they were out-of-window'],
  ['PAWSActive', '% active connections rejected because of time stamp'],
  ['PAWSEstab', '% packets rejected in established connections because of timestamp'],
  ['PAWSPassive', '% passive connections rejected because of time stamp'],
  ['PruneCalled', '% packets pruned from receive queue because of socket buffer overrun'], ['RcvPruned', '% packets pruned from receive queue'],
  ['SockMallocOOM', 'Ran % times out of system memory during packet sending'], ['SyncookiesFailed', '% invalid SYN cookies received'],
  ['SyncookiesRecv', '% SYN cookies received'], ['SyncookiesSent', '% SYN cookies sent'],
  ['TCPAbortFailed', '% times unable to send RST due to no memory'], ['TCPAbortOnClose', '% connections reset due to early user close'],
  ['TCPAbortOnData', '% connections reset due to unexpected data'], ['TCPAbortOnLinger', '% connections aborted after user close in linger timeout'],
  ['TCPAbortOnMemory', '% connections aborted due to memory pressure'], ['TCPAbortOnSyn', '% connections reset due to unexpected SYN'],
  ['TCPAbortOnTimeout', '% connections aborted due to timeout'], ['TCPDirectCopyFromBacklog', '% bytes directly in process context from backlog'],
  ['TCPDirectCopyFromPrequeue', '% bytes directly received in process context from prequeue'],
  ['TCPDSACKOfoRecv', '% DSACKs for out of order packets received'], ['TCPDSACKOfoSent', '% DSACKs sent for out of order packets'],
  ['TCPDSACKOldSent', '% DSACKs sent for old packets'], ['TCPDSACKRecv', '% DSACKs received'],
  ['TCPDSackUndo', '% congestion window recovered without slow start using DSACK'],
  ['TCPDSACKUndo', '% congestion windows recovered without slow start by DSACK'], ['TCPFACKReorder', 'Detected reordering % times using FACK'],
  ['TCPFastRetrans', '% fast retransmits'], ['TCPForwardRetrans', '% forward retransmits'],
  ['TCPFullUndo', '% congestion windows fully recovered without slow start'], ['TCPHPAcks', '% predicted acknowledgments'],
  ['TCPHPHits', '% packet headers predicted', T.Number], ['TCPHPHitsToUser', '% packet headers predicted and directly queued to user'],
  ['TCPLossFailures', '% timeouts in loss state'], ['TCPLoss', '% TCP data loss events'],
  ['TCPLossUndo', '% congestion windows recovered without slow start after partial ack'], ['TCPLostRetransmits', '% retransmits lost'],
  ['TCPMemoryPressures', 'TCP ran low on memory % times'], ['TCPPartialUndo', '% congestion windows partially recovered using Hoe heuristic'],
  ['TCPPrequeued', '% packets directly queued to recvmsg prequeue'], ['TCPPrequeueDropped', '% packets dropped from prequeue'],
  ['TCPPureAcks', '% acknowledgments not containing data payload received'],
  ['TCPRcvCollapsed', '% packets collapsed in receive queue due to low socket buffer'], ['TCPRenoFailures', '% timeouts after reno fast retransmit'],
  ['TCPRenoRecoveryFailed', '% reno fast retransmits failed'], ['TCPRenoRecoveryFail', '% classic Reno fast retransmits failed'],
  ['TCPRenoRecovery', '% times recovered from packet loss due to fast retransmit'],
  ['TCPRenoReorder', 'Detected reordering % times using reno fast retransmit'], ['TCPSackFailures', '% timeouts after SACK recovery'],
  ['TCPSackRecoveryFail', '% SACK retransmits failed'], ['TCPSackRecovery', '% times recovered from packet loss by selective acknowledgements'],
  ['TCPSACKReneging', '% bad SACK blocks received'], ['TCPSACKReorder', 'Detected reordering % times using SACK'],
  ['TCPSchedulerFailed', '% times receiver scheduled too late for direct processing'], ['TCPSlowStartRetrans', '% retransmits in slow start'],
  ['TCPTimeouts', '% other TCP timeouts'], ['TCPTSReorder', 'Detected reordering % times using time stamp'],
  ['TWKilled', '% TCP sockets finished time wait in slow timer'], ['TW', '% TCP sockets finished time wait in fast timer'],
  ['TWRecycled', '% time wait sockets recycled by time stamp'],
] as [string, string, number?][]).map(([n, t, type]) => [n, t, type ?? T.Opt] as const);

/** Each group, its table and which of -w (raw), -t, -u selects it. */
const GROUPS: Record<string, { tab: Entry[]; flag: 'raw' | 'tcp' | 'udp' }> = {
  Ip: { tab: IP, flag: 'raw' }, Icmp: { tab: ICMP, flag: 'raw' }, Tcp: { tab: TCP, flag: 'tcp' },
  Udp: { tab: UDP, flag: 'udp' }, TcpExt: { tab: TCPEXT, flag: 'tcp' },
};

const INDENT: Record<number, number> = { [T.Number]: 4, [T.Opt]: 4, [T.Forward]: 4, [T.InIcmp]: 8, [T.OutIcmp]: 8, [T.RtoAlg]: 4 };
const HISTOGRAM: Record<number, string> = { [T.InIcmp]: 'ICMP input histogram:', [T.OutIcmp]: 'ICMP output histogram:' };

/** glibc bsearch by strcmp over the table as it stands (sorted or not). */
function bsearch(tab: Entry[], name: string): Entry | undefined {
  let lo = 0;
  let hi = tab.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = tab[mid]!;
    if (name < e[0]) hi = mid;
    else if (name > e[0]) lo = mid + 1;
    else return e;
  }
  return undefined;
}

/** parsesnmp: the groups of /proc/net/snmp, then of /proc/net/netstat; unknown groups always show. */
export async function statistics(ctx: Ctx, flags: { raw: boolean; tcp: boolean; udp: boolean }): Promise<number> {
  let out = '';
  let state: number = T.Number;
  const value = (tab: Entry[] | undefined, name: string, val: bigint): void => {
    const ent = tab ? bsearch(tab, name) : undefined;
    if (!ent) {
      if (val) out += `${' '.repeat(INDENT[state]!)}${name}: ${val}\n`;
      return;
    }
    let type = ent[2];
    if (type & STATIC) return;
    if (ent[1] === '') return;
    if (type & TITLE) {
      type &= ~TITLE;
      if (state !== type) out += `${' '.repeat(INDENT[state]!)}${HISTOGRAM[type]}\n`;
    }
    let text = '';
    if (type === T.Number || (type === T.Opt && val !== 0n)) text = ent[1].replace('%', String(val));
    else if ((type === T.InIcmp || type === T.OutIcmp) && val > 0n) text = ent[1].replace('%', String(val));
    if (text) out += `${' '.repeat(INDENT[type]!)}${text}\n`;
    state = type;
  };
  const snmp = await readProcNet(ctx, '/proc/net/snmp');
  for (const text of [snmp, snmp === null ? null : await readProcNet(ctx, '/proc/net/netstat')]) {
    if (text === null) continue;
    const lines = text.split('\n').filter((l) => l !== '');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const [group, names] = lines[i]!.split(/:(.*)/s) as [string, string?];
      const values = (lines[i + 1]!.split(/:(.*)/s)[1] ?? '').trim().split(/\s+/);
      const known = GROUPS[group];
      const shown = known ? flags[known.flag] : true;
      if (shown) out += `${group}:\n`;
      if (known) state = T.Number;
      if (!shown) continue;
      (names ?? '').trim().split(/\s+/).forEach((name, j) => {
        if (name) value(known?.tab, name, BigInt.asUintN(64, BigInt(values[j] ?? '0')));
      });
    }
  }
  await ctx.print(out);
  return 0;
}
