// /proc/net/fib_trie: each IPv4 routing table's LC-trie (net/ipv4/fib_trie.c), kept here by
// inserting and removing prefixes the way fib_insert_node and fib_remove_alias do, with the
// same resize rules (inflate at 50% fill, 30% for the root; halve below 25%, 15% for the root;
// collapse a node with one child), and printed as fib_trie_seq_show prints it.
import { RTN, TABLE, type RouteMsg } from '../../shared/services/net';
import { addrBytes } from './hex';

interface Alias { id: string; r: RouteMsg }
interface Leaf { leaf: true; key: number; parent: Parent; aliases: Alias[] }
interface TNode { leaf: false; key: number; pos: number; bits: number; children: (Node | null)[]; full: number; empty: number; parent: Parent }
interface Root { root: true; child: Node | null }
type Node = Leaf | TNode;
type Parent = TNode | Root;

const isRoot = (p: Parent): p is Root => 'root' in p;
const keyOf = (r: RouteMsg): number => addrBytes(r.dst, 4).reduce((a, b) => a * 256 + b, 0);
/** __fls: the highest set bit. */
const fls = (x: number): number => 31 - Math.clz32(x);

function tnodeNew(key: number, pos: number, bits: number, parent: Parent): TNode {
  const shift = pos + bits;
  return { leaf: false, key: shift < 32 ? (Math.floor(key / 2 ** shift) * 2 ** shift) >>> 0 : 0, pos, bits, children: new Array<Node | null>(2 ** bits).fill(null), full: 0, empty: 2 ** bits, parent };
}

function index(key: number, p: Parent): number {
  return isRoot(p) ? 0 : Math.floor(((key ^ p.key) >>> 0) / 2 ** p.pos);
}

const full = (tn: TNode, n: Node | null): boolean => !!n && !n.leaf && n.pos + n.bits === tn.pos;

function putChild(tn: TNode, i: number, n: Node | null): void {
  const chi = tn.children[i] ?? null;
  if (!n && chi) tn.empty++;
  if (n && !chi) tn.empty--;
  const was = full(tn, chi);
  const is = full(tn, n);
  if (was && !is) tn.full--;
  else if (!was && is) tn.full++;
  tn.children[i] = n;
}

function putChildRoot(tp: Parent, key: number, n: Node | null): void {
  if (isRoot(tp)) tp.child = n;
  else putChild(tp, index(key, tp), n);
}

function childOf(tp: Parent, i: number): Node | null {
  return isRoot(tp) ? tp.child : tp.children[i] ?? null;
}

function updateChildren(tn: TNode): void {
  for (let i = tn.children.length; i;) {
    const n = tn.children[--i];
    if (!n) continue;
    if (n.parent === tn && !n.leaf) updateChildren(n);
    else n.parent = tn;
  }
}

function replace(old: TNode, tn: TNode): Parent {
  const tp = old.parent;
  tn.parent = tp;
  putChildRoot(tp, tn.key, tn);
  updateChildren(tn);
  let cur: Parent = tn;
  for (let i = tn.children.length; i;) {
    const n = (cur as TNode).children[--i] ?? null;
    if (!isRoot(cur) && full(cur, n)) cur = resize(n as TNode);
  }
  return tp;
}

function inflate(old: TNode): Parent {
  const tn = tnodeNew(old.key, old.pos - 1, old.bits + 1, old.parent);
  const m = 2 ** tn.pos;
  for (let i = old.children.length; i;) {
    const inode = old.children[--i];
    if (!inode) continue;
    if (!full(old, inode)) {
      putChild(tn, index(inode.key, tn), inode);
      continue;
    }
    const t = inode as TNode;
    if (t.bits === 1) {
      putChild(tn, 2 * i + 1, t.children[1] ?? null);
      putChild(tn, 2 * i, t.children[0] ?? null);
      continue;
    }
    const node1 = tnodeNew((t.key + m) >>> 0, t.pos, t.bits - 1, tn);
    const node0 = tnodeNew(t.key, t.pos, t.bits - 1, tn);
    for (let k = t.children.length, j = k / 2; j;) {
      putChild(node1, --j, t.children[--k] ?? null);
      putChild(node0, j, t.children[j] ?? null);
      putChild(node1, --j, t.children[--k] ?? null);
      putChild(node0, j, t.children[j] ?? null);
    }
    putChild(tn, 2 * i + 1, node1);
    putChild(tn, 2 * i, node0);
  }
  return replace(old, tn);
}

