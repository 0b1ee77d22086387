// localectl (systemd 253): status from /etc/locale.conf and /etc/vconsole.conf, set-locale and
// set-keymap (which write them), list-locales and list-keymaps.
import { defineProgram } from '../../define';
import { denied, envFile, fields, parseArgs, readText, unknownVerb, helpOrVersion } from './common';

const LOCALES = ['C.UTF-8', 'en_US.UTF-8'];
const KEYMAPS = ['de', 'fr', 'uk', 'us'];

export default defineProgram({
  name: 'localectl',
  installPath: '/usr/bin/localectl',
  pkg: 'systemd',
  async main(ctx) {
    const p = await parseArgs(ctx, [{ key: 'help', short: 'h', long: 'help' }, { key: 'noPager', long: 'no-pager' }, { key: 'noConvert', long: 'no-convert' }, { key: 'version', long: 'version' }]);
    if (!p) return 1;
    const answered = await helpOrVersion(ctx, p, 'localectl [OPTIONS...] COMMAND ...\n\nQuery or change system locale and keyboard settings.\n\nCommands:\n  status                   Show current locale settings\n  set-locale LOCALE...     Set system locale\n  list-locales             Show known locales\n  set-keymap MAP [MAP]     Set console and X11 keyboard mappings\n  list-keymaps             Show known virtual console keyboard mappings\n');
    if (answered !== undefined) return answered;
    const [verb = 'status', ...args] = p.operands;
    switch (verb) {
      case 'status': {
        const locale = envFile(await readText(ctx, '/etc/locale.conf'));
        const vc = envFile(await readText(ctx, '/etc/vconsole.conf'));
        const loc = [...locale].map(([k, v]) => `${k}=${v}`);
        await ctx.out.write(fields([['System Locale', loc.length ? loc.join('\n               ') : 'n/a'], ['VC Keymap', vc.get('KEYMAP') ?? 'n/a'], ['X11 Layout', 'n/a']], 13));
        return 0;
      }
      case 'list-locales':
        await ctx.print(`${LOCALES.join('\n')}\n`);
        return 0;
      case 'list-keymaps':
        await ctx.print(`${KEYMAPS.join('\n')}\n`);
        return 0;
      case 'set-locale': {
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set locale');
        const assignments = args.map((a) => (a.includes('=') ? a : `LANG=${a}`));
        for (const a of assignments) {
          if (!LOCALES.includes(a.slice(a.indexOf('=') + 1)) && a.slice(a.indexOf('=') + 1) !== 'C') {
            await ctx.err.write(`Failed to issue method call: Locale ${a.slice(a.indexOf('=') + 1)} not installed, refusing.\n`);
            return 1;
          }
        }
        await ctx.sys.writeFile('/etc/locale.conf', `${assignments.join('\n')}\n`);
        return 0;
      }
      case 'set-keymap': {
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set keymap');
        if (!KEYMAPS.includes(args[0] ?? '')) {
          await ctx.err.write(`Failed to set keymap: Invalid keymap data\n`);
          return 1;
        }
        await ctx.sys.writeFile('/etc/vconsole.conf', `KEYMAP=${args[0]}\n`);
        return 0;
      }
      default:
        return unknownVerb(ctx, verb);
    }
  },
});
