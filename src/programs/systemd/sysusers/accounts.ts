// What systemd-sysusers 252 does with the lines it read: the groups first (the g lines, then the
// groups m lines name that nothing defines), then the users (each with its own group unless
// "UID:GROUP" names one), IDs allocated downwards from 999 (or the r ranges), members added;
// passwd, group, shadow and gshadow below the root are rewritten (the old file kept as NAME-).
import { strerror, type Errno } from '../../../shared/errno';
import { localeIsUtf8 } from '../../../shared/systemd/glyphs';
import type { Ctx } from '../../lib/context';
import type { GroupItem, SysusersConfig, UserItem } from './config';

interface Db {
  /** The file's lines, as they are. */
  lines: string[];
  existed: boolean;
  changed: boolean;
}

const FILES = ['group', 'gshadow', 'passwd', 'shadow'] as const;
type FileName = (typeof FILES)[number];

export class AccountsWriter {
  private readonly db = new Map<FileName, Db>();
  private readonly uids = new Map<number, string>();
  private readonly gids = new Map<number, string>();
  private readonly userNames = new Map<string, number>();
  private readonly groupNames = new Map<string, number>();
  private next = new Map<number, number>();

  constructor(
    readonly ctx: Ctx,
    readonly root: string,
    readonly config: SysusersConfig,
  ) {}

  private async log(msg: string): Promise<void> {
    await this.ctx.err.write(`${msg}\n`);
  }

  async load(): Promise<void> {
    for (const f of FILES) {
      let text: string | undefined;
      try {
        text = new TextDecoder().decode(await this.ctx.sys.readFile(`${this.root}/etc/${f}`));
      } catch {
        text = undefined;
      }
      const lines = text === undefined || text === '' ? [] : text.replace(/\n$/, '').split('\n');
      this.db.set(f, { lines, existed: text !== undefined, changed: false });
    }
    for (const l of this.db.get('passwd')!.lines) {
      const [name = '', , uid = ''] = l.split(':');
      if (/^\d+$/.test(uid)) {
        this.uids.set(Number(uid), name);
        this.userNames.set(name, Number(uid));
      }
    }
    for (const l of this.db.get('group')!.lines) {
      const [name = '', , gid = ''] = l.split(':');
      if (/^\d+$/.test(gid)) {
        this.gids.set(Number(gid), name);
        this.groupNames.set(name, Number(gid));
      }
    }
  }

  private uidOk(uid: number, name: string): boolean {
    if (this.uids.has(uid)) return false;
    const g = this.gids.get(uid);
    return g === undefined || g === name;
  }

  private gidOk(gid: number, name: string): boolean {
    if (this.gids.has(gid)) return false;
    const u = this.uids.get(gid);
    return u === undefined || u === name;
  }

  /** The next free ID downwards in the ranges (1-999 when none are given). */
  private allocate(ok: (id: number) => boolean): number | undefined {
    const ranges = this.config.ranges.length > 0 ? this.config.ranges : [[1, 999] as [number, number]];
    for (let r = 0; r < ranges.length; r++) {
      const [lo, hi] = ranges[r]!;
      for (let id = Math.min(this.next.get(r) ?? hi, hi); id >= lo; id--) {
        if (ok(id)) {
          this.next.set(r, id - 1);
          return id;
        }
      }
    }
    return undefined;
  }

  /** The owner of a path below the root, for an ID column that names one. */
  private async pathId(path: string, kind: 'uid' | 'gid'): Promise<number | undefined> {
    try {
      const st = await this.ctx.sys.stat(`${this.root}${path}`);
      const id = kind === 'uid' ? st.uid : st.gid;
      return id >= 1 && id <= 999 ? id : undefined;
    } catch {
      return undefined;
    }
  }

  private push(f: FileName, line: string): void {
    const d = this.db.get(f)!;
    d.lines.push(line);
    d.changed = true;
  }

  private addGroup(name: string, gid: number): Promise<void> {
    this.gids.set(gid, name);
    this.groupNames.set(name, gid);
    this.push('group', `${name}:x:${gid}:`);
    this.push('gshadow', `${name}:!*::`);
    return this.log(`Creating group '${name}' with GID ${gid}.`);
  }

  private async group(g: GroupItem): Promise<void> {
    if (this.groupNames.has(g.name)) return;
    let gid: number | undefined;
    if (g.gid !== undefined) {
      if (this.gidOk(g.gid, g.name)) gid = g.gid;
      else await this.log(`Suggested group ID ${g.gid} for ${g.name} already used.`);
    } else if (g.gidPath !== undefined) {
      const p = await this.pathId(g.gidPath, 'gid');
      if (p !== undefined && this.gidOk(p, g.name)) gid = p;
    }
    gid ??= this.allocate((id) => this.gidOk(id, g.name));
    if (gid === undefined) return this.log(`No free group ID available for ${g.name}.`);
    await this.addGroup(g.name, gid);
  }

