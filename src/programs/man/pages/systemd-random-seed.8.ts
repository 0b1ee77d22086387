export default String.raw`.TH SYSTEMD\-RANDOM\-SEED.SERVICE 8 "" "systemd 253" "systemd-random-seed.service"
.SH NAME
systemd-random-seed.service, systemd-random-seed \- load and save the random seed across reboots
.SH SYNOPSIS
.B systemd\-random\-seed.service
.br
.B /usr/lib/systemd/systemd\-random\-seed
.BR load | save
.SH DESCRIPTION
Early at boot,
.B systemd\-random\-seed load
feeds the seed saved in
.B /var/lib/systemd/random\-seed
into the kernel's entropy pool, then replaces the file with fresh random
data, so that the kernel's random numbers do not start out predictable after
a reboot.
.B save
writes a new seed (512 bytes, mode 0600); it runs at shutdown.
.PP
Both are run by
.BR systemd\-random\-seed.service .
On a cloned virtual machine the file should be removed so that clones do not
share a seed.
.SH EXIT STATUS
0 on success.
.SH FILES
.TP
.B /var/lib/systemd/random\-seed
The saved seed, readable by root only.
.SH SEE ALSO
.BR systemd.service (5)
`;
