// chgpasswd (shadow 4.13): group passwords from "group:password" lines on standard input,
// encrypted with -c METHOD (or -m for MD5, ENCRYPT_METHOD from login.defs otherwise) unless -e
// says they already are. A group with a gshadow entry gets it there, one without in
// /etc/group. A bad line is reported with its number and cancels every change.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { md5Crypt } from '../lib/md5-crypt';
import { makeSalt, shaCryptWith } from '../lib/sha512-crypt';
import { fail, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Locks } from './db';
import { LoginDefs } from './defs';
import { processRoot } from './root';

const METHODS = ['NONE', 'DES', 'MD5', 'SHA256', 'SHA512', 'YESCRYPT'];

const usageText = (prog: string): string => `Usage: ${prog} [options]

Options:
  -c, --crypt-method METHOD     how to encrypt (one of ${METHODS.join(' ')})
  -e, --encrypted               the passwords given are already encrypted
  -h, --help                    show this help and exit
  -m, --md5                     encrypt clear text passwords with MD5
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --sha-rounds              rounds for the SHA, BCRYPT or YESCRYPT methods

`;

/**
 * pw_encrypt with a new salt. The machine's crypt knows MD5 and the SHA methods; DES and
 * yescrypt settings are made with SHA-512 instead.
 */
function encrypt(ctx: Ctx, password: string, method: string, rounds: number | undefined): string {
  const salt = (n: number): string => makeSalt(ctx.sys.randomBytes(16), n);
  if (method === 'MD5') return md5Crypt(password, salt(8));
  const id = method === 'SHA256' ? '5' : '6';
  return shaCryptWith(password, id, salt(16), rounds ?? 5000, rounds !== undefined);
}

export default defineProgram({
  name: 'chgpasswd',
  installPath: '/usr/sbin/chgpasswd',
  pkg: 'shadow',
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    const a = await parseArgs(ctx, [
      { key: 'c', short: 'c', long: 'crypt-method', arg: 'required' }, { key: 'e', short: 'e', long: 'encrypted' },
      { key: 'h', short: 'h', long: 'help' }, { key: 'm', short: 'm', long: 'md5' },
      { key: 'R', short: 'R', long: 'root', arg: 'required' }, { key: 's', short: 's', long: 'sha-rounds', arg: 'required' },
    ], () => usageText(prog), 2);
    if (typeof a === 'number') return a;
    const usage = async (): Promise<number> => {
      await ctx.err.write(usageText(prog));
      return 2;
    };
    let rounds: number | undefined;
    for (const { key, value } of a.order) {
      if (key === 'h') {
        await ctx.print(usageText(prog));
        return 0;
      }
      if (key === 's') {
        if (!/^\d+$/.test(value ?? '')) {
          await fail(ctx, `invalid numeric argument '${value}'`);
          return usage();
        }
        rounds = Number(value);
      }
      if (key === 'c' && !METHODS.includes(value ?? '')) {
        await fail(ctx, `unsupported crypt method: ${value}`);
        return usage();
      }
    }
    if ([has(a, 'c'), has(a, 'e'), has(a, 'm')].filter(Boolean).length > 1) {
      await fail(ctx, 'the -c, -e, and -m flags are exclusive');
      return usage();
    }
    const sys = ctx.sys;
    const defs = await LoginDefs.load(sys);
    const method = opt(a, 'c') ?? (has(a, 'm') ? 'MD5' : defs.str('ENCRYPT_METHOD', defs.bool('MD5_CRYPT_ENAB') ? 'MD5' : 'DES'));
    const locks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
      if (!dbs) return 1;
      const text = await ctx.readAll(0);
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      let errors = 0;
      for (let i = 0; i < lines.length; i++) {
        await ctx.tick();
        const line = lines[i]!;
        const colon = line.indexOf(':');
        if (colon < 0) {
          await fail(ctx, `line ${i + 1}: missing new password`);
          errors++;
          continue;
        }
        const name = line.slice(0, colon);
        const password = line.slice(colon + 1);
        const gr = dbs.group.get(name);
        if (!gr) {
          await fail(ctx, `line ${i + 1}: group '${name}' does not exist`);
          errors++;
          continue;
        }
        const hash = has(a, 'e') || method === 'NONE' ? password : encrypt(ctx, password, method, rounds);
        const sg = dbs.gshadow.present ? dbs.gshadow.get(name) : undefined;
        if (sg) dbs.gshadow.put({ ...sg, passwd: hash });
        else dbs.group.put({ ...gr, passwd: hash });
      }
      if (errors) {
        await fail(ctx, 'error detected, changes ignored');
        return 1;
      }
      await commitAll(sys, { group: dbs.group, gshadow: dbs.gshadow });
    } finally {
      await locks.release();
    }
    return 0;
  },
});
