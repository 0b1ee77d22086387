// Rule comparison for `-D` by specification and `-C`: everything but the counters must match
// (nft_rule_cmp compares the IP part, each match's data and the target).
import type { NfRuleSpec } from '../../shared/services/netfilter';

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * The part of a match iptables compares (its userspacesize): connlabel's is empty (the label
 * bit and options come after it), so any two connlabel matches are the same.
 */
function compared(m: NfRuleSpec['matches'][number]): unknown {
  return m.kind === 'connlabel' ? { kind: m.kind } : m;
}

export function sameRule(a: NfRuleSpec, b: NfRuleSpec): boolean {
  return (
    a.src.addr === b.src.addr &&
    a.src.mask === b.src.mask &&
    a.srcInv === b.srcInv &&
    a.dst.addr === b.dst.addr &&
    a.dst.mask === b.dst.mask &&
    a.dstInv === b.dstInv &&
    a.inIface === b.inIface &&
    a.inInv === b.inInv &&
    a.outIface === b.outIface &&
    a.outInv === b.outInv &&
    a.proto === b.proto &&
    a.protoInv === b.protoInv &&
    a.frag === b.frag &&
    a.fragInv === b.fragInv &&
    same(a.matches.map(compared), b.matches.map(compared)) &&
    same(a.target, b.target)
  );
}
