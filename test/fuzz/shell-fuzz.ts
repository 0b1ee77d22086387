// Generates and mutates shell scripts from a seed, runs each on one machine with a time limit,
// and checks that the machine survives: every script ends (by itself or when killed), the
// shell answers afterwards, and nothing escapes as an internal error.
import { Machine } from '../../src/kernel/machine';
import { Random } from '../../src/kernel/random';

const FRAGMENTS = [
  'echo hi', 'x=1', 'echo $x', 'echo ${x:-d}', 'echo ${#x}', 'echo $((1+2))', 'echo $((x/0))', 'y=(a b c)', 'echo ${y[@]}',
  'echo ${y[1]}', 'f() { echo f; }', 'f', 'true', 'false', ':', 'echo "a b"', "echo 'c d'", 'echo $(echo sub)', 'echo `echo bq`',
  'if true; then echo t; fi', 'if false; then :; else echo e; fi', 'for i in 1 2; do echo $i; done', 'while false; do :; done',
  'case x in x) echo c;; esac', '[[ a == a ]]', '[ 1 -eq 1 ]', 'test -f /etc/passwd', 'cat /etc/hostname', 'ls /', 'echo > /tmp/f',
  'cat < /tmp/f', 'echo a | cat', 'echo $?', 'set -e', 'set -u', 'set +e', 'shift', 'export Z=1', 'unset x', 'local v', 'return',
  'break', 'continue', 'exit 3', '(exit 2)', '{ echo g; }', 'echo ${!x}', 'echo ${x/a/b}', 'read r <<< line', 'trap "echo t" EXIT',
  'eval echo ev', 'declare -A m', 'm[k]=v', 'echo ${m[k]}', 'printf "%s\\n" p', 'echo {1..3}', 'echo *', 'cd /tmp', 'pwd',
  'let z=2*3', '(( z++ ))', 'echo $RANDOM', 'mkdir -p /tmp/d', 'rm -rf /tmp/d', 'sleep 0', 'kill -0 $$', 'wait', 'jobs',
  'echo x &', 'while :; do :; done', 'yes | cat > /dev/null', 'echo "unterminated', 'if then', 'fi', 'done', '((', '$(', '${', '<<', 'echo ${x', "'", '"', '`', '|', ';;', '&&',
];
const JOINERS = ['; ', '\n', ' && ', ' || ', ' | ', ' & '];
const NOISE = ' \t\n;&|<>()[]{}$`\'"\\!#*?~=-+0123456789abcxyz@%^:,./';

export function generate(rng: Random): string {
  const n = 1 + rng.below(6);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += FRAGMENTS[rng.below(FRAGMENTS.length)]!;
    if (i < n - 1) s += JOINERS[rng.below(JOINERS.length)]!;
  }
  // mutations: insert, delete or replace characters
  const edits = rng.below(4);
  for (let i = 0; i < edits; i++) {
    const at = rng.below(s.length + 1);
    const op = rng.below(3);
    const ch = NOISE[rng.below(NOISE.length)]!;
    if (op === 0) s = s.slice(0, at) + ch + s.slice(at);
    else if (op === 1) s = s.slice(0, at) + s.slice(at + 1);
    else s = s.slice(0, at) + ch + s.slice(at + 1);
  }
  return s;
}

export interface FuzzReport {
  runs: number;
  killed: number;
  failures: { script: string; why: string }[];
}

/** Runs `count` generated scripts; `limitMs` is the real time a script may take before SIGKILL. */
export async function fuzz(seed: number, count: number, limitMs = 300): Promise<FuzzReport> {
  const rng = new Random(seed);
  const report: FuzzReport = { runs: 0, killed: 0, failures: [] };
  let current = '';
  // anything that escapes a process is a kernel bug
  const onUnhandled = (e: unknown): void => {
    report.failures.push({ script: current, why: `unhandled: ${e instanceof Error ? e.stack : String(e)}` });
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    await runAll();
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  return report;

  async function runAll(): Promise<void> {
  let machine = new Machine({ clock: 'skip', seed });
  for (let i = 0; i < count; i++) {
    if (i % 200 === 0) machine = new Machine({ clock: 'skip', seed: seed + i });
    const script = generate(rng);
    current = script;
    let stderr = '';
    const k = machine.kernel;
    const before = new Set(k.procs.keys());
    const run = machine.run(['bash', '-c', script], { stdout: () => {}, stderr: (b) => (stderr += new TextDecoder().decode(b)) });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limited = await Promise.race([run.then(() => 'done'), new Promise<string>((r) => (timer = setTimeout(() => r('limit'), limitMs)))]);
    clearTimeout(timer);
    if (limited === 'limit') {
      report.killed++;
      for (const p of k.procs.values()) if (!before.has(p.pid)) k.signal(p, 9);
      const ended = await Promise.race([run.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 2000))]);
      if (!ended) report.failures.push({ script, why: 'did not end after SIGKILL' });
    }
    report.runs++;
    if (stderr.includes('internal error')) report.failures.push({ script, why: `internal error: ${stderr.slice(0, 300)}` });
    // the machine must still work
    if (i % 50 === 49) {
      let out = '';
      await machine.run(['bash', '-c', 'echo alive'], { stdout: (b) => (out += new TextDecoder().decode(b)), stderr: () => {} });
      if (out !== 'alive\n') report.failures.push({ script, why: `machine did not answer afterwards: ${JSON.stringify(out)}` });
    }
  }
  }
}
