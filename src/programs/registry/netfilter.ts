// iptables 1.8.9 (nf_tables): iptables, ip6tables, iptables-save, iptables-restore; each loads when first run.
import type { ProgramEntry } from '../entry';

export const netfilterPrograms: ProgramEntry[] = [];
