// [Match] against a link (net-condition.c): every list that is set must match; a list of globs
// matches when a positive pattern matches and no "!" pattern does (a list of only "!" patterns
// matches what none of them names). The first network in file-name order that matches wins.
import type { LinkMsg } from '../../../shared/services/net';
import { fnmatch } from '../../lib/fnmatch';
import type { MatchSpec, NetworkConfig } from './network-file';

/** What udev and the kernel report about a link, as networkd matches and networkctl shows it. */
export interface LinkFacts {
  type: string;
  driver?: string;
  path?: string;
  vendor?: string;
  model?: string;
  kind?: string;
}

export function linkFacts(l: LinkMsg): LinkFacts {
  if (l.linkType === 'loopback') return { type: 'loopback' };
  if (l.kind) return { type: l.linkType, driver: l.kind, kind: l.kind };
  if (l.parentBus === 'pci') {
    // the VM's NIC: VMware's paravirtual vmxnet3 in PCI slot 0000:0b:00.0
    return { type: l.linkType, driver: 'vmxnet3', path: `pci-${l.parentDev ?? ''}`, vendor: 'VMware', model: 'VMXNET3 Ethernet Controller' };
  }
  return { type: l.linkType };
}

function testStrv(patterns: string[], value: string | undefined): boolean {
  if (patterns.length === 0) return true;
  let match = false;
  let positive = false;
  for (const p of patterns) {
    const invert = p.startsWith('!');
    const q = invert ? p.slice(1) : p;
    if (!invert) positive = true;
    if (value !== undefined && fnmatch(q, value)) {
      if (invert) return false;
      match = true;
    }
  }
  return positive ? match : true;
}

export function matchIsEmpty(m: MatchSpec): boolean {
  return !m.names.length && !m.macs.length && !m.types.length && !m.drivers.length && !m.kinds.length && !m.paths.length;
}

export function matches(m: MatchSpec, l: LinkMsg): boolean {
  const f = linkFacts(l);
  if (m.macs.length && !m.macs.includes(l.address)) return false;
  return testStrv(m.paths, f.path) && testStrv(m.drivers, f.driver) && testStrv(m.types, f.type) && testStrv(m.kinds, f.kind) && testStrv(m.names, l.name);
}

/** The network for `l`: the first that matches (networks come sorted by file name). */
export function networkFor(networks: NetworkConfig[], l: LinkMsg): NetworkConfig | undefined {
  return networks.find((n) => matches(n.match, l));
}
