// last and lastb (util-linux 2.38) over /var/log/wtmp and /var/log/btmp. The machine writes
// no login records to them, so they hold none: last reports only when the file begins (its
// change time, as util-linux takes it when the file has no first record).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { DAYS, MONTHS } from '../lib/strftime';
import { localtime, localZone } from '../lib/tz';

export default defineProgram({
  name: 'last',
  installPath: '/usr/bin/last',
  aliases: ['/usr/bin/lastb'],
  pkg: 'util-linux',
  async main(ctx) {
    const name = (ctx.argv[0] ?? 'last').split('/').pop()!;
    const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    let p;
    try {
      p = getopt(args, [
        { key: 'a', short: 'a', long: 'hostlast' }, { key: 'd', short: 'd', long: 'dns' }, { key: 'f', short: 'f', long: 'file', arg: 'required' },
        { key: 'F', short: 'F', long: 'fulltimes' }, { key: 'i', short: 'i', long: 'ip' }, { key: 'n', short: 'n', long: 'limit', arg: 'required' },
        { key: 'R', short: 'R', long: 'nohostname' }, { key: 's', short: 's', long: 'since', arg: 'required' }, { key: 't', short: 't', long: 'until', arg: 'required' },
        { key: 'p', short: 'p', long: 'present', arg: 'required' }, { key: 'w', short: 'w', long: 'fullnames' }, { key: 'x', short: 'x', long: 'system' },
        { key: 'time-format', long: 'time-format', arg: 'required' }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`${name}: ${e.message}\nTry '${name} --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print(`${name} from util-linux 2.38\n`).then(() => 0);
    if (p.flags.has('h')) return ctx.print(`\nUsage:\n ${name} [options] [<username>...] [<tty>...]\n\nShow a listing of last logged in users.\n\nFor more details see last(1).\n`).then(() => 0);
    const files = p.values.get('f') ?? [name === 'lastb' ? '/var/log/btmp' : '/var/log/wtmp'];
    for (const file of files) {
      let st;
      try {
        st = await ctx.sys.stat(file);
        await ctx.sys.readFile(file);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`${name}: cannot open ${file}: ${strerror(e.errno)}\n`);
        return 1;
      }
      const tm = localtime(Math.floor(st.ctime / 1000), await localZone(ctx.sys));
      const two = (n: number): string => String(n).padStart(2, '0');
      const when = `${DAYS[tm.wday]} ${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${tm.year}`;
      await ctx.print(`\n${file.split('/').pop()} begins ${when}\n`);
    }
    return 0;
  },
});
