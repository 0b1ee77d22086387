// column (util-linux 2.38): lists laid out in columns (filled down the columns, or across
// with -x, in tab stops of 8 to the output width), or with -t a table whose columns are as
// wide as their widest cell, as libsmartcols prints it (cells of the last column unpadded
// unless right-aligned; -N names, -H hides, -R right-aligns, -O reorders, -J prints JSON).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { isUtf8Locale } from '../lib/quotearg';
import { bin, binArg, Output, readAllBin, textOf } from '../lib/textio';
import { utilLinuxHelp, utilLinuxVersion } from './common';

const HELP = utilLinuxHelp('column', ['column [options] [<file>...]'], 'Lay out lists in columns, or as a table.', [
  ' -t, --table                      print a table',
  ' -n, --table-name <name>          name of the table in JSON output',
  ' -O, --table-order <columns>      order of the output columns',
  ' -N, --table-columns <names>      names of the columns, separated by commas',
  ' -l, --table-columns-limit <num>  at most this many input columns',
  ' -E, --table-noextreme <columns>  (accepted; no effect here)',
  ' -d, --table-noheadings           leave out the header line',
  ' -e, --table-header-repeat        (accepted; no effect here)',
  ' -H, --table-hide <columns>       leave these columns out',
  ' -R, --table-right <columns>      align these columns to the right',
  ' -T, --table-truncate <columns>   (accepted; no effect here)',
  ' -W, --table-wrap <columns>       (accepted; no effect here)',
  ' -L, --keep-empty-lines           keep empty lines as empty rows',
  ' -J, --json                       print the table as JSON',
  '',
  ' -c, --output-width <width>       width of the output in characters',
  ' -o, --output-separator <string>  what goes between table columns (two spaces)',
  ' -s, --separator <string>         characters that separate input columns',
  ' -x, --fillrows                   fill rows before columns',
], 33);

