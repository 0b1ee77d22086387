// Setting the time of day (clock_settime): date -s and timedatectl set-time move what date,
// file times, the journal and process start times read; timers and the uptime go on as before.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('setting the clock', () => {
  it('date -s sets the time of day for root: file times and the journal follow, the uptime does not jump', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript([
      'date -s "2027-03-04 05:06:07"; echo "rc=$?"',
      'touch /tmp/f; stat -c %y /tmp/f | cut -c1-16',
      'awk \'{ print ($1 < 60) }\' /proc/uptime',
      'sleep 2; date +%H:%M:%S',
      'logger -t clocktest hello; journalctl -t clocktest -o short-iso --no-pager | tail -1 | cut -c1-16',
      'ps -o lstart= -p 1 | grep -c 2027',
      'awk \'/^btime/ { print ($2 > 1800000000) }\' /proc/stat',
    ].join('\n'), m);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Thu Mar  4 05:06:07 UTC 2027\nrc=0\n2027-03-04 05:06\n1\n05:06:09\n2027-03-04T05:06\n1\n1\n');
  });

  it('refuses anyone but root, and still shows the date asked for', async () => {
    const r = await runScript('su nobody -s /bin/bash -c \'date -s "2027-03-04 05:06:07"\'; echo "rc=$?"; date +%Y');
    expect(r.stdout).toBe('Thu Mar  4 05:06:07 UTC 2027\nrc=1\n2026\n');
    expect(r.stderr).toBe('date: cannot set date: Operation not permitted\n');
  });

  it('timedatectl set-time parses first, is refused while NTP is on, and sets the time once it is off', async () => {
    const r = await runScript([
      'timedatectl set-time; echo "rc=$?"',
      'timedatectl set-time bogus; echo "rc=$?"',
      'timedatectl set-time "2027-01-02 03:04:05"; echo "rc=$?"',
      'timedatectl set-ntp false; timedatectl set-time "2027-01-02 03:04:05"; echo "rc=$?"; date',
    ].join('\n'));
    expect(r.stdout).toBe('rc=1\nrc=1\nrc=1\nrc=0\nSat Jan  2 03:04:05 UTC 2027\n');
    expect(r.stderr).toBe("Too few arguments.\nFailed to parse time specification 'bogus': Invalid argument\nFailed to set time: Automatic time synchronization is enabled\n");
  });
});
