// ssh-keygen (OpenSSH 9.x), the parts a Photon box uses: -A makes the missing host keys (what
// sshd-keygen.service runs at first boot) and -t/-f/-N/-q/-C make a user key pair.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const KINDS: Record<string, { label: string; pub: string; bytes: number }> = {
  rsa: { label: 'RSA', pub: 'ssh-rsa', bytes: 279 },
  ecdsa: { label: 'ECDSA', pub: 'ecdsa-sha2-nistp256', bytes: 104 },
  ed25519: { label: 'ED25519', pub: 'ssh-ed25519', bytes: 51 },
};

function b64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

async function writeKey(ctx: Ctx, path: string, type: string, comment: string): Promise<void> {
  const k = KINDS[type]!;
  const priv = b64(ctx.sys.randomBytes(k.bytes * 3)).replace(/(.{70})/g, '$1\n').replace(/\n$/, '');
  await ctx.sys.writeFile(path, `-----BEGIN OPENSSH PRIVATE KEY-----\n${priv}\n-----END OPENSSH PRIVATE KEY-----\n`, { mode: 0o600 });
  await ctx.sys.chmod(path, 0o600);
  await ctx.sys.writeFile(`${path}.pub`, `${k.pub} ${b64(ctx.sys.randomBytes(k.bytes))} ${comment}\n`, { mode: 0o644 });
}

async function exists(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.sys.stat(path);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

export default defineProgram({
  name: 'ssh-keygen',
  installPath: '/usr/bin/ssh-keygen',
  pkg: 'openssh-clients',
  tryHelp: false,
  options: [
    { key: 'A', short: 'A' }, { key: 't', short: 't', arg: 'required' }, { key: 'f', short: 'f', arg: 'required' },
    { key: 'N', short: 'N', arg: 'required' }, { key: 'q', short: 'q' }, { key: 'C', short: 'C', arg: 'required' },
    { key: 'b', short: 'b', arg: 'required' },
  ],
  async main(ctx, { flags, values }) {
    const host = ctx.sys.uname().nodename;
    const user = ctx.env.get('USER') ?? 'root';
    if (flags.has('A')) {
      const made: string[] = [];
      for (const t of ['rsa', 'ecdsa', 'ed25519']) {
        const path = `/etc/ssh/ssh_host_${t}_key`;
        if (await exists(ctx, path)) continue;
        if (made.length === 0) await ctx.out.write('ssh-keygen: generating new host keys: ');
        await ctx.out.write(`${KINDS[t]!.label} `);
        try {
          await writeKey(ctx, path, t, `root@${host}`);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.out.write('\n');
          await ctx.err.write(`ssh-keygen: generating new host keys: ${path}: Permission denied\n`);
          return 1;
        }
        made.push(t);
      }
      if (made.length) await ctx.out.write('\n');
      return 0;
    }
    const type = values.get('t')?.at(-1) ?? 'rsa';
    if (!KINDS[type]) {
      await ctx.err.write(`unknown key type ${type}\n`);
      return 1;
    }
    const home = ctx.env.get('HOME') ?? '/root';
    const file = values.get('f')?.at(-1) ?? `${home}/.ssh/id_${type}`;
    const quiet = flags.has('q');
    if (!quiet) await ctx.print(`Generating public/private ${type} key pair.\n`);
    if (await exists(ctx, file)) {
      await ctx.print(`${file} already exists.\nOverwrite (y/n)? `);
      return 1;
    }
    const dir = file.slice(0, file.lastIndexOf('/')) || '/';
    if (!(await exists(ctx, dir))) {
      await ctx.sys.mkdir(dir, 0o700);
      if (!quiet) await ctx.print(`Created directory '${dir}'.\n`);
    }
    await writeKey(ctx, file, type, values.get('C')?.at(-1) ?? `${user}@${host}`);
    if (!quiet) {
      await ctx.print(`Your identification has been saved in ${file}\nYour public key has been saved in ${file}.pub\n`);
    }
    return 0;
  },
});
