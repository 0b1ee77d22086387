// Wget's log (GNU Wget 1.21.3 src/log.c): every message has a level, and -q, -nv and -v decide
// which levels reach the log, which is stderr unless -o/-a name a file. LOG_PROGRESS lines
// belong to the progress gauge, shown when --show-progress or the verbosity asks for it.
import type { Writer } from '../lib/context';

export class WgetLog {
  constructor(
    private readonly out: Writer,
    readonly verbose: boolean,
    readonly quiet: boolean,
    readonly showProgress: boolean,
  ) {}

  /** LOG_VERBOSE: the default chatter (-v, the default). */
  async v(text: string): Promise<void> {
    if (this.verbose) await this.out.write(text);
  }

  /** LOG_NOTQUIET: errors and -nv's summaries; silenced by -q only. */
  async nq(text: string): Promise<void> {
    if (!this.quiet) await this.out.write(text);
  }

  /** LOG_NONVERBOSE: only with -nv. */
  async nv(text: string): Promise<void> {
    if (!this.verbose && !this.quiet) await this.out.write(text);
  }

  /** LOG_ALWAYS: -S's header lines, printed even under -q. */
  async always(text: string): Promise<void> {
    await this.out.write(text);
  }

  /** LOG_PROGRESS: the gauge; flushed at once, as the bar rewrites its line with \r. */
  async progress(text: string): Promise<void> {
    if (!this.showProgress) return;
    await this.out.write(text);
    await this.out.flush();
  }

  flush(): Promise<void> {
    return this.out.flush();
  }
}
