// Running programs on a fresh machine for the program tests: a script through the machine's
// bash (as the CLI runs it), or one program directly, with files placed beforehand.
import { writeFileIntoMachine } from '../../../src/cli/copy-in';
import { preinstallPrograms } from '../../fixtures/tdnf/preinstall';
import { programs } from '../../../src/programs/registry';
import { Machine } from '../../../src/kernel/machine';

export interface Result {
  stdout: string;
  stderr: string;
  exit: number;
}

/** The environment the recorded cases ran with (see test/fixtures/programs/record.mjs). */
export const ENV: [string, string][] = [
  ['PATH', '/usr/sbin:/usr/bin:/sbin:/bin'],
  ['HOME', '/root'],
  ['LANG', 'C'],
  ['TZ', 'UTC'],
  ['TERM', 'xterm-256color'],
];

export const WORKDIR = '/tmp/w';

const encoder = new TextEncoder();

/** A file's text, or a long run of one string (kept short in the fixtures). */
export type FileSpec = string | { repeat: string; count: number };

export function newMachine(files: Record<string, FileSpec> = {}, clock: 'skip' | 'manual' = 'skip'): Machine {
  // unit tests of single programs: no daemons (integration tests boot the whole machine), and
  // every program present, also those whose package is not in the minimal install (man, tar)
  const machine = new Machine({ clock, services: false });
  preinstallPrograms(machine, [...new Set([...programs.values()].map((p) => p.pkg ?? ''))]);
  writeFileIntoMachine(machine, `${WORKDIR}/.keep`, new Uint8Array());
  machine.kernel.vfs.removeEntry(dirOf(machine, WORKDIR), '.keep', machine.kernel.vfs.child(dirOf(machine, WORKDIR), '.keep')!);
  for (const [name, spec] of Object.entries(files)) {
    const text = typeof spec === 'string' ? spec : spec.repeat.repeat(spec.count);
    writeFileIntoMachine(machine, `${WORKDIR}/${name}`, encoder.encode(text));
  }
  return machine;
}

function dirOf(machine: Machine, path: string) {
  const vfs = machine.kernel.vfs;
  let node = vfs.root;
  for (const part of path.split('/').filter(Boolean)) node = vfs.child(node, part)!;
  return node;
}

/** Runs argv (argv[0] is the file to run) with stdin /dev/null in WORKDIR. */
export async function run(machine: Machine, argv: string[], env: [string, string][] = ENV): Promise<Result> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const exit = await machine.run(argv, { stdout: (b) => out.push(b), stderr: (b) => err.push(b), cwd: WORKDIR, env: new Map(env) });
  const text = (parts: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(parts));
  return { stdout: text(out), stderr: text(err), exit };
}

/** Runs a bash script in WORKDIR with umask 022, as the recorded cases were. */
export function sh(machine: Machine, script: string): Promise<Result> {
  return run(machine, ['bash', '-c', `umask 022\n${script}`]);
}
