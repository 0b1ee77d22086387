// sshd (OpenSSH 9.x): -t checks the configuration and host keys, -T prints the effective
// settings, -D runs in the foreground (as sshd.service does); without -D it detaches.
import { isSysError } from '../../shared/errno';
import type { SocketReply } from '../../shared/services/sockets';
import type { AcceptReply, RecvReply } from '../../shared/services/traffic';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { NetDb } from '../netfilter/netdb';
import { runDaemon } from './daemon';
import { parseSshdConfig, type SshdConfig } from './sshd-config';

const KEY_TYPES = ['rsa', 'ecdsa', 'ed25519'];
/** What sshd sends first on every connection (RFC 4253's identification string). */
const IDENTIFICATION = 'SSH-2.0-OpenSSH_9.3\r\n';

/**
 * Each client that connects gets the server's identification string at once, as from a real
 * sshd; anything but an SSH identification back is refused with OpenSSH's message, and since no
 * key exchange is modelled, the connection then ends either way.
 */
async function greetClients(ctx: Ctx, sockets: number[]): Promise<void> {
  if (!sockets.length) return;
  const sys = ctx.sys;
  for (;;) {
    let c: AcceptReply;
    try {
      c = (await sys.call('traffic', { kind: 'accept', sockets })) as AcceptReply;
    } catch (e) {
      if (isSysError(e) && e.errno === 'EINTR') continue;
      return;
    }
    if (c.kind !== 'conn') return;
    const id = c.id;
    void (async () => {
      await sys.call('traffic', { kind: 'answer', conn: id, text: IDENTIFICATION });
      const r = (await sys.call('traffic', { kind: 'recv', conn: id })) as RecvReply;
      if (r.kind !== 'data') return;
      // kex_exchange_identification: a first line that is not an SSH identification is refused
      if (!r.text.startsWith('SSH-')) await sys.call('traffic', { kind: 'answer', conn: id, text: 'Invalid SSH identification string.\r\n' });
      await sys.call('traffic', { kind: 'hangup', conn: id });
    })().catch(() => undefined);
  }
}

async function readConfig(ctx: Ctx, file: string): Promise<SshdConfig | string> {
  try {
    return parseSshdConfig(new TextDecoder().decode(await ctx.sys.readFile(file)), file);
  } catch (e) {
    if (isSysError(e)) return `${file}: No such file or directory`;
    throw e;
  }
}

/** Prints configuration errors as sshd does: everything up to the first fatal one. */
async function reportErrors(ctx: Ctx, cfg: SshdConfig): Promise<boolean> {
  if (cfg.errors.length === 0) return false;
  const fatal = cfg.errors.findIndex((e) => !e.includes('Bad configuration option') && !e.includes('terminating,'));
  const shown = fatal >= 0 ? cfg.errors.slice(0, fatal + 1) : cfg.errors;
  await ctx.err.write(shown.map((e) => `${e}\n`).join(''));
  return true;
}

