// Makes a login checkpoint (login-checkpoint.ts): the next login shell's startup files run with
// every system call recorded. Only calls that a failed replay can take back, or that change
// nothing, are allowed: startup files that write output, fork, set a signal handler or load code
// make no checkpoint.
import type { Sys } from '../../shared/sys';
import type { Interpreter } from './interpreter';
import { setLoginRecorder, shellFields, type Fields, type LoginCheckpoint, type ShellFields, type SysCall } from './login-checkpoint';
import { encode, type Encoded } from './login-state-codec';

/** System calls whose effects a failed replay can undo (login-checkpoint.ts), or which have none. */
const REPLAYABLE = new Set([
  'stat', 'lstat', 'fstat', 'open', 'read', 'close', 'readdir', 'readdirTypes', 'access', 'readFile', 'readlink', 'realpath',
  'getcwd', 'umask', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'getppid', 'getpgid', 'getsid', 'isatty', 'ttyname',
  'tcgetattr', 'tcgetpgrp', 'winsize', 'isOpen', 'openFds', 'setCloexec', 'dup', 'dup2', 'lseek', 'tick', 'alloc', 'memoryUsage',
  'ignoredSignals', 'getrlimit', 'uname', 'now', 'uptime',
]);

/** The next login shell records its startup files and hands the checkpoint (or why none) to `f`; undefined: none does. */
export function recordNextLogin(f: ((made: LoginCheckpoint | string) => void) | undefined): void {
  setLoginRecorder(f ? async (sh, run) => f(await recordRun(sh, run)) : undefined);
}

async function recordRun(sh: Interpreter, run: () => Promise<void>): Promise<LoginCheckpoint | string> {
  let before: ShellFields;
  try {
    before = shellFields(sh);
  } catch (e) {
    await run();
    return `the state before cannot be kept: ${String(e)}`;
  }
  const calls: SysCall[] = [];
  let refused: string | undefined;
  const restore = wrapSys(sh.sys, (m, args, call) => {
    if (!REPLAYABLE.has(m)) refused ??= `the startup files call ${m}()`;
    let entry: SysCall;
    try {
      entry = { m, a: args.map(encode) };
    } catch (e) {
      refused ??= `${m}() has an argument that cannot be kept: ${String(e)}`;
      return call();
    }
    calls.push(entry);
    const done = (r: unknown, thrown: boolean): void => {
      if (m === 'tick') return;
      try {
        entry.r = JSON.stringify(encode(r));
        if (thrown) entry.t = 1;
      } catch (e) {
        refused ??= `${m}() gave what cannot be kept: ${String(e)}`;
      }
    };
    let r: unknown;
    try {
      r = call();
    } catch (e) {
      done(e, true);
      throw e;
    }
    if (r instanceof Promise) {
      return r.then(
        (v: unknown) => (done(v, false), v),
        (e: unknown) => {
          done(e, true);
          throw e;
        },
      );
    }
    done(r, false);
    return r;
  });
  try {
    await run();
  } catch (e) {
    refused ??= `the startup files ended the shell: ${String(e)}`;
    throw e;
  } finally {
    restore();
  }
  if (refused) return refused;
  try {
    const after = shellFields(sh);
    return {
      before: JSON.stringify(before),
      calls,
      after: { state: changed(before.state, after.state), shell: changed(before.shell, after.shell), memory: changed(before.memory, after.memory) },
    };
  } catch (e) {
    return `the state after cannot be kept: ${String(e)}`;
  }
}

/** Routes every method of `sys` through `via` until the function returned is called. */
function wrapSys(sys: Sys, via: (m: string, args: unknown[], call: () => unknown) => unknown): () => void {
  const target = sys as unknown as Record<string, unknown>;
  const originals = new Map<string, (...a: unknown[]) => unknown>();
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(sys))) {
    if (typeof d.value !== 'function' || !d.writable) continue;
    const f = d.value as (...a: unknown[]) => unknown;
    originals.set(k, f);
    target[k] = (...args: unknown[]) => via(k, args, () => f.apply(sys, args));
  }
  return () => {
    for (const [k, f] of originals) target[k] = f;
  };
}

/**
 * The fields that differ between `before` and `after`. A plain map that changed is kept as its
 * keys in order and the entries that are new or different (the others are the running shell's).
 */
function changed(before: Fields, after: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(after)) {
    const was = before[k];
    if (JSON.stringify(v) === JSON.stringify(was)) continue;
    out[k] = isPlainMap(v) && isPlainMap(was) ? mapChanges(was, v) : v;
  }
  return out;
}

function isPlainMap(e: Encoded | undefined): e is { $m: [Encoded, Encoded][] } {
  return !!e && typeof e === 'object' && !Array.isArray(e) && '$m' in e && !('$c' in e);
}

function mapChanges(before: { $m: [Encoded, Encoded][] }, after: { $m: [Encoded, Encoded][] }): Encoded {
  const old = new Map(before.$m.map(([k, v]) => [JSON.stringify(k), JSON.stringify(v)]));
  return { $d: { k: after.$m.map(([k]) => k), s: after.$m.filter(([k, v]) => old.get(JSON.stringify(k)) !== JSON.stringify(v)) } };
}
