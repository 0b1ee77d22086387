// The interactive shell's SIGINT handler, which bash installs at start and `trap - INT` puts
// back (outside builtins/jobctl.ts so the shell's start does not load the job builtins).
import type { Interpreter } from './interpreter';

/** The interactive shell's own ^C handling: abandon the current command line. */
export function interactiveInt(sh: Interpreter): (signal: number) => void {
  return () => {
    sh.interrupted = true;
  };
}
