// tzselect (glibc 2.36; a shell script on real systems): asks for a location and prints the
// matching TZ value. Here: its options and errors, the check for the zone tables under $TZDIR
// (default /usr/share/zoneinfo) and the first question, a continent chosen by number from
// standard input; the answer narrows to the zones of that region, listed from zone1970.tab.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const HELP = `Usage: tzselect [--version] [--help] [-c COORD] [-n LIMIT]
Select a timezone interactively.

Options:

  -c COORD
    Rather than asking for a continent, a country and a city, offer
    the time zones whose largest cities lie closest to the place at
    geographical coordinates COORD, written in ISO 6709 notation,
    for example '-c +4852+00220' (Paris: degrees and minutes, North
    and East) or '-c -35-058' (Buenos Aires: degrees, South and West).

  -n LIMIT
    With -c, show no more than LIMIT places (10 when not given).

  --version
    Show the version.

  --help
    Show this help.

Report bugs to <https://www.gnu.org/software/libc/bugs.html>.
`;

const CONTINENTS = ['Africa', 'Americas', 'Antarctica', 'Asia', 'Atlantic Ocean', 'Australia', 'Europe', 'Indian Ocean', 'Pacific Ocean'];

async function readable(ctx: Ctx, path: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch {
    return null;
  }
}

async function readLine(ctx: Ctx): Promise<string | null> {
  let line = '';
  for (;;) {
    const chunk = await ctx.sys.read(0, 1);
    if (!chunk || chunk.length === 0) return line === '' ? null : line;
    const ch = String.fromCharCode(chunk[0]!);
    if (ch === '\n') return line;
    line += ch;
  }
}

export default defineProgram({
  name: 'tzselect',
  installPath: '/usr/bin/tzselect',
  pkg: 'glibc',
  async main(ctx) {
    const me = ctx.name.includes('/') ? ctx.name : '/usr/bin/tzselect';
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help') {
        await ctx.print(HELP);
        return 0;
      }
      if (a === '--version') {
        await ctx.print('tzselect (GNU libc) 2.36\n');
        return 0;
      }
      if (a === '--') break;
      if (a === '-c' || a === '-n') {
        if (i + 1 >= args.length) {
          await ctx.err.write(`${me}: option requires an argument -- ${a[1]}\n${me}: try '${me} --help'\n`);
          return 1;
        }
        i++;
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        await ctx.err.write(`${me}: illegal option -- ${a.startsWith('--') ? '-' : a[1]}\n${me}: try '${me} --help'\n`);
        return 1;
      }
      await ctx.err.write(`${me}: ${a}: unexpected argument\n${me}: try '${me} --help'\n`);
      return 1;
    }
    const dir = ctx.env.get('TZDIR') || '/usr/share/zoneinfo';
    const countries = await readable(ctx, `${dir}/iso3166.tab`);
    const zones = countries === null ? null : await readable(ctx, `${dir}/zone1970.tab`);
    if (countries === null || zones === null) {
      const missing = countries === null ? 'iso3166.tab' : 'zone1970.tab';
      await ctx.err.write(`${me}: line 179: ${dir}/${missing}: No such file or directory\n${me}: time zone files are not set up correctly\n`);
      return 1;
    }
    await ctx.err.write('Please identify a location so that time zone rules can be set correctly.\nPlease select a continent, ocean, "coord", or "TZ".\n');
    const menu = [...CONTINENTS, 'coord - I want to use geographical coordinates.', 'TZ - I want to specify the timezone using the Posix TZ format.'];
    await ctx.err.write(menu.map((m, i) => `${String(i + 1).padStart(2)}) ${m}`).join('\n') + '\n');
    for (;;) {
      await ctx.err.write('#? ');
      const answer = await readLine(ctx);
      if (answer === null) return 0;
      const n = Number(answer.trim());
      if (Number.isInteger(n) && n >= 1 && n <= CONTINENTS.length) {
        const region = CONTINENTS[n - 1]!.split(' ')[0]!;
        const names = zones.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[2] ?? '').filter((z) => z.startsWith(`${region === 'Americas' ? 'America' : region}/`));
        await ctx.err.write(`${[...new Set(names)].sort().map((z, i) => `${String(i + 1).padStart(2)}) ${z}`).join('\n')}\n`);
        return 0;
      }
    }
  },
});
