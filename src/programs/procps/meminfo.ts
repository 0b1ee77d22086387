// /proc/meminfo, /proc/loadavg and /proc/uptime as procps's library reads them, with the
// derived values free, top and vmstat print (procps 4: used = total - available).
import type { Sys } from '../../shared/sys';

const decoder = new TextDecoder();

async function read(sys: Sys, path: string): Promise<string> {
  try {
    return decoder.decode(await sys.readFile(path));
  } catch {
    return '';
  }
}

export interface MemInfo {
  total: number; free: number; available: number; buffers: number; cached: number; shared: number;
  reclaimable: number; swapTotal: number; swapFree: number; active: number; inactive: number;
  commitLimit: number; committedAs: number;
  /** Derived, in KiB. */
  used: number; buffCache: number; swapUsed: number;
}

export async function memInfo(sys: Sys): Promise<MemInfo> {
  const m = new Map<string, number>();
  for (const line of (await read(sys, '/proc/meminfo')).split('\n')) {
    const r = /^([^:]+):\s+(\d+)/.exec(line);
    if (r) m.set(r[1]!, Number(r[2]));
  }
  const g = (k: string): number => m.get(k) ?? 0;
  const total = g('MemTotal');
  const free = g('MemFree');
  const reclaimable = g('SReclaimable') || g('KReclaimable');
  const cached = g('Cached') + reclaimable;
  const available = m.has('MemAvailable') ? g('MemAvailable') : free;
  return {
    total, free, available, buffers: g('Buffers'), cached, shared: g('Shmem'), reclaimable,
    swapTotal: g('SwapTotal'), swapFree: g('SwapFree'), active: g('Active'), inactive: g('Inactive'),
    commitLimit: g('CommitLimit'), committedAs: g('Committed_AS'),
    used: Math.max(0, total - available), buffCache: g('Buffers') + cached, swapUsed: g('SwapTotal') - g('SwapFree'),
  };
}

export async function loadAvg(sys: Sys): Promise<[number, number, number]> {
  const f = (await read(sys, '/proc/loadavg')).split(/\s+/).map(Number);
  return [f[0] || 0, f[1] || 0, f[2] || 0];
}

/** Seconds since boot, from /proc/uptime (falls back to the clock). */
export async function uptimeSeconds(sys: Sys): Promise<number> {
  const v = Number((await read(sys, '/proc/uptime')).split(/\s+/)[0]);
  return Number.isFinite(v) && v > 0 ? v : sys.uptime() / 1000;
}

/** Number of CPUs in /proc/cpuinfo. */
export async function cpuCount(sys: Sys): Promise<number> {
  const n = (await read(sys, '/proc/cpuinfo')).split('\n').filter((l) => /^processor\s*:/.test(l)).length;
  return n || 1;
}

export async function cpuInfo(sys: Sys): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const line of (await read(sys, '/proc/cpuinfo')).split('\n')) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const k = line.slice(0, i).trim();
    if (!out.has(k)) out.set(k, line.slice(i + 1).trim());
  }
  return out;
}

export { read as readText };
