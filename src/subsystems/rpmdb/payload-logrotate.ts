// logrotate 3.22.0 as Photon 5.0's package lays it out: the main configuration (weekly, four old
// logs, new empty logs created, dated names, compression left commented out, then
// /etc/logrotate.d), the directory packages drop their settings in, the state directory, the
// cron.daily job that logs a failed run, and the daily timer with its oneshot service (upstream's examples: 3.22 spreads the timer's runs with RandomizedDelaySec). The texts are our own, with the package's settings.
import type { PackagePayload } from './payload-data';

const CONF = `# /etc/logrotate.conf: settings for every log, then each package's own in /etc/logrotate.d
# (see "man logrotate")

# rotate once a week
weekly

# keep four weeks of old logs
rotate 4

# start a new, empty log after each rotation
create

# name old logs by date (log-YYYYMMDD) instead of by number
dateext

# remove the "#" to gzip the old logs
#compress

# the packages' settings
include /etc/logrotate.d

# system-specific logs may also be configured here.
`;

const SERVICE = `[Unit]
Description=Rotate log files
Documentation=man:logrotate(8) man:logrotate.conf(5)
RequiresMountsFor=/var/log
ConditionACPower=true

[Service]
Type=oneshot
ExecStart=/usr/sbin/logrotate /etc/logrotate.conf

# performance options
Nice=19
IOSchedulingClass=best-effort
IOSchedulingPriority=7

# hardening options (no ProtectHome: logs in home directories; no PrivateNetwork: mail;
# no NoNewPrivileges: scripts of other packages; no RestrictSUIDSGID: setgid olddirs)
LockPersonality=true
MemoryDenyWriteExecute=true
PrivateDevices=true
PrivateTmp=true
ProtectClock=true
ProtectControlGroups=true
ProtectHostname=true
ProtectKernelLogs=true
ProtectKernelModules=true
ProtectKernelTunables=true
ProtectSystem=full
RestrictNamespaces=true
RestrictRealtime=true
`;

const TIMER = `[Unit]
Description=Daily rotation of log files
Documentation=man:logrotate(8) man:logrotate.conf(5)

[Timer]
OnCalendar=daily
RandomizedDelaySec=1h
Persistent=true

[Install]
WantedBy=timers.target
`;

const CRON_DAILY = `#!/bin/sh
# the daily rotation, for machines that run cron jobs; a failure is reported to syslog
/usr/sbin/logrotate /etc/logrotate.conf
status=$?
[ $status -ne 0 ] && /usr/bin/logger -t logrotate "ALERT exited abnormally with [$status]"
exit $status
`;

export const LOGROTATE: PackagePayload = {
  files: [['/etc/logrotate.conf', CONF], ['/etc/cron.daily/logrotate', CRON_DAILY, 0o755]],
  dirs: [['/etc/logrotate.d', 0o755], ['/etc/cron.daily', 0o755], ['/var/lib/logrotate', 0o755]],
  units: { 'logrotate.service': SERVICE, 'logrotate.timer': TIMER },
  bins: ['/usr/sbin/logrotate'],
};
