// logger (util-linux 2.38): sends a message to the journal as syslog would, tagged with the
// user's name unless -t says otherwise, at user.notice unless -p says otherwise.
import type { JournalRequest } from '../../shared/services/journal';
import { defineProgram } from '../define';
import { strftime } from '../lib/strftime';
import { localZone } from '../lib/tz';

const FACILITIES: Record<string, number> = { kern: 0, user: 1, mail: 2, daemon: 3, auth: 4, syslog: 5, lpr: 6, news: 7, uucp: 8, cron: 9, authpriv: 10, ftp: 11, local0: 16, local1: 17, local2: 18, local3: 19, local4: 20, local5: 21, local6: 22, local7: 23, security: 4 };
const LEVELS: Record<string, number> = { emerg: 0, panic: 0, alert: 1, crit: 2, err: 3, error: 3, warning: 4, warn: 4, notice: 5, info: 6, debug: 7 };

export default defineProgram({
  name: 'logger',
  installPath: '/usr/bin/logger',
  pkg: 'util-linux',
  usage: 'logger [options] [<message>]',
  help: `\nEnter messages into the system log.\n\nOptions:\n -i                       log the logger command's PID\n     --id[=<id>]          log the given <id>, or otherwise the PID\n -f, --file <file>        log the contents of this file\n -e, --skip-empty         do not log empty lines when processing files\n -p, --priority <prio>    mark given message with this priority\n -s, --stderr             output message to standard error as well\n     --no-act             prepare the message but do not send it\n -t, --tag <tag>          mark every line with this tag\n -h, --help               display this help\n -V, --version            display version`,
  version: 'logger from util-linux 2.38.1',
  options: [
    { key: 'i', short: 'i' }, { key: 'id', long: 'id', arg: 'optional' }, { key: 'file', short: 'f', long: 'file', arg: 'required' },
    { key: 'skip', short: 'e', long: 'skip-empty' }, { key: 'prio', short: 'p', long: 'priority', arg: 'required' },
    { key: 'stderr', short: 's', long: 'stderr' }, { key: 'tag', short: 't', long: 'tag', arg: 'required' },
    { key: 'noact', long: 'no-act' },
    { key: 'help', short: 'h', long: 'help' }, { key: 'version', short: 'V', long: 'version' },
  ],
  async main(ctx, { flags, values, operands }) {
    let facility = 1;
    let priority = 5;
    const p = values.get('prio')?.at(-1);
    if (p !== undefined) {
      const [a, b] = p.includes('.') ? p.split('.', 2) : [undefined, p];
      if (a !== undefined) {
        const f = FACILITIES[a];
        if (f === undefined) {
          await ctx.error(`unknown facility name: ${a}`);
          return 1;
        }
        facility = f;
      }
      const l = /^\d+$/.test(b!) ? Number(b) : LEVELS[b!];
      if (l === undefined || l > 7) {
        await ctx.error(`unknown priority name: ${b}`);
        return 1;
      }
      priority = l;
    }
    const tag = values.get('tag')?.at(-1) ?? ctx.env.get('LOGNAME') ?? ctx.env.get('USER') ?? 'root';
    let lines: string[];
    const file = values.get('file')?.at(-1);
    if (operands.length) lines = [operands.join(' ')];
    else {
      let text = '';
      try {
        text = new TextDecoder().decode(file !== undefined ? await ctx.sys.readFile(file) : await readAll(ctx));
      } catch (e) {
        await ctx.perror(e, `${file}`);
        return 1;
      }
      lines = text.split('\n');
      if (lines.at(-1) === '') lines.pop();
      if (flags.has('skip')) lines = lines.filter((l) => l !== '');
    }
    // -i or --id: the PID (or the id given) in brackets after the tag
    const id = values.get('id')?.at(-1);
    const pid = id !== undefined && id !== '' ? id : flags.has('i') || values.has('id') ? String(ctx.sys.pid) : undefined;
    const req: JournalRequest = { kind: 'append', entries: lines.map((message) => ({ identifier: tag, message, priority, facility, transport: 'syslog' as const })) };
    if (!flags.has('noact')) await ctx.sys.call('journal', req);
    if (flags.has('stderr')) {
      // what went to the socket, header and all (the local header: <PRI>, the time as
      // RFC 3164 writes it, in local time, the tag and the id)
      const header = `<${facility * 8 + priority}>${strftime('%b %e %H:%M:%S', ctx.sys.now(), undefined, await localZone(ctx.sys))} ${tag}${pid !== undefined ? `[${pid}]` : ''}: `;
      for (const l of lines) await ctx.err.write(`${header}${l}\n`);
    }
    return 0;
  },
});

async function readAll(ctx: { sys: { read(fd: number): Promise<Uint8Array | null> } }): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const chunk = await ctx.sys.read(0);
    if (!chunk || chunk.length === 0) break;
    parts.push(chunk);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
