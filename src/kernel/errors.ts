// Exceptions that unwind a process's own code. They are not errors of the program: the
// kernel has already decided the process's fate when one is thrown.

/** Thrown from every syscall of a process that has been killed. */
export class ProcessKilled extends Error {
  constructor(readonly pid: number) {
    super(`process ${pid} was killed`);
    this.name = 'ProcessKilled';
  }
}

/** Thrown by exit(): ends the process with `code`. */
export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ProcessExit';
  }
}
