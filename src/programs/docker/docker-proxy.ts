// docker-proxy: the userland proxy dockerd starts for each published port. It listens on the
// host's port and carries every connection to the container's address and port, both ways.
import type { SocketReply } from '../../shared/services/sockets';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import { traffic } from '../network-tools/netlib';

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`-${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function relay(sys: Sys, client: number, ip: string, port: number): Promise<void> {
  const c = await traffic(sys, { kind: 'connect', dst: ip, port });
  if (c.kind !== 'connected' || c.conn === undefined) {
    await traffic(sys, { kind: 'hangup', conn: client });
    return;
  }
  const upstream = c.conn;
  const up = (async () => {
    for (;;) {
      const d = await traffic(sys, { kind: 'recv', conn: client });
      if (d.kind === 'closed') break;
      await traffic(sys, { kind: 'send', conn: upstream, text: d.text });
    }
    await traffic(sys, { kind: 'close', conn: upstream });
  })();
  for (;;) {
    const d = await traffic(sys, { kind: 'read', conn: upstream });
    if (d.kind === 'closed') break;
    await traffic(sys, { kind: 'answer', conn: client, text: d.text });
  }
  await traffic(sys, { kind: 'hangup', conn: client });
  await up.catch(() => undefined);
}

export default defineProgram({
  name: 'docker-proxy',
  installPath: '/usr/bin/docker-proxy',
  pkg: 'docker-engine',
  async main(ctx) {
    const argv = ctx.argv;
    const hostIp = option(argv, 'host-ip') ?? '0.0.0.0';
    const hostPort = Number(option(argv, 'host-port'));
    const ip = option(argv, 'container-ip') ?? '';
    const port = Number(option(argv, 'container-port'));
    if (!Number.isInteger(hostPort) || !ip || !Number.isInteger(port)) {
      await ctx.err.write('Usage of docker-proxy: -container-ip, -container-port, -host-ip, -host-port and -proto are required\n');
      return 2;
    }
    const family = hostIp.includes(':') ? 6 : 4;
    const r = (await ctx.sys.call('sockets', { kind: 'listen', proto: 'tcp', family, address: hostIp, port: hostPort, v6only: true })) as SocketReply;
    if (r.kind !== 'ok' || r.id === undefined) {
      await ctx.err.write(`listen tcp${family === 6 ? '6' : '4'} ${family === 6 ? `[${hostIp}]` : hostIp}:${hostPort}: bind: address already in use\n`);
      return 1;
    }
    for (;;) {
      const c = await traffic(ctx.sys, { kind: 'accept', sockets: [r.id] });
      if (c.kind !== 'conn') return 1;
      void relay(ctx.sys, c.id, ip, port).catch(() => undefined);
    }
  },
});
