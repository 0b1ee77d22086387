// Argument vectors for the programs fuzzer, generated from a program's vocabulary
// (program-vocab.ts): its options in every spelling getopt accepts (short, long, abbreviated,
// bundled, with the value attached, separate or missing), `--`, unknown options, and operands:
// numbers, negative numbers, empty and very long strings, paths that exist, do not exist, are
// directories or unreadable for the unprivileged user, globs, unicode, subcommands.
import type { Gen } from './lib';
import type { Vocab } from './program-vocab';

/** The fixture every machine of the programs fuzzer gets (as root, before its cases). */
export const FIXTURE_DIR = '/tmp/fz';
export const FUZZ_USER = 'fuzz';

export const SETUP_SCRIPT = `
useradd -m ${FUZZ_USER} >/dev/null 2>&1
mkdir -p ${FIXTURE_DIR}/dir/sub ${FIXTURE_DIR}/noperm ${FIXTURE_DIR}/own && cd ${FIXTURE_DIR} || exit 1
printf 'alpha\\nbeta\\ngamma\\n1 2 3\\n' > file
: > empty
printf 'b\\na\\nc\\nb\\n' > dir/a
printf '10 x\\n2 y\\n' > dir/b
printf 'deep\\n' > dir/sub/c
printf 'top secret\\n' > secret && chmod 600 secret
printf 'hidden\\n' > noperm/inside && chmod 700 noperm
printf 'space\\n' > 'sp ace'
printf 'dash\\n' > ./-dash
printf 'unicode \\303\\251\\n' > 'ünï.txt'
head -c 300 /dev/urandom > bin.dat
seq 1 5000 > big
ln -s file link; ln -s nowhere dangling; ln -s loop loop
mkfifo fifo
gzip -c file > file.gz
tar czf archive.tar.gz dir 2>/dev/null
printf '[Unit]\\nDescription=Fuzz unit\\n[Service]\\nExecStart=/usr/bin/sleep 1000\\n[Install]\\nWantedBy=multi-user.target\\n' > fuzz.service
printf '[Match]\\nName=eth0\\n[Network]\\nAddress=10.9.9.9/24\\n' > fuzz.network
printf '#!/bin/bash\\necho script "$@"\\n' > script.sh && chmod 755 script.sh
chown ${FUZZ_USER} own
chmod 1777 ${FIXTURE_DIR}
`;

const F = FIXTURE_DIR;
export const PATHS = [
  `${F}/file`, `${F}/empty`, `${F}/dir`, `${F}/dir/`, `${F}/dir/a`, `${F}/secret`, `${F}/noperm`, `${F}/noperm/inside`, `${F}/link`, `${F}/dangling`,
  `${F}/loop`, `${F}/nonexistent`, `${F}/dir/nonexistent/x`, `${F}/file/x`, `${F}/sp ace`, `${F}/-dash`, `${F}/ünï.txt`, `${F}/bin.dat`, `${F}/big`,
  `${F}/file.gz`, `${F}/archive.tar.gz`, `${F}/fuzz.service`, `${F}/fuzz.network`, `${F}/script.sh`, `${F}/own`, `${F}/new-file`, `${F}/*`, `${F}/d?r`,
  'file', 'dir', 'secret', 'nonexistent', '-dash', './-dash', '.', '..', '/', '//', '/etc', '/etc/passwd', '/etc/shadow', '/etc/hostname', '/root', '/proc/self/status',
  '/proc/1/environ', '/proc/sys/kernel/hostname', '/sys/class/net', '/dev/null', '/dev/zero', '/dev/urandom', '/dev/tty', '/var/log', '/usr/bin/ls', '/nonexistent/deep/path',
  `${F}/fifo`,
];

export const NUMBERS = [
  '0', '1', '2', '3', '5', '10', '42', '255', '256', '1000', '65535', '65536', '-1', '-2', '-0', '-255', '+3', '007', '08', '1.5', '-2.5', '.5', '5.', '1e3', '1e400',
  '0x1f', '0777', '99999999999999999999', '4294967296', '2147483648', '-9223372036854775809', '18446744073709551616', '1k', '10M', '3G', '1E', '2Y', '1KiB', '1kB',
  '1s', '0.5s', '2m', '3h', '1d', 'infinity', 'inf', '-inf', 'nan', '1,5', '\u0661\u0662', '1_000', '0b101', '1/2', '12:30', '2024-02-30', 'tomorrow', '@0',
];