function halve(old: TNode): Parent {
  const tn = tnodeNew(old.key, old.pos + 1, old.bits - 1, old.parent);
  for (let i = old.children.length; i;) {
    const node1 = old.children[--i] ?? null;
    const node0 = old.children[--i] ?? null;
    if (!node1 || !node0) {
      putChild(tn, i / 2, node1 ?? node0);
      continue;
    }
    const inode = tnodeNew(node0.key, old.pos, 1, tn);
    putChild(inode, 1, node1);
    putChild(inode, 0, node0);
    putChild(tn, i / 2, inode);
  }
  return replace(old, tn);
}

function collapse(old: TNode): Parent {
  let n: Node | null = null;
  for (let i = old.children.length; !n && i;) n = old.children[--i] ?? null;
  const tp = old.parent;
  putChildRoot(tp, old.key, n);
  if (n) n.parent = tp;
  return tp;
}

function shouldInflate(tp: Parent, tn: TNode): boolean {
  const len = tn.children.length;
  const used = len - tn.empty + tn.full;
  return used > 1 && tn.pos > 0 && 50 * used >= len * (isRoot(tp) ? 30 : 50);
}

function shouldHalve(tp: Parent, tn: TNode): boolean {
  const len = tn.children.length;
  const used = len - tn.empty;
  return used > 1 && tn.bits > 1 && 100 * used < len * (isRoot(tp) ? 15 : 25);
}

function resize(tn: TNode): Parent {
  let tp = tn.parent;
  const cindex = index(tn.key, tp);
  const MAX_WORK = 10;
  let work = MAX_WORK;
  while (shouldInflate(tp, tn) && work) {
    tp = inflate(tn);
    work--;
    tn = childOf(tp, cindex) as TNode;
  }
  tp = tn.parent;
  if (work !== MAX_WORK) return tp;
  while (shouldHalve(tp, tn) && work) {
    tp = halve(tn);
    work--;
    tn = childOf(tp, cindex) as TNode;
  }
  if (tn.children.length - tn.empty < 2) return collapse(tn);
  return tn.parent;
}

/** fib_find_node: the leaf holding `key`, or the tnode (or root) the search ended in. */
function find(root: Root, key: number): { tp: Parent; leaf?: Leaf } {
  let tp: Parent = root;
  let n: Node | null = root.child;
  while (n) {
    const i = Math.floor(((key ^ n.key) >>> 0) / 2 ** (n.leaf ? 0 : n.pos));
    if (i >= 2 ** (n.leaf ? 0 : n.bits)) break;
    if (n.leaf) return { tp, leaf: n };
    tp = n;
    n = n.children[i] ?? null;
  }
  return { tp };
}

/** fib_table_insert: a new prefix address becomes a leaf (a known one gains an alias). */
function insert(root: Root, alias: Alias): void {
  const key = keyOf(alias.r);
  const found = find(root, key);
  if (found.leaf) {
    found.leaf.aliases.push(alias);
    return;
  }
  let tp = found.tp;
  const l: Leaf = { leaf: true, key, parent: tp, aliases: [alias] };
  const other = childOf(tp, index(key, tp));
  if (other) {
    const tn = tnodeNew(key, fls((key ^ other.key) >>> 0), 1, tp);
    putChild(tn, index(key, tn) ^ 1, other);
    putChildRoot(tp, key, tn);
    other.parent = tn;
    tp = tn;
  }
  l.parent = tp;
  putChildRoot(tp, key, l);
  rebalance(tp);
}

function rebalance(tn: Parent): void {
  let cur = tn;
  while (!isRoot(cur)) cur = resize(cur);
}

/** fib_remove_alias: an emptied leaf leaves the trie, which is rebalanced from its parent. */
function remove(root: Root, alias: Alias): void {
  const { leaf } = find(root, keyOf(alias.r));
  if (!leaf) return;
  leaf.aliases = leaf.aliases.filter((a) => a.id !== alias.id);
  if (leaf.aliases.length) return;
  const tp = leaf.parent;
  putChildRoot(tp, leaf.key, null);
  rebalance(tp);
}

