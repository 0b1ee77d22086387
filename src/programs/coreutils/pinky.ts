// pinky: a small finger(1). The short format lists the users logged in (from the login
// records, as who reads them) with full name, terminal, idle time, login time and host; -l
// describes the named users from /etc/passwd, with their ~/.project and ~/.plan.
import { defineProgram, usageError } from '../define';
import { Accounts, type PasswdEntry } from '../lib/accounts';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { formatTime } from '../lib/nstrftime';
import { bin, Output } from '../lib/textio';
import { localZone } from '../lib/tz';
import { hardTimeLocale, readUtmp } from '../lib/utmp';

const spec = {
  name: 'pinky',
  installPath: '/usr/bin/pinky',
  pkg: 'coreutils',
  usage: 'pinky [OPTION]... [USER]...',
  help: `
  -l              long format for the USERs named
  -b              long format without home directory and shell
  -h              long format without the ~/.project file
  -p              long format without the ~/.plan file
  -s              short format (the default)
  -f              short format without the heading line
  -w              short format without the full name
  -i              short format without the full name and remote host
  -q              short format without the full name, remote host
                  and idle time
${HELP_LINES}

A small 'finger': shows who is logged in, or facts about the USERs.
The login records are read from /var/run/utmp.
${coreutilsHelpFooter('pinky')}`,
  version: coreutilsVersion('pinky', ['Joseph Arceneaux', 'David MacKenzie', 'Kaveh Ghazi']),
  options: ['s', 'f', 'w', 'i', 'q', 'b', 'h', 'l', 'p'].map((k) => ({ key: k, short: k })),
};

/** The GECOS full name (up to the first comma), '&' standing for the capitalised login name. */
function fullName(pw: PasswdEntry): string {
  const gecos = pw.gecos.split(',')[0]!;
  const cap = pw.name.charAt(0).toUpperCase() + pw.name.slice(1);
  return gecos.replace(/&/g, cap);
}

/** Idle time as pinky shows it: blank under a minute, HH:MM under a day, else days. */
function idleText(seconds: number): string {
  if (seconds < 60) return '     ';
  if (seconds < 86400) return `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
  return `${Math.floor(seconds / 86400)}d`;
}

async function fileText(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    return bin(await ctx.sys.readFile(path));
  } catch {
    return undefined;
  }
}

async function shortFormat(ctx: Ctx, names: string[], o: { heading: boolean; full: boolean; where: boolean; idle: boolean }): Promise<string> {
  const acc = await Accounts.load(ctx.sys);
  const hard = hardTimeLocale(ctx.env);
  const timeFormat = hard ? '%Y-%m-%d %H:%M' : '%b %e %H:%M';
  const tz = await localZone(ctx.sys);
  const now = Math.floor(ctx.sys.now() / 1000);
  let out = '';
  if (o.heading) {
    out += 'Login'.padEnd(8);
    if (o.full) out += ` ${'Name'.padEnd(19)}`;
    out += ` ${' TTY'.padEnd(9)}`;
    if (o.idle) out += ` ${'Idle'.padEnd(6)}`;
    out += ` ${'When'.padEnd(hard ? 16 : 12)}`;
    if (o.where) out += ' Where';
    out += '\n';
  }
  for (const e of await readUtmp(ctx.sys)) {
    if (e.kind !== 'user' || (names.length && !names.includes(e.user))) continue;
    out += e.user.padEnd(8);
    if (o.full) {
      const pw = acc.userByName(e.user);
      out += pw ? ` ${fullName(pw).slice(0, 19).padEnd(19)}` : ` ${'        ???'.padStart(19)}`;
    }
    let mesg = '?';
    let idle: string | undefined;
    try {
      const st = await ctx.sys.stat(`/dev/${e.line}`);
      mesg = st.mode & 0o020 ? ' ' : '*';
      idle = idleText(now - Math.floor(st.atime / 1000));
    } catch {
      // no such terminal: '?' and unknown idle time
    }
    out += ` ${mesg}${e.line.padEnd(8)}`;
    if (o.idle) out += ` ${(idle ?? '?????').padEnd(6)}`;
    out += ` ${formatTime(timeFormat, Math.floor(e.time / 1000), 0, tz)}`;
    if (o.where && e.host) out += ` ${e.host}`;
    out += '\n';
  }
  return out;
}

async function longFormat(ctx: Ctx, names: string[], o: { homeShell: boolean; project: boolean; plan: boolean }): Promise<string> {
  const acc = await Accounts.load(ctx.sys);
  let out = '';
  for (const name of names) {
    await ctx.tick();
    const pw = acc.userByName(name);
    out += `Login name: ${name.padEnd(28)}In real life: `;
    if (!pw) {
      out += ' ???\n';
      continue;
    }
    out += ` ${fullName(pw)}\n`;
    if (o.homeShell) out += `Directory: ${pw.home.padEnd(29)}Shell:  ${pw.shell}\n`;
    if (o.project) {
      const t = await fileText(ctx, `${pw.home}/.project`);
      if (t !== undefined) out += `Project: ${t}`;
    }
    if (o.plan) {
      const t = await fileText(ctx, `${pw.home}/.plan`);
      if (t !== undefined) out += `Plan:\n${t}`;
    }
    out += '\n';
  }
  return out;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let short = true;
    const s = { heading: true, full: true, where: true, idle: true };
    const l = { homeShell: true, project: true, plan: true };
    for (const { key } of args.order) {
      switch (key) {
        case 's': short = true; break;
        case 'l': short = false; break;
        case 'f': s.heading = false; break;
        case 'w': s.full = false; break;
        case 'i': s.full = false; s.where = false; break;
        case 'q': s.full = false; s.where = false; s.idle = false; break;
        case 'h': l.project = false; break;
        case 'p': l.plan = false; break;
        case 'b': l.homeShell = false; break;
        default: break;
      }
    }
    const names = args.operands;
    if (!short && names.length === 0) return usageError(ctx, spec, 'no username specified; at least one must be specified when using -l');
    const text = short ? await shortFormat(ctx, names, s) : await longFormat(ctx, names, l);
    const out = new Output(ctx);
    out.push(text);
    return out.finish(0);
  },
});
