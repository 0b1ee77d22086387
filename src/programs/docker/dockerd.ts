// dockerd (docker-engine 27): reads /etc/docker/daemon.json, brings the engine up (the 'docker'
// service does the work and logs as dockerd does), tells systemd it is ready, and shuts the
// engine down on SIGTERM or SIGINT. A daemon.json that is not valid JSON ends it at once with
// dockerd's message, which the journal shows under docker.service.
import { isSysError } from '../../shared/errno';
import type { DockerReply } from '../../shared/services/docker';
import { notifyReady } from '../daemons/daemon';
import { defineProgram } from '../define';
import { goJsonError } from '../../shared/go-json-check';

const CONFIG = '/etc/docker/daemon.json';

export default defineProgram({
  name: 'dockerd',
  installPath: '/usr/bin/dockerd',
  pkg: 'docker-engine',
  async main(ctx) {
    const sys = ctx.sys;
    if (ctx.argv.includes('--version') || ctx.argv.includes('-v')) {
      await ctx.print('Docker version 27.3.1, build 3ab5c7d\n');
      return 0;
    }
    if (sys.geteuid() !== 0) {
      await ctx.err.write('dockerd needs to be started with root privileges. To run dockerd in rootless mode as an unprivileged user, see https://docs.docker.com/go/rootless/\n');
      return 1;
    }
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await sys.readFile(CONFIG));
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'ENOENT') throw e;
    }
    if (text !== undefined && text.trim() !== '') {
      const bad = goJsonError(text);
      if (bad) {
        await ctx.err.write(`unable to configure the Docker daemon with file ${CONFIG}: ${bad}\n`);
        return 1;
      }
      if (!text.trimStart().startsWith('{')) {
        await ctx.err.write(`unable to configure the Docker daemon with file ${CONFIG}: json: cannot unmarshal ${text.trimStart().startsWith('[') ? 'array' : 'string'} into Go value of type map[string]interface {}\n`);
        return 1;
      }
    }
    let stop = false;
    sys.signal(15, () => { stop = true; });
    sys.signal(2, () => { stop = true; });
    sys.signal(1, () => undefined);
    // a handled signal (SIGINT, SIGTERM, SIGHUP) interrupts the wait for the engine with EINTR;
    // the engine goes on starting, and a stop asked for meanwhile is honoured below
    const interrupted = (e: unknown): boolean => isSysError(e) && e.errno === 'EINTR';
    let r: DockerReply | undefined;
    try {
      r = (await sys.call('docker', { kind: 'daemon-start' })) as DockerReply;
    } catch (e) {
      if (!interrupted(e)) throw e;
    }
    if (r?.kind === 'error') {
      await ctx.err.write(`failed to start daemon: ${r.message}\n`);
      return 1;
    }
    await notifyReady(ctx);
    while (!stop) {
      try {
        await sys.sleep(3_600_000);
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EINTR') throw e;
      }
    }
    try {
      await sys.call('docker', { kind: 'daemon-stop' });
    } catch (e) {
      // another signal while shutting down: the engine finishes the shutdown on its own
      if (!interrupted(e)) throw e;
    }
    return 0;
  },
});
