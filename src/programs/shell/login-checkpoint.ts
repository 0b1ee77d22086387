// A login shell's startup files, remembered. Reading Photon's /etc/profile (and the scripts it
// sources) is the login's largest cost before its first prompt: parsing and running them for the
// first time in a fresh worker. The build runs a fresh machine's login once
// (scripts/vite-login-checkpoint.ts) and records what the files did: the shell's state before,
// every system call they made with its result, and the state after (compared and kept whole:
// hashing them cost more than comparing, in code run once). A login shell whose state
// before is the same replays those calls against its own kernel: when every result is the same
// again (the same files, the same contents, the same answers), the files would have done the same
// and the state after is taken as theirs; the calls themselves were made (atimes, the umask,
// memory charged), so the kernel is as they would have left it. Any difference, and the files
// are read as usual. The recording is login-checkpoint-recorder.ts.
import { loadEngine, type Interpreter } from './interpreter';
import { decode, encode, Unencodable, type Encoded } from './login-state-codec';

export interface SysCall {
  /** the method */
  m: string;
  /** its arguments */
  a: Encoded[];
  /** what it returned (or, with `t`, threw), encoded as JSON; none for tick() */
  r?: string;
  t?: 1;
}

export type Fields = Record<string, Encoded>;
export interface ShellFields {
  state: Fields;
  shell: Fields;
  memory: Fields;
}

export interface LoginCheckpoint {
  /** the shell's state before the startup files, encoded as JSON */
  before: string;
  calls: SysCall[];
  /** the fields the startup files changed, as they left them */
  after: ShellFields;
}

/**
 * Fields left out: `startedAt` (the shell's start on the machine's clock: $SECONDS reads the
 * clock too, a call whose answer differs), the shell's links to its process and state, and
 * caches keyed by syntax-tree nodes.
 */
const SKIP_STATE = new Set(['startedAt', 'localOptions', 'onGrow']);
const SKIP_SHELL = new Set(['sys', 'state', 'memory', 'assignedValues', 'aliasLookup']);
const SKIP_MEMORY = new Set(['sys', 'state']);

function fieldsOf(o: object, skip: Set<string>): Fields {
  const out: Fields = {};
  for (const k of Object.keys(o)) if (!skip.has(k)) out[k] = encode((o as Record<string, unknown>)[k]);
  return out;
}

export function shellFields(sh: Interpreter): ShellFields {
  return { state: fieldsOf(sh.state, SKIP_STATE), shell: fieldsOf(sh, SKIP_SHELL), memory: fieldsOf(sh.memory, SKIP_MEMORY) };
}

/** A map from `mapChanges`: the running shell's entries where it kept none. */
function applyMapChanges(d: { k: Encoded[]; s: [Encoded, Encoded][] }, like: unknown): Map<unknown, unknown> {
  const old = like instanceof Map ? like : new Map();
  const set = new Map(d.s.map(([k, v]) => [JSON.stringify(k), v]));
  const out = new Map<unknown, unknown>();
  for (const k of d.k) {
    const key = decode(k);
    const v = set.get(JSON.stringify(k));
    if (v !== undefined) out.set(key, decode(v, old.get(key)));
    else if (old.has(key)) out.set(key, old.get(key));
    else throw new Unencodable(`no entry ${String(key)}`);
  }
  return out;
}

let installed: LoginCheckpoint | undefined;
/** How the last login shell with a checkpoint went: replayed, or the first difference found. */
export let lastLoginReplay: string | undefined;
/** Set while a checkpoint is being made (login-checkpoint-recorder.ts): runs the next login's startup files. */
let recorder: ((sh: Interpreter, run: () => Promise<void>) => Promise<void>) | undefined;

export function setLoginRecorder(f: typeof recorder): void {
  recorder = f;
}

/** The checkpoint login shells may use (the worker installs the build's). */
export function useLoginCheckpoint(c: LoginCheckpoint | undefined): void {
  installed = c;
}

/** A login shell's startup files (`run` reads them): replayed from the checkpoint when it holds. */
export async function loginStartup(sh: Interpreter, run: () => Promise<void>): Promise<void> {
  const record = recorder;
  if (record) {
    recorder = undefined;
    // the engine's loading is no part of the startup files (and no call a replay could make)
    await loadEngine(sh.sys);
    return record(sh, run);
  }
  if (installed && (await replay(sh, installed))) return;
  await run();
}

/** Replays `c` for `sh`: true when it held (the state after is in place), false after undoing it. */
async function replay(sh: Interpreter, c: LoginCheckpoint): Promise<boolean> {
  let before: ShellFields;
  try {
    before = shellFields(sh);
  } catch (e) {
    if (e instanceof Unencodable) return false;
    throw e;
  }
  if (JSON.stringify(before) !== c.before) {
    lastLoginReplay = 'the state before differs';
    return false;
  }
  const sys = sh.sys as unknown as Record<string, (...a: unknown[]) => unknown>;
  const fds = new Set(sh.sys.openFds().map((f) => f.fd));
  const umask = sh.sys.umask();
  let charged = 0;
  const undo = (): false => {
    for (const { fd } of sh.sys.openFds()) if (!fds.has(fd)) sh.sys.close(fd);
    sh.sys.umask(umask);
    if (charged) sh.sys.alloc(-charged);
    return false;
  };
  for (const call of c.calls) {
    const args = call.a.map((a) => decode(a));
    let r: unknown;
    let thrown = false;
    try {
      r = sys[call.m]!(...args);
      if (r instanceof Promise) r = await r;
    } catch (e) {
      r = e;
      thrown = true;
    }
    if (call.m === 'alloc' && !thrown) charged += args[0] as number;
    if (call.m === 'tick') continue;
    let got: Encoded;
    try {
      got = encode(r);
    } catch {
      return undo();
    }
    if (thrown !== (call.t === 1) || JSON.stringify(got) !== call.r) {
      lastLoginReplay = `${call.m}() answered differently`;
      return undo();
    }
  }
  // a signal caught meanwhile (^C) would have cut the files short: read them, as it happened
  if (sh.interrupted || sh.pendingTraps.length > 0) {
    lastLoginReplay = 'a signal came';
    return undo();
  }
  // every value is made before any is set: one that cannot be made leaves the shell as it was
  let values: [Record<string, unknown>, string, unknown][];
  try {
    values = [...staged(sh.state, c.after.state), ...staged(sh, c.after.shell), ...staged(sh.memory, c.after.memory)];
  } catch (e) {
    if (!(e instanceof Unencodable)) throw e;
    lastLoginReplay = 'the state after cannot be made here';
    return undo();
  }
  for (const [t, k, v] of values) t[k] = v;
  lastLoginReplay = 'replayed';
  return true;
}

/** The fields to set on `target`, decoded against what it holds now. */
function staged(target: object, fields: Fields): [Record<string, unknown>, string, unknown][] {
  const t = target as Record<string, unknown>;
  return Object.entries(fields).map(([k, v]) => {
    const d = v && typeof v === 'object' && !Array.isArray(v) && '$d' in v ? (v.$d as { k: Encoded[]; s: [Encoded, Encoded][] }) : undefined;
    return [t, k, d ? applyMapChanges(d, t[k]) : decode(v, t[k])];
  });
}
