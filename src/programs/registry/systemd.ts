// systemd 253: systemctl, journalctl, systemd-analyze, hostnamectl, ...; each loads when first run.
import type { ProgramEntry } from '../entry';

export const systemdPrograms: ProgramEntry[] = [];
