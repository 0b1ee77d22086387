// The loadable modules of Photon 5.0's linux-esx 6.1 kernel that matter on a container host,
// with what modinfo reports of them and what each needs loaded first (modules.dep). Modules the
// esx kernel builds in (x_tables, libcrc32c, ext4, ...) are not here: modprobe has nothing to
// load for them. Sizes are lsmod's (page-rounded, as /proc/modules gives them).

export interface ModuleInfo {
  name: string;
  /** under /lib/modules/RELEASE/ */
  path: string;
  size: number;
  depends: readonly string[];
  description: string;
  license: string;
  author?: string;
}

const M = (name: string, path: string, size: number, depends: string[], description: string, license = 'GPL', author?: string): ModuleInfo =>
  ({ name, path: `kernel/${path}/${name}.ko.xz`, size, depends, description, license, ...(author ? { author } : {}) });

export const KERNEL_MODULES: readonly ModuleInfo[] = [
  M('vmxnet3', 'drivers/net/vmxnet3', 69632, [], 'VMware vmxnet3 virtual NIC driver', 'Dual BSD/GPL', 'VMware, Inc.'),
  M('vmw_pvscsi', 'drivers/scsi', 28672, [], 'VMware PVSCSI driver', 'GPL', 'VMware, Inc.'),
  M('vmw_vmci', 'drivers/misc/vmw_vmci', 94208, [], 'VMware Virtual Machine Communication Interface.', 'GPL v2', 'VMware, Inc.'),
  M('vmw_balloon', 'drivers/misc', 28672, ['vmw_vmci'], 'VMware Memory Control (Balloon) Driver', 'GPL', 'VMware, Inc.'),
  M('nfnetlink', 'net/netfilter', 20480, [], 'Netfilter messages via netlink socket', 'GPL', 'Harald Welte <laforge@netfilter.org>'),
  M('nf_tables', 'net/netfilter', 299008, ['nfnetlink'], 'Framework for packet filtering and classification', 'GPL', 'Patrick McHardy <kaber@trash.net>'),
  M('nf_defrag_ipv4', 'net/ipv4/netfilter', 16384, [], 'IPv4 defragmentation support', 'GPL'),
  M('nf_defrag_ipv6', 'net/ipv6/netfilter', 24576, [], 'IPv6 defragmentation library', 'GPL'),
  M('nf_conntrack', 'net/netfilter', 172032, ['nf_defrag_ipv6', 'nf_defrag_ipv4'], 'IPv4 and IPv6 connection tracking', 'GPL'),
  M('nft_compat', 'net/netfilter', 20480, ['nf_tables', 'nfnetlink'], 'x_tables over nftables support', 'GPL', 'Pablo Neira Ayuso <pablo@netfilter.org>'),
  M('xt_conntrack', 'net/netfilter', 16384, ['nf_conntrack'], 'Xtables: connection tracking state match', 'GPL', 'Patrick McHardy <kaber@trash.net>'),
  M('nf_nat', 'net/netfilter', 57344, ['nf_conntrack'], 'Network address translation core', 'GPL'),
  M('xt_MASQUERADE', 'net/netfilter', 16384, ['nf_nat'], 'Xtables: automatic-address SNAT', 'GPL', 'Netfilter Core Team <coreteam@netfilter.org>'),
  M('xt_nat', 'net/netfilter', 16384, ['nf_nat'], 'SNAT and DNAT targets support', 'GPL', 'Patrick McHardy <kaber@trash.net>'),
  M('xt_addrtype', 'net/netfilter', 16384, [], 'Xtables: address type match', 'GPL', 'Patrick McHardy <kaber@trash.net>'),
  M('ip_tables', 'net/ipv4/netfilter', 36864, [], 'IPv4 packet filter', 'GPL', 'Netfilter Core Team <coreteam@netfilter.org>'),
  M('ip6_tables', 'net/ipv6/netfilter', 36864, [], 'IPv6 packet filter', 'GPL', 'Netfilter Core Team <coreteam@netfilter.org>'),
  M('iptable_filter', 'net/ipv4/netfilter', 16384, ['ip_tables'], 'iptables filter table', 'GPL', 'Netfilter Core Team <coreteam@netfilter.org>'),
  M('iptable_nat', 'net/ipv4/netfilter', 16384, ['ip_tables', 'nf_nat'], 'iptables legacy nat table', 'GPL'),
  M('nft_chain_nat', 'net/netfilter', 16384, ['nf_nat', 'nf_tables'], 'nftables network address translation support', 'GPL', 'Patrick McHardy <kaber@trash.net>'),
  M('nft_masq', 'net/netfilter', 16384, ['nf_nat', 'nf_tables'], 'Netfilter nftables masquerade expression support', 'GPL', 'Arturo Borrero Gonzalez <arturo@debian.org>'),
  M('ip_set', 'net/netfilter/ipset', 61440, ['nfnetlink'], 'core IP set support', 'GPL', 'Jozsef Kadlecsik <kadlec@netfilter.org>'),
  M('ip_vs', 'net/netfilter/ipvs', 196608, ['nf_conntrack'], 'IP Virtual Server', 'GPL'),
  M('ip_vs_rr', 'net/netfilter/ipvs', 16384, ['ip_vs'], 'Round-robin scheduling', 'GPL'),
  M('llc', 'net/llc', 16384, [], 'LLC (802.2) core', 'GPL', 'Procom 1997, Jay Schullist 2001, Arnaldo C. Melo 2001-2003'),
  M('stp', 'net/802', 16384, ['llc'], 'Spanning Tree Protocol', 'GPL'),
  M('bridge', 'net/bridge', 307200, ['stp', 'llc'], 'Ethernet bridge driver', 'GPL'),
  M('br_netfilter', 'net/bridge', 32768, ['bridge'], 'Linux ethernet netfilter firewall bridge', 'GPL', 'Lennert Buytenhek <buytenh@gnu.org>'),
  M('overlay', 'fs/overlayfs', 151552, [], 'Overlay filesystem', 'GPL', 'Miklos Szeredi <miklos@szeredi.hu>'),
  M('veth', 'drivers/net', 36864, [], 'Virtual Ethernet Tunnel', 'GPL v2'),
  M('dummy', 'drivers/net', 16384, [], 'Dummy netdevice driver which discards all packets sent to it', 'GPL'),
  M('tun', 'drivers/net', 61440, [], 'Universal TUN/TAP device driver', 'GPL', 'Copyright (C) 1999-2002 Maxim Krasnyansky <maxk@qualcomm.com>'),
  M('bonding', 'drivers/net/bonding', 200704, [], 'Ethernet Channel Bonding Driver, v6.1', 'GPL', 'Thomas Davis, tadavis@lbl.gov and many others'),
  M('garp', 'net/802', 16384, ['stp', 'llc'], 'Generic Attribute Registration Protocol', 'GPL'),
  M('mrp', 'net/802', 20480, [], 'Multiple Registration Protocol', 'GPL'),
  M('8021q', 'net/8021q', 40960, ['garp', 'mrp'], '802.1Q/802.1ad VLAN Protocol', 'GPL'),
  M('udp_tunnel', 'net/ipv4', 28672, [], 'IP/UDP tunnel helpers', 'GPL'),
  M('ip6_udp_tunnel', 'net/ipv6', 16384, [], 'IPv6 Foo over UDP tunnel driver', 'GPL'),
  M('vxlan', 'drivers/net/vxlan', 94208, ['udp_tunnel', 'ip6_udp_tunnel'], 'Driver for VXLAN encapsulated traffic', 'GPL', 'Stephen Hemminger <stephen@networkplumber.org>'),
  M('tunnel4', 'net/ipv4', 16384, [], 'IPv4 XFRM tunnel library', 'GPL'),
  M('ip_tunnel', 'net/ipv4', 32768, [], 'IPv4 tunnel implementation library', 'GPL'),
  M('ipip', 'net/ipv4', 20480, ['ip_tunnel', 'tunnel4'], 'IP/IP protocol decoder library', 'GPL'),
  M('sit', 'net/ipv6', 36864, ['ip_tunnel', 'tunnel4'], 'IPv6-in-IPv4 tunnel SIT driver', 'GPL'),
  M('wireguard', 'drivers/net/wireguard', 98304, ['udp_tunnel', 'ip6_udp_tunnel'], 'WireGuard secure network tunnel', 'GPL v2', 'Jason A. Donenfeld <Jason@zx2c4.com>'),
  M('tcp_bbr', 'net/ipv4', 20480, [], 'TCP BBR (Bottleneck Bandwidth and RTT)', 'Dual BSD/GPL', 'Van Jacobson <vanj@google.com>'),
  M('fuse', 'fs/fuse', 159744, [], 'Filesystem in Userspace', 'GPL', 'Miklos Szeredi <miklos@szeredi.hu>'),
  M('nbd', 'drivers/block', 53248, [], 'Network Block Device', 'GPL'),
  M('isofs', 'fs/isofs', 53248, [], 'ISO 9660 filesystem', 'GPL'),
  M('squashfs', 'fs/squashfs', 69632, [], 'squashfs 4.0, a compressed read-only filesystem', 'GPL', 'Phillip Lougher <phillip@squashfs.org.uk>'),
  M('xfs', 'fs/xfs', 1892352, [], 'SGI XFS with ACLs, security attributes, quota, no debug enabled', 'GPL', 'Silicon Graphics, Inc.'),
  M('sctp', 'net/sctp', 438272, ['udp_tunnel', 'ip6_udp_tunnel'], 'Support for the SCTP protocol (RFC2960)', 'GPL'),
  M('sunrpc', 'net/sunrpc', 716800, [], 'Sun RPC core', 'GPL'),
  M('grace', 'fs/nfs_common', 16384, [], 'NFS grace period handling', 'GPL'),
  M('lockd', 'fs/lockd', 126976, ['grace', 'sunrpc'], 'NFS file locking service version 0.5.', 'GPL', 'Olaf Kirch <okir@monad.swb.de>'),
  M('nfs', 'fs/nfs', 425984, ['lockd', 'grace', 'sunrpc'], 'NFS client support', 'GPL', 'Olaf Kirch <okir@monad.swb.de>'),
  M('nfsd', 'fs/nfsd', 581632, ['lockd', 'grace', 'sunrpc'], 'In-kernel NFS server', 'GPL', 'Olaf Kirch <okir@monad.swb.de>'),
  M('xor', 'crypto', 24576, [], 'RAID-5 checksumming functions', 'GPL'),
  M('raid6_pq', 'lib/raid6', 122880, [], 'RAID6 Q-syndrome calculations', 'GPL'),
  M('btrfs', 'fs/btrfs', 1667072, ['xor', 'raid6_pq'], 'B-Tree File System', 'GPL'),
];

export const MODULE_BY_NAME: ReadonlyMap<string, ModuleInfo> = new Map(KERNEL_MODULES.map((m) => [m.name, m]));


/** Built into linux-esx: modprobe accepts the name and has nothing to load; rmmod cannot remove it. */
export const BUILTIN_MODULES: ReadonlySet<string> = new Set([
  'ext4', 'ipv6', 'af_packet', 'unix', 'crc32c_generic', 'x_tables', 'libcrc32c', 'loop',
]);

/** A module name as the kernel keeps it: dashes become underscores. */
export const moduleName = (name: string): string => name.replace(/-/g, '_');
