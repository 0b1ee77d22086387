// netfilter's tables in the kernel, for IPv4 and IPv6: the `netfilter` service that
// iptables/ip6tables talk to (get the ruleset, apply a batch of edits atomically), packet
// evaluation for the network simulation, and a view for lessons. Only root may read or change
// the tables, as with the nf_tables netlink socket.
import type { NfAction, NfFamily, NfHook, NfPacket, NfReply, NfRuleset, NfVerdict } from '../../shared/services/netfilter';
import type { Caller } from '../../shared/sys';
import { Conntrack, type CtEntry } from './conntrack';
import type { LogLine } from './evaluate';
import { cloneRuleset, emptyRuleset } from './ruleset';

/**
 * The rule engine (applying batches, evaluating packets) is a chunk of its own: nothing uses it
 * before the first prompt (iptables and the packet path come later), so the machine's services
 * load it before the first request that needs it (kernel/services.ts).
 */
interface Engine {
  applyBatch: typeof import('./apply').applyBatch;
  evaluatePacket: typeof import('./evaluate').evaluatePacket;
}
let engine: Engine | undefined;
let loading: Promise<void> | undefined;

export function loadNetfilterEngine(): Promise<void> {
  return (loading ??= Promise.all([import('./apply'), import('./evaluate')]).then(([a, e]) => {
    engine = { applyBatch: a.applyBatch, evaluatePacket: e.evaluatePacket };
  }));
}

export const netfilterEngineLoaded = (): boolean => engine !== undefined;

function loaded(): Engine {
  if (!engine) throw new Error('netfilter: the rule engine is not loaded yet');
  return engine;
}

const MAX_LOG = 200;

export interface NetfilterView {
  ipv4: NfRuleset;
  ipv6: NfRuleset;
  conntrack: CtEntry[];
  log: LogLine[];
}

export interface EvaluateOptions {
  /** hooks to walk in order (default: just packet.hook) */
  path?: readonly NfHook[];
  /** time in milliseconds, for -m limit */
  now?: number;
  /** find the verdict without counting the packet or tracking its connection (lesson checks) */
  dryRun?: boolean;
}

function isFamily(v: unknown): v is NfFamily {
  return v === 'ipv4' || v === 'ipv6';
}

export class Netfilter {
  private rulesets: Record<NfFamily, NfRuleset> = { ipv4: emptyRuleset('ipv4'), ipv6: emptyRuleset('ipv6') };
  readonly conntrack = new Conntrack();
  private logs: LogLine[] = [];
  /** -m recent address lists */
  private readonly recent = new Map<string, Map<string, number[]>>();

  handle(caller: Caller, request: unknown): unknown {
    return this.request(caller, request);
  }

  private request(caller: Caller, request: unknown): NfReply {
    if (typeof request !== 'object' || request === null) return { ok: false, errno: 'EINVAL' };
    const req = request as { op?: unknown; family?: unknown; actions?: unknown; test?: unknown; preview?: unknown };
    if (!isFamily(req.family)) return { ok: false, errno: 'EINVAL' };
    // the nf_tables socket needs CAP_NET_ADMIN, even to read
    if (caller.euid !== 0) return { ok: false, errno: 'EPERM' };
    if (req.op === 'get') return { ok: true, ruleset: cloneRuleset(this.rulesets[req.family]) };
    if (req.op === 'apply' && Array.isArray(req.actions)) return this.apply(req.family, req.actions as NfAction[], req.test === true, req.preview === true);
    return { ok: false, errno: 'EINVAL' };
  }

  /**
   * Applies a batch atomically: all edits, or none and the first failure. A preview applies
   * nothing and returns the ruleset the batch would leave (what a batch being prepared sees).
   */
  apply(family: NfFamily, actions: readonly NfAction[], test = false, preview = false): NfReply {
    const work = cloneRuleset(this.rulesets[family]);
    const failure = loaded().applyBatch(work, actions);
    if (failure) return failure;
    if (preview) return { ok: true, ruleset: work };
    if (!test && actions.length > 0) {
      work.generation = this.rulesets[family].generation + 1;
      this.rulesets[family] = work;
    }
    return { ok: true, applied: actions.length };
  }

  /** Replaces both families' tables (a restored machine): rules, policies and counters. */
  restoreRulesets(saved: { ipv4: NfRuleset; ipv6: NfRuleset }): void {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const next = cloneRuleset(saved[family]);
      next.generation = Math.max(next.generation, this.rulesets[family].generation + 1);
      this.rulesets[family] = next;
    }
  }

  /** The ruleset the kernel holds now (a copy). */
  ruleset(family: NfFamily): NfRuleset {
    return cloneRuleset(this.rulesets[family]);
  }

  /**
   * Sends a packet through netfilter: counters change, the connection is tracked, and the
   * verdict names the rule or policy that decided.
   */
  evaluate(packet: NfPacket, opts: EvaluateOptions = {}): NfVerdict {
    const dry = opts.dryRun === true;
    const verdict = loaded().evaluatePacket(packet, opts.path ?? [packet.hook], {
      ruleset: dry ? cloneRuleset(this.rulesets[packet.family]) : this.rulesets[packet.family],
      conntrack: dry ? this.conntrack.clone() : this.conntrack,
      now: opts.now ?? 0,
      logs: dry ? [] : this.logs,
      recent: dry ? structuredClone(this.recent) : this.recent,
    });
    if (this.logs.length > MAX_LOG) this.logs.splice(0, this.logs.length - MAX_LOG);
    return verdict;
  }

  view(): NetfilterView {
    return {
      ipv4: cloneRuleset(this.rulesets.ipv4),
      ipv6: cloneRuleset(this.rulesets.ipv6),
      conntrack: this.conntrack.view(),
      log: this.logs.map((l) => ({ ...l, packet: { ...l.packet } })),
    };
  }
}