const LONG = 'x'.repeat(5000);
export const STRINGS = [
  '', ' ', '  ', 'a', 'A', 'x y', LONG, 'a/'.repeat(400), `${'d'.repeat(300)}/f`, 'h\u00e9llo', '\u65e5\u672c\u8a9e', '\u{1f642}', 'a\tb', 'a\nb', '\r', '\x1b[31mred',
  '%s%s%s%n', '%d', '%', '%%', '%c%5.3x', '{}', '{{.Name}}', '{{', '$HOME', '${x', '`id`', '$(id)', ';', '|', '&', '>', '<', '\\', "'", '"', '=', ':', ',',
  'a=b', 'key=value', '=value', 'key=', '*', '?', '[', ']', '[a-z]*', '**', '(', ')', '^', '$', '^$', '.*', 'a**', '\\(', '\\', '+', 'a{1,2}', 'a{99999}', 'x{2,1}',
  '[[:alpha:]]', '[[:bogus:]]', '\\1', '(a)\\2', 's/a/b/', 's/a/b', 'y/abc/de/', '/x/d', 'p', 'q', '1~2', '$!N', '{print $1}', 'BEGIN{', 'END{print NR}', '-',
  '--', '---', '-=', '--=', '-\u00e9', '\u2014help', 'true', 'false', 'yes', 'no', 'on', 'off', 'null', 'none', 'all', 'help', 'list', 'show', 'default',
];

export const NAMES = [
  'root', FUZZ_USER, 'nobody', 'daemon', 'nosuchuser', 'wheel', 'users', 'nosuchgroup', '0', '1000', '65534', '4294967295',
  'sshd', 'sshd.service', 'nginx', 'docker', 'docker.service', 'systemd-networkd', 'multi-user.target', 'nosuch.service', 'foo@bar.service', '.service', 'a.b.c',
  'eth0', 'lo', 'docker0', 'eth9', 'veth0', 'br0', '10.0.0.1', '10.0.0.1/24', '192.168.1.300', '::1', 'fe80::1/64', '0.0.0.0/0', 'default', 'localhost', 'example.com',
  'photon', '127.0.0.1:80', ':8080', '80', '22/tcp', 'tcp', 'udp', 'icmp', 'INPUT', 'OUTPUT', 'FORWARD', 'ACCEPT', 'DROP', 'filter', 'nat', 'mangle',
  'HUP', 'INT', 'KILL', 'TERM', 'SIGUSR1', 'SIGFOO', '9', '15', '64', 'RTMIN+1',
  'nginx:latest', 'alpine', 'busybox', 'photon:5.0', 'hello-world', 'redis', 'nosuchimage', 'bash', 'vim', 'curl', 'nosuchpkg', 'photon-release', 'glibc',
  'UTC', 'Europe/Paris', 'Nowhere/City', 'en_US.UTF-8', 'us', 'json', 'short', 'verbose', 'cat', 'export', 'kernel.hostname', 'net.ipv4.ip_forward', 'vm.swappiness',
];

/** Programs whose first operands are subcommands. */
const VERB_PROGRAMS = new Set([
  'systemctl', 'ip', 'docker', 'tdnf', 'rpm', 'networkctl', 'resolvectl', 'journalctl', 'hostnamectl', 'timedatectl', 'localectl', 'loginctl', 'udevadm',
  'systemd-analyze', 'busybox', 'toybox', 'redis-cli', 'cloud-init', 'xtables-nft-multi', 'ss', 'nginx', 'sysctl', 'ssh-keygen', 'python3', 'dd', 'man',
]);

/** Words that mean something to any program family (sub-subcommands of ip, docker, systemctl). */
const COMMON_WORDS = ['add', 'del', 'delete', 'show', 'list', 'ls', 'set', 'get', 'dev', 'via', 'up', 'down', 'link', 'addr', 'route', 'start', 'stop', 'status', 'run', 'rm', 'inspect', 'help'];

export interface ProgramCase {
  program: string;
  /** the name or path the program is run by (argv[0]) */
  argv0: string;
  args: string[];
  user: 'root' | typeof FUZZ_USER;
  /** undefined: stdin is /dev/null; else the bytes a pipe gives */
  stdin?: string;
}

const STDINS = ['hello\nworld\n', 'b\na\nb\n', '1\n2\n3\n', '', 'no newline', 'x'.repeat(3000), '\x00\x01\x02\xff\n', '[Unit]\nDescription=x\n', 'y\ny\ny\n', 'q\n:q!\n', 'root\n', '\x03\x04'];

function value(g: Gen, v: Vocab): string {
  const r = g.below(10);
  if (r < 4) return g.pick(NUMBERS);
  if (r < 6) return g.pick(NAMES);
  if (r < 8) return g.pick(PATHS);
  if (r < 9 && v.words.length) return g.pick(v.words);
  return g.pick(STRINGS);
}

