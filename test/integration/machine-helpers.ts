// Boots fresh machines for integration tests and runs scripts or console sessions on them.
import { Machine } from '../../src/kernel/machine';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs `script` with the machine's bash as the CLI does (root, no terminal, stdin empty). */
export async function runScript(script: string, machine = new Machine({ clock: 'skip' })): Promise<RunResult> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const code = await machine.run(['/bin/bash', '-c', script], { stdout: (b) => out.push(b), stderr: (b) => err.push(b) });
  const dec = (parts: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(parts));
  return { stdout: dec(out), stderr: dec(err), code };
}

const CASE_SEP = '\n#---\n';

/**
 * Runs each command in one script on one machine (stderr merged into stdout, after a second of
 * virtual time for the boot's daemons to settle); returns each command's output and status.
 */
export async function runCases(cmds: string[], machine?: Machine): Promise<{ out: string; code: number }[]> {
  const script = cmds.map((c) => `${c}\necho "rc=$?"; printf '${CASE_SEP.replace(/\n/g, '\\n')}'`).join('\n');
  const r = await runScript(`exec 2>&1\nsleep 1\n${script}`, machine);
  return r.stdout.split(CASE_SEP).slice(0, cmds.length).map((p) => ({ out: p.replace(/rc=\d+\n$/, ''), code: Number(/rc=(\d+)\n$/.exec(p)?.[1] ?? -1) }));
}

/** How long a wait for console output may take before it counts as a hang (real time). */
const HANG_GUARD_MS = 15_000;

/** A console session: type keys, wait for screen text (conditions, never fixed sleeps). */
export class ConsoleSession {
  readonly machine: Machine;
  output = '';

  constructor(opts: { cols?: number; rows?: number } = {}) {
    this.machine = new Machine({ clock: 'realtime', onConsole: (t) => (this.output += t), winsize: { cols: opts.cols ?? 80, rows: opts.rows ?? 24 } });
    this.machine.startConsoleShell();
  }

  type(keys: string): void {
    this.machine.input(keys);
  }

  /**
   * Resolves once `text` appears in the output after position `from`; rejects after `ms` of
   * real time, a guard against hangs only (generous: a loaded 2-core CI machine is slow).
   */
  async waitFor(text: string | RegExp, from = 0, ms = HANG_GUARD_MS): Promise<number> {
    const start = Date.now();
    for (;;) {
      const rest = this.output.slice(from);
      const i = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
      if (i >= 0) return from + i;
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${String(text)}; output: ${JSON.stringify(this.output.slice(-500))}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  /**
   * Types `command` and Enter, waits for the next prompt, and returns what the command printed:
   * the screen text between its echoed line and that prompt (with the tty's \r\n).
   */
  async command(command: string): Promise<string> {
    const from = this.output.length;
    const next = this.prompts() + 1;
    this.type(`${command}\r`);
    await this.waitForPrompts(next);
    const text = this.output.slice(from);
    const start = text.indexOf(`${command}\r\n`) + command.length + 2;
    return text.slice(start, text.lastIndexOf('\x1b[1;31mroot@'));
  }

  /** Number of prompts printed so far. */
  prompts(): number {
    return this.output.split(']# ').length - 1;
  }

  async waitForPrompts(n: number, ms = HANG_GUARD_MS): Promise<void> {
    const start = Date.now();
    while (this.prompts() < n) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for prompt ${n}; output: ${JSON.stringify(this.output.slice(-500))}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}
