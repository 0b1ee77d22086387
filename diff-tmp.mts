// differential tester: node --import tsx diff-tmp.mts cases.txt  (one command per line; files from FILES)
import { writeFileIntoMachine } from '/work/main/src/cli/copy-in.ts';
import { Machine } from '/work/main/src/kernel/machine.ts';
import { readFileSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
const FILES: Record<string, string> = {
  't': 'alpha one\nBeta two\ngamma three\nalphabet soup\n\ndelta 4 four\nepsilon five\nALPHA six\n',
  'n': '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n',
  'c': 'key=value\n# comment\n  spaced = x  \n[section]\nname=foo bar\n',
  'w': 'the cat sat on the mat\nthe the dup dup\nfoo.bar baz\n',
};
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('//'));
const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C', TZ: 'UTC', TERM: 'xterm-256color' };
let bad = 0;
for (const cmd of lines) {
  const dir = mkdtempSync('/tmp/dt-');
  for (const [n, t] of Object.entries(FILES)) { mkdirSync(dirname(join(dir, n)), { recursive: true }); writeFileSync(join(dir, n), t); }
  const r = spawnSync('bash', ['-c', `umask 022\n${cmd}`], { cwd: dir, env, input: '', encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  const m = new Machine({ clock: 'skip' });
  for (const [n, t] of Object.entries(FILES)) writeFileIntoMachine(m, `/tmp/w/${n}`, new TextEncoder().encode(t));
  const out: Uint8Array[] = []; const err: Uint8Array[] = [];
  const code = await m.run(['/bin/bash', '-c', `umask 022\n${cmd}`], { stdout: (b) => out.push(b), stderr: (b) => err.push(b), cwd: '/tmp/w', env: new Map(Object.entries(env)) });
  const so = Buffer.concat(out).toString(), se = Buffer.concat(err).toString();
  if (so !== r.stdout || se !== r.stderr || code !== r.status) {
    bad++;
    console.log(`=== ${cmd}\n--- host (${r.status}):\n${r.stdout}${r.stderr ? 'ERR: ' + r.stderr : ''}--- sim (${code}):\n${so}${se ? 'ERR: ' + se : ''}`);
  }
}
console.log(`${lines.length - bad}/${lines.length} same`);
