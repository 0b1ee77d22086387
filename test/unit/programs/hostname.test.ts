// hostname as Photon OS 5.0 ships it: toybox 0.8.9 (toys/lsb/hostname.c, lib/args.c). Its
// options -b -d -s -f -F, toybox's usage errors with their pointer to --help (status 1), the
// help text show_help() prints, and names looked up through /etc/hosts for -d and -f.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

const HELP = `Toybox 0.8.9 multicall binary (see toybox --help)

usage: hostname [-bdsf] [-F FILENAME] [newname]

Get/set the current hostname.

-b\tSet hostname to 'localhost' if otherwise unset
-d\tShow DNS domain name (no host)
-f\tShow fully-qualified name (host+domain, FQDN)
-F\tSet hostname to contents of FILENAME
-s\tShow short host name (no domain)
`;

const see = (msg: string): string => `hostname: ${msg} (see "hostname --help")\n`;

describe('hostname (toybox 0.8.9)', () => {
  it.each([
    ['hostname', 'photon-machine\n', '', 0],
    ['hostname -s', 'photon-machine\n', '', 0],
    ['hostname -f', 'photon-machine\n', '', 0],
    // no dot: -d prints what follows the name's terminating NUL in toybuf, here nothing
    ['hostname -d', '\n', '', 0],
    ['hostname --help', HELP, '', 0],
    ['hostname -s --help', HELP, '', 0],
    ['hostname --version', 'toybox 0.8.9\n', '', 0],
    ['hostname -I', '', see("Unknown option 'I'"), 1],
    ['hostname -sI', '', see("Unknown option 'I'"), 1],
    ['hostname -Ix', '', see("Unknown option 'Ix'"), 1],
    ['hostname -h', '', see("Unknown option 'h'"), 1],
    ['hostname --fqdn', '', see("Unknown option 'fqdn'"), 1],
    ['hostname -s -d', '', see("No 'd' with 's'"), 1],
    ['hostname -fb', '', see("No 'b' with 'f'"), 1],
    ['hostname a b', '', see('Max 1 argument'), 1],
    ['hostname -F', '', see('Missing argument to -F'), 1],
    ['hostname -F /nonexistent', '', "hostname: Bad '/nonexistent': No such file or directory\n", 1],
    ['printf "\\n" > e; hostname -F e', '', "hostname: empty 'e'\n", 1],
    ['printf "\\n" > e; hostname -b -F e', 'photon-machine\n', '', 0],
    ['hostname -b; hostname', 'photon-machine\nphoton-machine\n', '', 0],
    ['printf "web01.example.com\\r\\n" > n; hostname -F n ignored; hostname', 'web01.example.com\n', '', 0],
    ['hostname -- -s; hostname', '-s\n', '', 0],
    ['hostname x23456789012345678901234567890123456789012345678901234567890123456', '', "hostname: set 'x23456789012345678901234567890123456789012345678901234567890123456': Invalid argument\n", 1],
    ['echo "127.0.1.1 web01.example.com web01" >> /etc/hosts; hostname web01; hostname -f; hostname -d; hostname -s', 'web01.example.com\nexample.com\nweb01\n', '', 0],
    ['hostname web01.example.com; hostname; hostname -s', 'web01.example.com\nweb01\n', '', 0],
  ])('%s', async (cmd, stdout, stderr, exit) => {
    expect(await sh(newMachine(), cmd)).toEqual({ stdout, stderr, exit });
  });

  it('says why a lookup for -f fails (no DNS daemon here: TRY_AGAIN)', async () => {
    expect(await sh(newMachine(), 'hostname nosuch.invalid; hostname -f')).toEqual({ stdout: '', stderr: 'hostname: gethostbyname: Host name lookup failure\n', exit: 1 });
  });
});
