// -ls and -fls: findutils' list_file line (inode, 1K blocks, mode, links, owner, group,
// size, time, name), with column widths that only grow during a run.
import { humanReadable } from '../../lib/human';
import { modeString } from '../../lib/mode-string';
import { strftime } from '../../lib/strftime';
import { localZone } from '../../lib/tz';
import type { Entry, FindState } from './types';

interface Widths {
  inode: number;
  blocks: number;
  nlink: number;
  owner: number;
  group: number;
  major: number;
  minor: number;
  size: number;
}

const widths = new WeakMap<FindState, Widths>();

/** print_name_with_quoting: backslash escapes for blanks, quotes and control characters. */
function quoteName(name: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(name)) {
    const c = String.fromCharCode(b);
    const esc: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\b': '\\b', '\r': '\\r', '\t': '\\t', '\f': '\\f', ' ': '\\ ', '"': '\\"' };
    if (esc[c] !== undefined) out += esc[c];
    else if (b > 0o40 && b < 0o177) out += c;
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out;
}

const grow = (w: Widths, key: keyof Widths, text: string): void => {
  if (text.length > w[key]) w[key] = text.length;
};

export async function listLine(e: Entry, s: FindState): Promise<string> {
  let w = widths.get(s);
  if (!w) {
    w = { inode: 9, blocks: 6, nlink: 3, owner: 8, group: 8, major: 3, minor: 3, size: 8 };
    widths.set(s, w);
  }
  const st = e.st;
  const inode = String(st.ino);
  let line = inode.padStart(w.inode);
  grow(w, 'inode', inode);
  const blocks = humanReadable(st.blocks, 512, 1024);
  line += ` ${blocks.padStart(w.blocks)}`;
  grow(w, 'blocks', blocks);
  line += ` ${modeString(st.mode)} `;
  const nlink = String(st.nlink);
  line += nlink.padStart(w.nlink);
  grow(w, 'nlink', nlink);
  const user = s.acc.userName(st.uid);
  if (user !== undefined) {
    grow(w, 'owner', user);
    line += ` ${user.padEnd(w.owner)} `;
  } else {
    const t = `${String(st.uid).padEnd(8)} `;
    line += ` ${t}`;
    if (t.length > w.owner) w.owner = t.length;
  }
  const group = s.acc.groupName(st.gid);
  if (group !== undefined) {
    grow(w, 'group', group);
    line += `${group.padEnd(w.group)} `;
  } else {
    const t = String(st.gid).padEnd(w.group);
    grow(w, 'group', t);
    line += `${t} `;
  }
  if ((st.kind === 'chardev' || st.kind === 'blockdev') && st.rdev) {
    const [maj, min] = st.rdev.map(String) as [string, string];
    line += `${maj.padStart(w.major)}, ${min.padStart(w.minor)}`;
    grow(w, 'major', maj);
    grow(w, 'minor', min);
  } else {
    const size = String(st.size);
    line += size.padStart(w.size);
    grow(w, 'size', size);
  }
  const now = Math.floor(s.opts.now / 1000);
  const mtime = Math.floor(st.mtime / 1000);
  const recent = now - 6 * 30 * 24 * 60 * 60 <= mtime && mtime <= now + 60 * 60;
  s.tz ??= await localZone(s.ctx.sys);
  line += ` ${strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', st.mtime, undefined, s.tz)} `;
  line += quoteName(e.path);
  if (st.kind === 'symlink') {
    try {
      line += ` -> ${quoteName(await s.ctx.sys.readlink(e.path))}`;
    } catch (err) {
      await s.ctx.perror(err, e.path);
    }
  }
  return `${line}\n`;
}
