// docker (docker-cli 27): parses the command line as docker's cobra tree does (cli/), then runs
// the command against the engine behind /var/run/docker.sock. Errors come out as docker prints
// them: "Error response from daemon: ...", and for run/create "docker: ..." with the hint line.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { parse, type ParsedCommand } from './cli/parse';
import { DaemonError } from './client';
import * as containers from './cmd-containers';
import * as imgs from './cmd-images';
import { create, run, RunError, runStatus } from './cmd-run';
import { info, version } from './cmd-system';
import { build } from './cmd-build';
import * as misc from './cmd-misc';
import * as network from './cmd-network';
import * as transfer from './cmd-transfer';
import * as volume from './cmd-volume';
import { TemplateError } from './template';

type Handler = (ctx: Ctx, p: ParsedCommand) => Promise<number>;

const HANDLERS: Record<string, Handler> = {
  'container run': run,
  'container create': create,
  'container ls': containers.ps,
  'container start': containers.start,
  'container stop': containers.stop,
  'container restart': containers.restart,
  'container kill': containers.kill,
  'container rm': containers.rm,
  'container logs': containers.logs,
  'container exec': containers.exec,
  'container inspect': (ctx, p) => containers.inspect(ctx, p, 'container'),
  'container port': containers.port,
  'container top': containers.top,
  'container rename': containers.rename,
  'container pause': (ctx, p) => containers.pause(ctx, p, true),
  'container unpause': (ctx, p) => containers.pause(ctx, p, false),
  'container wait': containers.wait,
  'container prune': containers.containerPrune,
  'image pull': imgs.pull,
  'image ls': imgs.images,
  'image rm': imgs.rmi,
  'image tag': imgs.tag,
  'image history': imgs.history,
  'image inspect': (ctx, p) => containers.inspect(ctx, p, 'image'),
  'image prune': imgs.imagePrune,
  'image build': build,
  inspect: (ctx, p) => containers.inspect(ctx, p),
  version,
  'system info': info,
  info,
  'network ls': network.ls,
  'network create': network.create,
  'network inspect': network.inspect,
  'network connect': network.connect,
  'network disconnect': network.disconnect,
  'network rm': network.rm,
  'network prune': network.prune,
  'volume ls': volume.ls,
  'volume create': volume.create,
  'volume inspect': volume.inspect,
  'volume rm': volume.rm,
  'volume prune': volume.prune,
  'container stats': misc.stats,
  'container cp': transfer.cp,
  'container commit': misc.commit,
  'container diff': misc.diff,
  'image save': transfer.save,
  'image load': transfer.load,
  'system df': misc.df,
  'system prune': misc.systemPrune,
  login: misc.login,
  logout: misc.logout,
};

/** The top-level shortcuts and the management commands they stand for. */
const SHORTCUTS: Record<string, string> = {
  run: 'container run', create: 'container create', ps: 'container ls', start: 'container start', stop: 'container stop', restart: 'container restart',
  kill: 'container kill', rm: 'container rm', logs: 'container logs', exec: 'container exec', port: 'container port', top: 'container top',
  rename: 'container rename', pause: 'container pause', unpause: 'container unpause', wait: 'container wait', pull: 'image pull', images: 'image ls',
  rmi: 'image rm', tag: 'image tag', history: 'image history', build: 'image build', 'container ps': 'container ls', 'container list': 'container ls',
  'image list': 'image ls', 'image remove': 'image rm', 'container remove': 'container rm', 'image rmi': 'image rm',
  stats: 'container stats', cp: 'container cp', commit: 'container commit', diff: 'container diff', save: 'image save', load: 'image load',
  'network list': 'network ls', 'network remove': 'network rm', 'volume list': 'volume ls', 'volume remove': 'volume rm',
};

/** Commands whose daemon errors read "docker: ..." with a hint, as `docker run` prints them. */
const RUNNERS = new Set(['container run', 'container create']);

export default defineProgram({
  name: 'docker',
  installPath: '/usr/bin/docker',
  pkg: 'docker-cli',
  async main(ctx) {
    const outcome = parse(ctx.argv.slice(1), {
      environ: Object.fromEntries(ctx.env),
      width: ctx.sys.isatty(0) ? ctx.sys.winsize(0).cols : 80,
      stdoutIsTerminal: ctx.sys.isatty(1),
      stderrIsTerminal: ctx.sys.isatty(2),
    });
    if (outcome.kind === 'error' || outcome.kind === 'help' || outcome.kind === 'version') {
      if (outcome.stdout) await ctx.print(outcome.stdout);
      if (outcome.stderr) await ctx.err.write(outcome.stderr);
      return outcome.status;
    }
    if (outcome.kind === 'plugin') {
      await ctx.err.write(`docker: '${outcome.name}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
    }
    if (outcome.stderr) await ctx.err.write(outcome.stderr);
    const key = SHORTCUTS[outcome.path.join(' ')] ?? outcome.path.join(' ');
    const handler = HANDLERS[key];
    const shown = `docker ${outcome.invokedAs.join(' ')}`;
    if (!handler) {
      await ctx.err.write(`${shown}: this command is not available in this simulator yet\n`);
      return 1;
    }
    try {
      return await handler(ctx, outcome);
    } catch (e) {
      // what was printed before the failure comes first
      await ctx.out.flush();
      if (e instanceof RunError) {
        await ctx.err.write(`docker: ${e.message.replace(/\.$/, '')}.\nSee '${shown} --help'.\n`);
        return e.status;
      }
      if (e instanceof DaemonError) {
        if (RUNNERS.has(key)) {
          // docker/cli's reportError: the message ends with one full stop, then the hint
          await ctx.err.write(`docker: ${e.message.replace(/\.$/, '')}.\nSee '${shown} --help'.\n`);
          return e.kind === 'daemon' ? runStatus(e.message) : 125;
        }
        await ctx.err.write(`${e.message}\n`);
        return 1;
      }
      if (e instanceof TemplateError) {
        await ctx.err.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
});
