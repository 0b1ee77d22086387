// setpriv (util-linux 2.38): runs a program with other ids and groups (--ruid/--euid/--reuid,
// --rgid/--egid/--regid, --clear-groups/--keep-groups/--init-groups/--groups), optionally with
// a fresh environment (--reset-env); --dump shows the process's state instead. The machine
// models no capabilities: every process has the full bounding set of the 6.1 kernel and
// nothing inheritable or ambient, so the capability options are accepted and change nothing.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { execvp } from '../lib/execvp';
import { getopt, GetoptError } from '../lib/getopt';
import { utilLinuxVersion } from './common';

/** The capabilities the kernel knows (cap_last_cap 40), in number order. */
export const CAPABILITIES = [
  'chown', 'dac_override', 'dac_read_search', 'fowner', 'fsetid', 'kill', 'setgid', 'setuid', 'setpcap',
  'linux_immutable', 'net_bind_service', 'net_broadcast', 'net_admin', 'net_raw', 'ipc_lock', 'ipc_owner',
  'sys_module', 'sys_rawio', 'sys_chroot', 'sys_ptrace', 'sys_pacct', 'sys_admin', 'sys_boot', 'sys_nice',
  'sys_resource', 'sys_time', 'sys_tty_config', 'mknod', 'lease', 'audit_write', 'audit_control', 'setfcap',
  'mac_override', 'mac_admin', 'syslog', 'wake_alarm', 'block_suspend', 'audit_read', 'perfmon', 'bpf',
  'checkpoint_restore',
];

const PRIVERR = 127;
const DEFPATH = '/usr/local/bin:/bin:/usr/bin';
const DEFPATH_ROOT = '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin';

const HELP = `
Usage:
 setpriv [options] <program> [<argument>...]

Runs a program with other ids, groups or privilege settings.

Options:
 -d, --dump                  print this process's settings, run nothing
 --nnp, --no-new-privs       forbid gaining privileges on exec
 --ambient-caps <caps,...>   ambient capabilities to set
 --inh-caps <caps,...>       inheritable capabilities to set
 --bounding-set <caps>       capability bounding set to set
 --ruid <uid|user>           real uid
 --euid <uid|user>           effective uid
 --rgid <gid|user>           real gid
 --egid <gid|group>          effective gid
 --reuid <uid|user>          real and effective uid
 --regid <gid|group>         real and effective gid
 --clear-groups              drop every supplementary group
 --keep-groups               keep the supplementary groups
 --init-groups               the groups of the --ruid/--reuid user
 --groups <group,...>        these supplementary groups (names or GIDs)
 --securebits <bits>         securebits to set
 --pdeathsig keep|clear|<signame>
                             parent death signal to keep, clear or set
 --selinux-label <label>     SELinux label to use
 --apparmor-profile <pr>     AppArmor profile to use
 --reset-env                 start from an empty environment with
                               HOME, SHELL, USER, LOGNAME and PATH

 -h, --help                  display this help
 -V, --version               display version

 Handle with care: see the manual page first.

For more details see setpriv(1).
`;

class Fail extends Error {
  constructor(readonly text: string, readonly status = 1) {
    super(text);
  }
}

/** strtol_or_err: a whole decimal number, else "msg: 'text'". */
function number(s: string, msg: string): number {
  if (!/^\s*[+-]?\d+$/.test(s)) throw new Fail(`${msg}: '${s}'`);
  const n = Number(s.trim());
  if (!Number.isSafeInteger(n)) throw new Fail(`${msg}: '${s}': Numerical result out of range`);
  return n >>> 0;
}

async function dump(ctx: Ctx): Promise<void> {
  const sys = ctx.sys;
  const groups = sys.getgroups();
  await ctx.print([
    `uid: ${sys.getuid()}`, `euid: ${sys.geteuid()}`, `gid: ${sys.getgid()}`, `egid: ${sys.getegid()}`,
    `Supplementary groups: ${groups.length ? groups.join(',') : '[none]'}`,
    'no_new_privs: 0',
    'Inheritable capabilities: [none]',
    'Ambient capabilities: [none]',
    `Capability bounding set: ${CAPABILITIES.join(',')}`,
    'Securebits: [none]',
    'Parent death signal: [none]',
    '',
  ].join('\n'));
}

