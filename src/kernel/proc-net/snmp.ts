// /proc/net/{snmp,netstat,sockstat}: the protocol counters (net/ipv4/proc.c of Linux 6.1,
// without MPTCP, which Photon's kernel leaves out). The machine counts packets per device
// only, so IP's totals come from the devices and the rest stays at zero.
import type { NetSource } from './files';

const IP = ['InReceives', 'InHdrErrors', 'InAddrErrors', 'ForwDatagrams', 'InUnknownProtos', 'InDiscards', 'InDelivers', 'OutRequests', 'OutDiscards', 'OutNoRoutes', 'ReasmTimeout', 'ReasmReqds', 'ReasmOKs', 'ReasmFails', 'FragOKs', 'FragFails', 'FragCreates'];
const ICMP = ['DestUnreachs', 'TimeExcds', 'ParmProbs', 'SrcQuenchs', 'Redirects', 'Echos', 'EchoReps', 'Timestamps', 'TimestampReps', 'AddrMasks', 'AddrMaskReps'];
const TCP = ['RtoAlgorithm', 'RtoMin', 'RtoMax', 'MaxConn', 'ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab', 'InSegs', 'OutSegs', 'RetransSegs', 'InErrs', 'OutRsts', 'InCsumErrors'];
const UDP = ['InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams', 'RcvbufErrors', 'SndbufErrors', 'InCsumErrors', 'IgnoredMulti', 'MemErrors'];
const IPEXT = ['InNoRoutes', 'InTruncatedPkts', 'InMcastPkts', 'OutMcastPkts', 'InBcastPkts', 'OutBcastPkts', 'InOctets', 'OutOctets', 'InMcastOctets', 'OutMcastOctets', 'InBcastOctets', 'OutBcastOctets', 'InCsumErrors', 'InNoECTPkts', 'InECT1Pkts', 'InECT0Pkts', 'InCEPkts', 'ReasmOverlaps'];
const TCPEXT = ('SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled '
  + 'PAWSActive PAWSEstab DelayedACKs DelayedACKLocked DelayedACKLost ListenOverflows ListenDrops TCPHPHits TCPPureAcks TCPHPAcks TCPRenoRecovery TCPSackRecovery '
  + 'TCPSACKReneging TCPSACKReorder TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo TCPDSACKUndo TCPLossUndo TCPLostRetransmit TCPRenoFailures TCPSackFailures '
  + 'TCPLossFailures TCPFastRetrans TCPSlowStartRetrans TCPTimeouts TCPLossProbes TCPLossProbeRecovery TCPRenoRecoveryFail TCPSackRecoveryFail TCPRcvCollapsed '
  + 'TCPBacklogCoalesce TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv TCPAbortOnData TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout '
  + 'TCPAbortOnLinger TCPAbortFailed TCPMemoryPressures TCPMemoryPressuresChrono TCPSACKDiscard TCPDSACKIgnoredOld TCPDSACKIgnoredNoUndo TCPSpuriousRTOs '
  + 'TCPMD5NotFound TCPMD5Unexpected TCPMD5Failure TCPSackShifted TCPSackMerged TCPSackShiftFallback TCPBacklogDrop PFMemallocDrop TCPMinTTLDrop '
  + 'TCPDeferAcceptDrop IPReversePathFilter TCPTimeWaitOverflow TCPReqQFullDoCookies TCPReqQFullDrop TCPRetransFail TCPRcvCoalesce TCPOFOQueue TCPOFODrop '
  + 'TCPOFOMerge TCPChallengeACK TCPSYNChallenge TCPFastOpenActive TCPFastOpenActiveFail TCPFastOpenPassive TCPFastOpenPassiveFail TCPFastOpenListenOverflow '
  + 'TCPFastOpenCookieReqd TCPFastOpenBlackhole TCPSpuriousRtxHostQueues BusyPollRxPackets TCPAutoCorking TCPFromZeroWindowAdv TCPToZeroWindowAdv '
  + 'TCPWantZeroWindowAdv TCPSynRetrans TCPOrigDataSent TCPHystartTrainDetect TCPHystartTrainCwnd TCPHystartDelayDetect TCPHystartDelayCwnd '
  + 'TCPACKSkippedSynRecv TCPACKSkippedPAWS TCPACKSkippedSeq TCPACKSkippedFinWait2 TCPACKSkippedTimeWait TCPACKSkippedChallenge TCPWinProbe TCPKeepAlive '
  + 'TCPMTUPFail TCPMTUPSuccess TCPDelivered TCPDeliveredCE TCPAckCompressed TCPZeroWindowDrop TCPRcvQDrop TCPWqueueTooBig TCPFastOpenPassiveAltKey '
  + 'TcpTimeoutRehash TcpDuplicateDataRehash TCPDSACKRecvSegs TCPDSACKIgnoredDubious TCPMigrateReqSuccess TCPMigrateReqFailure').split(' ');

