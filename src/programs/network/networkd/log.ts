// networkd logs straight to the journal (the native protocol), a link's messages prefixed with
// "IFNAME: " and tagged INTERFACE=IFNAME, which networkctl status uses to show a link's lines.
import type { JournalRequest } from '../../../shared/services/journal';
import type { Sys } from '../../../shared/sys';

export const LOG = { err: 3, warning: 4, notice: 5, info: 6 } as const;

export class Logger {
  constructor(
    private readonly sys: Sys,
    private readonly identifier: string,
    private readonly unit: string,
  ) {}

  async log(priority: number, message: string, ifname?: string, fields?: Record<string, string>): Promise<void> {
    const all = { ...(ifname ? { INTERFACE: ifname } : {}), ...fields };
    const req: JournalRequest = {
      kind: 'append',
      entries: [{
        identifier: this.identifier, comm: this.identifier.slice(0, 15), exe: `/usr/lib/systemd/${this.identifier}`, unit: this.unit,
        message: ifname ? `${ifname}: ${message}` : message, priority, ...(Object.keys(all).length ? { fields: all } : {}),
      }],
    };
    await this.sys.call('journal', req).catch(() => undefined);
  }

  info(message: string, ifname?: string, fields?: Record<string, string>): Promise<void> {
    return this.log(LOG.info, message, ifname, fields);
  }

  warning(message: string, ifname?: string): Promise<void> {
    return this.log(LOG.warning, message, ifname);
  }
}
