// Where cronie keeps its tables and settings on Photon, and what crontab and crond share to
// read them.
import type { Accounts } from '../lib/accounts';
import type { CronUser } from './cron-table';

export const SPOOL = '/var/spool/cron';
export const SYSCRONTAB = '/etc/crontab';
export const CROND_DIR = '/etc/cron.d';
export const CRON_ALLOW = '/etc/cron.allow';
export const CRON_DENY = '/etc/cron.deny';
export const HOST_FILE = `${SPOOL}/.cron.hostname`;
export const REBOOT_LOCK = '/run/cron.reboot';
export const PID_FILE = '/run/crond.pid';
/** syslog's cron facility */
export const LOG_CRON = 9;


/** getpwnam for cron: the account's ids, home and shell. */
export function cronUser(accounts: Accounts, name: string): CronUser | undefined {
  const u = accounts.userByName(name);
  return u ? { name: u.name, uid: u.uid, gid: u.gid, dir: u.home, shell: u.shell } : undefined;
}
