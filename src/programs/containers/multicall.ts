// Multi-call binaries: busybox and toybox are one program that acts as the tool it is named
// after (argv[0], through a link or a hard link) or as the tool named by its first argument.
// Each applet here runs the simulator's program of that name (sh and ash run bash, awk runs
// gawk, nc runs ncat). The applet lists are those of the images (see
// src/subsystems/docker/registry/base-small.ts, which a test keeps in step).
import type { Sys } from '../../shared/sys';
import { defineProgram, type Program } from '../define';
import type { Ctx } from '../lib/context';
import { CONTAINER_PKG } from './pkg';

/** Applets run by a program of another name. */
export const APPLET_PROGRAMS: Readonly<Record<string, string>> = { sh: 'bash', ash: 'bash', awk: 'gawk', nc: 'ncat' };

export interface MulticallSpec {
  name: string;
  installPath: string;
  applets: readonly string[];
  /** what the binary says when run under its own name without an applet */
  usage(ctx: Ctx): Promise<string> | string;
  version: string;
  /** the message for an applet it does not have */
  unknown(applet: string): string;
  /** ash's prompt (`/ # `), when the shell applet starts without PS1 */
  shellPrompt?: string;
}

/** The program an applet name runs, or undefined for a name the binary does not have. */
export function appletProgram(applets: readonly string[], applet: string): string | undefined {
  return applets.includes(applet) ? (APPLET_PROGRAMS[applet] ?? applet) : undefined;
}

export function multicall(spec: MulticallSpec): Program {
  return defineProgram({
    name: spec.name,
    installPath: spec.installPath,
    pkg: CONTAINER_PKG,
    async main(ctx) {
      const argv = ctx.argv;
      // a login shell's argv[0] starts with '-'
      const applet = (argv[0] ?? spec.name).slice((argv[0] ?? '').lastIndexOf('/') + 1).replace(/^-/, '');
      if (applet !== spec.name) return runApplet(ctx, spec, applet);
      const first = argv[1];
      if (first === undefined || first === '--help') {
        await ctx.print(await spec.usage(ctx));
        return 0;
      }
      if (first === '--list') {
        await ctx.print([...spec.applets].sort().map((a) => `${a}\n`).join(''));
        return 0;
      }
      if (first === '--version') {
        await ctx.print(`${spec.version}\n`);
        return 0;
      }
      if (appletProgram(spec.applets, first) === undefined) {
        await ctx.err.write(`${spec.unknown(first)}\n`);
        return 127;
      }
      // the applet named by the first argument runs in this process with the arguments shifted,
      // as busybox does (no exec: /proc/PID/cmdline still says busybox)
      const shifted = Object.create(ctx.sys, { argv: { value: argv.slice(1), enumerable: true } }) as Sys;
      return runApplet(ctx, spec, first, shifted);
    },
  });
}

async function runApplet(ctx: Ctx, spec: MulticallSpec, applet: string, sys: Sys = ctx.sys): Promise<number> {
  const target = appletProgram(spec.applets, applet);
  // the registry imports this module's program lazily, so it is loaded by the time we run
  const { programs } = await sys.loadCode(() => import('../registry'));
  const entry = target === undefined ? undefined : programs.get(target);
  if (!entry) {
    await ctx.err.write(`${spec.unknown(applet)}\n`);
    return 127;
  }
  if (target === 'bash' && spec.shellPrompt !== undefined && !ctx.env.has('PS1')) ctx.env.set('PS1', spec.shellPrompt);
  await ctx.flush();
  const program = await entry.load();
  return program.run(sys);
}
