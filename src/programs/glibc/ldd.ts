// ldd (glibc 2.36; a shell script on real systems, a program here): the shared libraries each
// executable loads. The simulator's programs are small ELF stubs with no dynamic section, so
// the list comes from a fixed table per program (libc and the loader for everything, plus the
// libraries the Photon builds of those programs link), printed with fixed load addresses so the
// output is the same on every run. Scripts and other files are "not a dynamic executable".
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { glibcVersion } from './argp';

const TRY = "Try `ldd --help' for more information.\n";

const HELP = `Usage: ldd [OPTION]... FILE...
      --help              show this help and exit
      --version           show the version and exit
  -d, --data-relocs       also process data relocations
  -r, --function-relocs   also process data and function relocations
  -u, --unused            list direct dependencies that are not used
  -v, --verbose           show all details

For bug reporting instructions, please see:
<https://www.gnu.org/software/libc/bugs.html>.
`;

/** Libraries beyond libc that a program links, by program name. */
const LIBS: Record<string, string[]> = {
  bash: ['libtinfo.so.6'],
  sh: ['libtinfo.so.6'],
  ls: ['libcap.so.2'],
  dir: ['libcap.so.2'],
  vdir: ['libcap.so.2'],
  grep: ['libpcre.so.1'],
  egrep: ['libpcre.so.1'],
  fgrep: ['libpcre.so.1'],
  sed: ['libacl.so.1'],
  tar: ['libacl.so.1'],
  cp: ['libacl.so.1', 'libattr.so.1'],
  mv: ['libacl.so.1', 'libattr.so.1'],
  install: ['libacl.so.1', 'libattr.so.1'],
  gawk: ['libreadline.so.8', 'libmpfr.so.6', 'libgmp.so.10', 'libm.so.6'],
  awk: ['libreadline.so.8', 'libmpfr.so.6', 'libgmp.so.10', 'libm.so.6'],
  find: ['libm.so.6'],
  sort: ['libcrypto.so.3'],
  bc: ['libreadline.so.8'],
  ps: ['libproc2.so.0'],
  top: ['libproc2.so.0', 'libncursesw.so.6'],
  free: ['libproc2.so.0'],
  pgrep: ['libproc2.so.0'],
  pkill: ['libproc2.so.0'],
  pidof: ['libproc2.so.0'],
  uptime: ['libproc2.so.0'],
  vmstat: ['libproc2.so.0'],
  w: ['libproc2.so.0'],
  sysctl: ['libproc2.so.0'],
  ip: ['libmnl.so.0', 'libelf.so.1', 'libcap.so.2'],
  ss: ['libmnl.so.0', 'libelf.so.1', 'libcap.so.2'],
  'xtables-nft-multi': ['libxtables.so.12', 'libmnl.so.0', 'libnftnl.so.11'],
  iptables: ['libxtables.so.12', 'libmnl.so.0', 'libnftnl.so.11'],
  ip6tables: ['libxtables.so.12', 'libmnl.so.0', 'libnftnl.so.11'],
  curl: ['libcurl.so.4', 'libz.so.1'],
  ssh: ['libcrypto.so.3', 'libz.so.1'],
  sshd: ['libcrypto.so.3', 'libz.so.1', 'libpam.so.0'],
  sudo: ['libpam.so.0'],
  su: ['libpam.so.0'],
  login: ['libpam.so.0'],
  passwd: ['libpam.so.0'],
  rpm: ['librpm.so.9', 'librpmio.so.9'],
  tdnf: ['libtdnf.so.3', 'libsolv.so.1'],
  vim: ['libm.so.6', 'libncursesw.so.6'],
  vi: ['libm.so.6', 'libncursesw.so.6'],
  less: ['libncursesw.so.6'],
  nano: ['libncursesw.so.6'],
  mount: ['libmount.so.1', 'libblkid.so.1'],
  umount: ['libmount.so.1', 'libblkid.so.1'],
  lsblk: ['libmount.so.1', 'libblkid.so.1', 'libsmartcols.so.1'],
  findmnt: ['libmount.so.1', 'libblkid.so.1', 'libsmartcols.so.1'],
  lscpu: ['libsmartcols.so.1'],
};

