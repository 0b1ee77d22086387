// logger (util-linux 2.38): what -s copies to standard error is the message as sent, with the
// local header (misc-utils/logger.c: syslog_local_header, rfc3164_current_time).
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';

describe('logger', () => {
  it('copies the header to standard error with -s: priority, local time, tag and id', async () => {
    const r = await runScript([
      'logger -s -t app hello',
      'logger -s -p local3.err --id=77 with-id',
      'ln -sf /usr/share/zoneinfo/Asia/Tokyo /etc/localtime; logger -s -t tz local-time',
      'logger --no-act -s -t app not-sent',
      'journalctl -t app -o cat --no-pager',
    ].join('\n'));
    // (the machine's clock follows real time while it works: the seconds may have moved on)
    expect(r.stderr.replace(/(\d\d:\d\d):\d\d/g, '$1:SS')).toBe('<13>Jan 15 09:30:SS app: hello\n<155>Jan 15 09:30:SS root[77]: with-id\n<13>Jan 15 18:30:SS tz: local-time\n<13>Jan 15 18:30:SS app: not-sent\n');
    expect(r.stdout).toBe('hello\n');
  });
});