/** A header line of names and a line of values, both led by the group's name. */
function pair(group: string, names: string[], values: (number | string)[]): string {
  return `${group}: ${names.join(' ')}\n${group}: ${names.map((_, i) => values[i] ?? 0).join(' ')}\n`;
}

export function snmpFile(s: NetSource): string {
  const links = s.links();
  const rx = links.reduce((a, l) => a + l.stats.rxPackets, 0);
  const tx = links.reduce((a, l) => a + l.stats.txPackets, 0);
  const forwarding = (s.sysctl('net.ipv4.conf.all.forwarding') ?? s.sysctl('net.ipv4.ip_forward')) === '1' ? 1 : 2;
  const ttl = Number(s.sysctl('net.ipv4.ip_default_ttl') ?? 64);
  const ipValues = IP.map((n) => (n === 'InReceives' || n === 'InDelivers' ? rx : n === 'OutRequests' ? tx : 0));
  const estab = s.sockets().filter((x) => x.proto === 'tcp' && x.state === 'ESTAB').length;
  const tcpValues = TCP.map((n) => ({ RtoAlgorithm: 1, RtoMin: 200, RtoMax: 120000, MaxConn: -1, CurrEstab: estab } as Record<string, number>)[n] ?? 0);
  const icmpNames = ['InMsgs', 'InErrors', 'InCsumErrors', ...ICMP.map((n) => `In${n}`), 'OutMsgs', 'OutErrors', ...ICMP.map((n) => `Out${n}`)];
  return `Ip: Forwarding DefaultTTL ${IP.join(' ')}\nIp: ${forwarding} ${ttl} ${ipValues.join(' ')}\n`
    + pair('Icmp', icmpNames, [])
    + pair('Tcp', TCP, tcpValues)
    + pair('Udp', UDP, [])
    + pair('UdpLite', UDP, []);
}

export function netstatFile(): string {
  return pair('TcpExt', TCPEXT, []) + pair('IpExt', IPEXT, []);
}

/** sockstat_seq_show: sockets in use; TCP counts only IPv4 sockets, its alloc both families. */
export function sockstatFile(s: NetSource): string {
  const socks = s.sockets();
  const tcp4 = socks.filter((x) => x.proto === 'tcp' && x.family === 4 && x.state !== 'TIME-WAIT').length;
  const tw = socks.filter((x) => x.proto === 'tcp' && x.state === 'TIME-WAIT').length;
  const tcpAll = socks.filter((x) => x.proto === 'tcp' && x.state !== 'TIME-WAIT').length;
  const udp4 = socks.filter((x) => x.proto === 'udp' && x.family === 4).length;
  return `sockets: used ${socks.length - tw}\nTCP: inuse ${tcp4} orphan 0 tw ${tw} alloc ${tcpAll} mem 0\nUDP: inuse ${udp4} mem 0\nUDPLITE: inuse 0\nRAW: inuse 0\nFRAG: inuse 0 memory 0\n`;
}