function operand(g: Gen, v: Vocab): string {
  const r = g.below(20);
  if (r < 5 && v.words.length) return g.pick(v.words);
  if (r < 6) return g.pick(COMMON_WORDS);
  if (r < 11) return g.pick(PATHS);
  if (r < 14) return g.pick(STRINGS);
  if (r < 16) return g.pick(NUMBERS);
  if (r < 18) return g.pick(NAMES);
  // key=value (dd, sysctl, env, docker -e, ...)
  return `${v.words.length && g.chance(0.7) ? g.pick(v.words) : g.pick(['if', 'of', 'bs', 'count', 'skip', 'seek', 'conv', 'status', 'A', 'PATH', 'kernel.hostname'])}=${value(g, v)}`;
}

function optionArg(g: Gen, v: Vocab, out: string[]): void {
  const shorts = v.options.filter((o) => o.short);
  const longs = v.options.filter((o) => o.long);
  const r = g.below(20);
  if (r < 2 || v.options.length === 0) {
    // unknown or malformed options
    out.push(g.pick(['--no-such-option', '-@', '-Z', '-\u00e9', '--', '--=', '---x', '-', '--help', '--version', '--usage', '-?', '-h', '-V', '--h', '--he']));
    return;
  }
  if (r < 5 && shorts.length >= 2) {
    // bundled short flags, maybe ending with one that takes a value
    const n = 2 + g.below(3);
    let s = '-';
    for (let i = 0; i < n; i++) s += g.pick(shorts).short!;
    out.push(s);
    const last = v.options.find((o) => o.short === s[s.length - 1]);
    if (last?.arg === 'required' && g.chance(0.8)) out.push(value(g, v));
    return;
  }
  const useLong = longs.length > 0 && (shorts.length === 0 || g.chance(0.5));
  const o = useLong ? g.pick(longs) : g.pick(shorts);
  const takes = o.arg === 'required' || o.arg === 'optional' || (o.arg === undefined && o.guessed && g.chance(0.4));
  if (useLong) {
    let name = o.long!;
    // an abbreviation getopt_long accepts when unique
    if (name.length > 3 && g.chance(0.15)) name = name.slice(0, 2 + g.below(name.length - 2));
    if (takes && g.chance(0.9)) {
      if (g.chance(0.5)) out.push(`--${name}=${value(g, v)}`);
      else out.push(`--${name}`, value(g, v));
    } else if (!takes && g.chance(0.05)) out.push(`--${name}=${value(g, v)}`); // a flag given a value
    else out.push(`--${name}`);
  } else {
    const c = o.short!;
    if (takes && g.chance(0.9)) {
      if (g.chance(0.4)) out.push(`-${c}${value(g, v)}`);
      else out.push(`-${c}`, value(g, v));
    } else out.push(`-${c}`);
  }
}

/** One case for program `v`: its argv, who runs it, and its stdin. */
export function generateCase(g: Gen, v: Vocab, aliases: readonly string[]): ProgramCase {
  const args: string[] = [];
  if (VERB_PROGRAMS.has(v.name) && v.words.length && g.chance(0.75)) {
    args.push(g.pick(v.words));
    if (g.chance(0.3)) args.push(g.pick([...v.words, ...COMMON_WORDS]));
  }
  const n = g.pick([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7]);
  for (let i = 0; i < n; i++) {
    const r = g.below(10);
    if (r < 5) optionArg(g, v, args);
    else if (r < 6 && g.chance(0.3)) args.push('--');
    else args.push(operand(g, v));
  }
  const names = [v.installPath, ...aliases];
  const path = g.pick(names);
  const dir = path.slice(0, path.lastIndexOf('/'));
  const onPath = ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin'].includes(dir);
  const argv0 = onPath && g.chance(0.85) ? path.slice(path.lastIndexOf('/') + 1) : path;
  const c: ProgramCase = { program: v.name, argv0, args, user: g.chance(0.25) ? FUZZ_USER : 'root' };
  if (g.chance(0.3)) c.stdin = g.pick(STDINS);
  return c;
}

/** A shell-quoted word (for showing a case, and for the pipe that feeds stdin). */
export function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The case as a command line a person can paste into the simulator. */
export function commandLine(c: ProgramCase): string {
  const cmd = [c.argv0, ...c.args].map(quote).join(' ');
  const who = c.user === 'root' ? cmd : `sudo -u ${c.user} ${cmd}`;
  return c.stdin === undefined ? `${who} </dev/null` : `printf '%s' ${quote(c.stdin)} | ${who}`;
}
