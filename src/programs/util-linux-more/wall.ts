// wall (util-linux 2.38): writes a message, framed by a banner, to the terminal of every
// logged-in user (the login sessions of the machine's utmp).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { readAllBin } from '../lib/textio';
import { localtime, localZone } from '../lib/tz';
import { readUtmp } from '../lib/utmp';
import { errx, NumError, shortName, u32, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 wall [options] [<file> | <message>]

Send a message to the terminals of all logged-in users.

Options:
 -g, --group <group>     only to the members of this group
 -n, --nobanner          leave out the banner (root only)
 -t, --timeout <timeout> give up writing to a terminal after this many seconds

 -h, --help              display this help
 -V, --version           display version

For more details see wall(1).
`;

const WIDTH = 79;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** buf_putc_careful: printable bytes as they are, others as ^X or \ooo. */
function careful(code: number): string {
  const ch = String.fromCharCode(code);
  if ((code >= 0x20 && code < 0x7f) || ch === '\x07' || ch === '\t' || ch === '\r' || ch === '\n') return ch;
  if (code >= 0x80) return `\\${code.toString(8).padStart(3, ' ')}`;
  return `^${String.fromCharCode(code ^ 0x40)}`;
}

export default defineProgram({
  name: 'wall',
  installPath: '/usr/bin/wall',
  pkg: 'util-linux',
  options: [
    { key: 'n', short: 'n', long: 'nobanner' },
    { key: 't', short: 't', long: 'timeout', arg: 'required' },
    { key: 'g', short: 'g', long: 'group', arg: 'required' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    const sys = ctx.sys;
    const acc = await Accounts.load(sys);
    let banner = true;
    let group: number | undefined;
    try {
      for (const { key, value } of args.order) {
        switch (key) {
          case 'n':
            if (sys.geteuid() === 0) banner = false;
            else await warnx(ctx, '--nobanner is available only for root');
            break;
          case 't':
            if (u32(value!, 'invalid timeout argument') < 1) return await errx(ctx, `invalid timeout argument: ${value!}`);
            break;
          case 'g': {
            const g = acc.groupByName(value!);
            if (g) group = g.gid;
            else {
              group = u32(value!, 'invalid group argument');
              if (!acc.groupById(group)) return await errx(ctx, `${value!}: unknown gid`);
            }
            break;
          }
          case 'V': return await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
          case 'h': return await ctx.print(HELP).then(() => 0);
        }
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      throw e;
    }
    const ops = args.operands;
    let file: string | undefined;
    if (ops.length === 1) {
      try {
        await sys.lstat(ops[0]!);
        file = ops[0];
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    let msg = '';
    if (banner) {
      const utmp = await readUtmp(sys);
      const tty = sys.ttyname(0);
      const whom = utmp.find((u) => u.kind === 'user' && tty && `/dev/${u.line}` === tty)?.user ?? acc.userName(sys.getuid()) ?? '<someone>';
      const out = sys.ttyname(1);
      const where = out ? out.replace(/^\/dev\//, '') : 'somewhere';
      const tm = localtime(Math.floor(sys.now() / 1000), await localZone(sys));
      const two = (n: number): string => String(n).padStart(2, '0');
      const date = `${DAYS[tm.wday]} ${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${tm.year}`;
      const head = `Broadcast message from ${whom}@${sys.uname().nodename} (${where}) (${date}):`.slice(0, WIDTH);
      msg += `\r${' '.repeat(WIDTH)}\r\n${head.padEnd(WIDTH)}\x07\x07\r\n`;
    }
    msg += `${' '.repeat(WIDTH)}\r\n`;
    if (ops.length && file === undefined) msg += `${ops.join(' ')}\r\n`;
    else {
      let fd = 0;
      if (file !== undefined) {
        try {
          fd = await sys.open(file, { read: true });
        } catch (e) {
          if (!isSysError(e)) throw e;
          return errx(ctx, `cannot open ${file}: ${strerror(e.errno)}`);
        }
      }
      const data = await readAllBin(ctx, fd);
      if (fd) sys.close(fd);
      // fgets in pieces of LINE_MAX (2048) bytes; a line is padded and broken at 79 columns
      let cnt = 0;
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (cnt === WIDTH || code === 10) {
          msg += `${' '.repeat(Math.max(0, WIDTH - cnt))}\r\n`;
          cnt = 0;
        }
        if (code === 9) cnt += 7 - (cnt % 8);
        if (code !== 10) msg += careful(code);
        cnt++;
        if (code === 10) cnt = 0;
      }
    }
    msg += `${' '.repeat(WIDTH)}\r\n`;
    const bytes = Uint8Array.from(msg, (c) => c.charCodeAt(0) & 0xff);
    for (const u of await readUtmp(sys)) {
      if (u.kind !== 'user' || !u.line || u.line.startsWith(':')) continue;
      if (group !== undefined) {
        const pw = acc.userByName(u.user);
        if (!pw || !acc.groupList(pw.name, pw.gid).includes(group)) continue;
      }
      const dev = `/dev/${u.line}`;
      try {
        const fd = await sys.open(dev, { write: true });
        try {
          await sys.write(fd, bytes);
        } finally {
          sys.close(fd);
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await warnx(ctx, `${dev}: ${strerror(e.errno)}`);
      }
    }
    return 0;
  },
});
