// setterm (util-linux 2.38): writes the escape sequences that set a terminal's attributes,
// looked up in terminfo for the terminal named by TERM (or --term). Options may be given
// with one dash (getopt_long_only); options that only a Linux console understands are
// refused with a warning on other terminals.
import { defineProgram } from '../define';
import { errx, NumError, s32, shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 setterm [options]

Set the attributes of a terminal.

Options:
 --term <terminal_name>        use this terminal type, not $TERM
 --reset                       reset the terminal to its power-on state
 --resize                      set the rows and columns from the terminal
 --initialize                  write the initialization string
 --default                     default rendition
 --store                       keep the current rendition as the default

 --cursor on|off               show or hide the cursor
 --repeat on|off               keyboard autorepeat
 --appcursorkeys on|off        application mode for the cursor keys
 --linewrap on|off             wrap long lines
 --inversescreen on|off        swap the colors of the whole screen

 --msg on|off                  kernel messages on the console
 --msglevel <0-8>              console log level

 --foreground default|<color>  text color
 --background default|<color>  background color
 --ulcolor [bright] <color>    color of underlined text
 --hbcolor [bright] <color>    color of half-bright text
        <color>: black blue cyan green grey magenta red white yellow

 --bold on|off                 bold
 --half-bright on|off          dim
 --blink on|off                blink
 --underline on|off            underline
 --reverse  on|off             reverse video

 --clear[=<all|rest>]          clear the screen (or the rest of it)
 --tabs[=<number>...]          set tab stops, or show them
 --clrtabs[=<number>...]       clear tab stops (all by default)
 --regtabs[=1-160]             tab stops every <n> columns
 --blank[=0-60|force|poke]     minutes of inactivity before the screen blanks

 --dump[=<number>]             write a console's contents to a file
 --append <number>             append a console's contents to a file
 --file <filename>             the file for --dump and --append

 --powersave on|vsync|hsync|powerdown|off
                               VESA power saving
 --powerdown[=<0-60>]          minutes before VESA power down

 --blength[=<0-2000>]          bell length in milliseconds
 --bfreq[=<number>]            bell frequency in hertz

 --help                        display this help
 --version                     display version

For more details see setterm(1).
`;

type Caps = Partial<Record<'rs1' | 'is2' | 'cnorm' | 'civis' | 'sgr0' | 'bold' | 'dim' | 'blink' | 'rev' | 'smul' | 'rmul' | 'clear' | 'ed', string>> & { cols?: number };

const XTERM: Caps = {
  cols: 80, blink: '\x1b[5m', bold: '\x1b[1m', civis: '\x1b[?25l', clear: '\x1b[H\x1b[2J', cnorm: '\x1b[?12l\x1b[?25h', dim: '\x1b[2m',
  ed: '\x1b[J', is2: '\x1b[!p\x1b[?3;4l\x1b[4l\x1b>', rev: '\x1b[7m', rmul: '\x1b[24m', rs1: '\x1bc', sgr0: '\x1b(B\x1b[m', smul: '\x1b[4m',
};
const SCREEN: Caps = {
  cols: 80, blink: '\x1b[5m', bold: '\x1b[1m', civis: '\x1b[?25l', clear: '\x1b[H\x1b[J', cnorm: '\x1b[34h\x1b[?25h', dim: '\x1b[2m',
  ed: '\x1b[J', is2: '\x1b)0', rev: '\x1b[7m', rmul: '\x1b[24m', sgr0: '\x1b[m\x0f', smul: '\x1b[4m',
};

/** The capabilities setterm uses, from the terminfo entries of ncurses 6.4. */
const TERMINFO = new Map<string, Caps>([
  ['xterm', XTERM],
  ['xterm-256color', { ...XTERM, rs1: '\x1bc\x1b]104\x07' }],
  ['xterm-color', { cols: 80, bold: '\x1b[1m', clear: '\x1b[H\x1b[2J', ed: '\x1b[J', is2: '\x1b[m\x1b[?7h\x1b[4l\x1b>\x1b7\x1b[r\x1b[?1;3;4;6l\x1b8', rev: '\x1b[7m', rmul: '\x1b[m', sgr0: '\x1b[m', smul: '\x1b[4m' }],
  ['linux', { blink: '\x1b[5m', bold: '\x1b[1m', civis: '\x1b[?25l\x1b[?1c', clear: '\x1b[H\x1b[J', cnorm: '\x1b[?25h\x1b[?0c', dim: '\x1b[2m', ed: '\x1b[J', rev: '\x1b[7m', rmul: '\x1b[24m', rs1: '\x1bc\x1b]R', sgr0: '\x1b[m\x0f', smul: '\x1b[4m' }],
  ['vt220', { cols: 80, blink: '\x1b[5m', bold: '\x1b[1m', civis: '\x1b[?25l', clear: '\x1b[H\x1b[J', cnorm: '\x1b[?25h', ed: '\x1b[J', is2: '\x1b[?7h\x1b[>\x1b[?1l\x1b F\x1b[?4l', rev: '\x1b[7m', rmul: '\x1b[24m', rs1: '\x1b[?3l', sgr0: '\x1b[m\x1b(B', smul: '\x1b[4m' }],
  ['screen', SCREEN],
  ['screen-256color', SCREEN],
  ['tmux', SCREEN],
  ['tmux-256color', SCREEN],
  ['ansi', { cols: 80, blink: '\x1b[5m', bold: '\x1b[1m', clear: '\x1b[H\x1b[J', ed: '\x1b[J', rev: '\x1b[7m', rmul: '\x1b[m', sgr0: '\x1b[0;10m', smul: '\x1b[4m' }],
  ['dumb', { cols: 80 }],
]);

const COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'grey', 'default'];

type ArgKind = 'none' | 'required' | 'optional';
const LONG: [string, ArgKind][] = [
  ['term', 'required'], ['reset', 'none'], ['resize', 'none'], ['initialize', 'none'], ['cursor', 'required'], ['repeat', 'required'],
  ['appcursorkeys', 'required'], ['linewrap', 'required'], ['default', 'none'], ['foreground', 'required'], ['background', 'required'],
  ['ulcolor', 'required'], ['hbcolor', 'required'], ['inversescreen', 'required'], ['bold', 'required'], ['half-bright', 'required'],
  ['blink', 'required'], ['reverse', 'required'], ['underline', 'required'], ['store', 'none'], ['clear', 'optional'], ['tabs', 'optional'],
  ['clrtabs', 'optional'], ['regtabs', 'optional'], ['blank', 'optional'], ['dump', 'optional'], ['append', 'required'], ['file', 'required'],
  ['msg', 'required'], ['msglevel', 'required'], ['powersave', 'required'], ['powerdown', 'optional'], ['blength', 'optional'],
  ['bfreq', 'optional'], ['version', 'none'], ['help', 'none'],
];

class Fail extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
  }
}

const sw = (v: string, on: string, off: string): boolean => {
  if (v === on) return true;
  if (v === off) return false;
  throw new Fail(`argument error: '${v}'`);
};

function color(v: string): number {
  const i = COLORS.indexOf(v);
  return i >= 0 ? i : s32(v, 'argument error');
}

export default defineProgram({
  name: 'setterm',
  installPath: '/usr/bin/setterm',
  pkg: 'util-linux',
  async main(ctx, args) {
    const av = args.operands;
    if (av.length < 1) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    const seen = new Map<string, string[]>();
    const order: string[] = [];
    let term: string | undefined;
    try {
      for (let i = 0; i < av.length; i++) {
        const a = av[i]!;
        if (!a.startsWith('-') || a === '-' || a === '--') continue;
        const body = a.replace(/^--?/, '');
        const eq = body.indexOf('=');
        const name = eq < 0 ? body : body.slice(0, eq);
        let inline = eq < 0 ? undefined : body.slice(eq + 1);
        const exact = LONG.find(([n]) => n === name);
        const cands = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name));
        if (cands.length !== 1) {
          const msg = cands.length === 0 ? `unrecognized option '${a}'` : `option '${a}' is ambiguous; possibilities:${cands.map(([n]) => ` '-${a.startsWith('--') ? '-' : ''}${n}'`).join('')}`;
          throw new Fail(msg, true);
        }
        const [opt, kind] = cands[0]!;
        if (opt === 'help') {
          await ctx.print(HELP);
          return 0;
        }
        if (opt === 'version') {
          await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`);
          return 0;
        }
        if (kind === 'none' && inline !== undefined) throw new Fail(`option '${a.slice(0, a.indexOf('='))}' doesn't allow an argument`, true);
        if (kind === 'required' && inline === undefined) {
          if (i + 1 >= av.length) throw new Fail(`option '${a}' requires an argument`, true);
          inline = av[++i]!;
        }
        if (['default', 'store'].includes(opt) && order.includes(opt === 'default' ? 'store' : 'default')) throw new Fail('mutually exclusive arguments: --default --store');
        if (['tabs', 'clrtabs', 'regtabs'].includes(opt) && order.some((o) => o !== opt && ['tabs', 'clrtabs', 'regtabs'].includes(o))) throw new Fail('mutually exclusive arguments: --tabs --clrtabs --regtabs');
        if (seen.has(opt) || (opt === 'msglevel' && seen.has('msg'))) throw new Fail('duplicate use of an option');
        const vals: string[] = inline === undefined ? [] : [inline];
        const optional = (): string | undefined => {
          if (inline !== undefined) return inline;
          const next = av[i + 1];
          if (next === undefined || next.startsWith('-')) return undefined;
          i++;
          return next;
        };
        switch (opt) {
          case 'term': term = inline; break;
          case 'cursor': case 'repeat': case 'appcursorkeys': case 'linewrap': case 'inversescreen':
          case 'bold': case 'half-bright': case 'blink': case 'reverse': case 'underline': case 'msg':
            sw(inline!, 'on', 'off');
            break;
          case 'foreground': case 'background': {
            const c = color(inline!);
            if (c < 0 || c > 9 || c === 8) throw new Fail(`argument error: ${inline!}`);
            vals[0] = String(c);
            break;
          }
          case 'ulcolor': case 'hbcolor': {
            let name = inline!;
            let bright = false;
            if (av[i + 1] !== undefined && name === 'bright') {
              bright = true;
              name = av[++i]!;
            }
            let c = color(name);
            if (c < 0 || c > 9 || c === 9) throw new Fail(`argument error: ${name}`);
            if (bright && (c === 0 || c === 8)) throw new Fail(`argument error: bright ${name} is not supported`);
            if (bright) c |= 8;
            vals[0] = String(c);
            break;
          }
          case 'clear':
            vals[0] = inline === undefined ? 'all' : sw(inline, 'all', 'rest') ? 'all' : 'rest';
            break;
          case 'tabs': case 'clrtabs': {
            const list: number[] = [];
            if (inline !== undefined) list.push(s32(inline, 'argument error'));
            while (av[i + 1] !== undefined && !av[i + 1]!.startsWith('-')) {
              if (list.length > 160) throw new Fail('too many tabs');
              list.push(s32(av[++i]!, 'argument error'));
            }
            vals.splice(0, vals.length, ...list.map(String));
            break;
          }
          case 'regtabs': {
            const v = optional();
            const n = v === undefined ? 8 : s32(v, 'argument error');
            if (n < 1 || n > 160) throw new Fail(`argument error: ${v!}`);
            vals[0] = String(n);
            break;
          }
          case 'blank': case 'powerdown': {
            const v = optional();
            if (v !== undefined && v !== 'force' && v !== 'poke') {
              const n = s32(v, 'argument error');
              if (n < 0 || n > 60) throw new Fail(`argument error: ${v}`);
            }
            vals[0] = v ?? '';
            break;
          }
          case 'blength': {
            const v = optional();
            const n = v === undefined ? 0 : s32(v, 'argument error');
            if (n < 0 || n > 2000) throw new Fail(`argument error: ${v!}`);
            vals[0] = String(n);
            break;
          }
          case 'bfreq': {
            const v = optional();
            vals[0] = String(v === undefined ? 0 : s32(v, 'argument error'));
            break;
          }
          case 'dump': case 'append': {
            const v = opt === 'dump' ? optional() : inline;
            if (v !== undefined && s32(v, 'argument error') < 1) throw new Fail(`argument error: ${v}`);
            break;
          }
          case 'msglevel': {
            const n = s32(inline!, 'argument error');
            if (n < 0 || n > 8) throw new Fail(`argument error: ${inline!}`);
            if (n === 0) seen.set('msg', ['on']);
            break;
          }
          case 'powersave':
            if (!['on', 'vsync', 'hsync', 'powerdown', 'off'].includes(inline!)) throw new Fail(`argument error: ${inline!}`);
            break;
        }
        seen.set(opt, vals);
        order.push(opt);
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      if (e instanceof Fail) {
        await warnx(ctx, e.message);
        return e.usage ? tryHelp(ctx) : 1;
      }
      throw e;
    }
    const name = term ?? ctx.env.get('TERM');
    if (name === undefined) return errx(ctx, '$TERM is not defined.');
    const caps = TERMINFO.get(name);
    if (!caps) return errx(ctx, `${name}: unknown terminal type`);
    const vc = name.startsWith('con') || name.startsWith('linux');
    const warnings: string[] = [];
    const vcOnly = (what: string | null): boolean => {
      if (!vc && what) warnings.push(`terminal ${name} does not support ${what}`);
      return vc;
    };
    const on = (k: string): boolean => seen.get(k)?.[0] === 'on';
    const has = (k: string): boolean => seen.has(k);
    let out = '';
    const putp = (cap: keyof Caps): void => {
      const v = caps[cap];
      if (typeof v === 'string') out += v;
    };
    if (has('reset')) putp('rs1');
    if (has('initialize')) putp('is2');
    if (has('cursor')) putp(on('cursor') ? 'cnorm' : 'civis');
    if (has('linewrap')) out += on('linewrap') ? '\x1b[?7h' : '\x1b[?7l';
    if (has('repeat') && vcOnly('--repeat')) out += on('repeat') ? '\x1b[?8h' : '\x1b[?8l';
    if (has('appcursorkeys') && vcOnly('--appcursorkeys')) out += on('appcursorkeys') ? '\x1b[?1h' : '\x1b[?1l';
    if (has('default')) {
      if (vcOnly(null)) out += '\x1b[0m';
      else putp('sgr0');
    }
    if (has('foreground')) out += `\x1b[3${seen.get('foreground')![0]!}m`;
    if (has('background')) out += `\x1b[4${seen.get('background')![0]!}m`;
    if (has('ulcolor') && vcOnly('--ulcolor')) out += `\x1b[1;${seen.get('ulcolor')![0]!}]`;
    if (has('hbcolor')) out += `\x1b[2;${seen.get('hbcolor')![0]!}]`;
    if (has('inversescreen')) out += on('inversescreen') ? '\x1b[?5h' : '\x1b[?5l';
    const attr = (k: string, cap: keyof Caps, off: string): void => {
      if (!has(k)) return;
      if (on(k)) putp(cap);
      else if (vcOnly(null)) out += off;
      else putp('sgr0');
    };
    attr('bold', 'bold', '\x1b[22m');
    attr('half-bright', 'dim', '\x1b[22m');
    attr('blink', 'blink', '\x1b[25m');
    attr('reverse', 'rev', '\x1b[27m');
    if (has('underline')) putp(on('underline') ? 'smul' : 'rmul');
    if (has('store') && vcOnly('--store')) out += '\x1b[8]';
    if (has('clear')) putp(seen.get('clear')![0] === 'all' ? 'clear' : 'ed');
    if (has('tabs')) {
      const list = seen.get('tabs')!.map(Number).filter((n) => n > 0);
      if (seen.get('tabs')!.length === 0) {
        const co = caps.cols ?? 0;
        if (co > 0) {
          out += '\r         ';
          for (let i = 10; i < co - 2; i += 10) out += String(i).padEnd(10);
          out += '\n';
          for (let i = 1; i <= co; i++) out += String(i % 10);
          out += '\n';
          for (let i = 1; i < co; i++) out += '\tT\b';
          out += '\n';
        }
      } else out += `${list.map((n) => `\x1b[${n}G\x1bH`).join('')}\r`;
    }
    if (has('clrtabs') && vcOnly('--clrtabs')) {
      const list = seen.get('clrtabs')!.map(Number);
      out += list.length === 0 ? '\x1b[3g' : list.filter((n) => n > 0).map((n) => `\x1b[${n}G\x1b[g`).join('');
      out += '\r';
    }
    if (has('regtabs') && vcOnly('--regtabs')) {
      const len = Number(seen.get('regtabs')![0]);
      out += '\x1b[3g\r';
      for (let i = len + 1; i <= 160; i += len) out += `\x1b[${len}C\x1bH`;
      out += '\r';
    }
    if (has('blank') && vcOnly('--blank')) {
      const v = seen.get('blank')![0]!;
      if (/^\d+$/.test(v)) out += `\x1b[9;${Number(v)}]`;
      else warnings.push('TIOCLINUX: Inappropriate ioctl for device');
    }
    if (has('powersave')) warnings.push('cannot (un)set powersave mode: Inappropriate ioctl for device');
    if (has('powerdown')) out += `\x1b[14;${Number(seen.get('powerdown')![0] || 0)}]`;
    if (has('msg') && vcOnly('--msg')) warnings.push('klogctl error: Operation not permitted');
    if (has('msglevel') && vcOnly('--msglevel')) warnings.push('klogctl error: Operation not permitted');
    if (has('blength') && vcOnly('--blength')) out += `\x1b[11;${seen.get('blength')![0]!}]`;
    if (has('bfreq') && vcOnly('--bfreq')) out += `\x1b[10;${seen.get('bfreq')![0]!}]`;
    // stderr is unbuffered, stdout is written at exit: warnings come first
    for (const w of warnings) await warnx(ctx, w);
    await ctx.print(out);
    return 0;
  },
});
