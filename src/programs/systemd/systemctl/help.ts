// systemctl --help (in this project's own words; the command and option names are systemd's)
// and --version (systemd 253 as Photon OS 5.0 builds it).

export const SYSTEMD_VERSION_LINE = 'systemd 253 (v253.19-10.ph5)';
export const SYSTEMD_FEATURES =
  '+PAM +AUDIT -SELINUX -APPARMOR -IMA -SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL -ELFUTILS -FIDO2 +IDN2 -IDN -IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE -TPM2 -BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified';

export function systemctlVersion(): string {
  return `${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`;
}

export function systemctlHelp(name: string): string {
  return `${name} [OPTIONS...] COMMAND ...

Ask the system manager about units and tell it what to do.

Unit Commands:
  list-units [PATTERN...]             Show the units the manager has loaded
  list-sockets [PATTERN...]           Show socket units and what they listen on
  list-timers [PATTERN...]            Show timer units and when they fire next
  is-active PATTERN...                Tell whether units are active
  is-failed PATTERN...                Tell whether units have failed
  status [PATTERN...|PID...]          Show what units are doing, with recent log lines
  show [PATTERN...|JOB...]            Show unit or manager properties
  cat PATTERN...                      Print the unit files and drop-ins of units
  help PATTERN...|PID...              Show the documentation of units
  list-dependencies [UNIT...]         Show what units pull in
  start UNIT...                       Start units
  stop UNIT...                        Stop units
  reload UNIT...                      Make units reread their configuration
  restart UNIT...                     Stop and then start units
  try-restart UNIT...                 Restart units that are running
  reload-or-restart UNIT...           Reload units that can, restart the others
  isolate UNIT                        Start a unit and stop everything it does not need
  kill UNIT...                        Send a signal to the processes of units
  reset-failed [PATTERN...]           Forget that units failed

Unit File Commands:
  list-unit-files [PATTERN...]        Show unit files and whether they are enabled
  enable [UNIT...|PATH...]            Make units start at boot
  disable UNIT...                     Stop units from starting at boot
  reenable UNIT...                    Disable and then enable units
  preset UNIT...                      Enable or disable units as the preset files say
  preset-all                          Apply the preset files to every unit
  is-enabled UNIT...                  Tell whether unit files are enabled
  mask UNIT...                        Make units impossible to start
  unmask UNIT...                      Undo mask
  link PATH...                        Make a unit file outside the search path usable
  revert UNIT...                      Drop local changes and return to the vendor unit file
  add-wants TARGET UNIT...            Make TARGET want the units
  add-requires TARGET UNIT...         Make TARGET require the units
  edit UNIT...                        Edit a drop-in or a copy of a unit file
  get-default                         Show the target the system boots into
  set-default TARGET                  Choose the target the system boots into

Manager State Commands:
  daemon-reload                       Reread all unit files
  daemon-reexec                       Restart the manager itself
  is-system-running                   Tell how far the system is up

System Commands:
  default                             Go to the default target
  rescue                              Go to rescue mode
  emergency                           Go to emergency mode
  halt                                Stop the machine
  poweroff                            Switch the machine off
  reboot                              Restart the machine

Options:
  -h --help              Show this help
     --version           Show the version
     --system            Talk to the system manager (the default)
     --user              Talk to the manager of this user
  -t --type=TYPE         Only units of these types (comma-separated)
     --state=STATE       Only units in these states (comma-separated)
     --failed            Only units that have failed
  -p --property=NAME     Only these properties
  -P NAME                Like --property, printing the value alone
     --value             Print only property values
  -a --all               Include inactive units and empty properties
  -l --full              Do not shorten output
  -r --recursive         Include units of local containers
     --reverse           Show what depends on the unit
     --after             Show what is ordered before the unit
     --before            Show what is ordered after the unit
     --with-dependencies Act on the units' dependencies too
     --job-mode=MODE     How a new job treats queued ones
  -T --show-transaction  Show the whole transaction of a job
     --no-block          Do not wait for jobs to finish
     --wait              Wait for started units to stop again
  -q --quiet             Print less
     --no-warn           Do not warn about unit files that cannot be enabled
     --no-legend         Print no column headers and footers
     --legend=BOOL       Print column headers and footers or not
     --no-pager          Do not page output
     --plain             Print trees as plain lists
  -n --lines=INTEGER     Journal lines to show with status
  -o --output=STRING     Journal output format for status
     --now               Also start or stop the units
     --runtime           Change things only until the next reboot
  -f --force             Replace existing symlinks when enabling
     --preset-mode=MODE  full, enable-only or disable-only
     --root=PATH         Work on unit files below PATH
     --no-reload         Do not reload the manager after changing unit files
  -s --signal=SIGNAL     Signal to send with kill
     --kill-whom=WHOM    main, control or all processes

See the systemctl(1) man page for details.
`;
}
