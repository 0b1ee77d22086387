// loginctl (systemd 253): list-sessions, list-users, session-status in their table forms; login
// sessions are the session leaders on terminals (what logind tracks).
import { defineProgram } from '../../define';
import { Accounts } from '../../lib/accounts';
import { formatTable } from '../../../shared/systemd/table';
import { parseArgs, unknownVerb } from './common';

export default defineProgram({
  name: 'loginctl',
  installPath: '/usr/bin/loginctl',
  pkg: 'systemd',
  async main(ctx) {
    const p = await parseArgs(ctx, [{ key: 'help', short: 'h', long: 'help' }, { key: 'noPager', long: 'no-pager' }, { key: 'noLegend', long: 'no-legend' }, { key: 'version', long: 'version' }]);
    if (!p) return 1;
    if (p.flags.has('help')) {
      await ctx.print('loginctl [OPTIONS...] COMMAND ...\n\nSend control commands to or query the login manager.\n\nSession Commands:\n  list-sessions            List sessions\n\nUser Commands:\n  list-users               List users\n');
      return 0;
    }
    const [verb = 'list-sessions'] = p.operands;
    const acc = await Accounts.load(ctx.sys);
    const sessions = ctx.sys.processes().filter((x) => x.pid === x.sid && x.tty !== undefined && x.state !== 'Z' && (x.argv[0] ?? '').startsWith('-'));
    const legend = !p.flags.has('noLegend');
    if (verb === 'list-sessions') {
      const rows = sessions.map((s, i) => [String(i + 1), String(s.uid), acc.userName(s.uid) ?? String(s.uid), s.tty?.startsWith('tty') ? 'seat0' : '', s.tty ?? '']);
      let text = rows.length ? formatTable(['SESSION', 'UID', 'USER', 'SEAT', 'TTY'], rows.map((r) => r), { header: legend }) : '';
      if (legend) text += `${rows.length ? '\n' : ''}${rows.length} sessions listed.\n`;
      await ctx.out.write(text);
      return 0;
    }
    if (verb === 'list-users') {
      const uids = [...new Set(sessions.map((s) => s.uid))].sort((a, b) => a - b);
      let text = uids.length ? formatTable(['UID', 'USER'], uids.map((u) => [String(u), acc.userName(u) ?? String(u)]), { header: legend }) : '';
      if (legend) text += `${uids.length ? '\n' : ''}${uids.length} users listed.\n`;
      await ctx.out.write(text);
      return 0;
    }
    return unknownVerb(ctx, verb);
  },
});
