import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { consoleReceiver, consoleSender } from '../../../src/shared/console-channel';

describe('console channel', () => {
  it('delivers chunks in order and settles each send once the page has shown it', async () => {
    const { port1, port2 } = new MessageChannel();
    const shown: string[] = [];
    const release: (() => void)[] = [];
    consoleReceiver(port2 as unknown as MessagePort, (chunk) => new Promise<void>((r) => release.push(() => (shown.push(chunk), r()))));
    const send = consoleSender(port1 as unknown as MessagePort);
    const settled: string[] = [];
    const a = send('boot log\r\n').then(() => settled.push('a'));
    const b = send('prompt# ').then(() => settled.push('b'));
    await expect.poll(() => release.length).toBe(2);
    expect(settled).toEqual([]);
    release[0]!();
    await a;
    expect(settled).toEqual(['a']);
    release[1]!();
    await b;
    expect(shown).toEqual(['boot log\r\n', 'prompt# ']);
    expect(settled).toEqual(['a', 'b']);
    // the queue starts over once drained
    const c = send('more');
    await expect.poll(() => release.length).toBe(3);
    release[2]!();
    await c;
    expect(shown.at(-1)).toBe('more');
    port1.close();
    port2.close();
  });
});
