// Control flow and errors of a running awk program.

/** A fatal runtime error: `awk: cmd. line:1: (FILENAME=x FNR=1) fatal: message`, status 2. */
export class AwkFatal extends Error {
  /** false: the message has no source location (e.g. a file on the command line). */
  constructor(message: string, readonly located = true) {
    super(message);
  }
}

/** `exit [code]` */
export class ExitSignal {
  constructor(readonly code: number | undefined) {}
}

/** `next` */
export class NextSignal {}
/** `nextfile` */
export class NextFileSignal {}

export const NEXT = new NextSignal();
export const NEXTFILE = new NextFileSignal();