async function hostKeys(ctx: Ctx): Promise<string[]> {
  const found: string[] = [];
  for (const t of KEY_TYPES) {
    const path = `/etc/ssh/ssh_host_${t}_key`;
    try {
      await ctx.sys.access(path, 4);
      found.push(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      try {
        await ctx.sys.stat(path);
        await ctx.err.write(`Unable to load host key: ${path}\n`);
      } catch {
        // missing keys are skipped silently
      }
    }
  }
  return found;
}

/** misc.c a2port(): the port a -p or Port value names (a number, or a tcp service name), or -1. */
async function a2port(ctx: Ctx, s: string): Promise<number> {
  if (/^\s*[-+]?\d+$/.test(s)) {
    const n = Number(s);
    return n >= 0 && n <= 65535 ? n : -1;
  }
  return (await NetDb.load(ctx.sys)).serviceByName(s, 'tcp') ?? -1;
}

export default defineProgram({
  name: 'sshd',
  installPath: '/usr/sbin/sshd',
  pkg: 'openssh-server',
  options: [
    { key: 't', short: 't' }, { key: 'T', short: 'T' }, { key: 'D', short: 'D' }, { key: 'd', short: 'd' },
    { key: 'e', short: 'e' }, { key: 'f', short: 'f', arg: 'required' }, { key: 'p', short: 'p', arg: 'required' },
    { key: 'h', short: 'h', arg: 'required' }, { key: 'o', short: 'o', arg: 'required' }, { key: 'q', short: 'q' },
  ],
  tryHelp: false,
  usageStatus: 1,
  async main(ctx, { flags, values }) {
    // sshd.c: every -p adds a port, checked as it is read (a2port: a number 1-65535 or a tcp
    // service name), before the configuration is
    const ports: number[] = [];
    for (const p of values.get('p') ?? []) {
      const port = await a2port(ctx, p);
      if (port <= 0) {
        await ctx.err.write('Bad port number.\n');
        return 1;
      }
      ports.push(port);
    }
    const file = values.get('f')?.at(-1) ?? '/etc/ssh/sshd_config';
    const cfg = await readConfig(ctx, file);
    if (typeof cfg === 'string') {
      await ctx.err.write(`${cfg}\n`);
      return 1;
    }
    if (await reportErrors(ctx, cfg)) return 255;
    if (ports.length) cfg.ports = ports;
    if (ctx.sys.geteuid() !== 0 && !flags.has('t') && !flags.has('T')) {
      await ctx.err.write('sshd re-exec requires execution with an absolute path\n');
      return 255;
    }
    const keys = await hostKeys(ctx);
    if (keys.length === 0) {
      await ctx.err.write('sshd: no hostkeys available -- exiting.\n');
      return 1;
    }
    if (flags.has('t')) return 0;
    if (flags.has('T')) {
      const lines = [`port ${cfg.ports.join('\nport ')}`, 'addressfamily any', 'listenaddress [::]:22', 'listenaddress 0.0.0.0:22', `permitrootlogin ${cfg.permitRootLogin}`, `passwordauthentication ${cfg.passwordAuthentication ? 'yes' : 'no'}`];
      for (const [k, v] of cfg.settings) if (!['port', 'permitrootlogin', 'passwordauthentication', 'listenaddress'].includes(k)) lines.push(`${k} ${v}`);
      for (const k of keys) lines.push(`hostkey ${k}`);
      await ctx.print(`${lines.join('\n')}\n`);
      return 0;
    }
    const startup = cfg.ports.flatMap((p) => [`Server listening on 0.0.0.0 port ${p}.`, `Server listening on :: port ${p}.`]);
    if (flags.has('D') || flags.has('d')) {
      // sshd binds 0.0.0.0 and :: (v6only) for each port; a port in use is fatal
      const sockets: number[] = [];
      for (const port of cfg.ports) {
        for (const [family, address] of [[4, '0.0.0.0'], [6, '::']] as const) {
          const r = (await ctx.sys.call('sockets', { kind: 'listen', proto: 'tcp', family, address, port, v6only: true })) as SocketReply;
          if (r.kind === 'error') {
            await ctx.err.write(`error: Bind to port ${port} on ${address} failed: ${r.errno === 'EADDRINUSE' ? 'Address already in use' : 'Permission denied'}.\n`);
            await ctx.err.write('fatal: Cannot bind any address.\n');
            return 255;
          }
          if (r.kind === 'ok' && r.id !== undefined) sockets.push(r.id);
        }
      }
      void greetClients(ctx, sockets);
      return runDaemon(ctx, {
        startup,
        reload: () => ['Received SIGHUP; restarting.', ...startup],
        shutdown: ['Received signal 15; terminating.'],
      });
    }
    // without -D sshd detaches (logging to syslog, not the terminal): the parent returns at once
    await ctx.sys.fork(async (child) => {
      for (const fd of [0, 1, 2]) if (child.isOpen(fd)) child.close(fd);
      await child.call('journal', { kind: 'append', entries: startup.map((message) => ({ identifier: 'sshd', message, priority: 6 })) });
      return runDaemon(new Ctx(child), {});
    });
    return 0;
  },
});
