// tdnf's three output channels (include/tdnf-common-defines.h): pr_info goes to stdout unless
// -q or -j, pr_crit goes to stdout unless -j, pr_err always goes to stderr. Plus the helpers its
// tables share: the console width (80 when stdout is not a terminal) and TDNFUtilsFormatSize.
import type { Ctx } from '../lib/context';
import type { CmdArgs } from './args';

export class Out {
  constructor(
    readonly ctx: Ctx,
    private readonly quiet: boolean,
    readonly json: boolean,
  ) {}

  static of(ctx: Ctx, args: Pick<CmdArgs, 'quiet' | 'json'>): Out {
    return new Out(ctx, args.quiet, args.json);
  }

  info(text: string): Promise<void> {
    return this.quiet || this.json ? Promise.resolve() : this.ctx.out.write(text);
  }

  crit(text: string): Promise<void> {
    return this.json ? Promise.resolve() : this.ctx.out.write(text);
  }

  err(text: string): Promise<void> {
    return this.ctx.err.write(text);
  }

  /** pr_json: the JSON text, with no newline. */
  jsonOut(value: unknown): Promise<void> {
    return this.ctx.out.write(JSON.stringify(value));
  }

  /** GetConsoleWidth: the terminal's columns, or 80 when stdout is not a terminal. */
  width(): number {
    try {
      if (this.ctx.sys.isatty(1)) return this.ctx.sys.winsize(1).cols || 80;
    } catch {
      // not a terminal
    }
    return 80;
  }

  /** Column widths as percentages of the console width (GetColumnWidths). */
  columns(percents: readonly number[]): number[] {
    const w = this.width();
    return percents.map((p) => Math.floor((w * p) / 100));
  }

  async flush(): Promise<void> {
    await this.ctx.out.flush();
    await this.ctx.err.flush();
  }
}

/** TDNFUtilsFormatSize: divide by 1024 while above 1024, then "%6.2f%c" with b, k, M or G. */
export function formatSize(bytes: number): string {
  const units = 'bkMG';
  let v = bytes;
  let i = 0;
  while (i < units.length && v > 1024) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2).padStart(6)}${units[i] ?? ''}`;
}

export const padEnd = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
export const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/**
 * curl's progress callback as tdnf prints it (client/remoterepo.c): on a terminal one line per
 * download, rewritten in place and ended by a newline; otherwise only with -v, as repeated
 * "label pct% bytes" lines (the callback fired 4 times for a small file in the recordings).
 */
export async function progress(out: Out, verbose: boolean, label: string, bytes: number): Promise<void> {
  let tty = false;
  try {
    tty = out.ctx.sys.isatty(1);
  } catch {
    tty = false;
  }
  if (tty) {
    await out.info(`${padEnd(label, 35)} ${padStart(String(bytes), 10)} 100%\r`);
    await out.info('\n');
  } else if (verbose) {
    for (let i = 0; i < 4; i++) await out.info(`${label} 100% ${bytes}\n`);
    await out.info('\n');
  }
}
