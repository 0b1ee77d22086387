// User and group lookups from /etc/passwd and /etc/group, the way glibc's "files" NSS
// backend answers getpwuid/getpwnam/getgrgid/getgrnam/getgrouplist. Read once per program.
import type { Sys } from '../../shared/sys';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

const decoder = new TextDecoder();

async function readText(sys: Sys, path: string): Promise<string> {
  try {
    return decoder.decode(await sys.readFile(path));
  } catch {
    return '';
  }
}

function parseId(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  return Number(s);
}

export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split(':');
    const uid = parseId(f[2]);
    const gid = parseId(f[3]);
    if (!f[0] || uid === undefined || gid === undefined) continue;
    out.push({ name: f[0], uid, gid, gecos: f[4] ?? '', home: f[5] ?? '', shell: f[6] ?? '' });
  }
  return out;
}

export function parseGroup(text: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split(':');
    const gid = parseId(f[2]);
    if (!f[0] || gid === undefined) continue;
    out.push({ name: f[0], gid, members: (f[3] ?? '').split(',').filter(Boolean) });
  }
  return out;
}

export class Accounts {
  private constructor(
    readonly users: PasswdEntry[],
    readonly groups: GroupEntry[],
  ) {}

  static async load(sys: Sys): Promise<Accounts> {
    const [p, g] = await Promise.all([readText(sys, '/etc/passwd'), readText(sys, '/etc/group')]);
    return new Accounts(parsePasswd(p), parseGroup(g));
  }

  /** getpwuid: the first entry with that uid. */
  userById(uid: number): PasswdEntry | undefined {
    return this.users.find((u) => u.uid === uid);
  }

  userByName(name: string): PasswdEntry | undefined {
    return this.users.find((u) => u.name === name);
  }

  groupById(gid: number): GroupEntry | undefined {
    return this.groups.find((g) => g.gid === gid);
  }

  groupByName(name: string): GroupEntry | undefined {
    return this.groups.find((g) => g.name === name);
  }

  userName(uid: number): string | undefined {
    return this.userById(uid)?.name;
  }

  groupName(gid: number): string | undefined {
    return this.groupById(gid)?.name;
  }

  /** getgrouplist(3): `gid` first, then every group listing `user` as a member, in file order. */
  groupList(user: string, gid: number): number[] {
    const out = [gid];
    for (const g of this.groups) if (g.members.includes(user) && !out.includes(g.gid)) out.push(g.gid);
    return out;
  }
}
