// Which match and target extensions exist, by the name -m/-j/-p use, and how each stored rule
// part is printed. A name that is no extension after -j is a chain name.
import type { NfFamily, NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { commentFormat, commentMatch, limitFormat, limitMatch } from './comment-limit';
import { hlFormat, hlMatch, hlTarget, hlTargetFormat } from './connmark-ttl-log';
import { connmarkFormat, connmarkMatch, connmarkTarget, connmarkTargetFormat, tosTarget, tosTargetFormat, traceTarget, traceTargetFormat, ttlFormat, ttlMatch, ttlTarget, ttlTargetFormat, timeFormat, timeMatch, nflogTarget, nflogTargetFormat, nfqueueTarget, nfqueueTargetFormat } from './connmark-ttl-log';
import { conntrackFormat, conntrackMatch, stateMatch } from './conntrack';
import { icmp6Match, icmpFormat, icmpMatch } from './icmp';
import { multiportFormat, multiportMatch } from './multiport';
import { addrtypeMatch, EXTRA_FORMATS, iprangeMatch, lengthMatch, macMatch, markFormat, markMatch, markTarget, pkttypeMatch, recentMatch } from './extra';
import { connlimitFormat, connlimitMatch, ctFormat, ctTarget, notrackTarget, ownerFormat, ownerMatch, tcpmssFormat, tcpmssTarget } from './extra2';
import { dnatTarget, masqueradeTarget, natFormat, redirectTarget, snatTarget } from './nat';
import { logFormat, logTarget, rejectFormat, rejectTarget } from './targets';
import { tcpFormat, tcpMatch, udpFormat, udpMatch } from './tcpudp';
import { hashlimitFormat, hashlimitMatch } from './hashlimit';
import { ahMatch, auditFormat, auditTarget, espMatch, helperFormat, helperMatch, physdevFormat, physdevMatch, setMatch, setTarget, spiFormat, teeFormat, teeTarget } from './misc-proto';
import { dccpMatch, sctpDccpFormat, sctpMatch } from './sctp-dccp';
import { quotaFormat, quotaMatch, statisticFormat, statisticMatch, stringFormat, stringMatch } from './payload';
import { checksumFormat, checksumTarget, classifyFormat, classifyTarget, dscpFormat, dscpMatch, dscpTarget, dscpTargetFormat, ecnFormat, ecnMatch, tcpmssMatch, tcpmssMatchFormat, tosFormat, tosMatch } from './qos';
import { cgroupFormat, cgroupMatch, clusterFormat, clusterMatch, cpuFormat, cpuMatch, devgroupFormat, devgroupMatch, realmFormat, realmMatch, rpfilterFormat, rpfilterMatch, socketFormat, socketMatch } from './meta';
import { connbytesFormat, connbytesMatch, policyFormat, policyMatch } from './policy-connbytes';
import { bpfFormat, bpfMatch, u32Format, u32Match } from './u32-bpf';
import { ecnTargetFormat, ecnTarget, netmapFormat, netmapTarget, synproxyFormat, synproxyTarget, tcpoptstripFormat, tcpoptstripTarget, tproxyFormat, tproxyTarget } from './proxy-targets';
import { ah6Format, ah6Match, eui64Format, eui64Match, fragFormat, fragMatch, ipv6headerFormat, ipv6headerMatch, mhFormat, mhMatch } from './ip6-ext';
import { dstMatch, hbhMatch, optsFormat, rtFormat, rtMatch } from './ip6-opts';
import { dnptTarget, ipcompFormat, ipcompMatch, nfacctFormat, nfacctMatch, nptFormat, snptTarget } from './rare-more';
import { srhFormat, srhMatch } from './srh';
import { connlabelFormat, connlabelMatch } from './connlabel';
import { osfFormat, osfMatch } from './osf';
import { ipvsFormat, ipvsMatch } from './ipvs';
import { clusteripFormat, clusteripTarget, ledFormat, ledTarget, secmarkFormat, secmarkTarget } from './led-secmark-clusterip';
import { rateestFormat, rateestMatch, rateestTarget, rateestTargetFormat } from './rateest';
import { connsecmarkFormat, connsecmarkTarget, hmarkFormat, hmarkTarget, idletimerFormat, idletimerTarget, ulogTarget } from './rare-targets';
import { eraseMatch, eraseTarget, type AnyMatchExtension, type AnyTargetExtension, type MatchFormatter, type PrintEnv, type TargetFormatter } from './types';

const MATCHES: readonly AnyMatchExtension[] = [
  eraseMatch(tcpMatch),
  eraseMatch(udpMatch),
  eraseMatch(icmpMatch),
  eraseMatch(icmp6Match),
  eraseMatch(multiportMatch),
  eraseMatch(stateMatch),
  eraseMatch(conntrackMatch),
  eraseMatch(commentMatch),
  eraseMatch(limitMatch),
  eraseMatch(macMatch),
  eraseMatch(iprangeMatch),
  eraseMatch(markMatch),
  eraseMatch(lengthMatch),
  eraseMatch(pkttypeMatch),
  eraseMatch(recentMatch),
  eraseMatch(addrtypeMatch),
  eraseMatch(connlimitMatch),
  eraseMatch(ownerMatch),
  eraseMatch(connmarkMatch),
  eraseMatch(ttlMatch),
  eraseMatch(timeMatch),
  eraseMatch(hashlimitMatch),
  eraseMatch(stringMatch),
  eraseMatch(statisticMatch),
  eraseMatch(quotaMatch),
  eraseMatch(tosMatch),
  eraseMatch(dscpMatch),
  eraseMatch(ecnMatch),
  eraseMatch(tcpmssMatch),
  eraseMatch(helperMatch),
  eraseMatch(physdevMatch),
  eraseMatch(espMatch),
  eraseMatch(ahMatch),
  eraseMatch(sctpMatch),
  eraseMatch(dccpMatch),
  eraseMatch(setMatch),
  eraseMatch(u32Match),
  eraseMatch(socketMatch),
  eraseMatch(cpuMatch),
  eraseMatch(policyMatch),
  eraseMatch(realmMatch),
  eraseMatch(connbytesMatch),
  eraseMatch(bpfMatch),
  eraseMatch(devgroupMatch),
  eraseMatch(rpfilterMatch),
  eraseMatch(clusterMatch),
  eraseMatch(hlMatch),
  eraseMatch(fragMatch),
  eraseMatch(ipv6headerMatch),
  eraseMatch(eui64Match),
  eraseMatch(mhMatch),
  eraseMatch(cgroupMatch),
  eraseMatch(rtMatch),
  eraseMatch(hbhMatch),
  eraseMatch(dstMatch),
  eraseMatch(rateestMatch),
  eraseMatch(ipcompMatch),
  eraseMatch(nfacctMatch),
  eraseMatch(srhMatch),
  eraseMatch(connlabelMatch),
  eraseMatch(osfMatch),
  eraseMatch(ipvsMatch),
  eraseMatch(ah6Match),
];

const TARGETS: readonly AnyTargetExtension[] = [eraseTarget(rejectTarget), eraseTarget(logTarget), eraseTarget(snatTarget), eraseTarget(dnatTarget), eraseTarget(masqueradeTarget), eraseTarget(redirectTarget), eraseTarget(markTarget), eraseTarget(tcpmssTarget), eraseTarget(ctTarget), eraseTarget(notrackTarget), eraseTarget(connmarkTarget), eraseTarget(tosTarget), eraseTarget(traceTarget), eraseTarget(ttlTarget), eraseTarget(nflogTarget), eraseTarget(nfqueueTarget),
  eraseTarget(dscpTarget), eraseTarget(classifyTarget), eraseTarget(checksumTarget), eraseTarget(auditTarget), eraseTarget(teeTarget), eraseTarget(setTarget),
  eraseTarget(tproxyTarget), eraseTarget(synproxyTarget), eraseTarget(netmapTarget), eraseTarget(ecnTarget), eraseTarget(tcpoptstripTarget), eraseTarget(hlTarget),
  eraseTarget(idletimerTarget), eraseTarget(connsecmarkTarget), eraseTarget(hmarkTarget), eraseTarget(rateestTarget),
  eraseTarget(snptTarget), eraseTarget(dnptTarget), eraseTarget(ulogTarget),
  eraseTarget(ledTarget), eraseTarget(secmarkTarget), eraseTarget(clusteripTarget)];

/** The verdicts xtables maps to its "standard" target. */
export const STANDARD_TARGETS = ['ACCEPT', 'DROP', 'QUEUE', 'RETURN'] as const;

export function findMatch(name: string, family: NfFamily): AnyMatchExtension | undefined {
  // "icmpv6" and "ipv6-icmp" are spellings of icmp6 (xtables_find_match)
  const n = name === 'icmpv6' || name === 'ipv6-icmp' ? 'icmp6' : name;
  return MATCHES.find((m) => m.name === n && (m.family === undefined || m.family === family));
}

export function findTarget(name: string, family?: NfFamily): AnyTargetExtension | undefined {
  return TARGETS.find((t) => t.name === name && (family === undefined || t.family === undefined || t.family === family));
}

/** Whether -j NAME loads an extension (a standard verdict or a target module). */
export function isTargetName(name: string): boolean {
  return name === '' || (STANDARD_TARGETS as readonly string[]).includes(name) || findTarget(name) !== undefined;
}

function matchFormatter(m: NfMatch): MatchFormatter {
  const f = (() => {
    switch (m.kind) {
      case 'connmark':
        return connmarkFormat;
      case 'ttl':
        return ttlFormat;
      case 'time':
        return timeFormat;
      case 'tcp':
        return tcpFormat;
      case 'udp':
        return udpFormat;
      case 'icmp':
      case 'icmp6':
        return icmpFormat;
      case 'multiport':
        return multiportFormat;
      case 'conntrack':
        return conntrackFormat;
      case 'comment':
        return commentFormat;
      case 'limit':
        return limitFormat;
      case 'connlimit':
        return connlimitFormat;
      case 'owner':
        return ownerFormat;
      case 'hashlimit':
        return hashlimitFormat;
      case 'string':
        return stringFormat;
      case 'statistic':
        return statisticFormat;
      case 'quota':
        return quotaFormat;
      case 'tos':
        return tosFormat;
      case 'dscp':
        return dscpFormat;
      case 'ecn':
        return ecnFormat;
      case 'tcpmss':
        return tcpmssMatchFormat;
      case 'helper':
        return helperFormat;
      case 'physdev':
        return physdevFormat;
      case 'esp':
      case 'ah':
        return spiFormat;
      case 'sctp':
      case 'dccp':
        return sctpDccpFormat;
      case 'u32':
        return u32Format;
      case 'socket':
        return socketFormat;
      case 'cpu':
        return cpuFormat;
      case 'policy':
        return policyFormat;
      case 'realm':
        return realmFormat;
      case 'connbytes':
        return connbytesFormat;
      case 'bpf':
        return bpfFormat;
      case 'devgroup':
        return devgroupFormat;
      case 'rpfilter':
        return rpfilterFormat;
      case 'cluster':
        return clusterFormat;
      case 'hl':
        return hlFormat;
      case 'frag':
        return fragFormat;
      case 'ipv6header':
        return ipv6headerFormat;
      case 'eui64':
        return eui64Format;
      case 'mh':
        return mhFormat;
      case 'cgroup':
        return cgroupFormat;
      case 'rt':
        return rtFormat;
      case 'hbh':
      case 'dst':
        return optsFormat;
      case 'rateest':
        return rateestFormat;
      case 'ipcomp':
        return ipcompFormat;
      case 'nfacct':
        return nfacctFormat;
      case 'srh':
        return srhFormat;
      case 'connlabel':
        return connlabelFormat;
      case 'ah6':
        return ah6Format;
      case 'osf':
        return osfFormat;
      case 'ipvs':
        return ipvsFormat;
      default:
        return EXTRA_FORMATS[m.kind] ?? null;
    }
  })();
  if (f) return f as unknown as MatchFormatter;
  return { saveName: () => m.kind, print: () => '', save: () => '' };
}

export function printMatch(m: NfMatch, env: PrintEnv): string {
  return matchFormatter(m).print(m, env);
}

export function saveMatch(m: NfMatch, env: PrintEnv): string {
  const f = matchFormatter(m);
  return ` -m ${f.saveName(m)}${f.save(m, env)}`;
}

function targetFormatter(t: NfTarget): TargetFormatter | null {
  switch (t.kind) {
    case 'CONNMARK':
      return connmarkTargetFormat as unknown as TargetFormatter;
    case 'TOS':
      return tosTargetFormat as unknown as TargetFormatter;
    case 'TRACE':
      return traceTargetFormat;
    case 'TTL':
      return ttlTargetFormat as unknown as TargetFormatter;
    case 'NFLOG':
      return nflogTargetFormat as unknown as TargetFormatter;
    case 'NFQUEUE':
      return nfqueueTargetFormat as unknown as TargetFormatter;
    case 'REJECT':
      return rejectFormat as unknown as TargetFormatter;
    case 'LOG':
      return logFormat as unknown as TargetFormatter;
    case 'MARK':
      return markFormat as unknown as TargetFormatter;
    case 'TCPMSS':
      return tcpmssFormat as unknown as TargetFormatter;
    case 'CT':
      return ctFormat as unknown as TargetFormatter;
    case 'DSCP':
      return dscpTargetFormat as unknown as TargetFormatter;
    case 'CLASSIFY':
      return classifyFormat as unknown as TargetFormatter;
    case 'CHECKSUM':
      return checksumFormat as unknown as TargetFormatter;
    case 'AUDIT':
      return auditFormat as unknown as TargetFormatter;
    case 'TEE':
      return teeFormat as unknown as TargetFormatter;
    case 'TPROXY':
      return tproxyFormat as unknown as TargetFormatter;
    case 'SYNPROXY':
      return synproxyFormat as unknown as TargetFormatter;
    case 'NETMAP':
      return netmapFormat as unknown as TargetFormatter;
    case 'ECN':
      return ecnTargetFormat as unknown as TargetFormatter;
    case 'TCPOPTSTRIP':
      return tcpoptstripFormat as unknown as TargetFormatter;
    case 'HL':
      return hlTargetFormat as unknown as TargetFormatter;
    case 'IDLETIMER':
      return idletimerFormat as unknown as TargetFormatter;
    case 'CONNSECMARK':
      return connsecmarkFormat as unknown as TargetFormatter;
    case 'HMARK':
      return hmarkFormat as unknown as TargetFormatter;
    case 'RATEEST':
      return rateestTargetFormat as unknown as TargetFormatter;
    case 'SNPT':
    case 'DNPT':
      return nptFormat as unknown as TargetFormatter;
    case 'LED':
      return ledFormat as unknown as TargetFormatter;
    case 'SECMARK':
      return secmarkFormat as unknown as TargetFormatter;
    case 'CLUSTERIP':
      return clusteripFormat as unknown as TargetFormatter;
    case 'SNAT':
    case 'DNAT':
    case 'MASQUERADE':
    case 'REDIRECT':
      return natFormat as unknown as TargetFormatter;
    default:
      return null;
  }
}

export function printTarget(t: NfTarget, env: PrintEnv): string {
  return targetFormatter(t)?.print(t, env) ?? '';
}

export function saveTarget(t: NfTarget, env: PrintEnv): string {
  return targetFormatter(t)?.save(t, env) ?? '';
}

/** The name after -j when saving (NOTRACK is stored as CT). */
export function saveLabel(t: NfTarget): string {
  return t.kind === 'CT' && t.alias ? 'NOTRACK' : targetLabel(t);
}

/** The name in the target column / after -j. */
export function targetLabel(t: NfTarget): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'verdict':
      return t.verdict;
    case 'jump':
    case 'goto':
      return t.chain;
    default:
      return t.kind;
  }
}
