// The machine's memory: what processes allocate (Sys.alloc, their heap) and what tmpfs holds
// are charged here, so /proc/meminfo and free follow them, RLIMIT_AS (ulimit -v) makes an
// allocation fail with ENOMEM, and when memory runs out the OOM killer (mm/oom_kill.c) kills
// the process using the most and logs why to the kernel ring buffer.
//
// Two budgets apply. The VM's 2 GB, as /proc/meminfo counts it; and what the browser tab can
// really hold: program heaps are JavaScript memory, so together they may not pass
// `heapQuota` (the machine's option; 128 MiB unless set). The second is usually the one
// reached first; the OOM killer then acts as it would at the first.
import { SysError } from '../shared/errno';
import { FOOTPRINT_KB } from '../shared/footprints';
import { SIGNALS } from '../shared/signals';
import { ProcessKilled } from './errors';
import type { Kernel } from './kernel';
import type { Process } from './process';

export const PAGE = 4096;
export const MEM_TOTAL_KB = 2014256;
// /proc/meminfo right after boot (kB), before anything the learner runs
const BOOT = {
  free: 1623412, available: 1795320, buffers: 2148, cached: 216372, active: 98412, inactive: 160220,
  shmem: 1120, slab: 42816, commitLimit: 1007128, committed: 291880,
};
/** What the kernel keeps free for itself (watermarks): allocations stop short of it. */
const RESERVE_KB = 65536;

/** A program FOOTPRINT_KB does not list. */
const DEFAULT_FOOTPRINT: readonly [number, number] = [6_440, 1_960];
// OOMScoreAdjust= of Photon's units (systemd-udevd.service, systemd-journald.service)
const SCORE_ADJ: Record<string, number> = { 'systemd-udevd': -1000, 'systemd-journal': -250 };

export class Memory {
  /** Heap bytes all processes hold together. */
  heapTotal = 0;
  /** Active swap areas (swapon(2), kernel/swap.ts), in /proc/swaps order; none is ever used. */
  swaps: { node: unknown; name: string; kb: number; prio: number }[] = [];
  /** The priority the last swap area without one was given (they count down from -2). */
  swapLeast = -1;
  private bootShmem: number | undefined;

  constructor(
    private readonly k: Kernel,
    /** The real bytes program heaps may hold together (the tab's budget). */
    readonly heapQuota: number,
  ) {}

  /** A new process's OOM score adjustment: its unit's OOMScoreAdjust=, or its parent's. */
  scoreAdjFor(comm: string, parent: Process | undefined): number {
    return SCORE_ADJ[comm] ?? parent?.oomScoreAdj ?? 0;
  }

  private footprint(p: Process): readonly [number, number] {
    return FOOTPRINT_KB[p.comm.replace(/^-/, '')] ?? DEFAULT_FOOTPRINT;
  }

  /** VmSize in bytes. */
  vmSize(p: Process): number {
    return this.footprint(p)[0] * 1024 + p.heap;
  }

  /** VmRSS in bytes, and its parts: anonymous (the heap and the program's data) and file-backed (its code). */
  rss(p: Process): { total: number; anon: number; file: number } {
    const base = this.footprint(p)[1] * 1024;
    const file = Math.floor((base * 0.6) / PAGE) * PAGE;
    const anon = base - file + p.heap;
    return { total: anon + file, anon, file };
  }

  /** Page tables, in bytes: a few pages, and one more for each 2 MiB mapped. */
  pgtables(p: Process): number {
    return PAGE * (8 + Math.ceil(this.vmSize(p) / (2 * 1024 * 1024)));
  }

  private tmpfsKb(): number {
    let bytes = 0;
    for (const fs of this.k.vfs.filesystems) if (!fs.unmounted && (fs.type === 'tmpfs' || fs.type === 'devtmpfs')) bytes += fs.stored;
    return Math.floor(bytes / 1024);
  }

  /** The boot's RAM filesystems are in place: what they hold now is part of the boot figures. */
  markBoot(): void {
    this.bootShmem = this.tmpfsKb();
  }

