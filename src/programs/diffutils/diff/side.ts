// diff -y: the side-by-side format of side.c, in the C locale (bytes above 0x7f have no
// width), with the column arithmetic of diff.c for --width and --tabsize.
import type { Change } from './analyze';
import type { DiffConfig } from './options';
import { analyzeHunk, type OutputOptions, type Out, type Pair } from './output';

const GUTTER = 3;

interface Layout {
  half: number;
  c2o: number;
  tabsize: number;
  expand: boolean;
}

export function layout(cfg: DiffConfig): Layout {
  const t = cfg.expandTabs ? 1 : cfg.tabsize;
  const w = cfg.width;
  const tg = t + GUTTER;
  const unaligned = (w >> 1) + (tg >> 1) + (w & tg & 1);
  const off = unaligned - (unaligned % t);
  const half = off <= GUTTER || w <= off ? 0 : Math.min(off - GUTTER, w - off);
  return { half, c2o: half ? off : w, tabsize: cfg.tabsize, expand: cfg.expandTabs };
}

function tabFromTo(out: number[], from: number, to: number, l: Layout): number {
  if (!l.expand) {
    for (let tab = from + l.tabsize - (from % l.tabsize); tab <= to; tab += l.tabsize) {
      out.push(9);
      from = tab;
    }
  }
  while (from++ < to) out.push(32);
  return to;
}

function halfLine(out: number[], line: Uint8Array, indent: number, bound: number, l: Layout): number {
  let inPos = 0;
  let outPos = 0;
  for (const c of line) {
    if (c === 9) {
      const spaces = l.tabsize - (inPos % l.tabsize);
      if (inPos === outPos) {
        let tabstop = outPos + spaces;
        if (l.expand) {
          if (bound < tabstop) tabstop = bound;
          for (; outPos < tabstop; outPos++) out.push(32);
        } else if (tabstop < bound) {
          outPos = tabstop;
          out.push(c);
        }
      }
      inPos += spaces;
    } else if (c === 13) {
      out.push(c);
      tabFromTo(out, 0, indent, l);
      inPos = outPos = 0;
    } else if (c === 8) {
      if (inPos !== 0 && --inPos < bound) {
        if (outPos <= inPos) for (; outPos < inPos; outPos++) out.push(32);
        else {
          outPos = inPos;
          out.push(c);
        }
      }
    } else if (c === 10) {
      return outPos;
    } else if (c >= 32 && c < 127) {
      if (inPos++ < bound) {
        outPos = inPos;
        out.push(c);
      }
    } else if (c < 128 && c !== 12 && c !== 11) {
      // a control character: no width
      if (inPos <= bound) {
        outPos = inPos;
        out.push(c);
      }
    } else if (inPos < bound) {
      out.push(c);
    }
  }
  return outPos;
}

function sdiffLine(out: number[], left: Uint8Array | undefined, sep: string, right: Uint8Array | undefined, l: Layout): void {
  let col = 0;
  let putNewline = false;
  const endsNl = (x: Uint8Array): boolean => x.length > 0 && x[x.length - 1] === 10;
  if (left) {
    putNewline = endsNl(left);
    col = halfLine(out, left, 0, l.half, l);
  }
  if (sep !== ' ') {
    col = tabFromTo(out, col, Math.floor((l.half + l.c2o - 1) / 2), l) + 1;
    if (sep === '|' && putNewline !== endsNl(right!)) sep = putNewline ? '/' : '\\';
    out.push(sep.charCodeAt(0));
  }
  if (right) {
    putNewline ||= endsNl(right);
    if (right[0] !== 10) {
      col = tabFromTo(out, col, l.c2o, l);
      halfLine(out, right, col, l.half, l);
    }
  }
  if (putNewline) out.push(10);
}

/** Prints the whole of both files side by side (common lines too, unless suppressed). */
export function sideBySide(p: Pair, cfg: DiffConfig, oo: OutputOptions, o: Out, banner: string | undefined): void {
  const l = layout(cfg);
  const out: number[] = [];
  const text = (t: string): void => {
    for (let i = 0; i < t.length; i++) out.push(t.charCodeAt(i));
  };
  const pre = p.a.prefixLines;
  const line = (f: number, i: number): Uint8Array => p.files[f]!.lines[pre + i]!;
  const total = [p.files[0].lines.length - pre, p.files[1].lines.length - pre];
  let next0 = -pre;
  let next1 = -pre;
  const common = (limit0: number, limit1: number): void => {
    let i0 = next0;
    let i1 = next1;
    if (!cfg.suppressCommonLines && (i0 !== limit0 || i1 !== limit1)) {
      if (cfg.mergeAssist) text(`i${limit0 - i0},${limit1 - i1}\n`);
      if (!cfg.leftColumn) {
        while (i0 !== limit0 && i1 !== limit1) sdiffLine(out, line(0, i0++), ' ', line(1, i1++), l);
        while (i1 !== limit1) sdiffLine(out, undefined, ')', line(1, i1++), l);
      }
      while (i0 !== limit0) sdiffLine(out, line(0, i0++), '(', undefined, l);
    }
    next0 = limit0;
    next1 = limit1;
  };
  const hunk = (c: Change): void => {
    const h = analyzeHunk(p, [c], oo);
    if (!h.changes) return;
    let { first0, first1 } = h;
    const { last0, last1 } = h;
    let changes = h.changes;
    common(first0, first1);
    if (cfg.mergeAssist) text(`c${last0 - first0 + 1},${last1 - first1 + 1}\n`);
    if (changes === 3) {
      let i = first0;
      let j = first1;
      for (; i <= last0 && j <= last1; i++, j++) sdiffLine(out, line(0, i), '|', line(1, j), l);
      changes = (i <= last0 ? 1 : 0) + (j <= last1 ? 2 : 0);
      next0 = first0 = i;
      next1 = first1 = j;
    }
    if (changes & 2) {
      let j = first1;
      for (; j <= last1; ++j) {
        text(oo.paint?.ad ?? '');
        sdiffLine(out, undefined, '>', line(1, j), l);
        text(oo.paint?.rs ?? '');
      }
      next1 = j;
    }
    if (changes & 1) {
      let i = first0;
      for (; i <= last0; ++i) {
        text(oo.paint?.de ?? '');
        sdiffLine(out, line(0, i), '<', undefined, l);
        text(oo.paint?.rs ?? '');
      }
      next0 = i;
    }
  };
  for (const c of p.a.script) hunk(c);
  common(total[0]!, total[1]!);
  if (banner !== undefined) o.text(`${banner} ${p.names[0]} ${p.names[1]}\n`);
  o.bytes(Uint8Array.from(out));
}