export default defineProgram({
  name: 'setpriv',
  installPath: '/usr/bin/setpriv',
  pkg: 'util-linux',
  async main(ctx) {
    const sys = ctx.sys;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'd', short: 'd', long: 'dump' }, { key: 'nnp', long: 'nnp' }, { key: 'nnp', long: 'no-new-privs' },
        { key: 'inh', long: 'inh-caps', arg: 'required' }, { key: 'amb', long: 'ambient-caps', arg: 'required' },
        { key: 'list', long: 'list-caps' }, { key: 'ruid', long: 'ruid', arg: 'required' }, { key: 'euid', long: 'euid', arg: 'required' },
        { key: 'rgid', long: 'rgid', arg: 'required' }, { key: 'egid', long: 'egid', arg: 'required' },
        { key: 'reuid', long: 'reuid', arg: 'required' }, { key: 'regid', long: 'regid', arg: 'required' },
        { key: 'clear-groups', long: 'clear-groups' }, { key: 'keep-groups', long: 'keep-groups' },
        { key: 'init-groups', long: 'init-groups' }, { key: 'groups', long: 'groups', arg: 'required' },
        { key: 'bnd', long: 'bounding-set', arg: 'required' }, { key: 'securebits', long: 'securebits', arg: 'required' },
        { key: 'pdeathsig', long: 'pdeathsig', arg: 'required' }, { key: 'selinux', long: 'selinux-label', arg: 'required' },
        { key: 'apparmor', long: 'apparmor-profile', arg: 'required' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'reset-env', long: 'reset-env' }, { key: 'V', short: 'V', long: 'version' },
      ], { posixOrder: true });
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`setpriv: ${e.message}\nTry 'setpriv --help' for more information.\n`);
      return 1;
    }
    const acc = await Accounts.load(sys);
    const user = (s: string, msg: string): number => acc.userByName(s)?.uid ?? number(s, msg);
    const group = (s: string, msg: string): number => acc.groupByName(s)?.gid ?? number(s, msg);
    let dumpLevel = 0;
    let total = 0;
    let listCaps = false;
    let ruid: number | undefined;
    let euid: number | undefined;
    let rgid: number | undefined;
    let egid: number | undefined;
    let passwd: { name: string; uid: number; gid: number; home: string; shell: string } | undefined;
    const seen = new Set<string>();
    let groupMode: string | undefined;
    let groups: number[] | undefined;
    let resetEnv = false;
    let env = ctx.env;
    const dup: Record<string, string> = {
      nnp: 'duplicate --no-new-privs option', 'clear-groups': 'duplicate --clear-groups option', 'keep-groups': 'duplicate --keep-groups option',
      'init-groups': 'duplicate --init-groups option', groups: 'duplicate --groups option', pdeathsig: 'duplicate --keep-pdeathsig option',
      inh: 'duplicate --inh-caps option', amb: 'duplicate --ambient-caps option', bnd: 'duplicate --bounding-set option',
      securebits: 'duplicate --securebits option', selinux: 'duplicate --selinux-label option', apparmor: 'duplicate --apparmor-profile option',
    };
    try {
      for (const { key, value } of p.order) {
        const v = value ?? '';
        if (['clear-groups', 'keep-groups', 'init-groups', 'groups'].includes(key)) {
          if (groupMode !== undefined && groupMode !== key) throw new Fail('mutually exclusive arguments: --clear-groups --keep-groups --init-groups --groups');
          groupMode = key;
        }
        total++;
        if (dup[key]) {
          if (seen.has(key)) throw new Fail(dup[key]!);
          seen.add(key);
        }
        switch (key) {
          case 'h': await ctx.print(HELP); return 0;
          case 'V': await ctx.print(`${utilLinuxVersion('setpriv')}\n`); return 0;
          case 'd': dumpLevel++; break;
          case 'list': listCaps = true; break;
          case 'reset-env': resetEnv = true; break;
          case 'ruid': case 'reuid': {
            if (key === 'ruid' ? ruid !== undefined : ruid !== undefined || euid !== undefined) throw new Fail(key === 'ruid' ? 'duplicate ruid' : 'duplicate ruid or euid');
            const pw = acc.userByName(v);
            ruid = pw ? pw.uid : number(v, `failed to parse ${key}`);
            if (key === 'reuid') euid = ruid;
            passwd = pw ?? acc.userById(ruid);
            break;
          }
          case 'euid':
            if (euid !== undefined) throw new Fail('duplicate euid');
            euid = user(v, 'failed to parse euid');
            break;
          case 'rgid': case 'egid': case 'regid':
            if (key === 'rgid' && rgid !== undefined) throw new Fail('duplicate rgid');
            if (key === 'egid' && egid !== undefined) throw new Fail('duplicate egid');
            if (key === 'regid' && (rgid !== undefined || egid !== undefined)) throw new Fail('duplicate rgid or egid');
            if (key !== 'egid') rgid = group(v, `failed to parse ${key}`);
            if (key !== 'rgid') egid = key === 'regid' ? rgid : group(v, 'failed to parse egid');
            break;
          case 'groups':
            groups = v.split(',').map((g) => group(g, 'Invalid supplementary group id'));
            break;
        }
      }
      if (dumpLevel) {
        if (total !== dumpLevel || p.operands.length) throw new Fail('--dump is incompatible with all other options');
        await dump(ctx);
        return 0;
      }
      if (listCaps) {
        if (total !== 1 || p.operands.length) throw new Fail('--list-caps must be specified alone');
        await ctx.print(CAPABILITIES.map((c) => `${c}\n`).join(''));
        return 0;
      }
      if (!p.operands.length) throw new Fail('No program specified');
      if ((rgid !== undefined || egid !== undefined) && groupMode === undefined) throw new Fail('--[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups');
      if (groupMode === 'init-groups' && ruid === undefined) throw new Fail('--init-groups requires --ruid or --reuid');
      if (groupMode === 'init-groups' && !passwd) throw new Fail(`uid ${ruid} not found, --init-groups requires an user that can be found on the system`);
      if (resetEnv) {
        env = new Map<string, string>();
        const pw = passwd ?? acc.userById(sys.getuid());
        const term = ctx.env.get('TERM');
        if (term !== undefined) env.set('TERM', term);
        env.set('SHELL', pw?.shell || '/bin/sh');
        env.set('HOME', pw?.home ?? '');
        env.set('USER', pw?.name ?? '');
        env.set('LOGNAME', pw?.name ?? '');
        env.set('PATH', pw && pw.uid ? DEFPATH : DEFPATH_ROOT);
      }
      const step = (what: string, fn: () => void): void => {
        try {
          fn();
        } catch (e) {
          if (!isSysError(e)) throw e;
          throw new Fail(`${what} failed: ${strerror(e.errno as Errno)}`, PRIVERR);
        }
      };
      const newGroups = groups ?? (groupMode === 'init-groups' ? acc.groupList(passwd!.name, passwd!.gid) : groupMode === 'clear-groups' ? [] : undefined);
      // setpriv keeps its capabilities across the uid change, so the gid and groups still
      // change after it; here they change first, unless the uid change must fail anyway
      const uidChange = (): void => step('setresuid', () => sys.setuid(ruid ?? -1, euid ?? -1));
      if (sys.geteuid() !== 0 && (ruid !== undefined || euid !== undefined)) uidChange();
      if (rgid !== undefined || egid !== undefined) step('setresgid', () => sys.setgid(rgid ?? -1, egid ?? -1));
      if (newGroups) step(groupMode === 'init-groups' ? 'initgroups' : 'setgroups', () => sys.setgroups(newGroups));
      if (sys.geteuid() === 0 && (ruid !== undefined || euid !== undefined)) uidChange();
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      await ctx.err.write(`setpriv: ${e.text}\n`);
      return e.status;
    }
    return execvp(ctx, [...p.operands], env, async (e) => {
      await ctx.err.write(`setpriv: failed to execute ${p.operands[0]}: ${strerror(e.errno)}\n`);
    });
  },
});
