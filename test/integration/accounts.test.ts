// Accounts and permissions on a booted machine: shadow's tools write /etc as Photon's
// configuration says, the kernel keeps non-root users out of /etc/shadow and /etc, sudo
// lets wheel members in and refuses others, passwd applies Photon's password rules.
// Expected texts were checked against shadow 4.13 (useradd/usermod/... run with --prefix on
// a copy of Photon's /etc) and the sources of sudo 1.9.15p5, Linux-PAM 1.5.3, libpwquality
// 1.4.4. The machine's clock starts on 2026-01-15, day 20468 of the epoch.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { ConsoleSession, runScript } from './machine-helpers';

const DAY = 20468;

async function fresh(script: string) {
  return runScript(script, new Machine({ clock: 'skip' }));
}

describe('permissions for a non-root user', () => {
  it('cannot read /etc/shadow or create files under /etc', async () => {
    const r = await fresh(`su -s /bin/bash nobody -c 'cat /etc/shadow; echo rc=$?; touch /etc/x; echo rc=$?; echo hi > /etc/passwd; echo rc=$?'
[ -e /etc/x ] || echo "no /etc/x"`);
    expect(r.stdout).toBe('rc=1\nrc=1\nrc=1\nno /etc/x\n');
    expect(r.stderr).toBe("cat: /etc/shadow: Permission denied\ntouch: cannot touch '/etc/x': Permission denied\nbash: line 1: /etc/passwd: Permission denied\n");
  });

  it('gets shadow\'s messages from the account tools', async () => {
    const r = await fresh(`useradd -m alice
su -s /bin/bash alice -c 'PATH=/usr/sbin:$PATH; useradd bob; echo rc=$?; groupadd g; echo rc=$?; usermod -s /bin/sh alice; echo rc=$?; passwd -S root; echo rc=$?; chage -l root; echo rc=$?; gpasswd -a alice wheel; echo rc=$?; passwd -l alice; echo rc=$?'`);
    expect(r.stdout).toBe('rc=1\nrc=10\nrc=1\nrc=1\nrc=1\nrc=1\nrc=1\n');
    expect(r.stderr).toBe([
      'useradd: Permission denied.', 'useradd: cannot lock /etc/passwd; try again later.',
      'groupadd: Permission denied.', 'groupadd: cannot lock /etc/group; try again later.',
      'usermod: Permission denied.', 'usermod: cannot lock /etc/passwd; try again later.',
      'passwd: You may not view or modify password information for root.',
      'chage: Permission denied.', 'gpasswd: Permission denied.', 'passwd: Permission denied.', '',
    ].join('\n'));
  });
});

