// Control flow and errors of a running awk program.

/** A fatal runtime error: `awk: cmd. line:1: (FILENAME=x FNR=1) fatal: message`, status 2. */
export class AwkFatal extends Error {
  /** false: the message has no source location (e.g. a file on the command line). */
  constructor(message: string, readonly located = true) {
    super(message);
  }
}

/**
 * A record grown past what memory holds ($N = x or NF = N for a huge N: gawk allocates every
 * field up to N). The real program is killed by the kernel's OOM killer; so is this one.
 */
export class OutOfMemory extends Error {}

/** The most fields a record may grow to here. */
export const MAX_FIELDS = 20_000_000;

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
