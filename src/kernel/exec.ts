// execve(2): what running a file means. A simulated binary is a small ELF-headed stub
// naming a registry program; a file starting with `#!` runs its interpreter; anything else
// is ENOEXEC (the shell then runs it as a script, as bash does).
import { isSysError, SysError } from '../shared/errno';
import type { Sys } from '../shared/sys';
import { programs } from '../programs/registry';
import type { Kernel, ProgramMain } from './kernel';
import type { Process } from './process';
import { checkExec } from './vfs/ops';
import { S_ISGID, S_ISUID } from './vfs/inode';

export const STUB_MAGIC = '\x7fELF\x02\x01\x01\x00';
export const STUB_TAG = 'photon-sim:';

/** The bytes of a simulated binary for program `name`. */
export function stubFor(name: string): string {
  return `${STUB_MAGIC}${STUB_TAG}${name}\n`;
}

const decoder = new TextDecoder();
const MAX_INTERP_DEPTH = 4;

export interface Resolved {
  main: ProgramMain;
  argv: string[];
  /** The canonical path of the file that runs (a script's interpreter): /proc/PID/exe. */
  exe: string;
  /** Set-user-ID / set-group-ID bits of the file: the effective ids the program runs with. */
  euid?: number;
  egid?: number;
}

/** A path with every symlink and `.`/`..` resolved (what realpath(3) gives), as the process sees it. */
export function canonicalPath(k: Kernel, proc: Process, path: string, depth = 0): string {
  const vfs = k.vfs;
  const node = vfs.resolve(proc.cred, proc.cwd, path, { follow: false }, 'execve');
  const slash = path.lastIndexOf('/');
  const dirPath = slash < 0 ? '.' : path.slice(0, slash) || '/';
  const dir = vfs.pathOf(vfs.resolve(proc.cred, proc.cwd, dirPath, { follow: true }, 'execve'), proc.cred.root);
  if (node.type === 'symlink' && depth < 40) {
    const target = vfs.linkTarget(node);
    return canonicalPath(k, proc, target.startsWith('/') ? target : `${dir === '/' ? '' : dir}/${target}`, depth + 1);
  }
  const name = path.slice(slash + 1);
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export async function resolveExec(k: Kernel, proc: Process, path: string, argv: string[], depth = 0): Promise<Resolved> {
  const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'execve');
  checkExec({ vfs: k.vfs, cred: proc.cred, cwd: proc.cwd, umask: proc.umask }, node, path);
  const head = decoder.decode(k.vfs.readAt(node, 0, 256));
  if (head.startsWith(STUB_MAGIC)) {
    const at = head.indexOf(STUB_TAG);
    const name = at < 0 ? '' : head.slice(at + STUB_TAG.length).split('\n')[0]!;
    const entry = programs.get(name);
    if (!entry) throw new SysError('ENOEXEC', 'execve', path);
    // loading code is work in progress: the skipping clock must not jump over it
    const gate = k.execGate && !entry.preloaded ? k.execGate : undefined;
    const program = await k.clock.hold((gate ? gate() : Promise.resolve()).then(() => entry.load()));
    return {
      main: (sys) => dynamicLoader(sys, () => program.run(sys)),
      argv,
      exe: canonicalPath(k, proc, path),
      ...(node.perm & S_ISUID ? { euid: node.uid } : {}),
      ...(node.perm & S_ISGID ? { egid: node.gid } : {}),
    };
  }
  if (head.startsWith('#!')) {
    if (depth >= MAX_INTERP_DEPTH) throw new SysError('ELOOP', 'execve', path);
    const line = head.slice(2).split('\n')[0]!.trim();
    const space = line.search(/[ \t]/);
    const interp = space < 0 ? line : line.slice(0, space);
    const arg = space < 0 ? '' : line.slice(space).trim();
    if (!interp) throw new SysError('ENOEXEC', 'execve', path);
    try {
      return await resolveExec(k, proc, interp, [interp, ...(arg ? [arg] : []), path, ...argv.slice(1)], depth + 1);
    } catch (e) {
      // a missing interpreter is reported against the script (bash: ./x: /bin/foo: bad interpreter)
      if (e instanceof SysError && e.errno === 'ENOENT') throw new SysError('ENOENT', 'interpreter', interp);
      throw e;
    }
  }
  throw new SysError('ENOEXEC', 'execve', path);
}

/**
 * What ld.so does before a dynamically linked program's main: it opens libc (a descriptor
 * below RLIMIT_NOFILE is needed) and maps it (within RLIMIT_AS). When it cannot, it says so
 * and the program never starts (exit status 127).
 */
async function dynamicLoader(sys: Sys, run: () => Promise<number>): Promise<number> {
  const used = new Set(sys.openFds().map((f) => f.fd));
  let free = 0;
  while (used.has(free)) free++;
  let why: string | undefined;
  if (free >= sys.getrlimit('nofile').soft) why = 'cannot open shared object file: Error 24';
  else if (sys.memoryUsage().vm > sys.getrlimit('as').soft) why = 'failed to map segment from shared object';
  if (why === undefined) return run();
  try {
    await sys.write(2, `${sys.argv[0] ?? ''}: error while loading shared libraries: libc.so.6: ${why}\n`);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return 127;
}
