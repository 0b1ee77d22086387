// tdnf 3.5, Photon OS 5.0's package manager (also run as yum, tyum and tdnfj): the command
// table of tools/cli/main.c with its root-only commands, option parsing, and the one place
// errors become `Error(code) : message` (or JSON) and the exit status (code & 0xff).
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { isFailure, parseArgs, type CmdArgs } from './args';
import { cmdAlter, type AlterKind } from './cmd-alter';
import { cmdHistory, cmdMark } from './cmd-history';
import { cmdCheckUpdate, cmdCount, cmdInfo, cmdList, cmdProvides, cmdRepoquery, cmdSearch } from './cmd-query';
import { cmdClean, cmdMakecache, cmdRepolist } from './cmd-repo';
import { E, errorMessage, systemError, TdnfError } from './errors';
import { HELP_TEXT } from './help';
import { Out } from './output';
import { Session } from './session';

export const TDNF_VERSION = '3.5.11';

type Handler = (s: Session) => Promise<number | void>;
const alter = (kind: AlterKind): Handler => (s) => cmdAlter(s, kind);

/** [handler, needs root] by command name (main.c arCmdMap). */
const COMMANDS: ReadonlyMap<string, [Handler, boolean]> = new Map<string, [Handler, boolean]>([
  ['autoerase', [alter('autoerase'), true]], ['autoremove', [alter('autoerase'), true]],
  ['check', [async (s) => { await s.refresh(); await s.out.crit('Check completed without issues\n'); }, false]],
  ['check-update', [cmdCheckUpdate, false]], ['clean', [cmdClean, false]], ['count', [cmdCount, false]],
  ['distro-sync', [alter('distro-sync'), true]], ['downgrade', [alter('downgrade'), true]], ['erase', [alter('erase'), true]],
  ['help', [async (s) => { await s.out.crit(`${HELP_TEXT}\n`); }, false]], ['history', [cmdHistory, true]], ['info', [cmdInfo, false]],
  ['install', [alter('install'), true]], ['list', [cmdList, false]], ['makecache', [cmdMakecache, false]], ['mark', [cmdMark, false]],
  ['provides', [cmdProvides, false]], ['whatprovides', [cmdProvides, false]], ['reinstall', [alter('reinstall'), true]], ['remove', [alter('erase'), true]],
  ['repolist', [cmdRepolist, false]], ['repoquery', [cmdRepoquery, false]], ['search', [cmdSearch, false]],
  ['update', [alter('upgrade'), true]], ['update-to', [alter('upgrade'), true]], ['upgrade', [alter('upgrade'), true]], ['upgrade-to', [alter('upgrade'), true]],
  ['updateinfo', [updateinfo, false]],
]);

/** The repositories carry no updateinfo: the summary says so (TDNFCliUpdateInfoSummary). */
async function updateinfo(s: Session): Promise<void> {
  await s.refresh();
  const mode = s.args.cmds[1] ?? (s.args.opts.has('list') ? 'list' : s.args.opts.has('info') ? 'info' : 'summary');
  if (mode !== 'summary') throw new TdnfError(E.NO_DATA);
  if (s.out.json) {
    await s.out.jsonOut({ Unknown: 0, Security: 0, Bugfix: 0, Enhancement: 0 });
    return;
  }
  await s.out.crit('\n0 updates.\n');
  throw new TdnfError(E.NO_DATA);
}

/** Options that tdnf keeps as "setopt" entries (shown by -v). */
const SETOPTS = new Set(['disableplugin', 'disablerepo', 'enableplugin', 'enablerepo', 'exclude', 'noplugins', 'reboot-required', 'repo', 'repoid', 'repofrompath', 'security', 'sec-severity', 'setopt']);

async function run(ctx: Ctx, args: CmdArgs, out: Out): Promise<number> {
  if (args.opts.has('version')) {
    if (out.json) await out.jsonOut({ Name: 'tdnf', Version: TDNF_VERSION });
    else await out.info(`tdnf: ${TDNF_VERSION}\n`);
    return 0;
  }
  if (args.opts.has('help')) {
    await out.crit(`${HELP_TEXT}\n`);
    return 0;
  }
  const name = args.cmds[0];
  if (name === undefined) {
    if (!out.json) await out.crit(`You need to give some command\n${HELP_TEXT}\n`);
    throw new TdnfError(E.CLI_NO_SUCH_CMD);
  }
  const cmd = COMMANDS.get(name);
  if (!cmd) {
    if (!out.json) await out.crit(`No such command: ${name}. Please use /usr/bin/tdnf --help\n`);
    throw new TdnfError(E.CLI_NO_SUCH_CMD);
  }
  if (cmd[1] && ctx.sys.geteuid() !== 0) throw new TdnfError(E.PERM);
  const session = new Session(ctx, args, out);
  await session.open();
  if (args.verbose) {
    const set = [...args.opts].filter(([k]) => SETOPTS.has(k));
    if (set.length) {
      await out.info('Setting options:\n');
      for (const [k, values] of set) for (const v of values) await out.info(`\t${k} = ${v}\n`);
    }
  }
  return (await cmd[0](session)) ?? 0;
}

export default defineProgram({
  name: 'tdnf',
  installPath: '/usr/bin/tdnf',
  aliases: ['/usr/bin/yum', '/usr/bin/tyum', '/usr/bin/tdnfj'],
  pkg: 'tdnf',
  async main(ctx) {
    const parsed = parseArgs(ctx.name.slice(ctx.name.lastIndexOf('/') + 1), ctx.argv.slice(1));
    const json = !isFailure(parsed) && parsed.json;
    const out = isFailure(parsed) ? new Out(ctx, false, false) : Out.of(ctx, parsed);
    let code: number;
    try {
      if (isFailure(parsed)) {
        if (parsed.stdout) await out.crit(parsed.stdout);
        if (parsed.stderr) await out.err(parsed.stderr);
        throw parsed.error;
      }
      code = await run(ctx, parsed, out);
    } catch (e) {
      const err = e instanceof TdnfError ? e : isSysError(e) ? systemError(e.errno) : undefined;
      if (!err) throw e;
      code = err.code;
    }
    if (code === 0 || code === E.CHECK_UPDATES_AVAILABLE) return code;
    const quietCode = code === E.CLI_NOTHING_TO_DO || code === E.NO_DATA;
    await out.ctx.out.flush();
    if (json) {
      if (!quietCode) await out.jsonOut({ Error: code, ErrorMessage: errorMessage(code) });
    } else if (quietCode) await out.err(`${errorMessage(code)}\n`);
    else await out.err(`Error(${code}) : ${errorMessage(code)}\n`);
    return quietCode ? 0 : code & 0xff;
  },
});
