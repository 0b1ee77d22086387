// What one run of tar shares: its options, its messages (tar: NAME: Cannot open: ...), the
// exit status they leave (2 after any error), and the fatal path that ends the run with
// "Error is not recoverable: exiting now".
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx, Writer } from '../lib/context';
import { quotearg } from '../lib/quotearg';
import { type TimeZone, UTC } from '../lib/tz';
import type { TarOptions } from './options';

/** Thrown once a fatal message has been printed; main returns 2. */
export class TarFatal extends Error {}

/** A name as tar quotes it in messages (escape style, colons escaped). */
export function qc(name: string): string {
  return quotearg(name, { style: 'escape', quoteToo: ':' });
}

/** A name as tar quotes it in listings. */
export function qn(name: string): string {
  return quotearg(name, { style: 'escape' });
}

/** A name in the middle of a message: 'name' (gnulib quote(), locale style in the C locale). */
export function qq(name: string): string {
  return quotearg(name, { style: 'locale' });
}

export class Tar {
  status = 0;
  /** Which leading prefixes have been reported ("member names" and "hard link targets" apart). */
  readonly warned = new Set<string>();
  /** The width of the owner/size column of long listings: it only grows. */
  ugsWidth = 19;
  /** Where listings go: stderr when the archive itself goes to stdout. */
  listing: Writer;
  /** The zone verbose listings show times in (TZ or /etc/localtime). */
  tz: TimeZone = UTC;

  constructor(
    readonly ctx: Ctx,
    readonly o: TarOptions,
    readonly archiveName: string,
  ) {
    this.listing = ctx.out;
  }

  get sys() {
    return this.ctx.sys;
  }

  /** `tar: text` on stderr, after what is waiting on stdout (as error() flushes it). */
  async warn(text: string): Promise<void> {
    await this.ctx.out.flush();
    await this.ctx.err.write(`${this.ctx.name}: ${text}\n`);
  }

  /** An error that lets the run go on and makes it exit 2. */
  async error(text: string): Promise<void> {
    await this.warn(text);
    this.status = 2;
  }

  /** `tar: NAME: WHAT: strerror` for a failed system call. */
  async sysError(e: unknown, name: string, what: string): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.error(`${qc(name)}: ${what}: ${strerror(e.errno)}`);
  }

  async fatal(text: string): Promise<never> {
    await this.warn(text);
    await this.warn('Error is not recoverable: exiting now');
    this.status = 2;
    throw new TarFatal(text);
  }

  async sysFatal(e: unknown, name: string, what: string): Promise<never> {
    if (!isSysError(e)) throw e;
    return this.fatal(`${qc(name)}: ${what}: ${strerror(e.errno)}`);
  }

  tick(): Promise<void> | undefined {
    return this.ctx.tick();
  }
}
