// pwconv, pwunconv, grpconv and grpunconv (shadow 4.13): move passwords between /etc/passwd
// and /etc/shadow (/etc/group and /etc/gshadow). The conv tools drop shadow entries of no
// user (group), give every entry whose password field is not "x" a shadow entry (new ones with
// the login.defs aging; the change date is today) and set the field to "x"; a shadow file they
// create is mode 0400. The unconv tools put the shadow password back where the field is "x"
// and remove the shadow file (doing nothing when there is none).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { fail, has, parseArgs } from './common';
import { type AccountDbs, Db, GROUP, GSHADOW, Locks, PASSWD, SHADOW, today, writeBack } from './db';
import { LoginDefs } from './defs';
import { processRoot } from './root';

const E_USAGE = 2;
const E_PWDBUSY = 5;

const usageText = (prog: string): string => `Usage: ${prog} [options]

Options:
  -h, --help                    show this help and exit
  -R, --root CHROOT_DIR         chroot into this directory first

`;

type Kind = 'pwconv' | 'pwunconv' | 'grpconv' | 'grpunconv';

async function save(ctx: Ctx, db: Db<{ name: string }>): Promise<void> {
  if (db.changed) await writeBack(ctx.sys, db.path, db.text(), db.present, 0o400);
}

async function convert(ctx: Ctx, kind: Kind, dbs: Pick<AccountDbs, 'passwd' | 'shadow' | 'group' | 'gshadow'>): Promise<void> {
  const sys = ctx.sys;
  if (kind === 'pwconv') {
    const defs = await LoginDefs.load(sys);
    const num = (k: string): string => { const v = defs.num(k, -1); return v < 0 ? '' : String(v); };
    for (const s of dbs.shadow.entries()) if (!dbs.passwd.get(s.name)) dbs.shadow.remove(s.name);
    const day = String(today(sys) || '');
    for (const p of dbs.passwd.entries()) {
      const s = dbs.shadow.get(p.name);
      if (s && p.passwd === 'x') continue;
      const base = s ?? { name: p.name, hash: '', lastchg: '', min: num('PASS_MIN_DAYS'), max: num('PASS_MAX_DAYS'), warn: num('PASS_WARN_AGE'), inactive: '', expire: '', flag: '' };
      dbs.shadow.put({ ...base, hash: p.passwd, lastchg: day });
      dbs.passwd.put({ ...p, passwd: 'x' });
    }
    await save(ctx, dbs.shadow);
    await save(ctx, dbs.passwd);
    try {
      await sys.chmod('/etc/passwd-', 0o600);
    } catch {
      // no backup
    }
    return;
  }
  if (kind === 'grpconv') {
    for (const s of dbs.gshadow.entries()) if (!dbs.group.get(s.name)) dbs.gshadow.remove(s.name);
    for (const g of dbs.group.entries()) {
      const s = dbs.gshadow.get(g.name);
      const passwd = s ? (g.passwd !== 'x' ? g.passwd : s.passwd) : g.passwd;
      dbs.gshadow.put({ name: g.name, passwd, admins: s?.admins ?? [], members: [...g.members] });
      dbs.group.put({ ...g, passwd: 'x' });
    }
    await save(ctx, dbs.gshadow);
    await save(ctx, dbs.group);
    return;
  }
  if (kind === 'pwunconv') {
    for (const p of dbs.passwd.entries()) {
      const s = dbs.shadow.get(p.name);
      if (!s) continue;
      dbs.passwd.put({ ...p, passwd: p.passwd === 'x' ? s.hash : p.passwd });
    }
    await save(ctx, dbs.passwd);
    await sys.unlink('/etc/shadow');
    return;
  }
  for (const g of dbs.group.entries()) {
    const s = dbs.gshadow.get(g.name);
    if (!s) continue;
    dbs.group.put({ ...g, passwd: g.passwd === 'x' ? s.passwd : g.passwd });
  }
  await save(ctx, dbs.group);
  await sys.unlink('/etc/gshadow');
}

function program(kind: Kind) {
  return defineProgram({
    name: kind,
    installPath: `/usr/sbin/${kind}`,
    pkg: 'shadow',
    async main(ctx) {
      const rooted = await processRoot(ctx);
      if (rooted !== undefined) return rooted;
      const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
      const a = await parseArgs(ctx, [{ key: 'h', short: 'h', long: 'help' }, { key: 'R', short: 'R', long: 'root', arg: 'required' }], () => usageText(prog), E_USAGE);
      if (typeof a === 'number') return a;
      if (has(a, 'h')) {
        await ctx.print(usageText(prog));
        return 0;
      }
      if (a.operands.length) {
        await ctx.err.write(usageText(prog));
        return E_USAGE;
      }
      const sys = ctx.sys;
      const users = kind.startsWith('pw');
      const [main, shadow] = users ? ['/etc/passwd', '/etc/shadow'] : ['/etc/group', '/etc/gshadow'];
      if (kind.endsWith('unconv')) {
        try {
          await sys.access(shadow, 0);
        } catch {
          return 0;
        }
      }
      const locks = new Locks(ctx);
      try {
        for (const path of [main, shadow]) {
          if (!(await locks.lock(path))) {
            await fail(ctx, `cannot lock ${path}; try again later.`);
            return E_PWDBUSY;
          }
        }
        const dbs = {
          passwd: await Db.read(sys, '/etc/passwd', PASSWD),
          shadow: await Db.read(sys, '/etc/shadow', SHADOW),
          group: await Db.read(sys, '/etc/group', GROUP),
          gshadow: await Db.read(sys, '/etc/gshadow', GSHADOW),
        };
        await convert(ctx, kind, dbs);
      } finally {
        await locks.release();
      }
      return 0;
    },
  });
}

export const pwconv = program('pwconv');
export const pwunconv = program('pwunconv');
export const grpconv = program('grpconv');
export const grpunconv = program('grpunconv');
