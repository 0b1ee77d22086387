// Exceptions that carry the shell's control flow through nested calls.

export class BreakSignal {
  /** `status`: what the loops give (1 after `break 0`, which leaves them all). */
  constructor(public levels: number, readonly status?: number) {}
}

export class ContinueSignal {
  constructor(public levels: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit`, a fatal error in a non-interactive shell, or `set -e`. */
export class ShellExit {
  constructor(readonly status: number) {}
}

/** ^C in an interactive shell: abandon the command line. */
export class Interrupted {}

/** An expansion error abandoned the top-level command being run (bash goes on with the next). */
export class AbortCommand {}

/**
 * throw_to_top_level() in an interactive shell (fork failed for good: $? 254; no pipe for a
 * pipeline: 129): the command line is abandoned. A non-interactive shell exits instead.
 */
export class TopLevelAbort extends AbortCommand {
  constructor(readonly status: number) {
    super();
  }
}

/**
 * fatal_error(): bash prints the message and exits at once with status 2, running no traps
 * (xmalloc: cannot allocate N bytes, when memory is refused).
 */
export class ShellFatal {
  constructor(readonly message: string) {}
}
