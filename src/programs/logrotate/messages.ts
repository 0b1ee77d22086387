// logrotate's message(): debug lines (shown with -v or -d) have no prefix, warnings start with
// "warning: ", errors with "error: "; all go to standard error, and also to the -l log file
// whatever the level, and with -l syslog to the journal.
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';
import { LOG_USER, syslog } from '../lib/syslog';

export const DEBUG = 2;
export const WARN = 4;
export const ERROR = 8;

export class Messages {
  /** the lowest level shown on standard error */
  level = WARN;
  logFile: string | undefined;
  /** -l syslog: every message also goes to the journal (user facility, priority by level) */
  toSyslog = false;

  constructor(
    readonly ctx: Ctx,
    readonly sys: Sys,
  ) {}

  async say(level: number, text: string): Promise<void> {
    const prefix = level === DEBUG ? '' : level === WARN ? 'warning: ' : 'error: ';
    if (level >= this.level) await this.ctx.err.write(prefix + text);
    if (this.logFile !== undefined) await this.sys.writeFile(this.logFile, prefix + text, { append: true }).catch(() => undefined);
    if (this.toSyslog) await syslog(this.sys, 'logrotate', level === DEBUG ? 6 : level === WARN ? 4 : 3, text.replace(/\n$/, ''), LOG_USER);
  }

  debug(text: string): Promise<void> {
    return this.say(DEBUG, text);
  }

  warn(text: string): Promise<void> {
    return this.say(WARN, text);
  }

  error(text: string): Promise<void> {
    return this.say(ERROR, text);
  }
}
