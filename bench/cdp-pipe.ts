// Chromium driven over its DevTools pipe (--remote-debugging-pipe), with nothing attached to a
// page but what the caller asks for. Playwright attaches to every worker a page starts and holds
// it until the harness has answered (waitForDebuggerOnStart): a round trip to Node on the way of a
// page whose machine runs in a worker, and none on the way of the xterm.js-only page.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/chromium.mjs';

type Json = Record<string, unknown>;
interface Message { id?: number; method?: string; params?: Json; result?: Json; error?: { message: string }; sessionId?: string }

export class CdpBrowser {
  private next = 1;
  private pending = new Map<number, { resolve: (r: Json) => void; reject: (e: Error) => void }>();
  private listeners = new Set<(m: Message) => void>();
  private constructor(private proc: ChildProcess, private profile: string, private out: Writable) {}

  static async launch(): Promise<CdpBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'photon-bench-'));
    const proc = spawn(findChromium(), [...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const b = new CdpBrowser(proc, profile, proc.stdio[3] as Writable);
    let buf = '';
    (proc.stdio[4] as Readable).on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nul: number;
      while ((nul = buf.indexOf('\0')) >= 0) {
        const m = JSON.parse(buf.slice(0, nul)) as Message;
        buf = buf.slice(nul + 1);
        b.dispatch(m);
      }
    });
    await b.send('Browser.getVersion');
    return b;
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result ?? {});
      return;
    }
    for (const l of this.listeners) l(m);
  }

  send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    const id = this.next++;
    this.out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Resolves with the first event `method` (of `sessionId`) for which `pick` gives a value. */
  waitFor<T>(method: string, sessionId: string | undefined, pick: (params: Json) => T | undefined, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out after ${ms} ms waiting for ${method}`));
      }, ms);
      const l = (m: Message): void => {
        if (m.method !== method || (sessionId && m.sessionId !== sessionId)) return;
        const v = pick(m.params ?? {});
        if (v === undefined) return;
        clearTimeout(timer);
        this.listeners.delete(l);
        resolve(v);
      };
      this.listeners.add(l);
    });
  }

  /** Pushes onto `into` what `pick` gives for every event `method` of `sessionId`, until stop(). */
  collect<T>(method: string, sessionId: string, pick: (params: Json) => T | undefined, into: T[]): { stop(): void } {
    const l = (m: Message): void => {
      if (m.method !== method || m.sessionId !== sessionId) return;
      const v = pick(m.params ?? {});
      if (v !== undefined) into.push(v);
    };
    this.listeners.add(l);
    return { stop: () => this.listeners.delete(l) };
  }

  async version(): Promise<string> {
    const v = await this.send('Browser.getVersion');
    return String(v.product).replace(/^[^/]*\//, '');
  }

  async close(): Promise<void> {
    await this.send('Browser.close').catch(() => {});
    await new Promise((r) => (this.proc.exitCode === null ? this.proc.once('exit', r) : r(null)));
    rmSync(this.profile, { recursive: true, force: true });
  }
}
