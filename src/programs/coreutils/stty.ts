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
    const o = parseOptions(argv);
    if (o.action === 'help') {
      await ctx.print(`Usage: ${spec.usage.replace(/\n/g, '\n  or:  ')}\n${spec.help}\n`);
      return 0;
    }
    if (o.action === 'version') {
      await ctx.print(`${spec.version}\n`);
      return 0;
    }
    if (o.twoDevices) return die(ctx, 'only one device may be specified');
    const { all, save, file, settings, noargs } = o;
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

const LONG = ['all', 'save', 'file', 'help', 'version'];

/**
 * stty's option pass: getopt_long over "-agF:" with its errors silenced and non-options returned
 * in order. An argument that getopt rejects (an unknown letter, -F or --file with nothing after
 * it, --all=x) is left whole as a setting, after any letters before the bad one took effect;
 * "--" ends the pass and it and what follows stay as settings, without making noargs false.
 */
function parseOptions(argv: string[]) {
  const o = { all: false, save: false, file: undefined as string | undefined, twoDevices: false, action: undefined as 'help' | 'version' | undefined, settings: [] as string[], noargs: true };
  const setFile = (f: string): void => {
    if (o.file !== undefined) o.twoDevices = true;
    else o.file = f;
  };
  const setting = (a: string): void => {
    if (a !== 'drain' && a !== '-drain') o.noargs = false;
    o.settings.push(a);
  };
  for (let i = 0; i < argv.length && !o.twoDevices && !o.action; i++) {
    const a = argv[i]!;
    if (a === '--') {
      o.settings.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const hits = LONG.filter((l) => l.startsWith(name));
      const opt = hits.includes(name) ? name : hits.length === 1 ? hits[0]! : undefined;
      if (opt === 'file' && (eq >= 0 || i + 1 < argv.length)) setFile(eq >= 0 ? a.slice(eq + 1) : argv[++i]!);
      else if (opt === undefined || opt === 'file' || eq >= 0) setting(a);
      else if (opt === 'all') o.all = true;
      else if (opt === 'save') o.save = true;
      else o.action = opt as 'help' | 'version';
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      setting(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'a') o.all = true;
      else if (c === 'g') o.save = true;
      else if (c === 'F' && (j + 1 < a.length || i + 1 < argv.length)) {
        setFile(j + 1 < a.length ? a.slice(j + 1) : argv[++i]!);
        break;
      } else {
        setting(a);
        break;
      }
      if (o.twoDevices) break;
    }
  }
  return o;
}

async function die(ctx: Ctx, message: string): Promise<number> {
  await ctx.error(message);
  return 1;
}

