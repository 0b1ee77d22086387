import { describe, expect, it } from 'vitest';
import { saveDelay } from '../../../src/host/workspace';

describe('autosave timing', () => {
  it('saves a quarter second after the prompt when no save is recent', () => {
    expect(saveDelay(10_000, -Infinity, 0)).toBe(250);
    expect(saveDelay(10_000, 1_000, 5)).toBe(250);
  });

  it('keeps quick saves half a second apart and slow ones up to 2.5 s apart', () => {
    // a 5 ms save 100 ms ago: the next waits until 500 ms after it began
    expect(saveDelay(1_100, 1_000, 5)).toBe(400);
    // a 100 ms save (a big machine): 15 times as long, capped at 2.5 s
    expect(saveDelay(1_100, 1_000, 100)).toBe(1_400);
    expect(saveDelay(1_100, 1_000, 400)).toBe(2_400);
  });
});
