import { isSysError } from '../../shared/errno';
import type { Termios } from '../../shared/termios';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quotef } from '../lib/quote';
import { SttyState, type Group } from './stty-modes';

const spec = {
  name: 'stty',
  installPath: '/usr/bin/stty',
  pkg: 'coreutils',
  usage: 'stty [-F DEVICE | --file=DEVICE] [SETTING]...\nstty [-F DEVICE | --file=DEVICE] [-a|--all]\nstty [-F DEVICE | --file=DEVICE] [-g|--save]',
  help: `Print or change the settings of the terminal on standard input.

  -a, --all          print every setting in human-readable form
  -g, --save         print every setting in a form stty can read back
  -F, --file=DEVICE  use DEVICE instead of standard input
${HELP_LINES}

A setting with a leading - is turned off. Some of them:
  echo, icanon, isig, iexten, echoe, echok, echoctl, icrnl, opost, onlcr
  intr CHAR, quit CHAR, erase CHAR, kill CHAR, eof CHAR, werase CHAR,
  susp CHAR, lnext CHAR (CHAR as ^X, a character, or undef); min N; time N
  rows N, cols N, size, speed
  sane (reasonable values), raw (-raw or cooked), cbreak, nl, ek
${coreutilsHelpFooter('stty')}`,
  version: coreutilsVersion('stty', ['David MacKenzie']),
};

/** wrapf: settings separated by spaces, wrapped at the screen width. */
class Wrap {
  out = '';
  col = 0;
  constructor(private readonly max: number) {}
  add(s: string): void {
    if (this.col > 0) {
      if (this.max - this.col < s.length) {
        this.out += '\n';
        this.col = 0;
      } else {
        this.out += ' ';
        this.col++;
      }
    }
    this.out += s;
    this.col += s.length;
    if (s.endsWith('\n')) this.col = 0;
  }
  nl(): void {
    this.out += '\n';
    this.col = 0;
  }
}

function screenColumns(ctx: Ctx): number {
  try {
    const w = ctx.sys.winsize(1);
    if (w.cols > 0) return w.cols;
  } catch {
    // not a terminal
  }
  const c = Number(ctx.env.get('COLUMNS'));
  return Number.isInteger(c) && c > 0 ? c : 80;
}

function display(ctx: Ctx, s: SttyState, kind: 'changed' | 'all'): string {
  const w = new Wrap(screenColumns(ctx));
  w.add(`speed ${s.speed} baud;`);
  if (kind === 'all') w.add(`rows ${s.size.rows}; columns ${s.size.cols};`);
  w.add(`line = ${s.line};`);
  w.nl();
  let empty = true;
  for (const c of s.chars()) {
    if (kind === 'changed' && c.value === c.sane) continue;
    empty = false;
    w.add(`${c.name} = ${SttyState.visible(c.value)};`);
  }
  if (kind === 'all') {
    w.add(`min = ${s.cc_('min')}; time = ${s.cc_('time')};`);
    if (w.col !== 0) w.nl();
  } else if (!s.icanon()) w.add(`min = ${s.cc_('min')}; time = ${s.cc_('time')};\n`);
  else if (!empty) w.nl();
  w.col = 0;
  let prev: Group = 'control';
  empty = true;
  for (const m of s.modes()) {
    if (m.group !== prev) {
      if (kind === 'all') w.nl();
      else if (!empty) {
        w.nl();
        empty = true;
      }
      prev = m.group;
    }
    const on = s.get(m.name);
    if (kind === 'all') {
      if (on) w.add(m.name);
      else if (m.rev) w.add(`-${m.name}`);
    } else if (on ? m.sane === false : m.sane === true && m.rev) {
      w.add(on ? m.name : `-${m.name}`);
      empty = false;
    }
  }
  if (kind === 'all' || !empty) w.nl();
  return w.out;
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands: argv }) {
    let all = false;
    let save = false;
    let file: string | undefined;
    const settings: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-a' || a === '--all') all = true;
      else if (a === '-g' || a === '--save') save = true;
      else if (a === '-F' || a === '--file') {
        if (i + 1 >= argv.length) return usageError(ctx, spec, a === '-F' ? "option requires an argument -- 'F'" : "option '--file' requires an argument");
        if (file !== undefined) return die(ctx, 'only one device may be specified');
        file = argv[++i];
      } else if (a.startsWith('-F') || a.startsWith('--file=')) {
        if (file !== undefined) return die(ctx, 'only one device may be specified');
        file = a.startsWith('-F') ? a.slice(2) : a.slice(7);
      } else if (a === '--help') {
        await ctx.print(`Usage: ${spec.usage.replace(/\n/g, '\n  or:  ')}\n${spec.help}\n`);
        return 0;
      } else if (a === '--version') {
        await ctx.print(`${spec.version}\n`);
        return 0;
      } else settings.push(a);
    }
    const noargs = settings.every((s) => s === 'drain' || s === '-drain');
    if (all && save) return die(ctx, 'the options for verbose and stty-readable output styles are\nmutually exclusive');
    if (!noargs && (all || save)) return die(ctx, 'when specifying an output style, modes may not be set');
    const device = file ?? 'standard input';
    const state = new SttyState();
    const check = state.apply(settings, true);
    if (check !== undefined && !noargs) {
      await ctx.error(check.message);
      if (check.usage) await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return 1;
    }
    let fd = 0;
    try {
      if (file !== undefined) fd = await ctx.sys.open(file, { read: true });
      const t: Termios = ctx.sys.tcgetattr(fd);
      state.load(t, ctx.sys.winsize(fd));
      if (noargs || all || save) {
        if (save) await ctx.print(`${state.saveString()}\n`);
        else await ctx.print(display(ctx, state, all ? 'all' : 'changed'));
        return 0;
      }
      state.apply(settings, false);
      for (const q of state.queries) await ctx.print(q);
      ctx.sys.tcsetattr(fd, state.store());
      if (state.sizeChanged) ctx.sys.tcsetwinsize(fd, state.size);
      return 0;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.perror(e, quotef(device));
      return 1;
    }
  },
});

async function die(ctx: Ctx, message: string): Promise<number> {
  await ctx.error(message);
  return 1;
}

