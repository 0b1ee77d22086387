import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const SUFFIX: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
const NUMBER = /^\s*([+-]?(?:0x(?:[0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?|nan))(.*)$/i;

/** strtod(3) in the C locale, then at most one suffix letter; seconds or undefined. */
export function parseInterval(arg: string): number | undefined {
  const m = NUMBER.exec(arg);
  if (!m) return undefined;
  const text = m[1]!.toLowerCase();
  const rest = m[2]!;
  let value: number;
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (body.startsWith('inf')) value = Infinity;
  else if (body === 'nan') value = NaN;
  else if (body.startsWith('0x')) {
    const hm = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(body)!;
    const int = hm[1] ? parseInt(hm[1], 16) : 0;
    const frac = hm[2] ? parseInt(hm[2], 16) / 16 ** hm[2].length : 0;
    value = (int + frac) * 2 ** Number(hm[3] ?? 0);
  } else value = Number(body);
  value *= sign;
  if (!(value >= 0) || rest.length > 1) return undefined;
  const mult = SUFFIX[rest];
  return mult === undefined ? undefined : value * mult;
}

const spec = {
  name: 'sleep',
  installPath: '/usr/bin/sleep',
  pkg: 'coreutils',
  usage: 'sleep NUMBER[SUFFIX]...\nsleep OPTION',
  help: `Wait for NUMBER seconds. SUFFIX may be s (seconds, the default), m (minutes),
h (hours) or d (days). NUMBER may have a fraction, and with several arguments
sleep waits for their sum.

${HELP_LINES}
${coreutilsHelpFooter('sleep')}`,
  version: coreutilsVersion('sleep', ['Jim Meyering', 'Paul Eggert']),
  options: [],
};

const DAY_MS = 86_400_000;

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (ctx.argv.length <= 1) return usageError(ctx, spec, 'missing operand');
    let seconds = 0;
    let ok = true;
    for (const arg of args.operands) {
      const s = parseInterval(arg);
      if (s === undefined) {
        await ctx.error(`invalid time interval ${quote(arg)}`);
        ok = false;
      } else seconds += s;
    }
    if (!ok) {
      await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return 1;
    }
    let ms = seconds * 1000;
    // an infinite (or huge) sleep waits a day at a time so the clock stays sane
    while (ms > DAY_MS) {
      await ctx.sys.sleep(DAY_MS);
      ms -= DAY_MS;
    }
    if (ms > 0) await ctx.sys.sleep(Math.ceil(ms));
    return 0;
  },
});
