// cronie after `tdnf install cronie`: crontab checks and installs tables, crond runs what is
// due each minute on the machine's clock as the table's user, and logs as cronie does.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('cronie', () => {
  it('installs, refuses and lists tables', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y cronie >/dev/null 2>&1',
        'crontab -l; echo "rc=$?"',
        'printf "x * * * * a\\n" | crontab -; echo "rc=$?"',
        'printf "* * * * * a" | crontab -; echo "rc=$?"',
        'printf "# hi\\n*/5 * * * * date\\n" | crontab - && crontab -l && stat -c "%a %U %n" /var/spool/cron/root',
        'useradd -m bob; su bob -c "crontab -u root -l"; echo "rc=$?"',
        'crontab -r; crontab -r; echo "rc=$?"; readlink /usr/lib/systemd/system/cron.service',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe(['rc=1', 'rc=1', 'rc=1', '# hi', '*/5 * * * * date', '600 root /var/spool/cron/root', 'rc=1', 'rc=1', 'crond.service', ''].join('\n'));
    expect(r.stderr).toBe(
      ['no crontab for root', '"-":1: bad minute', "Invalid crontab file, can't install.", '"-":1: premature EOF', "Invalid crontab file, can't install.", 'must be privileged to use -u', 'no crontab for root', ''].join('\n'),
    );
  });

  it('runs due jobs as their users and logs them', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y cronie >/dev/null 2>&1',
        'useradd -m alice',
        'su alice -c \'printf "* * * * * id -un >> /tmp/ran; pwd; cat%%in put\\n" | crontab -\'',
        'printf "SHELL=/bin/bash\\n*/2 * * * * root echo system >> /tmp/sys\\n" > /etc/cron.d/mine',
        'systemctl start crond',
        'sleep 185',
        'cat /tmp/ran; wc -l < /tmp/sys',
        'journalctl -t CROND -o cat | sort | uniq -c | sort -rn | sed -n 1,20p',
        'journalctl -t crond -o cat | head -4',
      ].join('\n'),
      m,
    );
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['alice', 'alice', 'alice', expect.stringMatching(/^[12]$/)]);
    expect(r.stdout).toContain('3 (alice) CMD (id -un >> /tmp/ran; pwd; cat%in put)');
    expect(r.stdout).toContain('3 (alice) CMDOUT (/home/alice)');
    expect(r.stdout).toContain('3 (alice) CMDOUT (in put)');
    expect(r.stdout).toContain('3 pam_unix(crond:session): session opened for user alice(uid=1000) by (uid=0)');
    expect(r.stdout).toContain('(root) CMD (echo system >> /tmp/sys)');
    expect(r.stdout).toContain('(CRON) STARTUP (1.6.1)\n(CRON) INFO (Syslog will be used instead of sendmail.)\n');
  });

  it('anacron runs the jobs whose days have passed, and remembers the day', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y cronie >/dev/null 2>&1',
        'printf "SHELL=/bin/sh\\n1 2 myjob pwd > /tmp/ran\\nbad line\\n" > /tmp/my.tab',
        'anacron -T -t /tmp/my.tab; echo "rc=$?"',
        'anacron -d -t /tmp/my.tab 2>&1; cat /tmp/ran /var/spool/anacron/myjob',
        'anacron -d -t /tmp/my.tab 2>&1',
        'anacron -z; echo "rc=$?"',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe(
      [
        'rc=1',
        'Anacron started on 2026-01-15',
        'anacron: Invalid syntax in /tmp/my.tab on line 3 - skipping this line',
        "Will run job `myjob' in 2 min.",
        "Job `myjob' started",
        "Job `myjob' terminated",
        'Normal exit (1 job run)',
        '/',
        '20260115',
        'Anacron started on 2026-01-15',
        'anacron: Invalid syntax in /tmp/my.tab on line 3 - skipping this line',
        'Normal exit (0 jobs run)',
        'rc=1',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe("anacron: Invalid syntax in /tmp/my.tab on line 3 - skipping this line\nanacron: invalid option: z\ntype: `anacron -h' for more information\n");
  });

  it('cronnext finds the next run of the tables (cronie 1.6.1 source: nextmatch, printentry)', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y cronie >/dev/null 2>&1',
        'printf "*/10 * * * * echo a\\n0 12 * * mon echo weekly\\n" | crontab -',
        'cronnext -s -t 1768469402; cronnext -s -l -j weekly -t 1768469402',
        'cronnext -s -f -t 1768469402 -q 1768470000 | grep -c "cmd:"; cronnext -f; echo "rc=$?"',
        'cronnext -s -t 60 -q 120; echo "rc=$?"',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe(
      [
        'next: 1768469400',
        'next: 1768824000',
        'nextjobs:',
        '  - user: root',
        '    cmd: "echo weekly"',
        '    flags: 0x04',
        '    flagnames: DOM_STAR',
        '    delay: 0',
        '    next: 1768824000',
        '    nextstring: Mon Jan 19 12:00:00 2026',
        '2',
        'rc=1',
        'rc=1',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toMatch(/^no ending time specified: -f requires -q\nFind the time of the next scheduled cron job\./);
  });
});
