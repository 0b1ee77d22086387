// Named time zones on the machine: timedatectl set-timezone points /etc/localtime into
// zoneinfo, and date, ls and stat then show local time with daylight saving, as glibc does.
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';

describe('the local time zone', () => {
  it('follows timedatectl set-timezone, /etc/localtime links and TZ', async () => {
    const r = await runScript(`unset TZ
date -d @1700000000
timedatectl set-timezone America/New_York; echo rc=$?
date -d @1700000000; date -d @1690000000 '+%F %T %Z %z'
timedatectl status | grep 'Time zone' | sed 's/^ *//; s/(E[SD]T, -0[45]00)/(ABBR)/'
ln -sf /usr/share/zoneinfo/Asia/Kolkata /etc/localtime
touch -d @1700000000 f; ls -l --time-style=full-iso f | cut -d' ' -f6-8; stat -c %y f
TZ=Europe/London date -d @1690000000 '+%F %T %Z'
TZ=UTC date -d @1700000000
timedatectl set-timezone Nowhere/Foo; echo rc=$?`);
    expect(r.stdout).toBe(`Tue Nov 14 22:13:20 UTC 2023
rc=0
Tue Nov 14 17:13:20 EST 2023
2023-07-22 00:26:40 EDT -0400
Time zone: America/New_York (ABBR)
2023-11-15 03:43:20.000000000 +0530
2023-11-15 03:43:20.000000000 +0530
2023-07-22 05:26:40 BST
Tue Nov 14 22:13:20 UTC 2023
rc=1
`);
    expect(r.stderr).toBe("Failed to set time zone: Invalid or not installed time zone 'Nowhere/Foo'\n");
  });

  it('reads wall times around DST changes as GNU date does', async () => {
    const r = await runScript(`export TZ=America/New_York
date -d '2023-11-05 01:30' '+%F %T %Z'
date -d '2023-11-05 01:30 EST' '+%F %T %Z'
date -d '2023-03-12 02:30'
date -d '2023-03-12 03:30' '+%F %T %Z'
TZ=Europe/London date -d '2023-10-29 01:30' '+%F %T %Z'
TZ=Australia/Sydney date -d '2023-04-02 02:30' '+%F %T %Z'`);
    expect(r.stdout).toBe('2023-11-05 01:30:00 EDT\n2023-11-05 01:30:00 EST\n2023-03-12 03:30:00 EDT\n2023-10-29 01:30:00 GMT\n2023-04-02 02:30:00 AEST\n');
    expect(r.stderr).toBe("date: invalid date '2023-03-12 02:30'\n");
  });
});
