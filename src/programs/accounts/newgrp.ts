// newgrp and sg (shadow 4.13, set-user-ID): start a new shell (sg: a command through sh -c)
// with another primary group, named (no number), added to the current groups. A member
// switches freely; others must know the group's password (gshadow), and a group without one
// refuses them. login: asks for a user and password and starts their shell.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { failDelay, Prompter, verifyPassword } from './auth';
import { progName } from './common';
import { Db, GSHADOW, SHADOW } from './db';
import { runAs, targetOf } from './session';

export const newgrp = defineProgram({
  name: 'newgrp',
  installPath: '/usr/bin/newgrp',
  aliases: ['/usr/bin/sg'],
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const sys = ctx.sys;
    // one program, two syntaxes: "newgrp [-] [group]" and "sg [-] group [[-c] command]"
    const isNewgrp = progName(ctx) === 'newgrp';
    const usage = isNewgrp ? 'Usage: newgrp [-] [group]\n' : 'Usage: sg group [[-c] command]\n';
    const args = ctx.argv.slice(1);
    let login = false;
    if (args[0] === '-' || args[0] === '-l') {
      login = true;
      args.shift();
    }
    const acc = await Accounts.load(sys);
    const me = acc.userById(sys.getuid());
    if (!me) {
      await ctx.err.write(`${progName(ctx)}: Cannot determine your user name.\n`);
      return 1;
    }
    let wanted: string | undefined;
    let command: string | undefined;
    if (!isNewgrp) {
      if (args.length === 0 || args[0]!.startsWith('-')) {
        await ctx.err.write(usage);
        return 1;
      }
      wanted = args.shift()!;
      // "sg group -c command" and "sg group command" both run one command (only its first word
      // in the second form)
      if (args.length) command = args.length > 1 && args[0] === '-c' ? args[1] : args[0];
    } else {
      if ((args[0] ?? '').startsWith('-')) {
        await ctx.err.write(usage);
        return 1;
      }
      wanted = args[0];
    }
    const grp = wanted === undefined ? acc.groupById(me.gid) : acc.groupByName(wanted);
    if (!grp) {
      await ctx.err.write(wanted === undefined ? `${progName(ctx)}: GID '${me.gid}' does not exist\n` : `${progName(ctx)}: group '${wanted}' does not exist\n`);
      return 1;
    }
    const member = grp.gid === me.gid || grp.members.includes(me.name);
    if (sys.getuid() !== 0 && !member) {
      const sg = (await Db.read(sys, '/etc/gshadow', GSHADOW)).get(grp.name);
      const hash = sg?.passwd ?? '!';
      const answer = await new Prompter(ctx).secret('Password: ');
      if (hash === '' || hash.startsWith('!') || hash.startsWith('*') || answer === undefined || !verifyPassword(answer, hash)) {
        await failDelay(ctx);
        await ctx.err.write('Invalid password.\n');
        return 1;
      }
    }
    const target = await targetOf(sys, me);
    target.gid = grp.gid;
    const groups = sys.getgroups();
    target.groups = groups.includes(grp.gid) ? groups : [...groups, grp.gid];
    await ctx.flush();
    sys.setgid(target.gid);
    sys.setgroups(target.groups);
    sys.setuid(me.uid);
    if (command !== undefined) {
      try {
        return await sys.exec('/bin/sh', ['sh', '-c', command], new Map(ctx.env));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`/bin/sh: ${strerror(e.errno)}\n`);
        return e.errno === 'ENOENT' ? 127 : 126;
      }
    }
    // $SHELL first (not for a login), then the passwd entry's shell
    const fromEnv = ctx.env.get('SHELL');
    const shell = !login && fromEnv !== undefined ? fromEnv : me.shell || '/bin/sh';
    const base = shell.slice(shell.lastIndexOf('/') + 1);
    if (login) {
      try {
        await sys.chdir(me.home);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`chdir: ${strerror(e.errno)}\n`);
      }
    }
    try {
      return await sys.exec(shell, [login ? `-${base}` : base], new Map(ctx.env));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.perror(e, shell);
      return 1;
    }
  },
});

export const login = defineProgram({
  name: 'login',
  installPath: '/usr/bin/login',
  pkg: 'shadow',
  async main(ctx) {
    const sys = ctx.sys;
    if (sys.geteuid() !== 0) {
      await ctx.err.write('login: Cannot possibly work without effective root\n');
      return 1;
    }
    const args = ctx.argv.slice(1).filter((x) => !x.startsWith('-'));
    const p = new Prompter(ctx);
    const host = sys.uname().nodename;
    for (let attempt = 0; attempt < 5; attempt++) {
      let name = attempt === 0 ? args[0] : undefined;
      if (name === undefined) {
        await ctx.out.write(`${host} login: `);
        name = await p.visible('');
        if (name === undefined) return 1;
      }
      const acc = await Accounts.load(sys);
      const pw = acc.userByName(name);
      const hash = (await Db.read(sys, '/etc/shadow', SHADOW)).get(name)?.hash ?? '*';
      const answer = await p.secret('Password: ');
      if (answer === undefined) return 1;
      if (!pw || !verifyPassword(answer, hash)) {
        await failDelay(ctx);
        await ctx.print('\nLogin incorrect\n');
        continue;
      }
      const shell = pw.shell || '/bin/sh';
      const env = new Map<string, string>();
      const term = ctx.env.get('TERM');
      if (term !== undefined) env.set('TERM', term);
      env.set('HOME', pw.home);
      env.set('USER', pw.name);
      env.set('SHELL', shell);
      env.set('PATH', pw.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin');
      env.set('LOGNAME', pw.name);
      env.set('MAIL', `/var/mail/${pw.name}`);
      return runAs(ctx, {
        target: await targetOf(sys, pw), path: shell, argv: [`-${shell.slice(shell.lastIndexOf('/') + 1)}`], env, cwd: pw.home,
        async onChdirFail(c) {
          await c.chdir('/');
          await c.write(1, 'No directory, logging in with HOME=/\n');
          env.set('HOME', '/');
          return true;
        },
        async onExecFail(c) {
          await c.write(2, `login: failure forking: ${shell}\n`);
          return 1;
        },
      });
    }
    await ctx.err.write('Maximum number of tries exceeded (5)\n');
    return 1;
  },
});