  private async user(u: UserItem): Promise<void> {
    if (this.userNames.has(u.name)) return;
    let gid: number | undefined;
    if (u.group !== undefined) {
      if (/^\d+$/.test(u.group)) {
        gid = Number(u.group);
        if (!this.gids.has(gid)) return this.log(`Failed to create ${u.name}: please create GID ${gid}`);
      } else {
        gid = this.groupNames.get(u.group);
        if (gid === undefined) return this.log(`Group ${u.group} not found.`);
      }
    } else {
      gid = this.groupNames.get(u.name);
      if (gid === undefined) {
        let want = u.uid;
        if (want === undefined && u.uidPath !== undefined) want = await this.pathId(u.uidPath, 'gid');
        if (want !== undefined && this.gidOk(want, u.name)) gid = want;
        gid ??= this.allocate((id) => this.gidOk(id, u.name) && this.uidOk(id, u.name));
        if (gid === undefined) return this.log(`No free group ID available for ${u.name}.`);
        await this.addGroup(u.name, gid);
      }
    }
    let uid: number | undefined;
    if (u.uid !== undefined) {
      if (this.uidOk(u.uid, u.name)) uid = u.uid;
      else await this.log(`Suggested user ID ${u.uid} for ${u.name} already used.`);
    } else if (u.uidPath !== undefined) {
      const p = await this.pathId(u.uidPath, 'uid');
      if (p !== undefined && this.uidOk(p, u.name)) uid = p;
    }
    if (uid === undefined && this.uidOk(gid, u.name)) uid = gid;
    uid ??= this.allocate((id) => this.uidOk(id, u.name));
    if (uid === undefined) return this.log(`No free user ID available for ${u.name}.`);
    this.uids.set(uid, u.name);
    this.userNames.set(u.name, uid);
    const shell = u.shell ?? (uid === 0 ? '/bin/sh' : '/usr/sbin/nologin');
    this.push('passwd', `${u.name}:x:${uid}:${gid}:${u.gecos ?? ''}:${u.home ?? '/'}:${shell}`);
    const days = Math.floor(this.ctx.sys.now() / 86400000);
    this.push('shadow', `${u.name}:!*:${days}::::::`);
    await this.log(`Creating user '${u.name}' (${u.gecos ?? 'n/a'}) with UID ${uid} and GID ${gid}.`);
  }

  /** m lines: each member once at the end of the group's list, in group and gshadow. */
  private addMembers(): void {
    for (const [group, members] of this.config.members) {
      for (const f of ['group', 'gshadow'] as const) {
        const d = this.db.get(f)!;
        const at = d.lines.findIndex((l) => l.split(':')[0] === group);
        if (at < 0) continue;
        const fields = d.lines[at]!.split(':');
        const list = (fields[3] ?? '').split(',').filter(Boolean);
        const added = members.filter((m) => !list.includes(m));
        if (added.length === 0) continue;
        while (fields.length < 4) fields.push('');
        fields[3] = [...added, ...list].join(',');
        d.lines[at] = fields.join(':');
        d.changed = true;
      }
    }
  }

  /** The lock below the root's /etc (not for --dry-run); the message when it cannot be taken. */
  async lock(): Promise<string | undefined> {
    try {
      const fd = await this.ctx.sys.open(`${this.root}/etc/.pwd.lock`, { write: true, create: true }, 0o600);
      this.ctx.sys.close(fd);
      return undefined;
    } catch (e) {
      return `Failed to take /etc/passwd lock: ${e instanceof Error && 'errno' in e ? strerror((e as { errno: Errno }).errno) : 'Input/output error'}`;
    }
  }

  async run(dryRun: boolean): Promise<void> {
    const { users, groups, members } = this.config;
    // the groups and users m lines name that no line defines
    const implicitGroups = [...members.keys()].filter((g) => !groups.has(g) && !users.has(g));
    const implicitUsers = [...new Set([...members.values()].flat())].filter((u) => !users.has(u));
    for (const g of [...groups.values(), ...implicitGroups.map((name) => ({ name }))]) await this.group(g);
    for (const u of [...users.values(), ...implicitUsers.map((name) => ({ name }))]) await this.user(u);
    this.addMembers();
    const sys = this.ctx.sys;
    for (const f of FILES) {
      const d = this.db.get(f)!;
      if (!d.changed) continue;
      if (dryRun) {
        await this.log(`Would write /etc/${f}${localeIsUtf8(this.ctx.env) ? '\u2026' : '...'}`);
        continue;
      }
      const path = `${this.root}/etc/${f}`;
      const mode = f === 'shadow' || f === 'gshadow' ? 0 : 0o644;
      if (d.existed) await sys.writeFile(`${path}-`, await sys.readFile(path), { mode });
      await sys.writeFile(path, `${d.lines.join('\n')}\n`, { mode });
      await sys.chmod(path, mode);
    }
  }
}
