// systemd-notify (systemd 253, src/notify/notify.c): tells the service manager about a
// service's state (READY=1, STATUS=, MAINPID= and any VARIABLE=VALUE given) through
// $NOTIFY_SOCKET. The message goes out on behalf of the calling process (the parent) unless
// --pid names another, so a shell script that is a service's main process can report itself
// ready under NotifyAccess=main. --booted says whether systemd is PID 1.
import type { OptionDef } from '../lib/getopt';
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { parseArgsInOrder, reportBad } from './ctl/common';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from './systemctl/help';

const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' },
  { key: 'version', long: 'version' },
  { key: 'ready', long: 'ready' },
  { key: 'pid', long: 'pid', arg: 'optional' },
  { key: 'uid', long: 'uid', arg: 'required' },
  { key: 'status', long: 'status', arg: 'required' },
  { key: 'booted', long: 'booted' },
  { key: 'no-block', long: 'no-block' },
];

/** Where the service manager listens (what it puts in a service's $NOTIFY_SOCKET). */
const MANAGER_SOCKET = '/run/systemd/notify';

function help(name: string): string {
  return `${name} [OPTIONS...] [VARIABLE=VALUE...]

Notify the init system about service status updates.

  -h --help            Show this help
     --version         Show package version
     --ready           Inform the init system about service start-up completion
     --pid[=PID]       Set main PID of daemon
     --uid=USER        Set user to send from
     --status=TEXT     Set status text
     --booted          Check if the system was booted up with systemd
     --no-block        Do not wait until operation finished

See the systemd-notify(1) man page for details.
`;
}

export default defineProgram({
  name: 'systemd-notify',
  installPath: '/usr/bin/systemd-notify',
  pkg: 'systemd',
  async main(ctx) {
    const parsed = parseArgsInOrder(ctx, DEFS);
    let ready = false;
    let booted = false;
    let status: string | undefined;
    let pid: number | undefined;
    for (const { key, value } of parsed.order) {
      if (key === 'help') {
        await ctx.print(help(ctx.name));
        return 0;
      }
      if (key === 'version') {
        await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
        return 0;
      }
      if (key === 'ready') ready = true;
      else if (key === 'booted') booted = true;
      else if (key === 'status') status = value ?? '';
      else if (key === 'uid') {
        // get_user_creds(): a user name or a number that the user database knows (root always);
        // a user it does not know may still be a number (parse_uid(): no sign or blanks, a
        // 32-bit value that is not (uid_t)-1 or the 16-bit -1)
        const name = value ?? '';
        const acc = name === 'root' || name === '0' ? undefined : await Accounts.load(ctx.sys);
        if (acc && !(/^\d+$/.test(name) ? acc.userById(Number(name)) : acc.userByName(name))) {
          const why = !/^\d+$/.test(name) ? 'Invalid argument' : Number(name) > 0xffffffff ? 'Numerical result out of range' : Number(name) === 0xffffffff || Number(name) === 0xffff ? 'No such device or address' : undefined;
          if (why) {
            await ctx.err.write(`Can't resolve user ${name}: ${why}\n`);
            return 1;
          }
        }
      }
      else if (key === 'pid') {
        if (value === undefined || value === '') pid = ctx.sys.getppid();
        else if (/^\d+$/.test(value) && Number(value) > 0) pid = Number(value);
        else {
          await ctx.err.write(`Failed to parse PID ${value}.\n`);
          return 1;
        }
      }
    }
    if (await reportBad(ctx, parsed)) return 1;
    const operands = parsed.operands;
    if (operands.length === 0 && !ready && status === undefined && pid === undefined && !booted) {
      await ctx.print(help(ctx.name));
      return 1;
    }
    // the machine always runs systemd as PID 1
    if (booted) return 0;
    const lines = [...(ready ? ['READY=1'] : []), ...(status !== undefined ? [`STATUS=${status}`] : []), ...(pid !== undefined ? [`MAINPID=${pid}`] : []), ...operands];
    const socket = ctx.env.get('NOTIFY_SOCKET');
    if (!socket) {
      await ctx.err.write('No status data could be sent: $NOTIFY_SOCKET was not set\n');
      return 1;
    }
    if (socket !== MANAGER_SOCKET) {
      await ctx.err.write('Failed to notify init system: No such file or directory\n');
      return 1;
    }
    // sent with the credentials of that process; when it is gone, the kernel refuses them and
    // the message goes out as systemd-notify's own
    const sender = pid ?? ctx.sys.getppid();
    const said = lines.findLast((l) => l.startsWith('STATUS='));
    const alive = await ctx.sys.stat(`/proc/${sender}`).then(() => true, () => false);
    await ctx.sys.call('systemd', { kind: 'notify', ready: lines.includes('READY=1'), ...(said !== undefined ? { status: said.slice(7) } : {}), ...(alive ? { pid: sender } : {}) }).catch(() => undefined);
    return 0;
  },
});
