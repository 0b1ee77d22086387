#!/usr/bin/env node
// Records a conformance case from the real tools of this machine, the way ../shared/conformance
// says the shared cases were recorded, into test/fixtures/conformance/<suite>/<id>.json:
//
//   node scripts/record-case.mjs SUITE ID "title" SCRIPT_FILE [--stderr-contains TEXT]
//
// The script runs as a file with bash in a fresh empty /tmp/oracle-w, under
// `env -i PATH=... HOME=/root LANG=C TZ=UTC`, umask 022, stdin /dev/null. For the iptables and
// ip suites it runs inside a network namespace made for the one case (and deleted after), with
// lo up and (for ip) an eth0 as the ip suite's recordings had it (a dummy link: where the
// kernel has none, ip cases cannot be recorded); this machine's own network is never touched.
// The case's stdout and exit status are what the real tools gave; check them before committing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['shell', 'userland', 'iptables', 'ip', 'systemd'];
const WORK = '/tmp/oracle-w';

const args = process.argv.slice(2);
let stderrContains;
const at = args.indexOf('--stderr-contains');
if (at >= 0) {
  stderrContains = args[at + 1];
  args.splice(at, 2);
}
const [suite, id, title, file] = args;
if (!suite || !id || !title || !file || !SUITES.includes(suite)) {
  console.error(`usage: record-case.mjs {${SUITES.join('|')}} ID TITLE SCRIPT_FILE [--stderr-contains TEXT]`);
  process.exit(2);
}
if (suite === 'systemd') {
  console.error('record-case.mjs: systemd cases need an offline systemd root ($SC, $R); record those by hand');
  process.exit(2);
}
const script = readFileSync(file, 'utf8');
// one recording at a time: they all run in /tmp/oracle-w (a lock directory, taken or waited for)
const LOCK = `${WORK}.lock`;
for (let tries = 0; ; tries++) {
  try {
    mkdirSync(LOCK);
    break;
  } catch (e) {
    if (e.code !== 'EEXIST' || tries > 600) throw e;
    execFileSync('sleep', ['0.2']);
  }
}
process.on('exit', () => rmSync(LOCK, { recursive: true, force: true }));
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
writeFileSync(join(WORK, '.case.sh'), script);

const env = ['env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'LANG=C', 'TZ=UTC'];
const inner = `umask 022; cd ${WORK} && exec bash .case.sh </dev/null`;
let argv;
let ns;
if (suite === 'iptables' || suite === 'ip') {
  ns = `rec${process.pid}`;
  execFileSync('ip', ['netns', 'add', ns]);
  try {
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    // the ip suite's eth0: down, no address, a fixed MAC, mtu 1500 (a dummy link, which says
    // "qdisc noqueue state UNKNOWN" when up, as the recordings' virtual NIC did)
    // A kernel without dummy links gets a vxlan with no remote instead: it looks the same in
    // plain listings (flags, qdisc noqueue, state UNKNOWN when up, qlen 1000), but not under -d
    // or -s (it drops what it sends), so cases recorded that way should not show those for eth0.
    const eth0 = ['-n', ns, 'link', 'add', 'eth0', 'address', '00:50:56:aa:bb:01', 'mtu', '1500', 'type'];
    if (suite === 'ip') {
      try {
        execFileSync('ip', [...eth0, 'dummy'], { stdio: 'pipe' });
      } catch {
        execFileSync('ip', [...eth0, 'vxlan', 'id', '1', 'dstport', '4789'], { stdio: 'pipe' });
      }
    }
  } catch (e) {
    execFileSync('ip', ['netns', 'del', ns]);
    console.error(`record-case.mjs: could not set up the namespace (${String(e.stderr ?? e).trim()}); a kernel without dummy links cannot record ip cases as the suite had them`);
    process.exit(1);
  }
  argv = ['ip', 'netns', 'exec', ns, ...env, 'bash', '-c', inner];
} else {
  argv = [...env, 'bash', '-c', inner];
}
let r;
try {
  r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 60_000 });
} finally {
  if (ns) execFileSync('ip', ['netns', 'del', ns]);
}
if (r.error) throw r.error;
const c = { id, suite, title, script, stdout: r.stdout, ...(stderrContains !== undefined ? { stderr_contains: stderrContains } : {}), exit: r.status ?? 128 + 9 };
if (stderrContains !== undefined && !r.stderr.includes(stderrContains)) {
  console.error(`record-case.mjs: stderr does not contain ${JSON.stringify(stderrContains)}; it was:\n${r.stderr}`);
  process.exit(1);
}
const out = join(ROOT, 'test', 'fixtures', 'conformance', suite, `${id}.json`);
writeFileSync(out, `${JSON.stringify(c, null, 2)}\n`);
process.stdout.write(`${out}\n--- stdout ---\n${r.stdout}--- stderr ---\n${r.stderr}--- exit ${c.exit}\n`);