  /** Kilobytes tmpfs holds beyond what it held at boot (shared memory). */
  private shmemKb(): number {
    return Math.max(0, this.tmpfsKb() - (this.bootShmem ?? 0));
  }

  availableKb(): number {
    return BOOT.available - Math.ceil(this.heapTotal / 1024) - this.shmemKb();
  }

  /**
   * Grows `p`'s heap by `bytes` (shrinks it when negative). ENOMEM past RLIMIT_AS; when memory
   * is short the OOM killer runs, and if it picks `p` the process dies (ProcessKilled).
   */
  charge(p: Process, bytes: number): void {
    if (!Number.isFinite(bytes)) throw new SysError('ENOMEM', 'mmap');
    if (bytes <= 0) {
      const give = Math.min(p.heap, -bytes);
      p.heap -= give;
      this.heapTotal -= give;
      return;
    }
    if (this.vmSize(p) + bytes > p.rlimits.as.soft) throw new SysError('ENOMEM', 'mmap');
    for (let round = 0; !this.fits(bytes); round++) {
      const victim = round < 16 ? this.outOfMemory(p, bytes) : undefined;
      // nothing left to kill: the allocation fails
      if (!victim) throw new SysError('ENOMEM', 'mmap');
      if (victim === p) throw new ProcessKilled(p.pid);
    }
    p.heap += bytes;
    this.heapTotal += bytes;
  }

  /** Bytes `p` could allocate now without passing RLIMIT_AS or waking the OOM killer. */
  room(p: Process): number {
    return Math.max(0, Math.min(p.rlimits.as.soft - this.vmSize(p), this.heapQuota - this.heapTotal, (this.availableKb() - RESERVE_KB) * 1024));
  }

  private fits(bytes: number): boolean {
    return this.heapTotal + bytes <= this.heapQuota && (this.availableKb() - RESERVE_KB) * 1024 >= bytes;
  }

  /** A process ended: its memory is free again. */
  release(p: Process): void {
    this.heapTotal -= p.heap;
    p.heap = 0;
  }

  /** /proc/meminfo. */
  meminfo(): string {
    const heapKb = Math.ceil(this.heapTotal / 1024);
    const shm = this.shmemKb();
    const used = heapKb + shm;
    const swap = this.swaps.reduce((a, w) => a + w.kb, 0);
    const rows: [string, number][] = [
      ['MemTotal', MEM_TOTAL_KB], ['MemFree', Math.max(0, BOOT.free - used)], ['MemAvailable', Math.max(0, BOOT.available - used)],
      ['Buffers', BOOT.buffers], ['Cached', BOOT.cached + shm], ['SwapCached', 0], ['Active', BOOT.active + heapKb],
      ['Inactive', BOOT.inactive + shm], ['SwapTotal', swap], ['SwapFree', swap], ['Shmem', BOOT.shmem + shm], ['Slab', BOOT.slab],
      ['CommitLimit', BOOT.commitLimit], ['Committed_AS', BOOT.committed + heapKb],
    ];
    return rows.map(([n, v]) => `${`${n}:`.padEnd(16)}${String(v).padStart(8)} kB\n`).join('');
  }

  /** /proc/swaps: the name padded to 40 columns (blanks and backslashes octal), sizes in kB. */
  swapsText(): string {
    return `Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n${this.swaps.map((w) => {
      const name = w.name.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
      return `${name.padEnd(39)} file\t\t${w.kb}\t${w.kb < 1e7 ? '\t' : ''}0\t\t${w.prio}\n`;
    }).join('')}`;
  }

  /** The mappings' sizes in bytes: data (heap and the program's own), stack, code, libraries. */
  private mapped(p: Process): { data: number; stack: number; exe: number; lib: number } {
    const vm = this.vmSize(p);
    return { data: Math.max(0, vm - this.footprint(p)[0] * 1024) + 360 * 1024, stack: 132 * 1024, exe: Math.min(vm, 740 * 1024), lib: Math.min(vm, 2_100 * 1024) };
  }