const SCOPES: Record<number, string> = { 0: 'universe', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' };
const TYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];
const dotted = (k: number): string => [24, 16, 8, 0].map((s) => (k >>> s) & 255).join('.');

/** fib_trie_seq_show over one trie: tnodes as "+-- prefix/len bits full empty", leaves with their aliases. */
function print(root: Root): string {
  let out = '';
  const indent = (n: number): string => '   '.repeat(Math.max(0, n));
  const walk = (n: Node, depth: number): void => {
    if (n.leaf) {
      out += `${indent(depth)}  |-- ${dotted(n.key)}\n`;
      // a leaf keeps its aliases longest prefix first, then by table (local before main)
      const aliases = n.aliases.map(({ r }, i) => ({ a: r, i })).sort((x, y) => y.a.dstLen - x.a.dstLen || y.a.table - x.a.table || x.i - y.i);
      for (const { a } of aliases) {
        out += `${indent(depth + 1)}  /${a.dstLen} ${SCOPES[a.scope] ?? `scope=${a.scope}`} ${TYPES[a.type] ?? `type ${a.type}`}${a.tos ? ` tos=${a.tos}` : ''}\n`;
      }
      return;
    }
    out += `${indent(depth - 1)}  +-- ${dotted(n.key)}/${32 - n.pos - n.bits} ${n.bits} ${n.full} ${n.empty}\n`;
    // a leaf is indented by its tnode's depth, a tnode one level deeper than its parent
    for (const c of n.children) if (c) walk(c, c.leaf ? depth : depth + 1);
  };
  if (root.child) walk(root.child, root.child.leaf ? 0 : 1);
  return out;
}

/** What tells one route (fib_alias) from another. */
const aliasId = (r: RouteMsg): string => [r.table, r.dst, r.dstLen, r.tos, r.priority, r.type, r.scope, r.gateway, r.oif, r.multipath?.map((h) => `${h.gateway}@${h.oif}`).join(',')].join('|');

/**
 * One machine's tries, kept in step with its routes change by change (a trie only halves
 * below a quarter full, so its shape remembers routes that are gone). Main and local share one
 * trie until a policy rule was added (fib_unmerge); every other table has its own.
 */
export class FibTries {
  private readonly tries = new Map<number, Root>();
  private readonly known = new Map<string, Alias>();
  private merged = true;

  private trie(table: number): Root {
    const id = this.merged && table === TABLE.LOCAL ? TABLE.MAIN : table;
    let t = this.tries.get(id);
    if (!t) {
      t = { root: true, child: null };
      this.tries.set(id, t);
    }
    return t;
  }

  /** Applies the difference from the routes last seen: new routes first, then the gone ones. */
  sync(routes: RouteMsg[], merged: boolean): void {
    if (this.merged && !merged) {
      // fib_unmerge: a clean local trie from local's routes, and main keeps only its own
      this.merged = false;
      const locals = [...this.known.values()].filter((a) => a.r.table === TABLE.LOCAL).sort((a, b) => keyOf(a.r) - keyOf(b.r));
      const main = this.trie(TABLE.MAIN);
      for (const a of locals) insert(this.trie(TABLE.LOCAL), a);
      for (const a of locals) remove(main, a);
    }
    const now = new Map<string, RouteMsg>();
    for (const r of routes) if (r.type !== RTN.UNSPEC) now.set(aliasId(r), r);
    for (const [id, r] of now) {
      if (this.known.has(id)) continue;
      const a = { id, r };
      this.known.set(id, a);
      insert(this.trie(r.table), a);
    }
    for (const [id, a] of this.known) {
      if (now.has(id)) continue;
      this.known.delete(id);
      remove(this.trie(a.r.table), a);
    }
  }

  /** fib_trie: every table by hash bucket (id & 255); while merged, Local shows main's trie. */
  text(): string {
    const ids = [...new Set([TABLE.MAIN, TABLE.LOCAL, ...this.tries.keys()])].sort((a, b) => (a & 255) - (b & 255) || a - b);
    return ids.map((t) => `${t === TABLE.LOCAL ? 'Local' : t === TABLE.MAIN ? 'Main' : `Id ${t}`}:\n${print(this.trie(t))}`).join('');
  }
}
