// Processes and accounts: ps, kill, sudo, su, useradd ...
import type { Program } from '../define';
import { chage, chpasswd } from '../accounts/chage';
import { groupadd, groupdel } from '../accounts/groupadd';
import { gpasswd, groupmod } from '../accounts/groupmod';
import { login, newgrp } from '../accounts/newgrp';
import passwd from '../accounts/passwd';
import su from '../accounts/su';
import sudo from '../accounts/sudo';
import useradd from '../accounts/useradd';
import userdel from '../accounts/userdel';
import usermod from '../accounts/usermod';
import visudo from '../accounts/visudo';
import { dmesg, mount } from '../procps/dmesg';
import free from '../procps/free';
import { lsblk, lscpu, lsmod } from '../procps/hardware';
import { kill, killall } from '../procps/kill';
import { pgrep, pidof, pkill } from '../procps/pgrep';
import ps from '../procps/ps/index';
import sysctl from '../procps/sysctl';
import top from '../procps/top';
import { uptime, w } from '../procps/uptime';
import vmstat from '../procps/vmstat';

export const procsPrograms: Program[] = [
  // procps-ng, psmisc, util-linux, kmod
  dmesg, free, kill, killall, lsblk, lscpu, lsmod, mount, pgrep, pidof, pkill, ps, sysctl, top, uptime, vmstat, w,
  // shadow, sudo
  chage, chpasswd, gpasswd, groupadd, groupdel, groupmod, login, newgrp, passwd, su, sudo, useradd, userdel, usermod, visudo,
];
