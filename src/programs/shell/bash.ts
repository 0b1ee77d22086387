// /bin/bash: sets up the shell's state from its arguments and environment, then runs a
// -c string, a script file, standard input, or the interactive read-eval loop.
import { isSysError, strerror } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { interactiveInt } from './interactive-int';
import { AbortCommand, TopLevelAbort, Interrupted, ShellExit, ShellFatal } from './control';
import { E, engineLoaded, Interpreter, loadEngine } from './interpreter';
import { LineEditor, LineInterrupted } from './line-editor';
import { utf8Locale } from './ansi-c';
import type { List } from './ast';
import { decodePrompt } from './prompt';
import { ShellState } from './state';
import { parseArgs, usageText, type Invocation } from './invocation';
import { binarySample, decodeBytes, encodeText } from './byte-text';
import { makeRestricted } from './restricted';
import { loginStartup } from './login-checkpoint';

function isControlFlow(e: unknown): boolean {
  return e instanceof ShellExit || (typeof e === 'object' && e !== null && ['ReturnSignal', 'BreakSignal', 'ContinueSignal', 'ProcessExit'].includes(e.constructor.name));
}
export const BASH_VERSION = '5.2.15(1)-release';

/** A function a parent shell exported (BASH_FUNC_name%%=() { ...}); a malformed one is ignored. */
function importFunction(st: ShellState, name: string, body: string): void {
  if (!/^[^\s$`'"\\|&;<>()=]+$/.test(name)) return;
  try {
    const cmd = new E.Parser(`${name} ${body}`, {}).nextCommand()?.items[0]?.cmd;
    if (cmd?.kind !== 'funcdef') return;
    st.functions.set(name, cmd);
    st.exportedFunctions.add(name);
  } catch {
    // not a function definition after all
  }
}

/** adjust_shell_level(1): one more than the inherited SHLVL (not a number: 0); 1000 and up is reset to 1. */
function shellLevel(old = ''): number {
  return Math.max(0, (/^\s*[-+]?\d+\s*$/.test(old) ? Number(old) : 0) + 1);
}

/** The user's shell from /etc/passwd (bash sets $SHELL to it when the environment has none). */
async function loginShell(sys: Sys): Promise<string> {
  try {
    const uid = String(sys.geteuid());
    for (const line of decodeBytes(await sys.readFile('/etc/passwd')).split('\n')) {
      const f = line.split(':');
      if (f[2] === uid && f[6]) return f[6];
    }
  } catch {
    // no passwd file
  }
  return '/bin/sh';
}

const IGNORED_FROM_ENV = new Set(['LINENO', 'BASH_SUBSHELL', 'BASHPID', 'HISTCMD', 'BASH_COMMAND', 'EPOCHSECONDS', 'EPOCHREALTIME', 'FUNCNAME', 'RANDOM', 'SRANDOM']);

function initState(sys: Sys, inv: Invocation): ShellState {
  const st = new ShellState();
  for (const [k, v] of sys.env) {
    // the shell's own dynamic variables ignore the environment, but for SECONDS (where the
    // count starts), which installDynamicVars takes from envDynamic
    if (IGNORED_FROM_ENV.has(k)) continue;
    if (k === 'SECONDS') {
      st.envDynamic.set(k, v);
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) st.globals.set(k, { value: v, exported: true });
    // POSIXLY_CORRECT in the environment starts the shell in posix mode
    if (k === 'POSIXLY_CORRECT') st.posixMode(true);
    else if (k.startsWith('BASH_FUNC_') && k.endsWith('%%') && v.startsWith('() {')) importFunction(st, k.slice(10, -2), v);
  }
  const setDefault = (name: string, value: string): void => {
    if (!st.globals.has(name)) st.globals.set(name, { value });
  };
  st.shellPid = sys.pid;
  st.startedAt = sys.now();
  const ro = (name: string, value: string): void => {
    st.globals.set(name, { value, readonly: true, ...(st.globals.get(name)?.exported ? { exported: true } : {}) });
  };
  ro('PPID', String(sys.getppid()));
  ro('UID', String(sys.getuid()));
  ro('EUID', String(sys.geteuid()));
  for (const n of ['PPID', 'UID', 'EUID']) st.globals.get(n)!.integer = true;
  st.groups = [sys.getgid(), ...sys.getgroups().filter((g) => g !== sys.getgid())];
  st.globals.set('BASH_VERSINFO', { array: new Map([[0, '5'], [1, '2'], [2, '15'], [3, '1'], [4, 'release'], [5, 'x86_64-pc-linux-gnu']]), readonly: true });
  st.globals.set('BASH_VERSION', { value: BASH_VERSION });
  st.globals.set('BASH', { value: '/usr/bin/bash' });
  st.globals.set('HOSTNAME', { value: sys.uname().nodename });
  st.globals.set('HOSTTYPE', { value: 'x86_64' });
  st.globals.set('OSTYPE', { value: 'linux-gnu' });
  st.globals.set('MACHTYPE', { value: 'x86_64-pc-linux-gnu' });
  setDefault('IFS', ' \t\n');
  // bash gives a shell with none a TERM of dumb and SHELL from the user's passwd entry
  setDefault('TERM', 'dumb');
  setDefault('BASH_LOADABLES_PATH', '/usr/local/lib/bash:/usr/lib/bash:/opt/local/lib/bash:/usr/pkg/lib/bash:/opt/pkg/lib/bash:.');
  setDefault('PS4', '+ ');
  setDefault('OPTIND', '1');
  st.globals.get('OPTIND')!.integer = true;
  setDefault('OPTERR', '1');
  setDefault('PATH', '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin');
  st.globals.set('SHLVL', { value: String(shellLevel(st.get('SHLVL'))), exported: true });
  // $PWD: inherited if it names the current directory, else the physical path
  const cwd = sys.getcwd();
  const envPwd = st.get('PWD');
  st.globals.set('PWD', { value: envPwd && envPwd.startsWith('/') ? envPwd : cwd, exported: true });
  if (!st.globals.get('OLDPWD')?.value) st.globals.set('OLDPWD', { exported: true });
  st.login = inv.login;
  if (inv.login) st.shopts.add('login_shell');
  return st;
}

/** An unknown -o or -O name: bash reports it as from line 0 and does not start. */
function badOptionName(inv: Invocation, name: string): string | undefined {
  for (let i = 0; i < inv.options.length; i++) {
    const o = inv.options[i]!;
    if (o.slice(1) !== 'o') continue;
    const opt = inv.options[++i]!;
    if (!E.SET_OPTIONS.some(([n]) => n === opt)) return `${name}: line 0: ${name}: ${opt}: invalid option name\n`;
  }
  for (const [, opt] of inv.shopts) if (!E.SHOPT_NAMES.includes(opt)) return `${name}: line 0: ${opt}: invalid shell option name\n`;
  return undefined;
}

/** A shell started restricted: shopt restricted_shell says so, and the limits apply. */
function startRestricted(st: ShellState): void {
  st.shopts.add('restricted_shell');
  makeRestricted(st);
}

async function applyOptions(sh: Interpreter, opts: string[]): Promise<void> {
  if (opts.length === 0) return;
  await E.set(sh, ['set', ...opts]);
}

async function sourceIfExists(sh: Interpreter, path: string): Promise<boolean> {
  try {
    const st = await sh.sys.stat(path);
    if (st.kind !== 'file') return false;
  } catch {
    return false;
  }
  await loadEngine(sh.sys);
  await E.source(sh, ['.', path]);
  return true;
}

function historyFile(sh: Interpreter): string | undefined {
  const f = sh.state.get('HISTFILE');
  if (f !== undefined) return f || undefined;
  const home = sh.state.get('HOME');
  return home ? `${home}/.bash_history` : undefined;
}

/** ~/.bash_history: read at start (the last HISTSIZE entries). */
async function loadHistoryFile(sh: Interpreter): Promise<void> {
  const file = historyFile(sh);
  if (!file) return;
  try {
    const text = decodeBytes(await sh.sys.readFile(file));
    const size = Number(sh.state.get('HISTSIZE') ?? '500') || 500;
    sh.state.history = text.split('\n').filter((l) => l !== '').slice(-size);
  } catch {
    // no history yet
  }
}

/** Each command is appended as it is entered, so a closed tab loses none (like `history -a`). */
async function appendHistoryFile(sh: Interpreter, entry: string): Promise<void> {
  const file = historyFile(sh);
  if (!file) return;
  try {
    await sh.sys.writeFile(file, encodeText(`${entry}\n`), { append: true, mode: 0o600 });
  } catch {
    // an unwritable history file is not an error for the user
  }
}

/** The EXIT trap; `exit` in it gives the shell's status (its last status does not). */
async function runExitTrap(sh: Interpreter, status: number): Promise<number> {
  const action = sh.state.traps.get('EXIT');
  if (!action) return status;
  sh.state.traps.delete('EXIT');
  try {
    sh.trapDepth++;
    // its $LINENO counts from 1, as in a signal's trap
    await sh.evalString(action, { line: 1, origin: { trap: 'exit trap' } });
  } catch (e) {
    if (!(e instanceof ShellExit)) throw e;
    return e.status;
  }
  return status;
}

/** Runs `body`, turning exit into a status and running the EXIT trap. */
async function guarded(sh: Interpreter, body: () => Promise<number>): Promise<number> {
  let status: number;
  try {
    status = await body();
    // a trapped signal that came during the last command: its action runs before the shell ends
    if (sh.pendingTraps.length > 0) {
      sh.state.status = status;
      await sh.runPendingTraps();
    }
  } catch (e) {
    if (e instanceof ShellFatal) return fatal(sh, e);
    if (e instanceof ShellExit) status = e.status;
    else if (e instanceof AbortCommand) status = e instanceof TopLevelAbort ? e.status : 1;
    else if (e instanceof Interrupted) status = 130;
    else if (e && typeof e === 'object' && e.constructor.name === 'ReturnSignal') status = sh.state.status;
    else if (e && typeof e === 'object' && (e.constructor.name === 'BreakSignal' || e.constructor.name === 'ContinueSignal')) status = 0;
    else throw e;
  }
  sh.state.status = status;
  return runExitTrap(sh, status);
}

/** fatal_error(): the message, then exit status 2 at once (no EXIT trap). */
async function fatal(sh: Interpreter, e: ShellFatal): Promise<never> {
  await sh.write(2, `${e.message}\n`);
  return sh.sys.exit(2);
}

/**
 * initialize_job_control() for an interactive shell: the terminal is standard error's, else
 * /dev/tty's. With none, bash says why it cannot take the terminal (naming the process group
 * it had to go back to, or -1 when it already led its own) and goes on without job control.
 */
async function initJobControl(sh: Interpreter): Promise<boolean> {
  const sys = sh.sys;
  if (sys.isatty(2)) return true;
  let errno: 'ENOTTY' | 'EBADF' = 'ENOTTY';
  try {
    const fd = await sys.open('/dev/tty', { read: true, write: true });
    const tty = sys.isatty(fd);
    sys.close(fd);
    if (tty) return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    // bash then uses a copy of standard error
    if (!sys.openFds().some((f) => f.fd === 2)) errno = 'EBADF';
  }
  const pgrp = sys.getpgid();
  await sh.error(`cannot set terminal process group (${pgrp === sys.pid ? -1 : pgrp}): ${strerror(errno)}`);
  await sh.error('no job control in this shell');
  return false;
}

async function interactive(sh: Interpreter, inv: Invocation): Promise<number> {
  const sys = sh.sys;
  const st = sh.state;
  st.interactive = true;
  st.errorContext = 'interactive';
  if (await initJobControl(sh)) st.options.add('monitor');
  st.options.add('histexpand');
  st.options.add('emacs');
  st.options.add('history');
  st.shopts.add('expand_aliases');
  sys.signal(SIGNALS.SIGINT, interactiveInt(sh));
  for (const s of [SIGNALS.SIGQUIT, SIGNALS.SIGTERM, SIGNALS.SIGTSTP, SIGNALS.SIGTTIN, SIGNALS.SIGTTOU]) sys.signal(s, 'ignore');
  if (!st.get('PS1')) st.set('PS1', '\\s-\\v\\$ ');
  // PS1 and PS2 only for an interactive shell
  if (!st.globals.has('PS2')) st.globals.set('PS2', { value: '> ' });
  const profile = async (): Promise<void> => {
    if (inv.login && !inv.noProfile) {
      await sourceIfExists(sh, '/etc/profile');
      const home = st.get('HOME') ?? '';
      for (const f of ['.bash_profile', '.bash_login', '.profile']) if (await sourceIfExists(sh, `${home}/${f}`)) break;
    } else if (!inv.login && !inv.noRc) {
      // Photon's bash reads /etc/bash.bashrc for interactive non-login shells
      await sourceIfExists(sh, '/etc/bash.bashrc');
      await sourceIfExists(sh, `${st.get('HOME') ?? ''}/.bashrc`);
    }
  };
  const status = await guarded(sh, async () => {
    // an error that abandons a command in a startup file leaves the shell to go on
    const startup = (): Promise<void> => loadEngine(sys).then(profile).catch((e: unknown) => {
      if (!(e instanceof Interrupted) && !(e instanceof AbortCommand)) throw e;
    });
    // a login shell's profile may be replayed from the build's record of it (login-checkpoint.ts)
    await (inv.login && !inv.noProfile ? loginStartup(sh, startup) : startup());
    if (inv.restricted) startRestricted(st);
    await loadHistoryFile(sh);
    // readline echoes to standard error when its input is not a terminal
    const editor = new LineEditor(sys, 0, () => st.history, async (before, after, listing) => {
      await loadEngine(sys);
      return (await import('./complete')).completeLine(sh, before, after, listing);
    }, sys.isatty(0) ? 0 : 2);
    let commandNumber = 1;
    let engineSoon = false;
    for (;;) {
      // (no job can have started before the engine was loaded)
      if (engineLoaded()) await E.reapJobs(sh);
      const ps1 = await decodePrompt(sh, st.get('PS1') ?? '', commandNumber);
      let src = '';
      let prompt = ps1;
      let lists: List[] | undefined;
      let line: string | null;
      for (;;) {
        try {
          const reading = editor.readLine(prompt);
          // a login shell whose profile was replayed has not needed the engine yet: it loads
          // while the learner types, a moment after the first prompt (not while the page is
          // still drawing it); a line entered sooner waits for it
          if (!engineLoaded() && !engineSoon) {
            engineSoon = true;
            void sys.sleep(ENGINE_DELAY_MS).catch(() => {}).then(() => loadEngine(sys)).catch(() => {});
          }
          line = await reading;
        } catch (e) {
          if (e instanceof LineInterrupted) {
            sh.interrupted = false;
            st.status = 130;
            // readline's ^C: a SIGINT trap runs at once, then the line ends
            if (sh.pendingTraps.length > 0) await sh.runPendingTraps();
            await editor.endInterrupted();
            line = undefined as unknown as null;
            break;
          }
          throw e;
        }
        if (line === null) break;
        await loadEngine(sys);
        if (st.options.has('histexpand')) {
          try {
            const expanded = E.expandHistory(line, st.history);
            if (expanded) {
              // bash shows the command it is about to run
              await sh.write(1, `${expanded.line}\n`);
              line = expanded.line;
              if (expanded.printOnly) {
                st.history.push(line);
                lists = [];
                break;
              }
            }
          } catch (e) {
            if (!(e instanceof E.EventNotFound)) throw e;
            await sh.error(e.message);
            st.status = 1;
            lists = [];
            src = '';
            break;
          }
        }
        src += `${line}\n`;
        const parser = new E.Parser(src, { aliases: st.aliases, line: 1, extglob: st.shopts.has('extglob'), utf8: utf8Locale(st) });
        try {
          const parsed: List[] = [];
          for (let l = parser.nextCommand(); l; l = parser.nextCommand()) parsed.push(l);
          lists = parsed;
          break;
        } catch (e) {
          if (e instanceof E.IncompleteInput) {
            prompt = await decodePrompt(sh, st.get('PS2') ?? '> ', commandNumber);
            continue;
          }
          st.status = await sh.reportParseError(e, parser);
          lists = [];
          break;
        }
      }
      if (line === null) {
        await sh.write(2, st.login ? 'logout\n' : 'exit\n');
        throw new ShellExit(st.status);
      }
      if (src.trim() && !/^\s/.test(src)) {
        const entry = src.replace(/\n$/, '');
        st.history.push(entry);
        if (st.history.length > 1000) st.history.shift();
        await appendHistoryFile(sh, entry);
      }
      if (!lists || lists.length === 0) continue;
      commandNumber++;
      try {
        for (const list of lists) await sh.runList(list);
      } catch (e) {
        if (e instanceof AbortCommand) {
          st.status = e instanceof TopLevelAbort ? e.status : 1;
          continue;
        }
        if (e instanceof Interrupted) {
          // the ^C has been honoured (it may have reached the shell too, when typed as the
          // job started): it must not abandon the next command line as well
          sh.interrupted = false;
          // the terminal echoed ^C; bash moves to a fresh line for the prompt
          await sh.write(2, '\n');
          st.status = 130;
          continue;
        }
        if (isControlFlow(e) || e instanceof ShellFatal || (e instanceof Error && e.name === 'ProcessKilled')) throw e;
        // a bug in the shell must not end the learner's session: report it and carry on
        await sh.error(`internal error: ${describeThrown(e)}`);
        st.status = 1;
      }
    }
  });
  if (inv.login) await sourceIfExists(sh, `${st.get('HOME') ?? ''}/.bash_logout`).catch(() => false);
  return status;
}

/** How long after its first prompt a shell that has not needed its engine yet loads it. */
const ENGINE_DELAY_MS = 150;

/** A thrown value as a message: an Error's, else what the value is (never `[object Object]`). */
function describeThrown(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object') {
    const detail = 'message' in e && typeof e.message === 'string' ? `: ${e.message}` : '';
    return `${e.constructor?.name || 'object'}${detail}`;
  }
  return String(e);
}

/**
 * The last word on what escaped the shell: its own control flow becomes the exit status, as
 * it would have at the top level; anything else that is not an Error is wrapped in one, so
 * the kernel's report names it.
 */
async function settle(sh: Interpreter | undefined, e: unknown): Promise<number> {
  if (e instanceof Error) throw e;
  if (e instanceof ShellExit) return e.status;
  if (e instanceof AbortCommand) return e instanceof TopLevelAbort ? e.status : 1;
  if (e instanceof Interrupted) return 130;
  if (e instanceof ShellFatal) {
    if (sh) return fatal(sh, e);
    return 2;
  }
  if (e && typeof e === 'object' && e.constructor.name === 'ReturnSignal') return sh?.state.status ?? 0;
  if (e && typeof e === 'object' && (e.constructor.name === 'BreakSignal' || e.constructor.name === 'ContinueSignal')) return sh?.state.status ?? 0;
  throw new Error(`uncaught ${describeThrown(e)}`);
}

export default defineProgram({
  name: 'bash',
  installPath: '/usr/bin/bash',
  aliases: ['/usr/bin/sh'],
  pkg: 'bash',
  async main(ctx) {
    const shell: { sh?: Interpreter } = {};
    try {
      return await runBash(ctx, shell);
    } catch (e) {
      return settle(shell.sh, e);
    }
  },
});

async function runBash(ctx: Ctx, shell: { sh?: Interpreter }): Promise<number> {
  {
    const sys = ctx.sys;
    const inv = parseArgs(sys.argv);
    if (inv === 'version') {
      await ctx.print(`GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
      return 0;
    }
    // errors before a script runs name the shell as it was run (sh, /bin/sh, bash)
    const name = sys.argv[0] ?? 'bash';
    if (inv === 'help') {
      await ctx.print(`GNU bash, version ${BASH_VERSION}-(x86_64-pc-linux-gnu)\n${usageText(name)}For the shell's own options and its builtins, run \`${name} -c "help set"' and \`${name} -c help'.\n`);
      return 0;
    }
    if ('error' in inv) {
      await ctx.err.write(`${name}: ${inv.error}\n${inv.usage ? usageText(name) : ''}`);
      return 2;
    }
    // the engine (parser, expansions, builtins: engine.ts) loads now, but for a terminal's
    // interactive shell with nothing to do first, which can print its first prompt without it
    const willInteract = inv.command === undefined && inv.file === undefined && (inv.interactive ?? (sys.isatty(0) && sys.isatty(2)));
    if (!willInteract || inv.options.length > 0 || inv.shopts.length > 0 || inv.listSet || inv.listShopt || [...sys.env.keys()].some((k) => k.startsWith('BASH_FUNC_'))) await loadEngine(sys);
    const bad = badOptionName(inv, name);
    if (bad) {
      await ctx.err.write(bad);
      return 2;
    }
    await ctx.flush();
    const state = initState(sys, inv);
    // every bash ignores SIGQUIT; what it runs gets the disposition it found on entry
    state.quitOwn = !sys.ignoredSignals().includes(SIGNALS.SIGQUIT);
    sys.signal(SIGNALS.SIGQUIT, 'ignore');
    if (!state.globals.has('SHELL')) state.globals.set('SHELL', { value: await loginShell(sys) });
    state.arg0 = sys.argv[0] ?? 'bash';
    const level = shellLevel(sys.env.get('SHLVL'));
    if (level >= 1000) {
      state.globals.get('SHLVL')!.value = '1';
      await ctx.err.write(`${state.arg0}: warning: shell level (${level}) too high, resetting to 1\n`);
    }
    const sh = new Interpreter(sys, state);
    shell.sh = sh;
    await applyOptions(sh, inv.options);
    // bash -m without a terminal: job control cannot start (an interactive shell sees to it itself)
    if (state.options.has('monitor') && !willInteract && !(await initJobControl(sh))) {
      state.options.delete('monitor');
      state.monitorHere = false;
    }
    for (const [on, opt] of inv.shopts) {
      if (on) state.shopts.add(opt);
      else state.shopts.delete(opt);
    }
    // a bare -o / -O lists the options, as set -o / shopt would
    if (inv.listSet) await E.set(sh, ['set', `${inv.listSet}o`]);
    if (inv.listShopt) await E.shopt(sh, inv.listShopt === '-' ? ['shopt'] : ['shopt', '-p']);
    // a login shell reads the profile even when it runs a command (bash -l -c, su - -c)
    if (inv.login && !inv.noProfile && inv.interactive !== true && !(sys.isatty(0) && sys.isatty(2) && inv.command === undefined && inv.file === undefined)) {
      state.errorContext = 'command';
      await guarded(sh, async () => {
        await sourceIfExists(sh, '/etc/profile');
        const home = state.get('HOME') ?? '';
        for (const f of ['.bash_profile', '.bash_login', '.profile']) if (await sourceIfExists(sh, `${home}/${f}`)) break;
        return 0;
      });
    }
    // the startup files ran unrestricted (an interactive shell applies it after its own)
    if (inv.restricted && inv.interactive !== true && !(sys.isatty(0) && sys.isatty(2) && inv.command === undefined && inv.file === undefined)) startRestricted(state);
    if (inv.command !== undefined) {
      state.errorContext = 'command';
      state.runsCommand = true;
      state.set('BASH_EXECUTION_STRING', inv.command);
      if (inv.args.length > 0) state.arg0 = inv.args[0]!;
      state.positional = inv.args.slice(1);
      return guarded(sh, () => sh.evalString(inv.command!, { line: 1, top: true }));
    }
    if (inv.file !== undefined) {
      state.arg0 = inv.file;
      state.positional = inv.args;
      let text: string;
      try {
        const st = await sys.stat(inv.file);
        if (st.kind === 'dir') {
          // (bash has already taken the file's name for $0 when it finds this)
          await ctx.err.write(`${inv.file}: ${inv.file}: Is a directory\n`);
          return 126;
        }
        const bytes = await sys.readFile(inv.file);
        if (binarySample(bytes)) {
          await ctx.err.write(`${inv.file}: ${inv.file}: cannot execute binary file\n`);
          return 126;
        }
        // (bash's reader skips NUL bytes)
        text = decodeBytes(bytes).replace(/\0/g, '');
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`${name}: ${inv.file}: ${strerror(e.errno)}\n`);
        return e.errno === 'ENOENT' ? 127 : 126;
      }
      state.errorContext = 'script';
      return guarded(sh, () => sh.evalString(text, { line: 1, top: true }));
    }
    state.positional = inv.args;
    state.readsStdin = true;
    if (inv.interactive ?? (sys.isatty(0) && sys.isatty(2))) return interactive(sh, inv);
    state.errorContext = 'command';
    const { runStdinScript } = await sys.loadCode(() => import('./stdin-script'));
    return guarded(sh, () => runStdinScript(sh));
  }
}
