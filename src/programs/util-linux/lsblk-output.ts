// lsblk's output forms (util-linux 2.38, libsmartcols): the tree, the list (-l), raw (-r),
// KEY="value" pairs (-P) and JSON (-J, nested "children" in tree mode), sorted by -x COLUMN.

export interface LsblkNode {
  /** The cells by column name; NAME without the tree's branch. */
  cells: Record<string, string>;
  /** Sizes in bytes, for sorting by -x and the JSON numbers of -b. */
  bytes: Record<string, number>;
  kids: LsblkNode[];
}

export interface LsblkForm {
  cols: string[];
  tree: boolean;
  raw: boolean;
  pairs: boolean;
  json: boolean;
  noheadings: boolean;
  bytes: boolean;
  sort?: string;
}

const RIGHT = new Set(['RM', 'SIZE', 'RO', 'FSAVAIL', 'FSUSE%', 'MAJ:MIN', 'FSSIZE', 'FSUSED']);
const BOOLEAN = new Set(['RM', 'RO', 'ROTA', 'RAND', 'HOTPLUG', 'DISC-ZERO', 'DAX']);
const SIZES = new Set(['SIZE', 'FSAVAIL', 'FSSIZE', 'FSUSED']);
const HINT: Record<string, number> = { 'MAJ:MIN': 7, RM: 2, SIZE: 5, RO: 2, TYPE: 4, FSAVAIL: 5, 'FSUSE%': 3 };

/** libsmartcols' encoding for raw and pairs output: blanks, quotes, backslashes and controls as \xHH. */
function encode(s: string, quote: boolean): string {
  // eslint-disable-next-line no-control-regex
  const re = quote ? /[\x00-\x1f"\\\x7f]/g : /[\x00-\x20\\\x7f]/g;
  return s.replace(re, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function jsonValue(col: string, n: LsblkNode, bytes: boolean, indent: string): string {
  const v = n.cells[col] ?? '';
  if (col === 'MOUNTPOINTS') return `[\n${indent}    ${v === '' ? 'null' : JSON.stringify(v)}\n${indent}]`;
  if (BOOLEAN.has(col)) return v === '1' ? 'true' : 'false';
  if (bytes && SIZES.has(col) && v !== '') return v;
  return v === '' ? 'null' : JSON.stringify(v);
}

function json(nodes: LsblkNode[], f: LsblkForm, depth: number): string {
  const pad = ' '.repeat(depth);
  const field = ' '.repeat(depth + 3);
  return nodes
    .map((n) => {
      const fields = f.cols.map((c) => `${field}${JSON.stringify(c.toLowerCase())}: ${jsonValue(c, n, f.bytes, field)}`);
      if (f.tree && n.kids.length > 0) fields.push(`${field}"children": [\n${json(n.kids, f, depth + 6)}\n${field}]`);
      return `${pad}{\n${fields.join(',\n')}\n${pad}}`;
    })
    .join(',')
    .replace(new RegExp(`\\n${pad}\\},${pad}\\{`, 'g'), `\n${pad}},{`);
}

/** The devices in the form asked for. */
export function lsblkPrint(roots: LsblkNode[], f: LsblkForm): string {
  let list: { n: LsblkNode; branch: string }[] = [];
  const walk = (n: LsblkNode, prefix: string, last: boolean, depth: number): void => {
    list.push({ n, branch: depth === 0 || !f.tree ? '' : `${prefix}${last ? '`-' : '|-'}` });
    n.kids.forEach((k, i) => walk(k, depth === 0 ? '' : `${prefix}${last ? '  ' : '| '}`, i === n.kids.length - 1, depth + 1));
  };
  roots.forEach((r, i) => walk(r, '', i === roots.length - 1, 0));
  if (f.sort !== undefined) {
    const key = f.sort;
    list = [...list].sort((a, b) => (SIZES.has(key) ? (a.n.bytes[key] ?? 0) - (b.n.bytes[key] ?? 0) : (a.n.cells[key] ?? '') < (b.n.cells[key] ?? '') ? -1 : (a.n.cells[key] ?? '') > (b.n.cells[key] ?? '') ? 1 : 0));
  }
  if (f.json) {
    const top = f.tree ? roots : list.map((x) => x.n);
    return `{\n   "blockdevices": [\n${json(top, f, 6)}\n   ]\n}\n`;
  }
  const cell = (x: { n: LsblkNode; branch: string }, c: string): string => (c === 'NAME' ? x.branch : '') + (x.n.cells[c] ?? '');
  if (f.pairs) return list.map((x) => `${f.cols.map((c) => `${c}="${encode(x.n.cells[c] ?? '', true)}"`).join(' ')}\n`).join('');
  if (f.raw) {
    const lines = list.map((x) => f.cols.map((c) => encode(x.n.cells[c] ?? '', false)).join(' '));
    return [...(f.noheadings ? [] : [f.cols.map((c) => encode(c, false)).join(' ')]), ...lines].map((l) => `${l}\n`).join('');
  }
  const rows = list.map((x) => f.cols.map((c) => cell(x, c)));
  const all = f.noheadings ? rows : [f.cols, ...rows];
  // libsmartcols widths: the widest cell, at least the column's hint
  const widths = f.cols.map((c, i) => Math.max(HINT[c] ?? 0, ...all.map((r) => r[i]!.length)));
  return all
    .map((r, ri) =>
      r
        .map((v, i) => {
          const c = f.cols[i]!;
          if (i === r.length - 1) return RIGHT.has(c) ? v.padStart(widths[i]!) : v;
          if (c === 'MAJ:MIN' && !(ri === 0 && !f.noheadings)) {
            const [a, b] = v.split(':');
            return `${a!.padStart(3)}:${b!.padEnd(3)}`.padEnd(widths[i]!);
          }
          return RIGHT.has(c) && c !== 'MAJ:MIN' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!);
        })
        .join(' '),
    )
    .map((l) => `${l}\n`)
    .join('');
}
