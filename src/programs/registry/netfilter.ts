// iptables 1.8.9 (nf_tables): one binary, xtables-nft-multi, with iptables, ip6tables and their
// -save/-restore commands as links to it (as on Photon OS 5.0); it loads when first run.
import { lazy, type ProgramEntry } from '../entry';

const LINKS = ['iptables', 'iptables-nft', 'ip6tables', 'ip6tables-nft', 'iptables-save', 'iptables-nft-save', 'ip6tables-save', 'ip6tables-nft-save', 'iptables-restore', 'iptables-nft-restore', 'ip6tables-restore', 'ip6tables-nft-restore'];

export const netfilterPrograms: ProgramEntry[] = [
  lazy({ name: 'xtables-nft-multi', installPath: '/usr/sbin/xtables-nft-multi', aliases: LINKS.map((n) => `/usr/sbin/${n}`), pkg: 'iptables' }, () => import('../netfilter/iptables')),
];