const spec = {
  name: 'column',
  installPath: '/usr/bin/column',
  pkg: 'util-linux',
  options: [
    { key: 't', short: 't', long: 'table' },
    { key: 'n', short: 'n', long: 'table-name', arg: 'required' as const },
    { key: 'O', short: 'O', long: 'table-order', arg: 'required' as const },
    { key: 'N', short: 'N', long: 'table-columns', arg: 'required' as const },
    { key: 'l', short: 'l', long: 'table-columns-limit', arg: 'required' as const },
    { key: 'E', short: 'E', long: 'table-noextreme', arg: 'required' as const },
    { key: 'd', short: 'd', long: 'table-noheadings' },
    { key: 'e', short: 'e', long: 'table-header-repeat' },
    { key: 'H', short: 'H', long: 'table-hide', arg: 'required' as const },
    { key: 'R', short: 'R', long: 'table-right', arg: 'required' as const },
    { key: 'T', short: 'T', long: 'table-truncate', arg: 'required' as const },
    { key: 'W', short: 'W', long: 'table-wrap', arg: 'required' as const },
    { key: 'L', short: 'L', long: 'keep-empty-lines' },
    { key: 'J', short: 'J', long: 'json' },
    { key: 'r', short: 'r', long: 'tree', arg: 'required' as const },
    { key: 'i', short: 'i', long: 'tree-id', arg: 'required' as const },
    { key: 'p', short: 'p', long: 'tree-parent', arg: 'required' as const },
    { key: 'c', short: 'c', long: 'output-width', arg: 'required' as const },
    { key: 'o', short: 'o', long: 'output-separator', arg: 'required' as const },
    { key: 's', short: 's', long: 'separator', arg: 'required' as const },
    { key: 'x', short: 'x', long: 'fillrows' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
  ],
};

class Fail {
  constructor(readonly message: string) {}
}

function last(values: Map<string, string[]>, key: string): string | undefined {
  const v = values.get(key);
  return v?.[v.length - 1];
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.flags.has('h')) return ctx.print(HELP).then(() => 0);
    if (args.flags.has('V')) return ctx.print(`${utilLinuxVersion('column')}\n`).then(() => 0);
    const v = args.values;
    let termWidth = 80;
    const cw = last(v, 'c');
    if (cw !== undefined) {
      if (!/^\s*\d+$/.test(cw)) {
        await ctx.error(`invalid columns argument: '${cw}'`);
        return 1;
      }
      termWidth = Number(cw);
    } else {
      const env = Number(ctx.env.get('COLUMNS'));
      if (Number.isInteger(env) && env > 0) termWidth = env;
    }
    const json = args.flags.has('J');
    const table = args.flags.has('t') || json;
    let limit = 0;
    const lv = last(v, 'l');
    if (lv !== undefined) {
      if (!/^\s*\d+$/.test(lv)) {
        await ctx.error(`invalid columns limit argument: '${lv}'`);
        return 1;
      }
      limit = Number(lv);
    }
    const names = last(v, 'N')?.split(',');
    if (last(v, 'r') !== undefined && (last(v, 'i') === undefined || last(v, 'p') === undefined)) {
      await ctx.error('options --tree-id and --tree-parent are required for tree formatting');
      return 1;
    }
    if (json && !names) {
      await ctx.error('option --table-columns required for --json');
      return 1;
    }
    const utf8 = isUtf8Locale(ctx.env);
    // every line of every input
    const lines: string[] = [];
    let ok = true;
    for (const file of args.operands.length ? args.operands : ['-']) {
      let fd = 0;
      try {
        if (file !== '-') fd = await ctx.sys.open(file, { read: true });
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${file}: ${strerror(e.errno)}`);
        ok = false;
        continue;
      }
      // a file that opens but cannot be read (a directory) ends the run before any output
      try {
        const text = await readAllBin(ctx, fd);
        const ls = text.split('\n');
        if (ls[ls.length - 1] === '') ls.pop();
        for (const l of ls) lines.push(l);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`read failed: ${strerror(e.errno)}`);
        return 1;
      } finally {
        if (fd !== 0) ctx.sys.close(fd);
      }
    }
    const width = (s: string): number => (utf8 && /[\x80-\xff]/.test(s) ? Array.from(textOf(s)).length : s.length);
    const out = new Output(ctx);
    try {
      if (table) {
        const rows = splitRows(lines, last(v, 's'), limit, args.flags.has('L'));
        await printTable(out, rows, {
          names,
          sep: binArg(last(v, 'o') ?? '  '),
          headings: !args.flags.has('d'),
          hide: last(v, 'H'),
          right: last(v, 'R'),
          order: last(v, 'O'),
          json: json ? (last(v, 'n') ?? 'table') : undefined,
          tree: last(v, 'r') !== undefined ? { col: last(v, 'r')!, id: last(v, 'i')!, parent: last(v, 'p')! } : undefined,
          named: [last(v, 'T'), last(v, 'E'), last(v, 'W')],
          width,
        });
      } else {
        const ents = lines.filter((l) => l !== '');
        fill(out, ents, termWidth, args.flags.has('x'), width);
      }
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      await out.flush();
      await ctx.error(e.message);
      return 1;
    }
    return out.finish(ok ? 0 : 1);
  },
});

/** Lists: columns of tab stops, each as wide as the longest entry rounded up to the next stop. */
function fill(out: Output, ents: string[], termWidth: number, rows: boolean, width: (s: string) => number): void {
  if (ents.length === 0) return;
  const maxLen = Math.max(...ents.map(width));
  if (maxLen >= termWidth) {
    for (const e of ents) out.push(`${e}\n`);
    return;
  }
  const colWidth = (maxLen + 8) & ~7;
  const numCols = Math.max(1, Math.floor(termWidth / colWidth));
  const tabsTo = (chcnt: number, endcol: number): [string, number] => {
    let s = '';
    for (let next = (chcnt + 8) & ~7; next <= endcol; next = (chcnt + 8) & ~7) {
      s += '\t';
      chcnt = next;
    }
    return [s, chcnt];
  };
  if (rows) {
    let col = 0;
    let chcnt = 0;
    let endcol = colWidth;
    let line = '';
    for (let i = 0; i < ents.length; i++) {
      line += ents[i]!;
      chcnt += width(ents[i]!);
      if (i === ents.length - 1) break;
      if (++col === numCols) {
        out.push(`${line}\n`);
        line = '';
        chcnt = col = 0;
        endcol = colWidth;
      } else {
        const [tabs, c] = tabsTo(chcnt, endcol);
        line += tabs;
        chcnt = c;
        endcol += colWidth;
      }
    }
    out.push(`${line}\n`);
    return;
  }
  const numRows = Math.ceil(ents.length / numCols);
  for (let row = 0; row < numRows; row++) {
    let line = '';
    let chcnt = 0;
    let endcol = colWidth;
    for (let base = row; ; ) {
      line += ents[base]!;
      chcnt += width(ents[base]!);
      base += numRows;
      if (base >= ents.length) break;
      const [tabs, c] = tabsTo(chcnt, endcol);
      line += tabs;
      chcnt = c;
      endcol += colWidth;
    }
    out.push(`${line}\n`);
  }
}

/** Cells of each line: split at runs of blanks, or at every one of the -s characters. */
function splitRows(lines: string[], sepChars: string | undefined, limit: number, keepEmpty: boolean): string[][] {
  const rows: string[][] = [];
  const seps = sepChars === undefined ? undefined : new Set(binArg(sepChars));
  for (const line of lines) {
    if (line === '' || (seps === undefined && /^[ \t]*$/.test(line))) {
      if (keepEmpty) rows.push([]);
      continue;
    }
    const cells: string[] = [];
    if (seps === undefined) {
      let i = 0;
      while (i < line.length) {
        // the last cell allowed by -l is the rest after the one blank that ended the cell before
        if (limit > 0 && cells.length === limit - 1 && cells.length > 0) {
          cells.push(line.slice(i + 1));
          break;
        }
        while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
        if (i >= line.length) break;
        if (limit > 0 && cells.length === limit - 1) {
          cells.push(line.slice(i));
          break;
        }
        let j = i;
        while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
        cells.push(line.slice(i, j));
        i = j;
      }
    } else {
      let start = 0;
      for (let i = 0; i <= line.length; i++) {
        if (i < line.length && !seps.has(line[i]!)) continue;
        if (limit > 0 && cells.length === limit - 1) {
          cells.push(line.slice(start));
          break;
        }
        cells.push(line.slice(start, i));
        start = i + 1;
      }
    }
    rows.push(cells);
  }
  return rows;
}

interface TableOpts {
  names: string[] | undefined;
  sep: string;
  headings: boolean;
  hide: string | undefined;
  right: string | undefined;
  order: string | undefined;
  json: string | undefined;
  /** --tree COLUMN --tree-id COLUMN --tree-parent COLUMN. */
  tree: { col: string; id: string; parent: string } | undefined;
  /** --table-truncate, --table-noextreme and --table-wrap: their columns must exist too. */
  named: (string | undefined)[];
  width: (s: string) => number;
}

interface TreeNode {
  row: string[];
  children: TreeNode[];
}

/**
 * The rows as a forest: a row whose parent value is another row's id hangs below that row;
 * the others are roots. Both keep the input order.
 */
function forest(rows: string[][], idCol: number, parentCol: number): TreeNode[] {
  const nodes = rows.map((row) => ({ row, children: [] as TreeNode[] }));
  const byId = new Map<string, TreeNode>();
  for (const n of nodes) if (!byId.has(n.row[idCol] ?? '')) byId.set(n.row[idCol] ?? '', n);
  const roots: TreeNode[] = [];
  for (const n of nodes) {
    const parent = byId.get(n.row[parentCol] ?? '');
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

/** The rows in tree order, the tree column drawn with libsmartcols' ASCII branches. */
function treeRows(roots: TreeNode[], col: number): string[][] {
  const out: string[][] = [];
  const walk = (list: TreeNode[], lead: string, depth: number): void => {
    list.forEach((n, i) => {
      const lastChild = i === list.length - 1;
      const row = [...n.row];
      row[col] = depth === 0 ? (row[col] ?? '') : `${lead}${lastChild ? '`-' : '|-'}${row[col] ?? ''}`;
      out.push(row);
      walk(n.children, depth === 0 ? '' : `${lead}${lastChild ? '  ' : '| '}`, depth + 1);
    });
  };
  walk(roots, '', 0);
  return out;
}

/** Column numbers (0-based) named by a list of names or 1-based numbers. */
function columnsOf(list: string | undefined, names: string[], count: number): number[] {
  if (list === undefined) return [];
  // "0" alone stands for every column
  if (list === '0') return Array.from({ length: count }, (_, i) => i);
  const out: number[] = [];
  for (const word of list.split(',')) {
    const byName = names.indexOf(word);
    if (byName >= 0) out.push(byName);
    else if (/^\d+$/.test(word)) {
      const n = Number(word);
      if (n >= 1 && n <= count) out.push(n - 1);
    } else throw new Fail(`undefined column name '${word}'`);
  }
  return out;
}

const jsonString = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  `"${s.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\x00-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;

/** libsmartcols writes the table and column names of JSON output in lower case (ASCII only, tolower in the C locale). */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

async function printTable(out: Output, rowsIn: string[][], o: TableOpts): Promise<void> {
  let rows = rowsIn;
  const names = o.names ?? [];
  const count = Math.max(names.length, ...rows.map((r) => r.length));
  if (count === 0) return;
  const hidden = new Set(columnsOf(o.hide, names, count));
  const right = new Set(columnsOf(o.right, names, count));
  for (const list of o.named) columnsOf(list, names, count);
  const first = columnsOf(o.order, names, count);
  const order = [...new Set([...first, ...Array.from({ length: count }, (_, i) => i)])].filter((c) => !hidden.has(c));
  let roots: TreeNode[] | undefined;
  if (o.tree) {
    const [col] = columnsOf(o.tree.col, names, count);
    const [id] = columnsOf(o.tree.id, names, count);
    const [parent] = columnsOf(o.tree.parent, names, count);
    roots = forest(rows, id!, parent!);
    if (o.json === undefined) rows = treeRows(roots, col!);
  }
  if (o.json !== undefined) {
    for (let c = 0; c < count; c++) {
      if (names[c] === undefined || names[c] === '') throw new Fail(`line ${rows.length}: for JSON the name of the column ${c + 1} is required`);
    }
    // objects in an array, nested "children" arrays for a tree
    const objects = (list: TreeNode[], indent: string): string => {
      let s = '';
      list.forEach((n, r) => {
        s += r === 0 ? `\n${indent}{` : '},{';
        s += order.map((c) => `\n${indent}   ${jsonString(asciiLower(names[c]!))}: ${n.row[c] === undefined ? 'null' : jsonString(n.row[c]!)}`).join(',');
        if (n.children.length) s += `,\n${indent}   "children": [${objects(n.children, `${indent}      `)}}\n${indent}   ]`;
        s += `\n${indent}`;
      });
      return s;
    };
    const list = roots ?? rows.map((row) => ({ row, children: [] }));
    let s = `{\n   ${jsonString(asciiLower(o.json))}: [${objects(list, '      ')}`;
    s += list.length ? '}\n   ]\n}\n' : ']\n}\n';
    out.push(s);
    return;
  }
  const all = o.names && o.headings ? [names, ...rows] : rows;
  const widths = new Array<number>(count).fill(0);
  for (const row of all) for (let c = 0; c < count; c++) widths[c] = Math.max(widths[c]!, o.width(row[c] ?? ''));
  const lastCol = order[order.length - 1];
  for (const row of all) {
    let line = '';
    order.forEach((c, i) => {
      const cell = row[c] ?? '';
      const pad = ' '.repeat(widths[c]! - o.width(cell));
      if (right.has(c)) line += pad + cell;
      else line += c === lastCol ? cell : cell + pad;
      if (i < order.length - 1) line += o.sep;
    });
    out.push(`${line}\n`);
  }
}