/** Programs Photon builds statically: ldd says so and succeeds. */
const STATIC = new Set(['ldconfig', 'sln', 'docker-init']);

/** Programs that are scripts on a real system (shell, perl): not dynamic executables. */
const SCRIPTS = new Set([
  'ldd', 'tzselect', 'mtrace', 'xtrace', 'sotruss', 'egrep', 'fgrep',
  'zcat', 'gunzip', 'zgrep', 'zegrep', 'zfgrep', 'zdiff', 'zcmp', 'zless', 'zmore', 'znew', 'zforce', 'gzexe',
  'bzdiff', 'bzcmp', 'bzgrep', 'bzegrep', 'bzfgrep', 'bzmore', 'bzless',
  'xzdiff', 'xzcmp', 'xzgrep', 'xzegrep', 'xzfgrep', 'xzmore', 'xzless',
  'lzdiff', 'lzcmp', 'lzgrep', 'lzegrep', 'lzfgrep', 'lzmore', 'lzless', 'zstdgrep', 'zstdless',
  'dracut', 'lsinitrd', 'mkinitrd', 'dhclient-script', 'iptables-apply', 'lesspipe',
]);

/** systemd's tools all load its shared library. */
const SYSTEMD_SHARED = 'libsystemd-shared-253.so';

/** Fixed load addresses, one per library, so runs agree. */
const ADDR: Record<string, string> = {
  'linux-vdso.so.1': '00007ffd3c5f1000',
  'ld-linux-x86-64.so.2': '00007f8a2c6e4000',
  'libc.so.6': '00007f8a2c400000',
};

function addressOf(lib: string): string {
  const fixed = ADDR[lib];
  if (fixed) return fixed;
  let h = 0;
  for (const ch of lib) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `00007f8a2c${(0x60000 + (h % 0x9f) * 0x1000).toString(16).padStart(6, '0')}`;
}

const SYSTEMD_TOOLS = ['systemctl', 'journalctl', 'hostnamectl', 'timedatectl', 'localectl', 'loginctl', 'networkctl', 'resolvectl', 'busctl'];

const libPath = (lib: string): string => `${lib === SYSTEMD_SHARED ? '/usr/lib/systemd' : '/lib'}/${lib}`;

/** The symbol versions of libc a program (or library) asks for, and those libc asks of the loader. */
const PROGRAM_VERSIONS = ['GLIBC_2.3', 'GLIBC_2.3.4', 'GLIBC_2.14', 'GLIBC_2.4', 'GLIBC_2.34', 'GLIBC_2.2.5'];
const LIBC_VERSIONS = ['GLIBC_2.35', 'GLIBC_2.2.5', 'GLIBC_2.3', 'GLIBC_PRIVATE'];

function listing(prog: string, file: string, verbose: boolean): string {
  const extra = prog.startsWith('systemd') || SYSTEMD_TOOLS.includes(prog) ? [SYSTEMD_SHARED] : (LIBS[prog] ?? []);
  const libs = [...extra, 'libc.so.6'];
  let out = `\tlinux-vdso.so.1 (0x${addressOf('linux-vdso.so.1')})\n`;
  for (const lib of libs) out += `\t${lib} => ${libPath(lib)} (0x${addressOf(lib)})\n`;
  out += `\t/lib64/ld-linux-x86-64.so.2 (0x${addressOf('ld-linux-x86-64.so.2')})\n`;
  if (!verbose) return out;
  const needs = (versions: string[], lib: string): string => versions.map((v) => `\t\t${lib} (${v}) => ${lib.startsWith('ld-') ? '/lib64/ld-linux-x86-64.so.2' : libPath(lib)}\n`).join('');
  out += `\n\tVersion information:\n\t${file}:\n${needs(PROGRAM_VERSIONS, 'libc.so.6')}`;
  for (const lib of libs) {
    out += `\t${libPath(lib)}:\n${lib === 'libc.so.6' ? needs(LIBC_VERSIONS, 'ld-linux-x86-64.so.2') : needs(['GLIBC_2.2.5'], 'libc.so.6')}`;
  }
  return out;
}

