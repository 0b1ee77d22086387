// logrotate after `tdnf install logrotate`: expected outputs recorded from the real logrotate
// (3.21 on a build host) on the same scripts, adjusted where 3.22, which Photon 5.0 ships, differs
// in its source: a block's pattern has its trailing blanks dropped ("found error in X, skipping"),
// -v's "rotating pattern" line lists its settings in one line, "acquired lock" ends its line, and a
// configuration skipped for its unsafe mode makes the run's status 1.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

const dated = (s: string): string => s.replace(/web\.log-\d{8}/g, 'web.log-DATE').replace(/suffix '-\d{8}'/g, "suffix '-DATE'");
const install = 'tdnf -q install -y logrotate >/dev/null 2>&1\nexec 2>&1\n';

describe('logrotate', () => {
  it('rotates, compresses, copies, runs scripts, reads included directories and reports errors', async () => {
    const r = await runScript(install + "rm -rf /tmp/lrt; mkdir -p /tmp/lrt/logs /tmp/lrt/conf.d; cd /tmp/lrt\nD=$(date +%Y%m%d)\nprintf 'one\\n' > logs/app.log; printf 'two\\n' > logs/web.log; : > logs/empty.log\ncat > main.conf <<'X'\nrotate 2\ncreate 0640 root root\ninclude /tmp/lrt/conf.d\nX\ncat > conf.d/app <<'X'\n/tmp/lrt/logs/app.log /tmp/lrt/logs/empty.log {\n    notifempty\n    compress\n    postrotate\n        echo \"post: $1 $2\"\n    endscript\n}\nX\ncat > conf.d/web <<'X'\n/tmp/lrt/logs/web.log {\n    dateext\n    copytruncate\n}\nX\nprintf '/tmp/lrt/logs/nope.log {\\n}\\n' > conf.d/old.rpmsave\nprintf '/tmp/lrt/logs/missing.log {\\n missingok\\n}\\n' > conf.d/z\nchmod 644 main.conf conf.d/*\nfor i in 1 2 3; do logrotate -f -s st main.conf; echo \"rc=$?\"; echo more >> logs/app.log; done\nls logs | sed \"s/$D/DATE/\"\nzcat logs/app.log.1.gz; stat -c '%a %s %n' logs/app.log logs/web.log\nsed 's/ 20[0-9-]*:[0-9:]*$/ T/' st | sort\nlogrotate -s st main.conf; echo \"rc=$?\"\nprintf '/tmp/lrt/logs/app.log {\\n rotate x\\n}\\n/tmp/lrt/logs/app.log {\\n}\\nsize 5Q\\n' > bad.conf; chmod 644 bad.conf\nlogrotate -s st bad.conf; echo \"rc=$?\"\nlogrotate -s st /nonexistent; echo \"rc=$?\"\nmkdir -m 777 open; : > open/x.log\nprintf '/tmp/lrt/open/x.log {\\n}\\n' > perm.conf; chmod 644 perm.conf\nlogrotate -f -s st perm.conf; echo \"rc=$?\"\nchmod 666 perm.conf; logrotate -s st perm.conf; echo \"rc=$?\"\n", new Machine({ clock: 'skip' }));
    expect(dated(r.stdout)).toBe("post: /tmp/lrt/logs/app.log /tmp/lrt/logs/app.log.1\nrc=0\npost: /tmp/lrt/logs/app.log /tmp/lrt/logs/app.log.1\nerror: destination /tmp/lrt/logs/web.log-DATE already exists, skipping rotation\nrc=1\npost: /tmp/lrt/logs/app.log /tmp/lrt/logs/app.log.1\nerror: destination /tmp/lrt/logs/web.log-DATE already exists, skipping rotation\nrc=1\napp.log\napp.log.1.gz\napp.log.2.gz\nempty.log\nweb.log\nweb.log-DATE\nmore\n640 5 logs/app.log\n644 0 logs/web.log\n\"/tmp/lrt/logs/app.log\" T\n\"/tmp/lrt/logs/empty.log\" T\n\"/tmp/lrt/logs/missing.log\" T\n\"/tmp/lrt/logs/web.log\" T\nlogrotate state -- version 2\nrc=0\nerror: bad.conf:2 bad rotation count 'x'\nerror: found error in /tmp/lrt/logs/app.log, skipping\nerror: bad.conf:6 unknown unit 'Q'\nrc=1\nerror: cannot stat /nonexistent: No such file or directory\nrc=1\nerror: skipping \"/tmp/lrt/open/x.log\" because parent directory has insecure permissions (It's world writable or writable by group which is not \"root\") Set \"su\" directive in config file to tell logrotate which user/group should be used for rotation.\nrc=1\nwarning: Potentially dangerous mode on perm.conf: 0666\nerror: Ignoring perm.conf because it is writable by group or others.\nrc=1\n");
  });

  it('prints its steps with -d and -v', async () => {
    const r = await runScript(install + "rm -rf /tmp/lrv; mkdir -p /tmp/lrv; cd /tmp/lrv\nprintf 'data\\n' > a.log\nprintf '/tmp/lrv/a.log {\\n    rotate 1\\n    create\\n}\\n' > v.conf; chmod 644 v.conf\nprintf 'logrotate state -- version 2\\n\"/tmp/lrv/a.log\" 2020-1-1-0:0:0\\n' > st; chmod 640 st\nlogrotate -d -s st v.conf 2>&1 | grep -v '^  Now:'; echo \"rc=$?\"\nls\nlogrotate -v -f -s st v.conf 2>&1 | grep -v '^  Now:\\|Last rotated at\\|acquired lock\\|rotating pattern\\|^empty log'; echo \"rc=$?\"\nls\n", new Machine({ clock: 'skip' }));
    expect(dated(r.stdout)).toBe("warning: logrotate in debug mode does nothing except printing debug messages!  Consider using verbose mode (-v) instead if this is not what you want.\n\nreading config file v.conf\nReading state from file: st\nAllocating hash table for state file, size 64 entries\nCreating new state\n\nHandling 1 logs\n\nrotating pattern: /tmp/lrv/a.log 1048576 bytes empty log files are rotated, (1 rotations), old logs are removed\nconsidering log /tmp/lrv/a.log\n  Last rotated at 2020-01-01 00:00\n  log does not need rotating (log size is below the 'size' threshold)\nrc=0\na.log\nst\nv.conf\nreading config file v.conf\nReading state from file: st\nAllocating hash table for state file, size 64 entries\nCreating new state\n\nHandling 1 logs\n\nconsidering log /tmp/lrv/a.log\n  log needs rotating\nrotating log /tmp/lrv/a.log, log->rotateCount is 1\ndateext suffix '-DATE'\nglob pattern '-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'\nrenaming /tmp/lrv/a.log.1 to /tmp/lrv/a.log.2 (rotatecount 1, logstart 1, i 1), \nold log /tmp/lrv/a.log.1 does not exist\nlog /tmp/lrv/a.log.2 doesn't exist -- won't try to dispose of it\nrenaming /tmp/lrv/a.log to /tmp/lrv/a.log.1\ncreating new /tmp/lrv/a.log mode = 0644 uid = 0 gid = 0\nrc=0\na.log\na.log.1\nst\nv.conf\n");
  });

  it('reports configuration and state file errors, and mails old logs', async () => {
    const r = await runScript(install + "rm -rf /tmp/lrt4; mkdir -p /tmp/lrt4/l /tmp/lrt4/d/sub; cd /tmp/lrt4\nprintf 'logrotate state -- version 2\\n' > st; chmod 640 st\necho x > l/a.log\nprintf '/tmp/lrt4/l/a.log {\\n}\\n' > d/one; : > d/empty; chmod 644 d/*\nlogrotate -v -s st d 2>&1 | grep -v 'Now\\|Last\\|lock\\|Reading state\\|pattern\\|empty log'; echo rc=$?\nprintf 'include /nonexistent\\ninclude\\n/tmp/lrt4/l/a.log {\\n include /tmp/lrt4/d/empty\\n}\\n' > c1; chmod 644 c1\nlogrotate -s st c1; echo rc=$?\nprintf \"'/tmp/lrt4/l/a b.log' /tmp/lrt4/l/c\\\\\\\\ d.log {\\n missingok\\n}\\n\" > c3; chmod 644 c3\nlogrotate -d -s st c3 2>&1 | grep 'considering'; echo rc=$?\nprintf '/tmp/lrt4/l/a.log {\\n rotate 1\\n}x\\n/tmp/lrt4/l/q.log {\\n missingok\\n}\\n' > c5; chmod 644 c5\nlogrotate -s st c5; echo rc=$?\nprintf 'daily\\nsize 10\\n/tmp/lrt4/l/a.log {\\n weekly\\n monthly\\n}\\n' > c7; chmod 644 c7\nlogrotate -d -s st c7 2>&1 | grep 'note'; echo rc=$?\nprintf 'rotate 4 #x\\n' > c9; chmod 644 c9; logrotate -s st c9; echo rc=$?\nprintf 'size 5X\\n' > c10; chmod 644 c10; logrotate -s st c10; echo rc=$?\nprintf 'maxage x\\nrotate 1\\n' > c13; chmod 644 c13; logrotate -s st c13; echo rc=$?\nprintf 'olddir /no/such\\n/tmp/lrt4/l/a.log {\\n}\\n' > c14; chmod 644 c14; logrotate -s st c14; echo rc=$?\nlogrotate -s /tmp/lrt4/nodir/st c14; echo rc=$?\nlogrotate -s /tmp/lrt4/l c; echo rc=$?\necho junk > bad.st; chmod 600 bad.st; logrotate -s bad.st c7; echo rc=$?\nprintf 'logrotate state -- version 2\\n\"/tmp/lrt4/l/a.log\" 2020-13-1\\n' > m.st; chmod 600 m.st; logrotate -s m.st c7; echo rc=$?\necho y > l/a.log; echo old > l/a.log.1\nprintf '#!/bin/sh\\necho \"args: $*\" >&2; cat >&2\\n' > m.sh; chmod +x m.sh\nprintf '/tmp/lrt4/l/a.log {\\n rotate 1\\n mail root@localhost\\n}\\n' > c15; chmod 644 c15\nlogrotate -f -s st -m /tmp/lrt4/m.sh c15; echo rc=$?; ls l\nlogrotate -f -s st -m /tmp/lrt4/nomail c15; echo rc=$?\n", new Machine({ clock: 'skip' }));
    expect(r.stdout).toBe("Ignoring empty because it's empty.\nreading config file one\nIgnoring sub because it's not a regular file.\nAllocating hash table for state file, size 64 entries\n\nHandling 1 logs\n\nconsidering log /tmp/lrt4/l/a.log\nCreating new state\n  log does not need rotating (log size is below the 'size' threshold)\nrc=0\nerror: cannot stat /nonexistent: No such file or directory\nerror: c1:2 argument expected after include\nrc=1\nconsidering log /tmp/lrt4/l/a b.log\nconsidering log /tmp/lrt4/l/c d.log\nrc=0\nerror: c5:3, unexpected text after }\nrc=0\nnote: 'size' overrides previously specified 'daily'\nnote: 'weekly' overrides previously specified 'size'\nnote: 'monthly' overrides previously specified 'weekly'\nrc=0\nerror: c9:1 bad rotation count '4 #x'\nrc=1\nerror: c10:1 unknown unit 'X'\nrc=1\nerror: c13:1 bad maximum age 'x\nrotate 1\n'\nrc=1\nerror: c14:3 error verifying olddir path /no/such: No such file or directory\nrc=1\nerror: c14:3 error verifying olddir path /no/such: No such file or directory\nerror: error creating stub state file /tmp/lrt4/nodir/st: No such file or directory\nrc=3\nerror: cannot stat c: No such file or directory\nerror: error opening state file /tmp/lrt4/l: Is a directory\nrc=3\nerror: bad top line in state file bad.st\nrc=1\nerror: bad month 13 for file /tmp/lrt4/l/a.log in state file m.st\nrc=1\nargs: -s /tmp/lrt4/l/a.log.2 root@localhost\nold\nrc=0\na.log.1\nerror: stat of /tmp/lrt4/l/a.log failed: No such file or directory\nrc=1\n");
  });

  it('shreds with preremove, skips missing and duplicate logs', async () => {
    const r = await runScript(install + "rm -rf /tmp/lrp11; mkdir -p /tmp/lrp11/l; cd /tmp/lrp11\nprintf 'logrotate state -- version 2\\n' > st; chmod 640 st\necho x > l/a.log; echo old > l/a.log.1\nprintf '/tmp/lrp11/l/a.log {\\n rotate 1\\n shred\\n shredcycles 2\\n compress\\n preremove\\n  echo \"preremove $*\"\\n endscript\\n}\\n' > c; chmod 644 c\nlogrotate -v -f -s st c 2>&1 | grep -v 'Now\\|Last\\|lock\\|pattern\\|empty log\\|Reading\\|dateext'; echo rc=$?\nls l\nrm -rf /tmp/lrp15; mkdir -p /tmp/lrp15/l/sub; cd /tmp/lrp15\nprintf 'logrotate state -- version 2\\n' > st; chmod 640 st\necho a > l/a; echo b > l/.hidden\nprintf '/tmp/lrp15/none/*.log {\\n missingok\\n}\\n/tmp/lrp15/l/*.nomatch {\\n}\\n/tmp/lrp15/l/* {\\n}\\n/tmp/lrp15/l/a /tmp/lrp15/l/[a] {\\n}\\n' > c; chmod 644 c\nlogrotate -v -s st c 2>&1 | grep -v 'Now\\|Last\\|lock\\|pattern\\|empty log\\|Reading'; echo rc=$?\nprintf '/tmp/lrp15/l/a {\\n ignoreduplicates\\n}\\n/tmp/lrp15/l/a {\\n}\\n' > c2; chmod 644 c2\nlogrotate -v -s st c2 2>&1 | grep -i dupl; echo rc=$?\nprintf '/tmp/lrp15/l/a {\\n}\\n/tmp/lrp15/l/a {\\n ignoreduplicates\\n}\\n' > c3; chmod 644 c3\nlogrotate -v -s st c3 2>&1 | grep -i 'dupl\\|Handling'; echo rc=$?\n", new Machine({ clock: 'skip' }));
    expect(r.stdout).toBe("reading config file c\nAllocating hash table for state file, size 64 entries\n\nHandling 1 logs\n\nconsidering log /tmp/lrp11/l/a.log\nCreating new state\n  log needs rotating\nrotating log /tmp/lrp11/l/a.log, log->rotateCount is 1\nrenaming /tmp/lrp11/l/a.log.1.gz to /tmp/lrp11/l/a.log.2.gz (rotatecount 1, logstart 1, i 1), \nold log /tmp/lrp11/l/a.log.1.gz does not exist\nlog /tmp/lrp11/l/a.log.2.gz doesn't exist -- won't try to dispose of it\nrenaming /tmp/lrp11/l/a.log to /tmp/lrp11/l/a.log.1\ncompressing log with: /bin/gzip\nrunning preremove script\npreremove /tmp/lrp11/l/a.log.1\nUsing shred to remove the file /tmp/lrp11/l/a.log.1\nrc=0\na.log.1.gz\nreading config file c\nerror: c:8 duplicate log entry for /tmp/lrp15/l/a\nerror: c:8 duplicate log entry for /tmp/lrp15/l/a\nAllocating hash table for state file, size 64 entries\n\nHandling 4 logs\n\nconsidering log /tmp/lrp15/none/*.log\nCreating new state\n\nconsidering log /tmp/lrp15/l/*.nomatch\nerror: stat of /tmp/lrp15/l/*.nomatch failed: No such file or directory\nCreating new state\n\nconsidering log /tmp/lrp15/l/a\nCreating new state\n  log does not need rotating (log size is below the 'size' threshold)\n\nNo logs found. Rotation not needed.\nrc=0\nc2:4 ignore duplicate log entry for /tmp/lrp15/l/a\nrc=0\nerror: c3:3 duplicate log entry for /tmp/lrp15/l/a\nHandling 2 logs\nrc=0\n");
  });

  it('installs its configuration, state directory and daily timer', async () => {
    const r = await runScript(
      [
        'tdnf -q install -y logrotate >/dev/null 2>&1',
        'stat -c "%a %n" /var/lib/logrotate /etc/logrotate.d /etc/cron.daily/logrotate',
        'grep -v "^#" /etc/logrotate.conf | grep .',
        'systemctl cat logrotate.timer | grep -E "^(OnCalendar|Persistent|WantedBy)"',
        'systemctl cat logrotate.service | grep -E "^(Type|ExecStart)="',
        'mkdir -p /var/log/myapp && echo hello > /var/log/myapp/app.log',
        'printf "/var/log/myapp/*.log {\\n    daily\\n    nodateext\\n    compress\\n    missingok\\n}\\n" > /etc/logrotate.d/myapp',
        'logrotate -f /etc/logrotate.conf; echo "rc=$?"',
        'ls /var/log/myapp; zcat /var/log/myapp/app.log.1.gz',
        'head -1 /var/lib/logrotate/logrotate.status; grep -c myapp /var/lib/logrotate/logrotate.status',
        'stat -c "%a" /var/lib/logrotate/logrotate.status',
        'logrotate --version | head -1; logrotate; echo "rc=$?"',
      ].join('\n'),
      new Machine({ clock: 'skip' }),
    );
    expect(r.stdout).toBe(
      [
        '755 /var/lib/logrotate',
        '755 /etc/logrotate.d',
        '755 /etc/cron.daily/logrotate',
        'weekly',
        'rotate 4',
        'create',
        'dateext',
        'include /etc/logrotate.d',
        'OnCalendar=daily',
        'Persistent=true',
        'WantedBy=timers.target',
        'Type=oneshot',
        'ExecStart=/usr/sbin/logrotate /etc/logrotate.conf',
        'rc=0',
        'app.log',
        'app.log.1.gz',
        'hello',
        'logrotate state -- version 2',
        '1',
        '640',
        'logrotate 3.22.0',
        'rc=1',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toContain('logrotate 3.22.0 - Copyright (C) 1995-2001 Red Hat, Inc.\n');
  });
});
