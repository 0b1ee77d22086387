// The inline script that starts the machine's worker from index.html (src/ui/early-boot.ts,
// bundled by scripts/vite-early-boot.ts) and the policy that allows it by hash.
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { earlyBoot, earlyBootScript, workerFile } from '../../../scripts/vite-early-boot';
import { CONTENT_SECURITY_POLICY, policyWithScripts } from '../../../src/ui/content-security-policy';

describe('early boot', () => {
  it('finds the one machine worker among the build files', () => {
    expect(workerFile(['index.html', 'assets/index-a1.js', 'assets/worker-Bty_D-9z.js', 'assets/App-x.css'])).toBe('assets/worker-Bty_D-9z.js');
    expect(() => workerFile(['assets/index-a1.js'])).toThrow(/found none/);
    expect(() => workerFile(['assets/worker-a.js', 'assets/worker-b.js'])).toThrow(/found assets\/worker-a.js, assets\/worker-b.js/);
  });

  it('goes right after the module script, so that neither the entry nor the style sheet waits for it', async () => {
    const html = [
      '<head>',
      '<meta charset="UTF-8" />',
      '<script type="module" crossorigin src="./assets/index-a1.js"></script>',
      '<link rel="stylesheet" crossorigin href="./assets/index-b2.css">',
      '</head>',
    ].join('\n');
    const hook = earlyBoot().transformIndexHtml as { handler: (html: string, ctx: { bundle: Record<string, unknown> }) => Promise<string> };
    const out = await hook.handler(html, { bundle: { 'assets/index-a1.js': {}, 'assets/worker-w3.js': {} } });
    const at = (re: RegExp): number => out.search(re);
    expect(at(/<script type="module"/)).toBeGreaterThan(-1);
    expect(at(/<script>"use strict"/)).toBeGreaterThan(at(/<script type="module"/));
    expect(at(/<link rel="stylesheet"/)).toBeGreaterThan(at(/<script>"use strict"/));
    expect(out).toContain('./assets/worker-w3.js');
  });

  /** Runs the inline script with `saved` in localStorage; what it did, in order. */
  async function run(store: Map<string, string>) {
    const code = await earlyBootScript('./assets/worker-abc.js');
    expect(code).not.toMatch(/<\/script/i);
    const events: string[] = [];
    const started: { url: string; opts: { type: string; name: string }; terminated: boolean }[] = [];
    const listeners: ((e: { data: unknown }) => void)[] = [];
    const sandbox: Record<string, unknown> = {
      Worker: class {
        private readonly rec: (typeof started)[number];
        constructor(url: string, opts: { type: string; name: string }) {
          events.push('worker');
          this.rec = { url, opts, terminated: false };
          started.push(this.rec);
        }
        terminate(): void {
          events.push('terminate');
          this.rec.terminated = true;
        }
        addEventListener(type: string, l: (e: { data: unknown }) => void): void {
          if (type === 'message') listeners.push(l);
        }
      },
      window: {
        innerWidth: 1280,
        innerHeight: 720,
        localStorage: {
          getItem: (k: string) => {
            events.push(`storage ${k}`);
            return store.get(k) ?? null;
          },
        },
      },
      document: {},
      JSON,
      Math,
      Date,
      performance: { mark: () => undefined },
    };
    sandbox.globalThis = sandbox;
    runInNewContext(code, sandbox);
    const options = (i: number) => {
      const name = started[i]!.opts.name;
      expect(name.startsWith('photon-machine {')).toBe(true);
      return JSON.parse(name.slice(name.indexOf(' ') + 1)) as { cols: number; rows: number; resume: boolean; start: number };
    };
    const early = sandbox.__photonEarly as { worker: unknown; size: { cols: number; rows: number }; screens: string[]; show?: (t: string) => void };
    return { events, started, listeners, options, early };
  }

  it('starts the worker before anything reads localStorage, at the default layout\'s size, and leaves it for the page entry', async () => {
    // a remembered panel layout does not hold the worker up: the terminal sends its size when it opens
    const { events, started, listeners, options, early } = await run(new Map([['photon.panel', '{"width":300,"collapsed":true}']]));
    expect(events[0]).toBe('worker');
    expect(events).not.toContain('terminate');
    expect(started).toHaveLength(1);
    expect(started[0]!.url).toBe('./assets/worker-abc.js');
    expect(started[0]!.opts.type).toBe('module');
    expect(options(0).resume).toBe(false);
    expect(early.size).toEqual({ cols: options(0).cols, rows: options(0).rows });
    // 1280 px less the default lesson panel (400 + 6), padding and scrollbar, in 15 px DejaVu cells
    expect(options(0).cols).toBe(Math.floor((1280 - 406 - 6 - 14) / (15 * 0.602)));
    expect(options(0).rows).toBe(Math.floor((720 - 27 - 4) / 18));
    // a first screen the worker posts before the page entry listens is kept for it, one after
    // that goes to the page entry's show(); other messages (heartbeats) are not screens
    for (const l of listeners) l({ data: { photonHeartbeat: 1 } });
    for (const l of listeners) l({ data: { photonFirstScreen: 'boot log\r\nroot@photon-machine [ ~ ]# ' } });
    expect(early.screens).toEqual(['boot log\r\nroot@photon-machine [ ~ ]# ']);
    const shown: string[] = [];
    early.show = (t) => void shown.push(t);
    for (const l of listeners) l({ data: { photonFirstScreen: 'later' } });
    expect(shown).toEqual(['later']);
  });

  it('replaces that worker at once with one that resumes, where a machine was saved in this browser', async () => {
    const { events, started, options, early } = await run(new Map([['photon.saved', '1']]));
    expect(events.slice(0, 1)).toEqual(['worker']);
    expect(events.slice(-2)).toEqual(['terminate', 'worker']);
    expect(started).toHaveLength(2);
    expect(started[0]!.terminated).toBe(true);
    expect(started[1]!.terminated).toBe(false);
    expect(options(0).resume).toBe(false);
    expect(options(1).resume).toBe(true);
    expect(options(1).cols).toBe(options(0).cols);
    expect(early.size).toEqual({ cols: options(1).cols, rows: options(1).rows });
  });

  it('a failing Worker constructor leaves the start to the page entry', async () => {
    const code = await earlyBootScript('./assets/worker-abc.js');
    const sandbox: Record<string, unknown> = {
      Worker: class {
        constructor() {
          throw new Error('no workers here');
        }
      },
      window: { innerWidth: 800, innerHeight: 600, localStorage: { getItem: () => null } },
      document: {},
      JSON,
      Math,
      Date,
    };
    sandbox.globalThis = sandbox;
    expect(() => runInNewContext(code, sandbox)).not.toThrow();
    expect(sandbox.__photonEarly).toBeUndefined();
  });

  it('the policy allows inline scripts only by their hashes', () => {
    expect(policyWithScripts([])).toBe(CONTENT_SECURITY_POLICY);
    const hash = createHash('sha256').update('x()').digest('base64');
    const policy = policyWithScripts([hash]);
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
