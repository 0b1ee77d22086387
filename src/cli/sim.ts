// The headless machine on this terminal (contract: ../shared/conformance/README.md):
//   npm run -s sim -- FILE        run FILE with the simulated bash as root, no terminal
//   npm run -s sim -- -c 'cmds'   the same for a command string
//   npm run sim                   an interactive session when stdin is a terminal
//   … | npm run -s sim            the script read from standard input
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Machine } from '../kernel/machine';
import { writeFileIntoMachine } from './copy-in';
import { SCRIPT_ENV } from './script-env';


async function runScript(argv: string[]): Promise<number> {
  const machine = new Machine({ clock: 'skip' });
  let bashArgv: string[];
  if (argv[0] === '-c') {
    if (argv[1] === undefined) {
      process.stderr.write('sim: -c: option requires an argument\n');
      return 2;
    }
    bashArgv = ['bash', '-c', argv[1], ...argv.slice(2)];
  } else {
    const file = argv[0]!;
    let bytes: Buffer;
    try {
      if (statSync(file).isDirectory()) {
        process.stderr.write(`sim: ${file}: Is a directory\n`);
        return 126;
      }
      bytes = readFileSync(file);
    } catch (e) {
      process.stderr.write(`sim: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(e)}\n`);
      return 127;
    }
    if (bytes.subarray(0, 1024).includes(0)) {
      process.stderr.write(`sim: ${file}: cannot execute binary file (not a text script)\n`);
      return 126;
    }
    // the script is copied into the machine at the same absolute path, so $0 names it
    const inside = resolve(file);
    writeFileIntoMachine(machine, inside, bytes);
    bashArgv = ['bash', inside, ...argv.slice(1)];
  }
  const code = await machine.run(bashArgv, {
    stdout: (b) => process.stdout.write(b),
    stderr: (b) => process.stderr.write(b),
    cwd: '/root',
    env: new Map(SCRIPT_ENV),
  });
  return code;
}

/** All of standard input (a pipe, a socket or a file; a stream, as a blocking read of fd 0 may fail). */
function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/** `… | npm run sim`: bash reads the script from its standard input, as `bash < script` does. */
async function runStdin(): Promise<number> {
  const machine = new Machine({ clock: 'skip' });
  return machine.run(['bash'], {
    stdout: (b) => process.stdout.write(b),
    stderr: (b) => process.stderr.write(b),
    cwd: '/root',
    env: new Map(SCRIPT_ENV),
    stdin: await readStdin(),
  });
}

async function interactive(): Promise<number> {
  const stdin = process.stdin;
  const machine = new Machine({
    clock: 'realtime',
    onConsole: (text) => process.stdout.write(text),
    winsize: { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 },
  });
  machine.startConsoleShell();
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.on('data', (data: string) => {
    // Ctrl-] leaves the simulator (Ctrl-C and Ctrl-D belong to the machine)
    if (data === '\x1d') {
      stdin.setRawMode(false);
      process.stdout.write('\r\n');
      process.exit(0);
    }
    machine.input(data);
  });
  process.stdout.on('resize', () => machine.resize({ cols: process.stdout.columns, rows: process.stdout.rows }));
  process.stderr.write('(photon-sim: press Ctrl-] to leave)\r\n');
  return new Promise<number>(() => {});
}

const args = process.argv.slice(2);
const main = args.length === 0 && process.stdin.isTTY ? interactive() : args.length === 0 ? runStdin() : runScript(args);
main.then(
  (code) => {
    process.exitCode = code;
    // let stdout drain, then leave even if stray timers remain
    process.stdout.write('', () => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`sim: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(70);
  },
);