describe('useradd and friends', () => {
  it('useradd -m creates the entries and a home from /etc/skel', async () => {
    const r = await fresh(`useradd -m alice; echo rc=$?
grep alice /etc/passwd /etc/shadow /etc/group /etc/gshadow
ls -la /home/alice
id alice
ls /etc/passwd- /etc/shadow-`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`rc=0
/etc/passwd:alice:x:1000:100::/home/alice:/bin/bash
/etc/shadow:alice:!:${DAY}:0:90:7:::
total 20
drwxr-xr-x 2 alice users 4096 Jan 15 09:30 .
drwxr-xr-x 3 root  root  4096 Jan 15 09:30 ..
-rw-r--r-- 1 alice users   53 Jan 15 09:30 .bash_logout
-rw-r--r-- 1 alice users  157 Jan 15 09:30 .bash_profile
-rw-r--r-- 1 alice users  114 Jan 15 09:30 .bashrc
uid=1000(alice) gid=100(users) groups=100(users)
/etc/passwd-
/etc/shadow-
`);
  });

  it('reports the usual mistakes with shadow\'s exit codes', async () => {
    const r = await fresh(`useradd alice; useradd alice; echo rc=$?
useradd -u 1000 bob; echo rc=$?
useradd -g nosuch bob; echo rc=$?
useradd -G wheel,nosuch bob; echo rc=$?
useradd -e bogus bob; echo rc=$?
useradd 'bad name'; echo rc=$?
userdel nosuch; echo rc=$?
groupadd wheel; echo rc=$?
groupadd -g 100 qa; echo rc=$?
groupdel users; echo rc=$?
usermod -a alice >/dev/null 2>&1; echo rc=$?
usermod -s /bin/sh alice >/dev/null; usermod -s /bin/sh alice`);
    expect(r.stdout).toBe('rc=9\nrc=4\nrc=6\nrc=6\nrc=3\nrc=3\nrc=6\nrc=9\nrc=4\nrc=8\nrc=2\nusermod: no changes\n');
    expect(r.stderr).toBe([
      "useradd: user 'alice' already exists", 'useradd: UID 1000 is not unique', "useradd: group 'nosuch' does not exist",
      "useradd: group 'nosuch' does not exist", "useradd: invalid date 'bogus'", "useradd: invalid user name 'bad name': use --badname to ignore",
      "userdel: user 'nosuch' does not exist", "groupadd: group 'wheel' already exists", "groupadd: GID '100' already exists",
      "groupdel: cannot remove the primary group of user 'alice'", '',
    ].join('\n'));
  });

  it('su keeps PATH, su - sets it from login.defs ENV_PATH / ENV_SUPATH (util-linux modify_environment)', async () => {
    const r = await fresh(`export PATH=/usr/sbin:/usr/bin:/sbin:/bin
su nobody -s /bin/sh -c 'echo $PATH $USER $HOME'; su -c 'echo $PATH $HOME'; su -m nobody -s /bin/sh -c 'echo $PATH $HOME'
su - nobody -s /usr/bin/env | grep -E '^(PATH|USER|LOGNAME|SHELL)=' | sort`);
    expect(r.stdout).toBe('/usr/sbin:/usr/bin:/sbin:/bin nobody /dev/null\n/usr/sbin:/usr/bin:/sbin:/bin /root\n/usr/sbin:/usr/bin:/sbin:/bin /root\nLOGNAME=nobody\nPATH=/bin:/usr/bin\nSHELL=/usr/bin/env\nUSER=nobody\n');
  });

  it('warns when -u picks a UID outside the range for the account kind (check_uid_range)', async () => {
    const r = await fresh(`useradd -u 70000 mo; echo rc=$?
useradd -u 500 lo; useradd -u 60000 top; useradd -r -u 1500 sy; useradd -r -u 600 sz
grep -c -E '^(mo|lo|top|sy|sz):' /etc/passwd`);
    expect(r.stdout).toBe('rc=0\n5\n');
    expect(r.stderr).toBe([
      "useradd warning: mo's uid 70000 outside of the UID_MIN 1000 and UID_MAX 60000 range.",
      "useradd warning: lo's uid 500 outside of the UID_MIN 1000 and UID_MAX 60000 range.",
      "useradd warning: sy's uid 1500 is greater than SYS_UID_MAX 999", '',
    ].join('\n'));
  });

  it('manages groups, aging and removal', async () => {
    const r = await fresh(`useradd -m -G wheel alice
groupadd devs; gpasswd -a alice devs; usermod -aG docker alice; id -Gn alice
gpasswd -d alice devs; gpasswd -d alice devs; echo rc=$?
tail -n1 /etc/group /etc/gshadow
useradd -r svc; grep svc /etc/passwd /etc/shadow
chage -M 30 -E 2030-06-01 alice; chage -l alice
passwd -l alice; passwd -S alice
userdel -r alice; echo rc=$?; ls /home`);
    expect(r.stdout).toBe(`Adding user alice to group devs
users wheel docker devs
Removing user alice from group devs
Removing user alice from group devs
rc=3
==> /etc/group <==
devs:x:1000:

==> /etc/gshadow <==
devs:!::
/etc/passwd:svc:x:999:100::/home/svc:/bin/bash
/etc/shadow:svc:!:${DAY}::::::
Last password change\t\t\t\t\t: Jan 15, 2026
Password expires\t\t\t\t\t: Feb 14, 2026
Password inactive\t\t\t\t\t: never
Account expires\t\t\t\t\t\t: Jun 01, 2030
Minimum number of days between password change\t\t: 0
Maximum number of days between password change\t\t: 30
Number of days of warning before password expires\t: 7
passwd: password changed.
alice L 2026-01-15 0 30 7 -1
rc=0
`);
    expect(r.stderr).toBe("gpasswd: user 'alice' is not a member of 'devs'\nuserdel: alice mail spool (/var/mail/alice) not found\n");
  });
});

