// logrotate 3.22.0 as Photon 5.0 builds it: reads the configuration files and directories given,
// locks and reads the state file, rotates each log set and writes the state back. Options are
// parsed as popt does (bundled short options, --name=value, options after the files).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { localZone } from '../lib/tz';
import { readAllConfigPaths, type ConfigRun } from './config';
import { DEBUG, Messages } from './messages';
import { rotateLogSet, type RotateRun } from './rotate';
import { lockState, States } from './state';

const VERSION = '3.22.0';
const STATEFILE = '/var/lib/logrotate/logrotate.status';

const USAGE = `Usage: logrotate [-dfv?] [-d|--debug] [-f|--force] [-m|--mail=command]
        [-s|--state=statefile] [--skip-state-lock] [--wait-for-state-lock]
        [-v|--verbose] [-l|--log=logfile] [--version] [-?|--help] [--usage]
        [OPTION...] <configfile>
`;

const HELP = `Usage: logrotate [OPTION...] <configfile>
  -d, --debug                   Dry run: change nothing, print what would
                                be done
  -f, --force                   Rotate the logs even if they are not due
  -m, --mail=command            Program that mails old logs (default
                                \`/usr/bin/mail')
  -s, --state=statefile         Use this state file
      --skip-state-lock         Do not lock the state file
      --wait-for-state-lock     Wait until the state file can be locked
  -v, --verbose                 Print what is done, step by step
  -l, --log=logfile             Also write messages to this file (or
                                'syslog')
      --version                 Print the version and build settings

Help options:
  -?, --help                    Show this help message
      --usage                   Display brief usage message
`;

const VERSION_TEXT = `logrotate ${VERSION}

    Default mail command:       /usr/bin/mail
    Default compress command:   /bin/gzip
    Default uncompress command: /bin/gunzip
    Default compress extension: .gz
    Default state file path:    ${STATEFILE}
    ACL support:                yes
    SELinux support:            no
`;

const LONG: Partial<Record<string, { short: string; arg: boolean }>> = {
  debug: { short: 'd', arg: false },
  force: { short: 'f', arg: false },
  mail: { short: 'm', arg: true },
  state: { short: 's', arg: true },
  'skip-state-lock': { short: 'S', arg: false },
  'wait-for-state-lock': { short: 'W', arg: false },
  verbose: { short: 'v', arg: false },
  log: { short: 'l', arg: true },
  version: { short: 'V', arg: false },
  help: { short: '?', arg: false },
  usage: { short: 'U', arg: false },
};
const SHORT_ARG = new Set(['m', 's', 'l']);

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const m = new Messages(ctx, sys);
  const argv = ctx.argv.slice(1);
  const files: string[] = [];
  let debug = false;
  let force = false;
  let stateFile = STATEFILE;
  let skipLock = false;
  let waitLock = false;
  let mailCommand = '/usr/bin/mail';
  const bad = async (arg: string): Promise<number> => {
    await ctx.err.write(`logrotate: bad argument ${arg}: unknown error\n`);
    return 2;
  };
  /** Each option takes effect when popt returns it: help, usage and version end the run there. */
  const apply = async (o: string, v: string | undefined): Promise<number | undefined> => {
    if (o === 'd') {
      debug = true;
      await m.warn('logrotate in debug mode does nothing except printing debug messages!  Consider using verbose mode (-v) instead if this is not what you want.\n\n');
      m.level = DEBUG;
    } else if (o === 'v') m.level = DEBUG;
    else if (o === 'f') force = true;
    else if (o === 's') stateFile = v!;
    else if (o === 'm') mailCommand = v!;
    else if (o === 'S') skipLock = true;
    else if (o === 'W') waitLock = true;
    else if (o === 'l' && v === 'syslog') m.toSyslog = true;
    else if (o === 'l') {
      try {
        await sys.writeFile(v!, '');
        m.logFile = v;
      } catch (e) {
        if (!isSysError(e)) throw e;
        await m.error(`error opening log file ${v}: ${strerror(e.errno)}\n`);
      }
    } else if (o === 'V') {
      await ctx.print(VERSION_TEXT);
      return 0;
    } else if (o === '?') {
      await ctx.print(HELP);
      return 0;
    } else if (o === 'U') {
      await ctx.print(USAGE);
      return 0;
    }
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const def = LONG[eq < 0 ? a.slice(2) : a.slice(2, eq)];
      if (!def || (!def.arg && eq >= 0)) return bad(a);
      let value: string | undefined;
      if (def.arg) {
        if (eq >= 0) value = a.slice(eq + 1);
        else if (i + 1 < argv.length) value = argv[++i];
        else return bad(a);
      }
      const done = await apply(def.short, value);
      if (done !== undefined) return done;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (!'dfmsvl?'.includes(c)) return bad(a);
        let value: string | undefined;
        if (SHORT_ARG.has(c)) {
          value = a.slice(k + 1);
          if (!value) {
            if (i + 1 >= argv.length) return bad(a);
            value = argv[++i]!;
          }
          k = a.length;
        }
        const done = await apply(c, value);
        if (done !== undefined) return done;
      }
      continue;
    }
    files.push(a);
  }
  if (!files.length) {
    await ctx.err.write(`logrotate ${VERSION} - Copyright (C) 1995-2001 Red Hat, Inc.\nThis may be freely redistributed under the terms of the GNU General Public License\n\n${USAGE}`);
    return 1;
  }
  if (skipLock && waitLock) {
    await ctx.err.write('logrotate: options --skip-state-lock and --wait-for-state-lock are mutually exclusive\n');
    return 1;
  }
  const cfg: ConfigRun = { m, sys, logs: [], taboo: [], depth: 0 };
  let rc = (await readAllConfigPaths(cfg, files)) ? 1 : 0;
  const nowSecs = Math.floor(sys.now() / 1000);
  const zone = await localZone(sys);
  if (!debug && !(await lockState(sys, m, stateFile, skipLock, waitLock))) return 3;
  const states = new States(m, nowSecs, zone);
  if (!(await states.read(sys, stateFile, debug))) rc = 1;
  await m.debug(`\nHandling ${cfg.logs.length} logs\n`);
  const run: RotateRun = { sys, m, states, nowSecs, zone, debug, force, mailCommand };
  for (const log of cfg.logs) if (await rotateLogSet(run, log)) rc = 1;
  if (!debug && !(await states.write(sys, stateFile))) rc = 1;
  return rc;
}

export default defineProgram({
  name: 'logrotate',
  installPath: '/usr/sbin/logrotate',
  pkg: 'logrotate',
  main: (ctx) => main(ctx),
});
