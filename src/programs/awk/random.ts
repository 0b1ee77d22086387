// rand(): the same sequence as gawk, whose random() is BSD random (TYPE_4) with a shuffle table.

/** gawk's random(): BSD random TYPE_4 (degree 63) behind a 512-entry shuffle table. */
export function makeRandom(seed: number): () => number {
  const deg = 63;
  const st = new Uint32Array(deg);
  let f = 1;
  let r = 0;
  let fresh = true;
  const shuffle = new Array<number>(512).fill(0);
  let s = 0xcafefeed;
  const good = (x0: number): number => {
    let x = x0 | 0;
    if (x === 0) x = 123459876;
    const hi = (x / 127773) | 0;
    const lo = x % 127773;
    x = (16807 * lo - 2836 * hi) | 0;
    if (x < 0) x += 0x7fffffff;
    return x >>> 0;
  };
  const old = (): number => {
    st[f] = (st[f]! + st[r]!) >>> 0;
    const v = (st[f]! >>> 1) & 0x7fffffff;
    if (++f >= deg) {
      f = 0;
      ++r;
    } else if (++r >= deg) r = 0;
    return v;
  };
  const random = (): number => {
    if (fresh) {
      for (let k = 0; k < 512; k++) shuffle[k] = old();
      s = old();
      fresh = false;
    }
    const x = old();
    const k = s & 511;
    s = shuffle[k]!;
    shuffle[k] = x;
    return s;
  };
  st[0] = seed >>> 0;
  for (let i = 1; i < deg; i++) st[i] = good(st[i - 1]!);
  for (let i = 0; i < 10 * deg; i++) random();
  const D = 2147483648;
  return () => {
    for (;;) {
      const d1 = random();
      const d2 = random();
      const t = 0.5 + (d1 / D + d2) / D - 0.5;
      if (t !== 1) return t;
    }
  };
}
