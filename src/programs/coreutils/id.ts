import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

interface Ids {
  ruid: number;
  euid: number;
  rgid: number;
  egid: number;
  /** The user name asked for on the command line (groups come from /etc/group then). */
  user: string | undefined;
}

/** gnulib mgetgroups: `gid` first, then the others, dropping repeats of the first or previous. */
function dedupGroups(list: number[]): number[] {
  const out: number[] = [];
  for (const g of list) {
    if (out.length === 0 || (g !== out[0] && g !== out[out.length - 1])) out.push(g);
  }
  return out;
}

function groupsOf(ctx: Ctx, acc: Accounts, ids: Ids, primary: number): number[] {
  if (ids.user !== undefined) return dedupGroups(acc.groupList(ids.user, primary));
  return dedupGroups([primary, ...ctx.sys.getgroups()]);
}

class Printer {
  ok = true;
  constructor(
    private readonly ctx: Ctx,
    private readonly acc: Accounts,
    private readonly useName: boolean,
  ) {}

  async user(uid: number): Promise<string> {
    if (!this.useName) return String(uid);
    const name = this.acc.userName(uid);
    if (name === undefined) {
      await this.ctx.error(`cannot find name for user ID ${uid}`);
      this.ok = false;
      return String(uid);
    }
    return name;
  }

  async group(gid: number): Promise<string> {
    if (!this.useName) return String(gid);
    const name = this.acc.groupName(gid);
    if (name === undefined) {
      await this.ctx.error(`cannot find name for group ID ${gid}`);
      this.ok = false;
      return String(gid);
    }
    return name;
  }
}

function fullInfo(ctx: Ctx, acc: Accounts, ids: Ids): string {
  const u = (id: number): string => {
    const n = acc.userName(id);
    return n === undefined ? String(id) : `${id}(${n})`;
  };
  const g = (id: number): string => {
    const n = acc.groupName(id);
    return n === undefined ? String(id) : `${id}(${n})`;
  };
  let out = `uid=${u(ids.ruid)} gid=${g(ids.rgid)}`;
  if (ids.euid !== ids.ruid) out += ` euid=${u(ids.euid)}`;
  if (ids.egid !== ids.rgid) out += ` egid=${g(ids.egid)}`;
  const primary = ids.user !== undefined ? (acc.userById(ids.euid !== ids.ruid ? ids.euid : ids.ruid)?.gid ?? ids.rgid) : ids.egid;
  const groups = groupsOf(ctx, acc, ids, primary);
  if (groups.length) out += ` groups=${groups.map(g).join(',')}`;
  return out;
}

const spec = {
  name: 'id',
  installPath: '/usr/bin/id',
  pkg: 'coreutils',
  usage: 'id [OPTION]... [USER]...',
  help: `Show the user and group IDs of each USER, or of the current process when no
USER is given.

  -a             accepted for compatibility and ignored
  -Z, --context  show only the security context (needs SELinux)
  -g, --group    show only the effective group ID
  -G, --groups   show every group ID
  -n, --name     show names instead of numbers (with -u, -g or -G)
  -r, --real     show real IDs instead of effective ones (with -u, -g or -G)
  -u, --user     show only the effective user ID
  -z, --zero     end each entry with a NUL byte instead of a space or newline;
                   not allowed in the default format
${HELP_LINES}

Without an OPTION, id shows a summary of all the IDs.
${coreutilsHelpFooter('id')}`,
  version: coreutilsVersion('id', ['Arnold Robbins', 'David MacKenzie']),
  options: [
    { key: 'a', short: 'a' },
    { key: 'Z', short: 'Z', long: 'context' },
    { key: 'g', short: 'g', long: 'group' },
    { key: 'G', short: 'G', long: 'groups' },
    { key: 'n', short: 'n', long: 'name' },
    { key: 'r', short: 'r', long: 'real' },
    { key: 'u', short: 'u', long: 'user' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const justUser = flag(args, 'u');
    const justGroup = flag(args, 'g');
    const justGroups = flag(args, 'G');
    const useName = flag(args, 'n');
    const useReal = flag(args, 'r');
    const zero = flag(args, 'z');
    if (flag(args, 'Z')) {
      await ctx.error('--context (-Z) works only on an SELinux-enabled kernel');
      return 1;
    }
    if (Number(justUser) + Number(justGroup) + Number(justGroups) > 1) {
      await ctx.error('cannot print "only" of more than one choice');
      return 1;
    }
    const defaultFormat = !(justUser || justGroup || justGroups);
    if (defaultFormat && (useReal || useName)) {
      await ctx.error('cannot print only names or real IDs in default format');
      return 1;
    }
    if (defaultFormat && zero) {
      await ctx.error('option --zero not permitted in default format');
      return 1;
    }
    const acc = await Accounts.load(ctx.sys);
    const printer = new Printer(ctx, acc, useName);
    const multiple = args.operands.length > 1;
    const report = async (ids: Ids): Promise<void> => {
      let line: string;
      if (justUser) line = await printer.user(useReal ? ids.ruid : ids.euid);
      else if (justGroup) line = await printer.group(useReal ? ids.rgid : ids.egid);
      else if (justGroups) {
        const sep = zero ? '\0' : ' ';
        const parts = [await printer.group(ids.rgid)];
        if (ids.egid !== ids.rgid) parts.push(await printer.group(ids.egid));
        const primary = ids.user !== undefined ? (acc.userById(ids.ruid)?.gid ?? ids.egid) : ids.egid;
        for (const g of groupsOf(ctx, acc, ids, primary)) if (g !== ids.rgid && g !== ids.egid) parts.push(await printer.group(g));
        line = parts.join(sep);
      } else line = fullInfo(ctx, acc, ids);
      await ctx.print(line + (zero && justGroups && multiple ? '\0\0' : zero ? '\0' : '\n'));
    };
    if (args.operands.length === 0) {
      await report({ ruid: ctx.sys.getuid(), euid: ctx.sys.geteuid(), rgid: ctx.sys.getgid(), egid: ctx.sys.getegid(), user: undefined });
      return printer.ok ? 0 : 1;
    }
    let ok = true;
    for (const spec of args.operands) {
      // a name wins over a number (parse_user_spec); "+N" is always a number
      let pw = spec === '' ? undefined : acc.userByName(spec);
      if (!pw && /^\+?\d+$/.test(spec)) pw = acc.userById(Number(spec.replace(/^\+/, '')));
      if (!pw) {
        // id.c skips the lookup of an empty name, so its message carries the errno left over
        // from start-up (a locale file that is not there)
        await ctx.error(`${quote(spec)}: no such user${spec === '' ? ': No such file or directory' : ''}`);
        ok = false;
        continue;
      }
      await report({ ruid: pw.uid, euid: pw.uid, rgid: pw.gid, egid: pw.gid, user: pw.name });
    }
    return ok && printer.ok ? 0 : 1;
  },
});
