// The container commands other than run/create: ps, start, stop, restart, kill, rm, logs, exec,
// inspect, port, top, rename, pause/unpause, wait, prune.
import type { ContainerInfo, LogEntry } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, has, list, num, str } from './flags';
import { containerRow, formatRows, PS_TABLE, shortId } from './format';
import { containerObject, imageObject, printInspected } from './inspect';
import { readLine } from '../lib/yesno';

/** Runs `op` for each argument; errors are printed together at the end (status 1). */
async function each(ctx: Ctx, args: readonly string[], op: (a: string) => Promise<string | undefined>): Promise<number> {
  const errors: string[] = [];
  for (const a of args) {
    try {
      const line = await op(a);
      if (line !== undefined) await ctx.print(`${line}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) await ctx.err.write(`${errors.join('\n')}\n`);
  return errors.length ? 1 : 0;
}

export async function ps(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const all = bool(p, 'all') || bool(p, 'latest') || has(p, 'last');
  const r = await expect(ctx, { kind: 'ps', all }, 'containers');
  let list_ = r.containers;
  if (bool(p, 'latest')) list_ = list_.slice(0, 1);
  const last = num(p, 'last');
  if (last !== undefined && last >= 0 && has(p, 'last')) list_ = list_.slice(0, last);
  for (const f of list(p, 'filter')) list_ = list_.filter((c) => filterMatch(c, f));
  const now = ctx.sys.now();
  const trunc = !bool(p, 'no-trunc');
  if (bool(p, 'quiet')) {
    for (const c of list_) await ctx.print(`${trunc ? shortId(c.id) : c.id}\n`);
    return 0;
  }
  const format = str(p, 'format') || PS_TABLE;
  await ctx.print(formatRows(format === 'table' ? PS_TABLE : format, list_.map((c) => containerRow(c, now, trunc))));
  return 0;
}

function filterMatch(c: ContainerInfo, f: string): boolean {
  const [k, v = ''] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
  switch (k) {
    case 'status': return c.status === v;
    case 'name': return c.name.includes(v);
    case 'id': return c.id.startsWith(v);
    case 'ancestor': return c.image === v || c.image.split(':')[0] === v || c.imageId.includes(v);
    case 'exited': return c.status === 'exited' && String(c.exitCode) === v;
    case 'label': return v.includes('=') ? c.config.Labels?.[v.split('=')[0]!] === v.slice(v.indexOf('=') + 1) : (c.config.Labels ?? {})[v] !== undefined;
    default: return true;
  }
}

export async function start(ctx: Ctx, p: ParsedCommand): Promise<number> {
  if (bool(p, 'attach') && p.args.length === 1) {
    const r = await call(ctx, { kind: 'attach', id: p.args[0]! });
    return r.kind === 'exit' ? r.code : 0;
  }
  return each(ctx, p.args, async (a) => {
    await call(ctx, { kind: 'start', id: a });
    return a;
  });
}

export async function stop(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const timeout = num(p, 'time') ?? num(p, 'timeout');
  const signal = str(p, 'signal') || undefined;
  return each(ctx, p.args, async (a) => {
    await call(ctx, { kind: 'stop', id: a, ...(has(p, 'time') || has(p, 'timeout') ? { timeout } : {}), ...(signal ? { signal } : {}) });
    return a;
  });
}

export async function restart(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const timeout = num(p, 'time') ?? num(p, 'timeout');
  return each(ctx, p.args, async (a) => {
    await call(ctx, { kind: 'restart', id: a, ...(has(p, 'time') || has(p, 'timeout') ? { timeout } : {}) });
    return a;
  });
}

export async function kill(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const signal = str(p, 'signal') || 'KILL';
  return each(ctx, p.args, async (a) => {
    await call(ctx, { kind: 'kill', id: a, signal });
    return a;
  });
}

export async function rm(ctx: Ctx, p: ParsedCommand): Promise<number> {
  return each(ctx, p.args, async (a) => {
    await call(ctx, { kind: 'rm', id: a, force: bool(p, 'force'), volumes: bool(p, 'volumes') });
    return a;
  });
}

export async function pause(ctx: Ctx, p: ParsedCommand, on: boolean): Promise<number> {
  return each(ctx, p.args, async (a) => {
    await call(ctx, { kind: on ? 'pause' : 'unpause', id: a });
    return a;
  });
}

export async function wait(ctx: Ctx, p: ParsedCommand): Promise<number> {
  return each(ctx, p.args, async (a) => String((await expect(ctx, { kind: 'wait', id: a }, 'exit')).code));
}

export async function rename(ctx: Ctx, p: ParsedCommand): Promise<number> {
  await call(ctx, { kind: 'rename', id: p.args[0]!, name: p.args[1]! });
  return 0;
}

function logLine(e: LogEntry, timestamps: boolean): string {
  const ts = timestamps ? `${new Date(e.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : '';
  return `${ts}${e.text}`;
}

export async function logs(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const id = p.args[0]!;
  const timestamps = bool(p, 'timestamps');
  const r = await expect(ctx, { kind: 'logs', id }, 'logs');
  let entries = r.entries;
  const tail = str(p, 'tail');
  if (tail && tail !== 'all' && /^\d+$/.test(tail)) entries = Number(tail) === 0 ? [] : entries.slice(-Number(tail));
  const emit = async (list_: LogEntry[]): Promise<void> => {
    for (const e of list_) {
      if (e.stream === 'stderr') {
        // each stream keeps its order; the two interleave as they were logged
        await ctx.out.flush();
        await ctx.err.write(logLine(e, timestamps));
      } else await ctx.print(logLine(e, timestamps));
    }
    await ctx.out.flush();
  };
  await emit(entries);
  if (!bool(p, 'follow')) return 0;
  let last = r.entries.at(-1)?.time ?? 0;
  let running = r.running;
  while (running) {
    const next = await expect(ctx, { kind: 'logs-wait', id, after: last }, 'logs');
    await emit(next.entries);
    if (next.entries.length) last = next.entries.at(-1)!.time;
    running = next.running;
  }
  return 0;
}

export async function exec(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const [id, ...cmd] = p.args;
  const env = list(p, 'env').map((e) => (e.includes('=') ? e : `${e}=${ctx.env.get(e) ?? ''}`));
  const tty = bool(p, 'tty');
  if (tty && bool(p, 'interactive') && !bool(p, 'detach') && !ctx.sys.isatty(0)) {
    await ctx.err.write('the input device is not a TTY\n');
    return 1;
  }
  if (tty) ctx.sys.signal(2, 'ignore');
  let r;
  try {
    r = await call(ctx, {
    kind: 'exec', id: id!,
    spec: { cmd, env, tty, interactive: bool(p, 'interactive'), detach: bool(p, 'detach'), ...(has(p, 'workdir') ? { workdir: str(p, 'workdir') } : {}), ...(has(p, 'user') ? { user: str(p, 'user') } : {}) },
    });
  } catch (e) {
    // the runtime's refusal reaches the client as the exec's own error, status 126
    if (e instanceof DaemonError && e.status === 126) {
      await ctx.err.write(`${e.message.replace(/^Error response from daemon: /, '')}\n`);
      return 126;
    }
    throw e;
  }
  return r.kind === 'exit' ? r.code : 0;
}

export async function inspect(ctx: Ctx, p: ParsedCommand, kind?: 'container' | 'image'): Promise<number> {
  const objects: unknown[] = [];
  const errors: string[] = [];
  const type = str(p, 'type') || kind;
  for (const a of p.args) {
    let found: unknown;
    if (type !== 'image') {
      const r = (await ctx.sys.call('docker', { kind: 'inspect', id: a })) as { kind: string; container?: ContainerInfo };
      if (r.kind === 'not-running') await call(ctx, { kind: 'connect' });
      if (r.kind === 'container') found = containerObject(r.container!);
    }
    if (found === undefined && type !== 'container') {
      const r = (await ctx.sys.call('docker', { kind: 'image-inspect', ref: a })) as { kind: string; image?: import('../../shared/services/docker').ImageInfo };
      if (r.kind === 'image') found = imageObject(r.image!);
    }
    if (found === undefined) errors.push(type === 'image' ? `Error response from daemon: No such image: ${a}` : type === 'container' ? `Error response from daemon: No such container: ${a}` : `Error: No such object: ${a}`);
    else objects.push(found);
  }
  return printInspected(ctx, objects, errors, str(p, 'format'));
}

export async function port(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const r = await expect(ctx, { kind: 'inspect', id: p.args[0]! }, 'container');
  const c = r.container;
  const want = p.args[1];
  const keys = Object.keys(c.published).sort((a, b) => Number(a.split('/')[0]) - Number(b.split('/')[0]));
  if (want !== undefined) {
    const key = want.includes('/') ? want : `${want}/tcp`;
    const b = c.published[key];
    if (!b) {
      await ctx.err.write(`Error: No public port '${key}' published for ${p.args[0]}\n`);
      return 1;
    }
    for (const x of b) await ctx.print(`${x.HostIp === '::' ? '[::]' : x.HostIp || '0.0.0.0'}:${x.HostPort}\n`);
    return 0;
  }
  for (const k of keys) for (const x of c.published[k]!) await ctx.print(`${k} -> ${x.HostIp === '::' ? '[::]' : x.HostIp || '0.0.0.0'}:${x.HostPort}\n`);
  return 0;
}

export async function top(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const r = await expect(ctx, { kind: 'top', id: p.args[0]! }, 'top');
  const { tabwrite } = await ctx.sys.loadCode(() => import('../../shared/tabwriter'));
  const lines = [r.titles.join('\t'), ...r.processes.map((row) => row.join('\t'))].join('\n');
  await ctx.print(tabwrite(`${lines}\n`, { minwidth: 20, padding: 3 }));
  return 0;
}

export async function containerPrune(ctx: Ctx, p: ParsedCommand): Promise<number> {
  if (!bool(p, 'force')) {
    await ctx.print('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
    await ctx.out.flush();
    const answer = (await readLine(ctx, 0)) ?? '';
    if (!/^y(es)?$/i.test(answer.trim())) return 0;
  }
  const r = await expect(ctx, { kind: 'prune', what: 'containers' }, 'pruned');
  if (r.deleted.length) await ctx.print(`Deleted Containers:\n${r.deleted.map((d) => `${d}\n`).join('')}\n`);
  await ctx.print('Total reclaimed space: 0B\n');
  return 0;
}
