// gnulib diffseq.h (Myers' middle-snake search with diff's heuristics) and analyze.c's
// shift_boundaries, ported step for step: the same choices give the same hunks.

const SNAKE_LIMIT = 20;

interface Ctx {
  xv: number[];
  yv: number[];
  fd: Int32Array;
  bd: Int32Array;
  /** Offset added to diagonal numbers to index fd/bd. */
  off: number;
  heuristic: boolean;
  tooExpensive: number;
  noteDelete: (x: number) => void;
  noteInsert: (y: number) => void;
}

interface Part {
  xmid: number;
  ymid: number;
  loMinimal: boolean;
  hiMinimal: boolean;
}

const OFFSET_MAX = 0x7fffffff;

function diag(xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean, c: Ctx): Part {
  const { xv, yv, fd, bd, off } = c;
  const dmin = xoff - ylim;
  const dmax = xlim - yoff;
  const fmid = xoff - yoff;
  const bmid = xlim - ylim;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  const odd = ((fmid - bmid) & 1) !== 0;
  fd[fmid + off] = xoff;
  bd[bmid + off] = xlim;
  for (let cost = 1; ; ++cost) {
    let bigSnake = false;
    if (fmin > dmin) fd[--fmin - 1 + off] = -1;
    else ++fmin;
    if (fmax < dmax) fd[++fmax + 1 + off] = -1;
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      const tlo = fd[d - 1 + off]!;
      const thi = fd[d + 1 + off]!;
      const x0 = tlo < thi ? thi : tlo + 1;
      let x = x0;
      let y = x0 - d;
      while (x < xlim && y < ylim && xv[x] === yv[y]) {
        x++;
        y++;
      }
      if (x - x0 > SNAKE_LIMIT) bigSnake = true;
      fd[d + off] = x;
      if (odd && bmin <= d && d <= bmax && bd[d + off]! <= x) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
    }
    if (bmin > dmin) bd[--bmin - 1 + off] = OFFSET_MAX;
    else ++bmin;
    if (bmax < dmax) bd[++bmax + 1 + off] = OFFSET_MAX;
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      const tlo = bd[d - 1 + off]!;
      const thi = bd[d + 1 + off]!;
      const x0 = tlo < thi ? tlo : thi - 1;
      let x = x0;
      let y = x0 - d;
      while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
        x--;
        y--;
      }
      if (x0 - x > SNAKE_LIMIT) bigSnake = true;
      bd[d + off] = x;
      if (!odd && fmin <= d && d <= fmax && x <= fd[d + off]!) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
    }
    if (findMinimal) continue;
    if (200 < cost && bigSnake && c.heuristic) {
      let best = 0;
      let part: Part | undefined;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d - fmid;
        const x = fd[d + off]!;
        const y = x - d;
        const v = (x - xoff) * 2 - dd;
        if (v > 12 * (cost + Math.abs(dd)) && v > best && xoff + SNAKE_LIMIT <= x && x < xlim && yoff + SNAKE_LIMIT <= y && y < ylim) {
          for (let k = 1; xv[x - k] === yv[y - k]; k++) {
            if (k === SNAKE_LIMIT) {
              best = v;
              part = { xmid: x, ymid: y, loMinimal: true, hiMinimal: false };
              break;
            }
          }
        }
      }
      if (best > 0 && part) return part;
      best = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d - bmid;
        const x = bd[d + off]!;
        const y = x - d;
        const v = (xlim - x) * 2 + dd;
        if (v > 12 * (cost + Math.abs(dd)) && v > best && xoff < x && x <= xlim - SNAKE_LIMIT && yoff < y && y <= ylim - SNAKE_LIMIT) {
          for (let k = 0; xv[x + k] === yv[y + k]; k++) {
            if (k === SNAKE_LIMIT - 1) {
              best = v;
              part = { xmid: x, ymid: y, loMinimal: false, hiMinimal: true };
              break;
            }
          }
        }
      }
      if (best > 0 && part) return part;
    }
    if (cost >= c.tooExpensive) {
      let fxybest = -1;
      let fxbest = 0;
      for (let d = fmax; d >= fmin; d -= 2) {
        let x = Math.min(fd[d + off]!, xlim);
        let y = x - d;
        if (ylim < y) {
          x = ylim + d;
          y = ylim;
        }
        if (fxybest < x + y) {
          fxybest = x + y;
          fxbest = x;
        }
      }
      let bxybest = OFFSET_MAX;
      let bxbest = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        let x = Math.max(xoff, bd[d + off]!);
        let y = x - d;
        if (y < yoff) {
          x = yoff + d;
          y = yoff;
        }
        if (x + y < bxybest) {
          bxybest = x + y;
          bxbest = x;
        }
      }
      if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return { xmid: fxbest, ymid: fxybest - fxbest, loMinimal: true, hiMinimal: false };
      return { xmid: bxbest, ymid: bxybest - bxbest, loMinimal: false, hiMinimal: true };
    }
  }
}

