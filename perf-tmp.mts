import { writeFileIntoMachine } from '/work/main/src/cli/copy-in.ts';
import { Machine } from '/work/main/src/kernel/machine.ts';
import { readFileSync } from 'node:fs';
const m = new Machine({ clock: 'skip' });
writeFileIntoMachine(m, '/tmp/big10', readFileSync('/tmp/big10'));
const args = process.argv.slice(2);
for (let i = 0; i < 4; i++) {
  const t = performance.now(); const cu = process.cpuUsage();
  let out = 0;
  const code = await m.run(['/usr/bin/grep', ...args, '/tmp/big10'], { stdout: (b) => { out += b.length; }, stderr: (b) => process.stderr.write(b), cwd: '/', env: new Map([['PATH', '/usr/bin:/bin'], ['LANG', 'C']]) });
  console.log(args.join(' '), code, out, (performance.now() - t).toFixed(1), "ms cpu", ((process.cpuUsage(cu).user + process.cpuUsage(cu).system) / 1000).toFixed(1));
}
