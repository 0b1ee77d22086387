// visudo (sudo 1.9.15): -c checks the syntax, owner (root:root) and mode (0440) of
// /etc/sudoers and every file it includes; without -c it edits a copy with $SUDO_EDITOR,
// $VISUAL or $EDITOR (else vi), checks it and installs it.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { resolveCommand } from '../lib/execvp';
import { has, opt, parseArgs } from './common';
import { readSudoers, type Sudoers } from './sudoers';

const USAGE = 'usage: visudo [-chqsV] [[-f] sudoers ]\n';
const HELP = `visudo - safely edit the sudoers file

${USAGE}
Options:
  -c, --check              check the syntax only, change nothing
  -f, --file=sudoers       edit or check this file instead of /etc/sudoers
  -h, --help               show this help and exit
  -I, --no-includes        leave included files alone
  -O, --owner              check the owner too (with -c)
  -P, --perms              check the mode too (with -c)
  -q, --quiet              shorter syntax error messages
  -s, --strict             stricter checks
  -V, --version            show the version and exit
`;

async function report(ctx: Ctx, s: Sudoers, quiet: boolean): Promise<void> {
  const e = s.error!;
  if (quiet) return;
  await ctx.err.write(`${e.file}:${e.line}:${e.column}: syntax error\n${e.text}\n^\n`);
}

async function checkFile(ctx: Ctx, path: string, owner: boolean, perms: boolean): Promise<boolean> {
  try {
    const st = await ctx.sys.stat(path);
    let ok = true;
    if (owner && (st.uid !== 0 || st.gid !== 0)) {
      await ctx.err.write(`${path}: wrong owner (uid, gid) should be (0, 0)\n`);
      ok = false;
    }
    if (perms && (st.mode & 0o7777) !== 0o440) {
      await ctx.err.write(`${path}: bad permissions, should be mode 0440\n`);
      ok = false;
    }
    return ok;
  } catch {
    return true;
  }
}

export default defineProgram({
  name: 'visudo',
  installPath: '/usr/sbin/visudo',
  pkg: 'sudo',
  async main(ctx) {
    const a = await parseArgs(ctx, [
      { key: 'c', short: 'c', long: 'check' }, { key: 'f', short: 'f', long: 'file', arg: 'required' },
      { key: 'h', short: 'h', long: 'help' }, { key: 'I', short: 'I', long: 'no-includes' },
      { key: 'O', short: 'O', long: 'owner' }, { key: 'P', short: 'P', long: 'perms' },
      { key: 'q', short: 'q', long: 'quiet' }, { key: 's', short: 's', long: 'strict' },
      { key: 'V', short: 'V', long: 'version' }, { key: 'x', short: 'x', long: 'export', arg: 'required' },
    ], () => USAGE, 1);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) {
      await ctx.print(HELP);
      return 0;
    }
    if (has(a, 'V')) {
      await ctx.print('visudo version 1.9.15p5\nvisudo grammar version 50\n');
      return 0;
    }
    if (a.operands.length > 1) {
      await ctx.err.write(USAGE);
      return 1;
    }
    const sys = ctx.sys;
    const explicit = opt(a, 'f') ?? a.operands[0];
    const path = explicit ?? '/etc/sudoers';
    if (sys.geteuid() !== 0 && !has(a, 'c')) {
      await ctx.err.write('visudo: must be run as root\n');
      return 1;
    }
    if (has(a, 'c')) {
      try {
        await sys.access(path, 4);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.perror(e, `unable to open ${path}`);
        return 1;
      }
      const s = await readSudoers(sys, path);
      if (s.error) {
        await report(ctx, s, has(a, 'q'));
        if (!has(a, 'q')) await ctx.err.write(`parse error in ${s.error.file} near line ${s.error.line}\n`);
        return 1;
      }
      // owner and mode are checked for the default file, or when asked
      const owner = explicit === undefined || has(a, 'O');
      const perms = explicit === undefined || has(a, 'P');
      let ok = true;
      for (const f of s.files) {
        if (await checkFile(ctx, f, owner, perms)) {
          if (!has(a, 'q')) await ctx.print(`${f}: parsed OK\n`);
        } else ok = false;
      }
      return ok ? 0 : 1;
    }
    const editorVar = ctx.env.get('SUDO_EDITOR') || ctx.env.get('VISUAL') || ctx.env.get('EDITOR') || '/usr/bin/vi';
    const editor = editorVar.split(/\s+/)[0]!;
    const found = await resolveCommand(ctx, editor, ctx.env);
    if (typeof found !== 'string') {
      await ctx.err.write(`visudo: no editor found (editor path = ${editor})\n`);
      return 1;
    }
    // visudo.c new_sudoers(): the file is opened (created, mode 0440, when missing) before any
    // editing; one that cannot be opened, or is not a regular file, ends it
    let original: Uint8Array;
    try {
      original = await sys.readFile(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EISDIR') {
        await ctx.err.write(`visudo: ${path} is not a regular file\n`);
        return 1;
      }
      if (e.errno !== 'ENOENT') {
        await ctx.perror(e, path);
        return 1;
      }
      try {
        await sys.writeFile(path, '', { mode: 0o440 });
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
        await ctx.perror(e2, path);
        return 1;
      }
      original = new Uint8Array();
    }
    const tmp = `${path}.tmp`;
    try {
      await sys.writeFile(tmp, original, { mode: 0o600 });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.perror(e, tmp);
      return 1;
    }
    for (;;) {
      await ctx.flush();
      const pid = await sys.spawn({ path: found, argv: [...editorVar.split(/\s+/), tmp], env: new Map(ctx.env) });
      await sys.wait(pid);
      const s = await readSudoers(sys, tmp);
      if (!s.error) break;
      await report(ctx, s, false);
      await ctx.err.write('What now? ');
      await ctx.err.flush();
      const answer = await sys.read(0, 64);
      const c = answer ? new TextDecoder().decode(answer).trim() : 'x';
      if (c === 'x' || c === 'Q') {
        await sys.unlink(tmp);
        return c === 'Q' ? 0 : 1;
      }
      if (c !== 'e') break;
    }
    await sys.chown(tmp, 0, 0);
    await sys.chmod(tmp, 0o440);
    await sys.rename(tmp, path);
    return 0;
  },
});
