// gawk -D: the debugger, reduced to what works without a terminal. It refuses a program given
// only on the command line; otherwise it reads commands (from the -D file or standard input):
// `run` runs the program and reports its exit value, `quit` ends with it, as does the end of a
// command file (the end of standard input gives status 2). Other commands are not modelled and do nothing.
import type { Runtime } from './runtime';
import type { Source } from './lexer';

export async function debugSession(rt: Runtime, sources: Source[], commandFile: string | undefined, run: () => Promise<number>): Promise<number> {
  const out = rt.io.stdout;
  if (!sources.some((s) => s.name !== 'cmd. line')) {
    await out.write("Can only debug programs provided with the `-f' option.\n");
    return 1;
  }
  let reader = rt.io.stdin();
  if (commandFile !== undefined) {
    const r = await rt.io.input(commandFile, 'file');
    if (!r) {
      await out.flush();
      await rt.io.stderr.write(`cannot open source file \`${commandFile}' for reading: No such file or directory`);
      return 1;
    }
    reader = r;
  }
  let status = 0;
  let runs = 0;
  for (;;) {
    const line = await reader.read('\n', undefined);
    // commands from a file end like quit; standard input ending is an error
    if (!line) return commandFile !== undefined ? status : 2;
    const [cmd] = line.rec.trim().split(/\s+/);
    if (cmd === 'run' || cmd === 'r') {
      if (runs++) await out.write('Restarting ...\n');
      await out.write('Starting program:\n');
      status = await run();
      await out.write(`Program exited normally with exit value: ${status}\n`);
    } else if (cmd === 'quit' || cmd === 'q') return status;
  }
}
