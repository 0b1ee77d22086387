// Exceptions that carry the shell's control flow through nested calls.

export class BreakSignal {
  constructor(public levels: number) {}
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
