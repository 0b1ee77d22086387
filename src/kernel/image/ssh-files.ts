// OpenSSH's configuration as Photon 5.0 ships it: upstream defaults (left as comments) with
// Photon's changes applied (system.md §7). Host keys are made at first boot by sshd-keygen.
import type { ImageWriter } from './build';

const SSHD_CONFIG = `# sshd server configuration; see sshd_config(5).
# Commented lines show the built-in default of each setting.

#Port 22
#AddressFamily any
#ListenAddress 0.0.0.0
#ListenAddress ::

#HostKey /etc/ssh/ssh_host_rsa_key
#HostKey /etc/ssh/ssh_host_ecdsa_key
#HostKey /etc/ssh/ssh_host_ed25519_key

#RekeyLimit default none

#SyslogFacility AUTH
#LogLevel INFO

#LoginGraceTime 2m
PermitRootLogin no
#StrictModes yes
MaxAuthTries 4
#MaxSessions 10

#PubkeyAuthentication yes

AuthorizedKeysFile	.ssh/authorized_keys

#AuthorizedPrincipalsFile none

#HostbasedAuthentication no
#IgnoreRhosts yes

#PasswordAuthentication yes
#PermitEmptyPasswords no

#KbdInteractiveAuthentication yes

UsePAM yes

AllowAgentForwarding no
AllowTcpForwarding no
#GatewayPorts no
#X11Forwarding no
#PermitTTY yes
#PrintMotd yes
#PrintLastLog yes
TCPKeepAlive no
#PermitUserEnvironment no
Compression no
#ClientAliveInterval 0
ClientAliveCountMax 2
#UseDNS no
#PidFile /var/run/sshd.pid
#MaxStartups 10:30:100
#PermitTunnel no
#ChrootDirectory none
#VersionAddendum none

#Banner none

Subsystem	sftp	/usr/libexec/sftp-server
`;

const SSH_CONFIG = `# ssh client configuration; see ssh_config(5).
# Commented lines show the built-in default of each setting.

# Host *
#   ForwardAgent no
#   ForwardX11 no
#   PasswordAuthentication yes
#   HostbasedAuthentication no
#   GSSAPIAuthentication no
#   CheckHostIP yes
#   AddressFamily any
#   ConnectTimeout 0
#   StrictHostKeyChecking ask
#   IdentityFile ~/.ssh/id_rsa
#   IdentityFile ~/.ssh/id_ecdsa
#   IdentityFile ~/.ssh/id_ed25519
#   Port 22
#   Ciphers aes128-ctr,aes192-ctr,aes256-ctr,aes128-cbc,3des-cbc
#   EscapeChar ~
`;

export function writeSshFiles(w: ImageWriter): void {
  w.dir('/etc/ssh', 0o755);
  w.file('/etc/ssh/sshd_config', SSHD_CONFIG, 0o600);
  w.file('/etc/ssh/ssh_config', SSH_CONFIG, 0o644);
  w.file('/etc/ssh/moduli', '', 0o644);
}
