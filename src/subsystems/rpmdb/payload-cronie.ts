// cronie 1.6.1 as Photon 5.0's package lays it out: the daemon's unit (with cron.service as a
// link to it), the hourly table in /etc/cron.d, the cron.{hourly,daily,weekly,monthly}
// directories run-parts walks (with anacron's hourly check), anacron's table and its spool, an empty cron.deny (so every user may have a
// crontab), the spool, and run-parts, which is a shell script. The texts are our own, with the
// settings the package's files have.
import type { PackagePayload } from './payload-data';

const CROND_SERVICE = `[Unit]
Description=Command Scheduler
After=auditd.service nss-user-lookup.target systemd-user-sessions.service time-sync.target ypbind.service autofs.service

[Service]
EnvironmentFile=/etc/sysconfig/crond
ExecStart=/usr/sbin/crond -n $CRONDARGS
ExecReload=/bin/kill -HUP $MAINPID
KillMode=process
Restart=on-failure
RestartSec=30s

[Install]
WantedBy=multi-user.target
`;

const RUN_PARTS = `#!/bin/bash
# run-parts: runs every executable file of a directory, in the order of their names,
# skipping directories, backups and files package updates leave behind. Each run is
# logged (cron.notice) when it starts and when it ends.
set +e

if [ $# -lt 1 ]; then
	echo "Usage: run-parts [--list | --test] <dir>"
	exit 1
fi

case $1 in
	--list) mode=list; shift ;;
	--test) mode=test; shift ;;
	--) shift ;;
esac

if [ ! -d "$1" ]; then
	echo "Not a directory: $1"
	exit 1
fi

for f in $(LC_ALL=C; echo "\${1%/}"/*[^~,]); do
	[ -d "$f" ] && continue
	case $f in
		*.cfsaved|*.rpmsave|*.rpmorig|*.rpmnew|*.swp|*,v) continue ;;
	esac
	[ -e "$f" ] || continue
	[ -x "$f" ] || continue
	case $mode in
		list|test) echo "$f"; continue ;;
	esac
	logger -p cron.notice -t "run-parts($1)[$$]" "starting $(basename "$f")"
	"$f" 2>&1
	logger -p cron.notice -t "run-parts($1)[$$]" "finished $(basename "$f")"
done
exit 0
`;

const ZERO_ANACRON = `#!/bin/sh
# anacron's daily run, started by the hourly cron job: once a day at most, and not while the
# machine runs on battery.
last=$(cat /var/spool/anacron/cron.daily 2>/dev/null)
[ "$(date +%Y%m%d)" = "$last" ] && exit 0
on_mains=yes
for supply in /sys/class/power_supply/*; do
	[ "$(cat "$supply/type" 2>/dev/null)" = Mains ] && [ -f "$supply/online" ] || continue
	if [ "$(cat "$supply/online" 2>/dev/null)" = 1 ]; then on_mains=yes; break; fi
	on_mains=no
done
[ $on_mains = no ] && exit 0
/usr/sbin/anacron -s
`;

const HOURLY = `# Run the hourly jobs
SHELL=/bin/bash
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root
01 * * * * root run-parts /etc/cron.hourly
`;

const DAILY_JOBS = `# The daily, weekly and monthly jobs, for when anacron does not run them (its hourly job
# is not installed)
SHELL=/bin/bash
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root

# run-parts
02 4 * * * root [ ! -f /etc/cron.hourly/0anacron ] && run-parts /etc/cron.daily
22 4 * * 0 root [ ! -f /etc/cron.hourly/0anacron ] && run-parts /etc/cron.weekly
42 4 1 * * root [ ! -f /etc/cron.hourly/0anacron ] && run-parts /etc/cron.monthly
`;

const ANACRONTAB = `# /etc/anacrontab: what anacron runs, and when (anacron(8), anacrontab(5)).

SHELL=/bin/sh
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root
# at most this many minutes of random delay on top of each job's own
RANDOM_DELAY=45
# jobs start only between these hours
START_HOURS_RANGE=3-22

#period in days   delay in minutes   job-identifier   command
1	5	cron.daily		nice run-parts /etc/cron.daily
7	25	cron.weekly		nice run-parts /etc/cron.weekly
@monthly 45	cron.monthly		nice run-parts /etc/cron.monthly
`;

const PAM = `# PAM settings for the cron daemon (no password is asked: these set up the job's session)
auth       include    system-auth
account    required   pam_access.so
account    include    system-account
session    required   pam_loginuid.so
session    include    system-session
`;

export const CRONIE: PackagePayload = {
  dirs: [
    ['/var/spool/cron', 0o700], ['/etc/cron.d', 0o755], ['/etc/cron.hourly', 0o755], ['/etc/cron.daily', 0o755],
    ['/etc/cron.weekly', 0o755], ['/etc/cron.monthly', 0o755], ['/var/spool/anacron', 0o755], ['/etc/sysconfig', 0o755],
  ],
  files: [
    ['/etc/sysconfig/crond', '# Settings for the cron daemon\n# CRONDARGS= :  more options for crond when it starts\nCRONDARGS=\n'],
    ['/etc/cron.d/0hourly', HOURLY],
    ['/etc/cron.d/dailyjobs', DAILY_JOBS],
    ['/etc/anacrontab', ANACRONTAB],
    ['/etc/cron.deny', ''],
    ['/etc/pam.d/crond', PAM],
    ['/usr/bin/run-parts', RUN_PARTS, 0o755, ''],
    ['/etc/cron.hourly/0anacron', ZERO_ANACRON, 0o755, ''],
  ],
  units: { 'crond.service': CROND_SERVICE },
  links: [['/lib/systemd/system/cron.service', 'crond.service']],
  bins: ['/usr/sbin/crond', '/usr/bin/crontab', '/usr/bin/cronnext', '/usr/sbin/anacron'],
};