describe('sudo', () => {
  const setup = `useradd -m -G wheel alice; useradd -m bob
echo 'alice:Wh33l-member' | chpasswd; echo 'bob:B0b-not-admin' | chpasswd
`;
  it('lists another user\'s privileges with -l -U, and refuses -U without -l', async () => {
    const r = await fresh(`${setup}sudo -l -U bob; sudo -l -U alice; sudo -l -U nosuch; echo rc=$?; sudo -U bob true; echo rc=$?`);
    expect(r.stdout).toBe('User bob is not allowed to run sudo on photon-machine.\nUser alice may run the following commands on photon-machine:\n    (ALL) ALL\nrc=1\nrc=1\n');
    expect(r.stderr).toMatch(/^sudo: unknown user nosuch\nsudo: the -U option may only be used with the -l option\nusage: sudo -h \| -K \| -k \| -V\n/);
  });

  it('lets a wheel member run commands as root after the lecture and password', async () => {
    // (the last sudo is not the command's last: bash -c would exec it, and without a terminal
    // sudo keys its timestamp on the parent process, which would then be su)
    const r = await fresh(`${setup}su alice -c 'echo Wh33l-member | sudo -S id -u; sudo -n whoami; sudo -l -n; :'`);
    expect(r.stdout).toBe('0\nroot\nUser alice may run the following commands on photon-machine:\n    (ALL) ALL\n');
    expect(r.stderr).toBe(`
We trust you have received the usual lecture from the local System
Administrator. It usually boils down to these three things:

    #1) Respect the privacy of others.
    #2) Think before you type.
    #3) With great power comes great responsibility.

For security reasons, the password you type will not be visible.

[sudo] password for alice: `);
  });

  it('logs to the journal what sudo ran, refused and who failed the password', async () => {
    const r = await fresh(`${setup}su alice -c 'echo Wh33l-member | sudo -S true' 2>/dev/null
su bob -c 'echo B0b-not-admin | sudo -S ls /root' 2>/dev/null
su alice -c 'printf "x\\ny\\nz\\n" | sudo -k -S true' 2>/dev/null
journalctl -t sudo -o cat --no-pager`);
    expect(r.stdout).toBe(
      '   alice : TTY=unknown ; PWD=/root ; USER=root ; COMMAND=/usr/bin/true\n' +
        'pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)\n' +
        'pam_unix(sudo:session): session closed for user root\n' +
        '     bob : user NOT in sudoers ; TTY=unknown ; PWD=/root ; USER=root ; COMMAND=/usr/bin/ls /root\n' +
        'pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/unknown ruser=alice rhost=  user=alice\n' +
        '   alice : 3 incorrect password attempts ; TTY=unknown ; PWD=/root ; USER=root ; COMMAND=/usr/bin/true\n',
    );
  });

  it('refuses a user who is not in sudoers, and wrong passwords', async () => {
    const r = await fresh(`${setup}su bob -c 'echo B0b-not-admin | sudo -S ls; echo rc=$?' 2>&1 | tail -2
su alice -c 'printf "x\\ny\\nz\\n" | sudo -S true; echo rc=$?' 2>&1 | tail -4
su alice -c 'sudo true; echo rc=$?'`);
    expect(r.stdout).toBe(`[sudo] password for bob: bob is not in the sudoers file.
rc=1
[sudo] password for alice: Sorry, try again.
[sudo] password for alice: Sorry, try again.
[sudo] password for alice: sudo: 3 incorrect password attempts
rc=1
rc=1
`);
    expect(r.stderr).toContain('sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\nsudo: a password is required\n');
  });

  it('honours NOPASSWD rules from /etc/sudoers.d and visudo -c checks them', async () => {
    const r = await fresh(`${setup}echo 'bob ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/bob
su bob -c 'sudo -n id -un'
visudo -c; echo rc=$?`);
    expect(r.stdout).toBe('root\n/etc/sudoers: parsed OK\nrc=1\n');
    expect(r.stderr).toBe('/etc/sudoers.d/bob: bad permissions, should be mode 0440\n');
  });

  it('visudo refuses a file it cannot open or that is not a regular file (found by fuzzing)', async () => {
    // visudo.c new_sudoers(): open (creating a missing file, mode 0440) before any editing
    const r = await fresh(`visudo /nonexistent/sudoers; echo rc=$?
visudo -f /tmp; echo rc=$?
EDITOR=true visudo /tmp/new-sudoers; echo rc=$?; stat -c '%a %s' /tmp/new-sudoers; ls /tmp/new-sudoers.tmp 2>&1`);
    expect(r.stdout).toBe("rc=1\nrc=1\nrc=0\n440 0\nls: cannot access '/tmp/new-sudoers.tmp': No such file or directory\n");
    expect(r.stderr).toBe('visudo: /nonexistent/sudoers: No such file or directory\nvisudo: /tmp is not a regular file\n');
  });
});