  /** The memory lines of /proc/<pid>/status. */
  statusLines(p: Process): string[] {
    // the kernel counts pages: every figure is a whole number of them
    const kb = (b: number): string => `${String(Math.ceil(b / PAGE) * (PAGE / 1024)).padStart(8)} kB`;
    const vm = this.vmSize(p);
    const r = this.rss(p);
    const m = this.mapped(p);
    return [
      `VmPeak:\t${kb(vm)}`, `VmSize:\t${kb(vm)}`, `VmLck:\t${kb(0)}`, `VmPin:\t${kb(0)}`, `VmHWM:\t${kb(r.total)}`, `VmRSS:\t${kb(r.total)}`,
      `RssAnon:\t${kb(r.anon)}`, `RssFile:\t${kb(r.file)}`, `RssShmem:\t${kb(0)}`, `VmData:\t${kb(m.data)}`,
      `VmStk:\t${kb(m.stack)}`, `VmExe:\t${kb(m.exe)}`, `VmLib:\t${kb(m.lib)}`, `VmPTE:\t${kb(this.pgtables(p))}`, `VmSwap:\t${kb(0)}`,
    ];
  }

  /**
   * /proc/<pid>/statm, in pages: size, resident, shared (file-backed resident), text, lib
   * (always 0 since Linux 2.6), data (data + stack), dt (always 0).
   */
  statm(p: Process): number[] {
    const pages = (b: number): number => Math.ceil(b / PAGE);
    const r = this.rss(p);
    const m = this.mapped(p);
    return [pages(this.vmSize(p)), pages(r.total), pages(r.file), pages(m.exe), 0, pages(m.data + m.stack), 0];
  }

  // ---- the OOM killer ----

  /**
   * out_of_memory(): picks the process with the highest badness, logs the report, kills it.
   * The allocating process counts with what it is asking for (Linux would find it holding
   * those pages, faulted in one by one).
   */
  private outOfMemory(current: Process, bytes: number): Process | undefined {
    this.pending = { p: current, bytes };
    try {
      const victim = this.selectBadProcess();
      if (!victim) return undefined;
      this.report(current, victim);
      this.k.signal(victim, SIGNALS.SIGKILL);
      return victim;
    } finally {
      this.pending = undefined;
    }
  }

  /** The allocation the OOM killer is running for. */
  private pending: { p: Process; bytes: number } | undefined;

  /** Resident bytes, with the allocation in progress for the process making it. */
  private resident(p: Process): { total: number; anon: number; file: number } {
    const r = this.rss(p);
    const extra = this.pending?.p === p ? this.pending.bytes : 0;
    return { total: r.total + extra, anon: r.anon + extra, file: r.file };
  }

  /** oom_badness(): resident pages and page tables, moved by oom_score_adj; -1000 is never chosen. */
  private badness(p: Process): number {
    if (p.oomScoreAdj === -1000) return -Infinity;
    const pages = (this.resident(p).total + this.pgtables(p)) / PAGE;
    return pages + (p.oomScoreAdj * (MEM_TOTAL_KB / 4)) / 1000;
  }

  /** The processes the OOM killer considers: not init, not already dead. */
  private candidates(): Process[] {
    return [...this.k.procs.values()].filter((p) => p.pid !== 1 && p.state !== 'zombie' && !p.killed);
  }

  private selectBadProcess(): Process | undefined {
    let chosen: Process | undefined;
    let points = -Infinity;
    for (const p of this.candidates()) {
      const b = this.badness(p);
      if (b === -Infinity || b < points) continue;
      chosen = p;
      points = b;
    }
    return chosen;
  }

