// loginctl (systemd 253): list-sessions, list-users, session-status in their table forms; login
// sessions are the session leaders on terminals (what logind tracks).
import { defineProgram } from '../../define';
import { Accounts } from '../../lib/accounts';
import { formatTable } from '../../../shared/systemd/table';
import { parseArgs, unknownVerb, helpOrVersion } from './common';

export default defineProgram({
  name: 'loginctl',
  installPath: '/usr/bin/loginctl',
  pkg: 'systemd',
  async main(ctx) {
    const p = await parseArgs(ctx, [{ key: 'help', short: 'h', long: 'help' }, { key: 'noPager', long: 'no-pager' }, { key: 'noLegend', long: 'no-legend' }, { key: 'version', long: 'version' }]);
    if (!p) return 1;
    const answered = await helpOrVersion(ctx, p, 'loginctl [OPTIONS...] COMMAND ...\n\nSend control commands to or query the login manager.\n\nSession Commands:\n  list-sessions            List sessions\n\nUser Commands:\n  list-users               List users\n');
    if (answered !== undefined) return answered;
    const [verb = 'list-sessions', ...args] = p.operands;
    const acc = await Accounts.load(ctx.sys);
    const sessions = ctx.sys.processes().filter((x) => x.pid === x.sid && x.tty !== undefined && x.state !== 'Z' && (x.argv[0] ?? '').startsWith('-'));
    const legend = !p.flags.has('noLegend');
    // show_table(): rows sorted by the first column, or "No <things>." when there are none
    const table = async (headers: string[], rows: string[][], word: string): Promise<number> => {
      let text = rows.length ? formatTable(headers, rows, { header: legend }) : '';
      if (legend) text += rows.length ? `\n${rows.length} ${word} listed.\n` : `No ${word}.\n`;
      await ctx.out.write(text);
      return 0;
    };
    if (verb === 'list-sessions') {
      const rows = sessions.map((s, i) => [String(i + 1), String(s.uid), acc.userName(s.uid) ?? String(s.uid), s.tty?.startsWith('tty') ? 'seat0' : '', s.tty ?? '']);
      return table(['SESSION', 'UID', 'USER', 'SEAT', 'TTY'], rows, 'sessions');
    }
    if (verb === 'list-users') {
      const uids = [...new Set(sessions.map((s) => s.uid))].sort((a, b) => a - b);
      return table(['UID', 'USER'], uids.map((u) => [String(u), acc.userName(u) ?? String(u)]), 'users');
    }
    if (verb === 'list-seats') return table(['SEAT'], [['seat0']], 'seats');
    // the lookups that fail before anything is shown
    if ((verb === 'session-status' || verb === 'show-session') && args.length) {
      const unknown = args.find((a) => !/^\d+$/.test(a) || Number(a) < 1 || Number(a) > sessions.length);
      if (unknown !== undefined) {
        await ctx.err.write(`Failed to get session path: No session '${unknown}' known\n`);
        return 1;
      }
    }
    if ((verb === 'user-status' || verb === 'show-user') && args.length) {
      for (const a of args) {
        const uid = /^\d+$/.test(a) ? Number(a) : acc.userByName(a)?.uid;
        if (uid === undefined) {
          await ctx.err.write(`Failed to look up user ${a}: No such process\n`);
          return 1;
        }
        if (!sessions.some((x) => x.uid === uid)) {
          await ctx.err.write(`Failed to get user: User ID ${uid} is not logged in or lingering\n`);
          return 1;
        }
      }
    }
    return unknownVerb(ctx, verb);
  },
});