function compareseq(xoffIn: number, xlimIn: number, yoffIn: number, ylimIn: number, minimalIn: boolean, c: Ctx): void {
  const stack: [number, number, number, number, boolean][] = [[xoffIn, xlimIn, yoffIn, ylimIn, minimalIn]];
  const { xv, yv } = c;
  while (stack.length) {
    let [xoff, xlim, yoff, ylim, findMinimal] = stack.pop()!;
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) {
      while (yoff < ylim) c.noteInsert(yoff++);
      continue;
    }
    if (yoff === ylim) {
      while (xoff < xlim) c.noteDelete(xoff++);
      continue;
    }
    const part = diag(xoff, xlim, yoff, ylim, findMinimal, c);
    stack.push([part.xmid, xlim, part.ymid, ylim, part.hiMinimal]);
    stack.push([xoff, part.xmid, yoff, part.ymid, part.loMinimal]);
  }
}

/** Runs the search over the undiscarded lines, marking `changed` (offset by one). */
export function runCompareseq(
  xv: number[],
  yv: number[],
  minimal: boolean,
  heuristic: boolean,
  noteDelete: (x: number) => void,
  noteInsert: (y: number) => void,
): void {
  let diags = xv.length + yv.length + 3;
  const size = diags * 2 + 4;
  let tooExpensive = 1;
  for (; diags !== 0; diags >>= 2) tooExpensive <<= 1;
  const c: Ctx = {
    xv, yv, fd: new Int32Array(size), bd: new Int32Array(size), off: yv.length + 2,
    heuristic, tooExpensive: Math.max(4096, tooExpensive), noteDelete, noteInsert,
  };
  compareseq(0, xv.length, 0, yv.length, minimal, c);
}

/** shift_boundaries: slide runs of changes to merge them and to end on the last equal line. */
export function shiftBoundaries(equivs: [number[], number[]], changed: [Uint8Array, Uint8Array]): void {
  for (let f = 0; f < 2; f++) {
    // changed arrays are offset by one: index k+1 holds line k; [0] and [n+1] stay 0
    const ch = changed[f]!;
    const other = changed[1 - f]!;
    const eq = equivs[f]!;
    const C = (k: number): number => ch[k + 1]!;
    const O = (k: number): number => other[k + 1]!;
    let i = 0;
    let j = 0;
    const iEnd = eq.length;
    for (;;) {
      while (i < iEnd && !C(i)) {
        while (O(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (C(++i));
      while (O(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          ch[--start + 1] = 1;
          ch[--i + 1] = 0;
          while (C(start - 1)) start--;
          while (O(--j));
        }
        corresponding = O(j - 1) ? i : iEnd;
        while (i !== iEnd && eq[start] === eq[i]) {
          ch[start++ + 1] = 0;
          ch[i++ + 1] = 1;
          while (C(i)) i++;
          while (O(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        ch[--start + 1] = 1;
        ch[--i + 1] = 0;
        while (O(--j));
      }
    }
  }
}
