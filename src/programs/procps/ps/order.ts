// ps --sort keys and the --forest / -H tree order with its prefixes.
import { commandLine, priority, statOf, type Proc } from '../procs';

type Key = (p: Proc) => number | string;

const KEYS: Record<string, Key> = {
  pid: (p) => p.pid, ppid: (p) => p.ppid, pgid: (p) => p.pgid, pgrp: (p) => p.pgid, sid: (p) => p.sid, sess: (p) => p.sid,
  uid: (p) => p.euid, euid: (p) => p.euid, ruid: (p) => p.uid, gid: (p) => p.gid, egid: (p) => p.gid,
  user: (p) => p.user, euser: (p) => p.user, uname: (p) => p.user, ruser: (p) => p.ruser, group: (p) => p.group,
  comm: (p) => p.comm, ucmd: (p) => p.comm, ucomm: (p) => p.comm, cmd: (p) => commandLine(p), args: (p) => commandLine(p), command: (p) => commandLine(p),
  '%cpu': (p) => (p.elapsed ? p.cpu / p.elapsed : 0), pcpu: (p) => (p.elapsed ? p.cpu / p.elapsed : 0),
  '%mem': (p) => p.rss, pmem: (p) => p.rss, rss: (p) => p.rss, rssize: (p) => p.rss, rsz: (p) => p.rss,
  vsz: (p) => p.vsz, vsize: (p) => p.vsz, sz: (p) => p.vsz, size: (p) => p.vsz,
  time: (p) => p.cpu, cputime: (p) => p.cpu, bsdtime: (p) => p.cpu,
  start_time: (p) => p.startTime, start: (p) => p.startTime, stime: (p) => p.startTime, lstart: (p) => p.startTime,
  etime: (p) => p.elapsed, etimes: (p) => p.elapsed, tty: (p) => p.tty ?? '', tname: (p) => p.tty ?? '', tt: (p) => p.tty ?? '',
  stat: (p) => statOf(p), s: (p) => p.state, state: (p) => p.state, ni: (p) => p.nice, nice: (p) => p.nice, pri: (p) => priority(p),
  tpgid: (p) => p.tpgid, psr: (p) => p.psr, nlwp: (p) => p.threads, wchan: (p) => p.wchan,
};

/** A stable multi-key sort; a message (for `error: ...`) when a key is unknown. */
export function sortProcs(rows: Proc[], specs: string[]): Proc[] | string {
  const keys: { f: Key; dir: number }[] = [];
  for (const raw of specs) {
    if (raw === '') continue;
    const dir = raw.startsWith('-') ? -1 : 1;
    const name = raw.replace(/^[+-]/, '');
    const f = Object.prototype.hasOwnProperty.call(KEYS, name) ? KEYS[name] : undefined;
    if (!f) return 'unknown sort specifier';
    keys.push({ f, dir });
  }
  if (!keys.length) return rows;
  return [...rows].sort((a, b) => {
    for (const { f, dir } of keys) {
      const x = f(a);
      const y = f(b);
      if (x < y) return -dir;
      if (x > y) return dir;
    }
    return 0;
  });
}

/** Depth-first order under each root (a process whose parent is not listed). */
export function treeOrder(rows: Proc[], prefixes: Map<number, string>, style: 'ascii' | 'unix'): Proc[] {
  const listed = new Set(rows.map((p) => p.pid));
  const kids = new Map<number, Proc[]>();
  for (const p of rows) {
    if (p.pid === p.ppid || !listed.has(p.ppid)) continue;
    const l = kids.get(p.ppid) ?? [];
    l.push(p);
    kids.set(p.ppid, l);
  }
  const out: Proc[] = [];
  const walk = (p: Proc, lead: string, depth: number): void => {
    if (depth > 64) return;
    out.push(p);
    const children = kids.get(p.pid) ?? [];
    children.forEach((c, i) => {
      const more = i < children.length - 1;
      prefixes.set(c.pid, style === 'unix' ? `${lead}  ` : `${lead} \\_ `);
      walk(c, style === 'unix' ? `${lead}  ` : `${lead}${more ? ' |  ' : '    '}`, depth + 1);
    });
  };
  // the trees come last first (a process without a listed parent starts one), each one's
  // children in order: procps walks its sorted list backwards for the roots
  for (const p of [...rows].reverse()) if (p.pid === p.ppid || !listed.has(p.ppid)) walk(p, '', 0);
  return out;
}