describe('passwd', () => {
  it('applies pam_pwquality to users and only warns root', async () => {
    const r = await fresh(`useradd -m alice; echo 'alice:Tr1cky-Start' | chpasswd
su alice -c 'printf "Tr1cky-Start\\nabc\\npassword1\\nXq9#mLp2vR\\nXq9#mLp2vR\\n" | passwd'; echo rc=$?
su alice -c 'printf "wrong\\n" | passwd'; echo rc=$?
printf 'short\\nshort\\n' | passwd alice; echo rc=$?
passwd -S alice`);
    expect(r.stdout).toBe(`Changing password for alice.
rc=0
Changing password for alice.
rc=10
rc=0
alice P 2026-01-15 0 90 7 -1
`);
    expect(r.stderr).toBe([
      'Current password: New password: BAD PASSWORD: The password is shorter than 8 characters',
      'New password: BAD PASSWORD: The password fails the dictionary check - it is based on a dictionary word',
      'New password: Retype new password: passwd: password updated successfully',
      'Current password: passwd: Authentication token manipulation error', 'passwd: password unchanged',
      'New password: BAD PASSWORD: The password is shorter than 8 characters',
      'Retype new password: passwd: password updated successfully', '',
    ].join('\n'));
  });

  it('stores SHA-512 hashes that su and sudo verify', async () => {
    const r = await fresh(`useradd -m -G wheel alice; printf 'Str0ng-Pass\\nStr0ng-Pass\\n' | passwd alice 2>/dev/null
grep alice /etc/shadow | cut -d: -f2 | cut -c1-3
su alice -c 'echo Str0ng-Pass | sudo -S -p "" whoami' 2>/dev/null`);
    expect(r.stdout).toBe('$6$\nroot\n');
  });
});

describe('on the console', () => {
  it('su asks a user for the password with echo off and fails cleanly', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type("useradd -m alice; useradd -m bob; echo 'alice:Pass-Word-1x' | chpasswd\r");
    await s.waitForPrompts(2);
    s.type('su - bob\r');
    let at = await s.waitFor(']$ ');
    s.type('su - alice\r');
    at = await s.waitFor('Password: ', at);
    s.type('not-it\r');
    at = await s.waitFor('su: Authentication failure', at, 8000);
    expect(s.output.slice(at - 20, at)).not.toContain('not-it');
    s.type('su - alice\r');
    at = await s.waitFor('Password: ', at);
    s.type('Pass-Word-1x\r');
    at = await s.waitFor(/alice \[ \S*~\S* \]\$ /, at);
    s.type('id -un; echo $0; pwd\r');
    at = await s.waitFor('/home/alice', at);
    expect(s.output.slice(at - 40)).toMatch(/alice\r\n-(su|bash)\r\n\/home\/alice/);
  }, 20000);
});