const decoder = new TextDecoder();

/** The program an ELF stub stands for, or null for anything that is not a dynamic executable. */
function stubProgram(bytes: Uint8Array, path: string): string | null {
  if (bytes.length < 8 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) return null;
  const text = decoder.decode(bytes.subarray(8, 256));
  const m = /^photon-sim:([^\n]+)/.exec(text);
  if (m) return m[1]!;
  // other stubs (inert binaries of a package) stand for ordinary programs: libc only
  if (text.startsWith('photon-sim')) return path.slice(path.lastIndexOf('/') + 1);
  return null;
}

const OPTIONS: [RegExp, string][] = [
  [/^--vers(i(o(n)?)?)?$/, 'version'],
  [/^--h(e(l(p)?)?)?$/, 'help'],
  [/^(-d|--d(a(t(a(-(r(e(l(o(c(s)?)?)?)?)?)?)?)?)?)?)$/, 'd'],
  [/^(-r|--f(u(n(c(t(i(o(n(-(r(e(l(o(c(s)?)?)?)?)?)?)?)?)?)?)?)?)?)?)$/, 'r'],
  [/^(-v|--verb(o(s(e)?)?)?)$/, 'v'],
  [/^(-u|--u(n(u(s(e(d)?)?)?)?)?)$/, 'u'],
];

export default defineProgram({
  name: 'ldd',
  installPath: '/usr/bin/ldd',
  pkg: 'glibc',
  async main(ctx: Ctx) {
    const args = ctx.argv.slice(1);
    let i = 0;
    let unused = false;
    let verbose = false;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      const hit = OPTIONS.find(([re]) => re.test(a))?.[1];
      if (hit === 'version') {
        await ctx.print(glibcVersion('ldd', 'Roland McGrath and Ulrich Drepper'));
        return 0;
      }
      if (hit === 'help') {
        await ctx.print(HELP);
        return 0;
      }
      if (hit) {
        if (hit === 'u') unused = true;
        if (hit === 'v') verbose = true;
        continue;
      }
      if (a === '--v' || a === '--ve' || a === '--ver') {
        await ctx.err.write(`ldd: option \`${a}' is ambiguous\n`);
        return 1;
      }
      if (a.startsWith('-')) {
        await ctx.err.write(`ldd: unrecognized option \`${a}'\n${TRY}`);
        return 1;
      }
      break;
    }
    const files = args.slice(i);
    if (files.length === 0) {
      await ctx.err.write(`ldd: missing file arguments\n${TRY}`);
      return 1;
    }
    let result = 0;
    for (const name of files) {
      if (files.length > 1) await ctx.print(`${name}:\n`);
      const file = name.includes('/') ? name : `./${name}`;
      let kind: string;
      try {
        kind = (await ctx.sys.stat(file)).kind;
      } catch {
        await ctx.out.flush();
        await ctx.err.write(`ldd: ${file}: No such file or directory\n`);
        result = 1;
        continue;
      }
      await ctx.out.flush();
      if (kind !== 'file') {
        await ctx.err.write(`ldd: ${file}: not regular file\n`);
        result = 1;
        continue;
      }
      let bytes: Uint8Array;
      try {
        await ctx.sys.access(file, 4);
        bytes = await ctx.sys.readFile(file);
      } catch {
        await ctx.err.write(`ldd: error: you do not have read permission for \`${file}'\n`);
        result = 1;
        continue;
      }
      const prog = stubProgram(bytes, file);
      if (prog !== null && STATIC.has(prog)) {
        await ctx.print('\tstatically linked\n');
        continue;
      }
      if (prog === null || SCRIPTS.has(prog) || prog.endsWith('.sh')) {
        await ctx.err.write('\tnot a dynamic executable\n');
        result = 1;
        continue;
      }
      if (!unused) await ctx.print(listing(prog, file, verbose));
    }
    return result;
  },
});