  /** dump_header(), dump_tasks(), dump_oom_summary() and __oom_kill_process()'s lines, as linux 6.1 prints them. */
  private report(current: Process, victim: Process): void {
    const k = this.k;
    const t = (k.clock.now() - k.bootedAt) / 1000;
    const log = (level: number, text: string): void => k.klog.log(level, t, text);
    const cpu = current.pid % 2;
    log(4, `${current.comm} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=${current.oomScoreAdj}`);
    log(4, `CPU: ${cpu} PID: ${current.pid} Comm: ${current.comm} Not tainted ${k.identity.release} ${k.identity.version.split(' ')[0]}`);
    log(4, 'Hardware name: VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform, BIOS 6.00 11/12/2020');
    log(4, 'Call Trace:');
    for (const frame of [' <TASK>', ' dump_stack_lvl+0x45/0x5e', ' dump_header+0x4a/0x1f4', ' oom_kill_process.cold+0xb/0x10',
      ' out_of_memory+0x1ed/0x2e0', ' __alloc_pages_slowpath.constprop.0+0xb8e/0xc70', ' __alloc_pages+0x21a/0x240',
      ' __folio_alloc+0x17/0x50', ' vma_alloc_folio+0x9d/0x370', ' __handle_mm_fault+0x8f7/0xf80', ' handle_mm_fault+0xd7/0x2c0',
      ' do_user_addr_fault+0x1c5/0x660', ' exc_page_fault+0x7b/0x180', ' asm_exc_page_fault+0x22/0x30', ' </TASK>']) log(4, frame);
    const pages = (kb: number): number => Math.floor(kb / 4);
    const availPages = pages(Math.max(0, this.availableKb()));
    const heapPages = pages(Math.ceil(this.heapTotal / 1024));
    const shmPages = pages(this.shmemKb() + BOOT.shmem);
    log(4, 'Mem-Info:');
    log(4, [
      `active_anon:${pages(BOOT.active) + heapPages} inactive_anon:${pages(24_616)} isolated_anon:0`,
      ` active_file:${pages(BOOT.cached / 2)} inactive_file:${pages(BOOT.cached / 3)} isolated_file:0`,
      ' unevictable:0 dirty:0 writeback:0',
      ` slab_reclaimable:${pages(BOOT.slab * 0.45)} slab_unreclaimable:${pages(BOOT.slab * 0.55)}`,
      ` mapped:${pages(61_440)} shmem:${shmPages} pagetables:${pages(4_096)}`,
      ' sec_pagetables:0 bounce:0',
      ' kernel_misc_reclaimable:0',
      ` free:${Math.max(0, availPages - pages(BOOT.cached))} free_pcp:62 free_cma:0`,
    ].join('\n'));
    log(6, `${pages(BOOT.cached) + shmPages} total pagecache pages`);
    log(6, '0 pages in swap cache');
    log(6, 'Free swap  = 0kB');
    log(6, 'Total swap = 0kB');
    log(6, '524174 pages RAM');
    log(6, '0 pages HighMem/MovableOnly');
    log(6, '20610 pages reserved');
    log(6, '0 pages hwpoisoned');
    log(6, 'Tasks state (memory values in pages):');
    log(6, '[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name');
    for (const p of [...this.candidates()].sort((a, b) => a.pid - b.pid)) {
      const rss = Math.ceil(this.resident(p).total / PAGE);
      const vm = Math.ceil((this.vmSize(p) + (this.pending?.p === p ? this.pending.bytes : 0)) / PAGE);
      log(6, `[${String(p.pid).padStart(7)}] ${String(p.cred.uid).padStart(5)} ${String(p.pid).padStart(5)} ${String(vm).padStart(8)} ${String(rss).padStart(8)} ${String(this.pgtables(p)).padStart(8)} ${'0'.padStart(8)}         ${String(p.oomScoreAdj).padStart(5)} ${p.comm}`);
    }
    log(6, `oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=${victim.cgroup},task=${victim.comm},pid=${victim.pid},uid=${victim.cred.uid}`);
    const r = this.resident(victim);
    const vm = this.vmSize(victim) + (this.pending?.p === victim ? this.pending.bytes : 0);
    log(3, `Out of memory: Killed process ${victim.pid} (${victim.comm}) total-vm:${Math.ceil(vm / 1024)}kB, anon-rss:${Math.ceil(r.anon / 1024)}kB, file-rss:${Math.ceil(r.file / 1024)}kB, shmem-rss:0kB, UID:${victim.cred.uid} pgtables:${this.pgtables(victim) / 1024}kB oom_score_adj:${victim.oomScoreAdj}`);
  }
}
