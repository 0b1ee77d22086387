// namei (util-linux 2.38): follows a pathname one component at a time, symbolic links
// included (each link's target listed below it, indented), until it ends or fails.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { modeString } from '../lib/mode-string';
import { shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 namei [options] <pathname>...

List each component of a pathname, following symbolic links, until the end is reached.

Options:
 -x, --mountpoints   mark directories where a filesystem is mounted with 'D'
 -m, --modes         show each component's mode bits
 -o, --owners        show each component's owner and group
 -l, --long          the same as -m -o -v
 -n, --nosymlinks    do not follow symbolic links
 -v, --vertical      line the modes and owners up in columns
 -h, --help          display this help
 -V, --version       display version

For more details see namei(1).
`;

// <sys/param.h> defines MAXSYMLINKS as 20, which wins over namei.c's fallback of 256
const MAXSYMLINKS = 20;

interface Item {
  name: string;
  level: number;
  st?: Stat;
  noent?: Errno;
  abslink?: string;
  relstart: number;
  mountpoint: boolean;
}

interface Flags {
  modes: boolean;
  owners: boolean;
  vertical: boolean;
  mnts: boolean;
  nolinks: boolean;
}

class Namei {
  readonly users = new Map<number, string>();
  readonly groups = new Map<number, string>();
  uwidth = 0;
  gwidth = 0;

  constructor(private readonly sys: Sys, private readonly acc: Accounts, private readonly f: Flags) {}

  private addIds(st: Stat): void {
    if (!this.users.has(st.uid)) {
      const n = this.acc.userName(st.uid) ?? String(st.uid);
      this.users.set(st.uid, n);
      this.uwidth = Math.max(this.uwidth, n.length);
    }
    if (!this.groups.has(st.gid)) {
      const n = this.acc.groupName(st.gid) ?? String(st.gid);
      this.groups.set(st.gid, n);
      this.gwidth = Math.max(this.gwidth, n.length);
    }
  }

  private async item(parent: Item | undefined, path: string, name: string, level: number): Promise<Item> {
    const it: Item = { name, level, relstart: 0, mountpoint: false };
    try {
      it.st = await this.sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      it.noent = e.errno;
      return it;
    }
    if (it.st.kind === 'symlink') {
      const target = await this.sys.readlink(path);
      const slash = path.lastIndexOf('/');
      if (!target.startsWith('/') && slash >= 0) {
        it.relstart = slash + 1;
        it.abslink = `${path.slice(0, slash)}/${target}`;
      } else it.abslink = target;
    }
    if (this.f.owners) this.addIds(it.st);
    if (this.f.mnts && it.st.kind === 'dir') {
      let sb: Stat | undefined;
      if (parent?.st?.kind === 'dir') sb = parent.st;
      else if (!parent || parent.st?.kind === 'symlink') sb = await this.sys.stat(`${path}/..`);
      if (sb && (sb.dev !== it.st.dev || sb.ino === it.st.ino)) it.mountpoint = true;
    }
    return it;
  }

  /** The components of `orgpath` from `start`, at `level`. */
  async add(parent: Item | undefined, orgpath: string, start: number): Promise<Item[]> {
    const level = parent ? parent.level + 1 : 0;
    const items: Item[] = [];
    let prev = parent;
    let i = start;
    if (orgpath[i] === '/') {
      while (orgpath[i] === '/') i++;
      prev = await this.item(prev, '/', '/', level);
      items.push(prev);
    }
    while (i < orgpath.length) {
      let end = orgpath.indexOf('/', i);
      if (end < 0) end = orgpath.length;
      prev = await this.item(prev, orgpath.slice(0, end), orgpath.slice(i, end), level);
      items.push(prev);
      i = end;
      while (orgpath[i] === '/') i++;
    }
    return items;
  }

  /** Expands each symbolic link in place; false when there were too many. */
  async follow(list: Item[]): Promise<boolean> {
    let count = 0;
    for (let k = 0; k < list.length; k++) {
      const it = list[k]!;
      if (it.noent || it.st?.kind !== 'symlink') continue;
      if (++count > MAXSYMLINKS) {
        list.length = k + 1;
        return false;
      }
      list.splice(k + 1, 0, ...(await this.add(it, it.abslink!, it.relstart)));
      await this.sys.tick();
    }
    return true;
  }

  print(list: Item[], path: string): { text: string; ok: boolean } {
    let out = `f: ${path}\n`;
    for (const it of list) {
      if (it.noent) {
        let blanks = 1;
        if (this.f.modes) blanks += 9;
        if (this.f.owners) blanks += this.uwidth + this.gwidth + 2;
        if (!this.f.vertical) blanks += 1;
        blanks += it.level * 2;
        out += `${' '.repeat(blanks)} ${it.name} - ${strerror(it.noent)}\n`;
        return { text: out, ok: false };
      }
      const st = it.st!;
      let md = modeString(st.mode);
      if (it.mountpoint) md = `D${md.slice(1)}`;
      if (!this.f.vertical) out += '  '.repeat(it.level) + ' ';
      out += this.f.modes ? md : md[0]!;
      if (this.f.owners) out += ` ${this.users.get(st.uid)!.padEnd(this.uwidth)} ${this.groups.get(st.gid)!.padEnd(this.gwidth)}`;
      if (this.f.vertical) out += '  '.repeat(it.level);
      out += st.kind === 'symlink' ? ` ${it.name} -> ${it.abslink!.slice(it.relstart)}\n` : ` ${it.name}\n`;
    }
    return { text: out, ok: true };
  }
}

export default defineProgram({
  name: 'namei',
  installPath: '/usr/bin/namei',
  pkg: 'util-linux',
  options: [
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'x', short: 'x', long: 'mountpoints' },
    { key: 'm', short: 'm', long: 'modes' },
    { key: 'o', short: 'o', long: 'owners' },
    { key: 'l', short: 'l', long: 'long' },
    { key: 'n', short: 'n', long: 'nolinks' },
    { key: 'v', short: 'v', long: 'vertical' },
  ],
  async main(ctx, args) {
    const f: Flags = { modes: false, owners: false, vertical: false, mnts: false, nolinks: false };
    for (const { key } of args.order) {
      if (key === 'l') f.owners = f.modes = f.vertical = true;
      else if (key === 'm') f.modes = true;
      else if (key === 'n') f.nolinks = true;
      else if (key === 'o') f.owners = true;
      else if (key === 'x') f.mnts = true;
      else if (key === 'v') f.vertical = true;
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
      else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
    }
    if (args.operands.length === 0) {
      await warnx(ctx, 'pathname argument is missing');
      return tryHelp(ctx);
    }
    const sys = ctx.sys;
    const n = new Namei(sys, await Accounts.load(sys), f);
    let rc = 0;
    for (const path of args.operands) {
      try {
        await sys.stat(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        rc = 1;
      }
      const list = await n.add(undefined, path, 0);
      if (list.length === 0) continue;
      const ok = f.nolinks ? true : await n.follow(list);
      const printed = n.print(list, path);
      await ctx.print(printed.text);
      if (!printed.ok) {
        rc = 1;
        continue;
      }
      if (!ok) {
        rc = 1;
        await ctx.flush();
        await warnx(ctx, `${path}: exceeded limit of symlinks`);
      }
    }
    return rc;
  },
});
