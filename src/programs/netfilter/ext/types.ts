// The shape of a match or target extension (libxt_*): its options, how it parses them into its
// data, its final check, how the data becomes the stored rule part, and how a stored part is
// printed for -L ("print") and for -S/iptables-save ("save").
import type { NfFamily, NfMatch, NfTarget } from '../../../shared/services/netfilter';
import type { NetDb } from '../netdb';
import type { XtGetopt } from '../xt-getopt';

export interface XtOptDef {
  name: string;
  id: number;
  hasArg: 0 | 1 | 2;
  /** x6 option framework flags: mandatory, invertible, may repeat */
  mand?: boolean;
  invert?: boolean;
  multi?: boolean;
  /** bit set of option ids this one excludes / requires */
  excl?: number;
  also?: number;
}

/** What a parser may look at besides its own arguments. */
export interface ParseEnv {
  family: NfFamily;
  /** the rule's -p so far (cs->fw.ip.proto) and its inversion */
  proto: number;
  protoInv: boolean;
  db: NetDb;
  getopt: XtGetopt;
  /** a warning on stderr that does not stop parsing */
  warn?: (text: string) => void;
}

export interface ExtState {
  /** option bits seen so far (mflags / tflags) */
  flags: number;
}

export interface XtExtension<D> {
  name: string;
  kind: 'match' | 'target';
  /** limits the extension to one family (icmp is IPv4 only, icmp6 IPv6 only) */
  family?: NfFamily;
  /** the kernel has no module for it: loading it warns, and rules with it are refused */
  noKernel?: boolean;
  /** true for x6-style extensions: the option framework checks once/invert/argument */
  x6: boolean;
  opts: readonly XtOptDef[];
  init(env: ParseEnv): D;
  parse(opt: XtOptDef, arg: string | null, invert: boolean, data: D, st: ExtState, env: ParseEnv): void;
  final?(data: D, st: ExtState, env: ParseEnv): void;
}

export interface MatchExtension<D> extends XtExtension<D> {
  kind: 'match';
  /** the stored form after nft's translation; null when nothing of the match is left */
  build(data: D, env: ParseEnv): NfMatch | null;
}

export interface TargetExtension<D> extends XtExtension<D> {
  kind: 'target';
  build(data: D, env: ParseEnv): NfTarget;
}

/** What printing a rule part needs to know. */
export interface PrintEnv {
  family: NfFamily;
  numeric: boolean;
  /** the rule's protocol (multiport looks services up under it) */
  proto: number;
  db: NetDb;
  /** a warning on stderr while the rule is printed */
  warn?: (text: string) => void;
}

export interface MatchFormatter<M extends NfMatch = NfMatch> {
  /** the name after -m when saving */
  saveName(m: M): string;
  print(m: M, env: PrintEnv): string;
  save(m: M, env: PrintEnv): string;
}

export interface TargetFormatter<T extends NfTarget = NfTarget> {
  print(t: T, env: PrintEnv): string;
  save(t: T, env: PrintEnv): string;
}

// The extension registry holds parsers of different data types; erase D at the boundary.
export type AnyMatchExtension = MatchExtension<unknown>;
export type AnyTargetExtension = TargetExtension<unknown>;

export function eraseMatch<D>(e: MatchExtension<D>): AnyMatchExtension {
  return e as unknown as AnyMatchExtension;
}

export function eraseTarget<D>(e: TargetExtension<D>): AnyTargetExtension {
  return e as unknown as AnyTargetExtension;
}
