// gzip's own DEFLATE encoder (deflate.c, trees.c and bits.c of gzip 1.x), ported step for
// step so that `gzip` here writes the same bytes as GNU gzip: the same hash chains, lazy
// matching per level, block splitting and Huffman trees. Returns the raw DEFLATE stream.

const WSIZE = 0x8000;
const WMASK = WSIZE - 1;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;
const H_SHIFT = Math.floor((HASH_BITS + 3 - 1) / 3);
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
const MAX_DIST = WSIZE - MIN_LOOKAHEAD;
const TOO_FAR = 4096;
const WINDOW_SIZE = 2 * WSIZE;
const LIT_BUFSIZE = 0x8000;
const DIST_BUFSIZE = 0x8000;

const MAX_BITS = 15;
const MAX_BL_BITS = 7;
const LENGTH_CODES = 29;
const LITERALS = 256;
const END_BLOCK = 256;
const L_CODES = LITERALS + 1 + LENGTH_CODES;
const D_CODES = 30;
const BL_CODES = 19;
const HEAP_SIZE = 2 * L_CODES + 1;
const REP_3_6 = 16;
const REPZ_3_10 = 17;
const REPZ_11_138 = 18;

const EXTRA_LBITS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const EXTRA_DBITS = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const EXTRA_BLBITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
const BL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** good_length, max_lazy, nice_length, max_chain per level. */
const CONFIG: [number, number, number, number][] = [
  [0, 0, 0, 0], [4, 4, 8, 4], [4, 5, 16, 8], [4, 6, 32, 32],
  [4, 4, 16, 16], [8, 16, 32, 32], [8, 16, 128, 128], [8, 32, 128, 256], [32, 128, 258, 1024], [32, 258, 258, 4096],
];

class Tree {
  freq: Uint16Array;
  code: Uint16Array;
  dad: Uint16Array;
  len: Uint16Array;
  constructor(n: number) {
    this.freq = new Uint16Array(n);
    this.code = new Uint16Array(n);
    this.dad = new Uint16Array(n);
    this.len = new Uint16Array(n);
  }
}

interface Desc {
  tree: Tree;
  stree: Tree | undefined;
  extra: number[];
  base: number;
  elems: number;
  maxLength: number;
  maxCode: number;
}

function biReverse(code: number, len: number): number {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
}

// tables shared by every run (ct_init)
const lengthCode = new Uint8Array(MAX_MATCH - MIN_MATCH + 1);
const distCode = new Uint8Array(512);
const baseLength = new Int32Array(LENGTH_CODES);
const baseDist = new Int32Array(D_CODES);
const staticL = new Tree(L_CODES + 2);
const staticD = new Tree(D_CODES);
{
  let length = 0;
  let code = 0;
  for (code = 0; code < LENGTH_CODES - 1; code++) {
    baseLength[code] = length;
    for (let n = 0; n < 1 << EXTRA_LBITS[code]!; n++) lengthCode[length++] = code;
  }
  lengthCode[length - 1] = code;
  let dist = 0;
  for (code = 0; code < 16; code++) {
    baseDist[code] = dist;
    for (let n = 0; n < 1 << EXTRA_DBITS[code]!; n++) distCode[dist++] = code;
  }
  dist >>= 7;
  for (; code < D_CODES; code++) {
    baseDist[code] = dist << 7;
    for (let n = 0; n < 1 << (EXTRA_DBITS[code]! - 7); n++) distCode[256 + dist++] = code;
  }
  const blCount = new Uint16Array(MAX_BITS + 1);
  let n = 0;
  while (n <= 143) (staticL.len[n++] = 8), blCount[8]!++;
  while (n <= 255) (staticL.len[n++] = 9), blCount[9]!++;
  while (n <= 279) (staticL.len[n++] = 7), blCount[7]!++;
  while (n <= 287) (staticL.len[n++] = 8), blCount[8]!++;
  genCodes(staticL, L_CODES + 1, blCount);
  for (n = 0; n < D_CODES; n++) {
    staticD.len[n] = 5;
    staticD.code[n] = biReverse(n, 5);
  }
}

function genCodes(tree: Tree, maxCode: number, blCount: Uint16Array): void {
  const next = new Uint16Array(MAX_BITS + 1);
  let code = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) next[bits] = code = ((code + blCount[bits - 1]!) << 1) & 0xffff;
  for (let n = 0; n <= maxCode; n++) {
    const len = tree.len[n]!;
    if (len === 0) continue;
    tree.code[n] = biReverse(next[len]!++, len);
  }
}

const dCode = (dist: number): number => (dist < 256 ? distCode[dist]! : distCode[256 + (dist >> 7)]!);

/** Compresses `input` at `level` (1-9) the way gzip does. */
export function gzipDeflate(input: Uint8Array, level: number): Uint8Array {
  const [goodMatch, maxLazy, niceMatch, maxChain] = CONFIG[level]!;
  const window = new Uint8Array(WINDOW_SIZE);
  const prev = new Uint16Array(WSIZE);
  const head = new Uint16Array(HASH_SIZE);
  let inPos = 0;
  const readBuf = (at: number, size: number): number => {
    const n = Math.min(size, input.length - inPos);
    window.set(input.subarray(inPos, inPos + n), at);
    inPos += n;
    return n;
  };

  // output bits (bits.c)
  let out = new Uint8Array(Math.max(1024, input.length + (input.length >> 3) + 64));
  let outLen = 0;
  const putByte = (b: number): void => {
    if (outLen === out.length) {
      const n = new Uint8Array(out.length * 2);
      n.set(out);
      out = n;
    }
    out[outLen++] = b & 0xff;
  };
  let biBuf = 0;
  let biValid = 0;
  const putShort = (w: number): void => {
    putByte(w & 0xff);
    putByte((w >>> 8) & 0xff);
  };
  const sendBits = (value: number, length: number): void => {
    if (biValid > 16 - length) {
      biBuf = (biBuf | (value << biValid)) & 0xffff;
      putShort(biBuf);
      biBuf = (value & 0xffff) >>> (16 - biValid);
      biValid += length - 16;
    } else {
      biBuf = (biBuf | (value << biValid)) & 0xffff;
      biValid += length;
    }
  };
  const biWindup = (): void => {
    if (biValid > 8) putShort(biBuf);
    else if (biValid > 0) putByte(biBuf);
    biBuf = 0;
    biValid = 0;
  };

  // trees.c state
  const dynL = new Tree(HEAP_SIZE);
  const dynD = new Tree(2 * D_CODES + 1);
  const blTree = new Tree(2 * BL_CODES + 1);
  const lDesc: Desc = { tree: dynL, stree: staticL, extra: EXTRA_LBITS, base: LITERALS + 1, elems: L_CODES, maxLength: MAX_BITS, maxCode: 0 };
  const dDesc: Desc = { tree: dynD, stree: staticD, extra: EXTRA_DBITS, base: 0, elems: D_CODES, maxLength: MAX_BITS, maxCode: 0 };
  const blDesc: Desc = { tree: blTree, stree: undefined, extra: EXTRA_BLBITS, base: 0, elems: BL_CODES, maxLength: MAX_BL_BITS, maxCode: 0 };
  const blCount = new Uint16Array(MAX_BITS + 1);
  const heap = new Int32Array(2 * L_CODES + 1);
  let heapLen = 0;
  let heapMax = 0;
  const depth = new Uint8Array(2 * L_CODES + 1);
  const lBuf = new Uint8Array(LIT_BUFSIZE);
  const dBuf = new Uint16Array(DIST_BUFSIZE);
  const flagBuf = new Uint8Array(LIT_BUFSIZE / 8);
  let lastLit = 0;
  let lastDist = 0;
  let lastFlags = 0;
  let flags = 0;
  let flagBit = 1;
  let optLen = 0;
  let staticLen = 0;
  let compressedLen = 0;

  const initBlock = (): void => {
    dynL.freq.fill(0, 0, L_CODES);
    dynD.freq.fill(0, 0, D_CODES);
    blTree.freq.fill(0, 0, BL_CODES);
    dynL.freq[END_BLOCK] = 1;
    optLen = staticLen = 0;
    lastLit = lastDist = lastFlags = 0;
    flags = 0;
    flagBit = 1;
  };

  const smaller = (t: Tree, n: number, m: number): boolean => t.freq[n]! < t.freq[m]! || (t.freq[n] === t.freq[m] && depth[n]! <= depth[m]!);
  const pqdownheap = (t: Tree, k: number): void => {
    const v = heap[k]!;
    let j = k << 1;
    while (j <= heapLen) {
      if (j < heapLen && smaller(t, heap[j + 1]!, heap[j]!)) j++;
      if (smaller(t, v, heap[j]!)) break;
      heap[k] = heap[j]!;
      k = j;
      j <<= 1;
    }
    heap[k] = v;
  };

  const genBitlen = (desc: Desc): void => {
    const { tree, extra, base, maxCode, maxLength, stree } = desc;
    let overflow = 0;
    blCount.fill(0);
    tree.len[heap[heapMax]!] = 0;
    let h: number;
    for (h = heapMax + 1; h < HEAP_SIZE; h++) {
      const n = heap[h]!;
      let bits = tree.len[tree.dad[n]!]! + 1;
      if (bits > maxLength) (bits = maxLength), overflow++;
      tree.len[n] = bits;
      if (n > maxCode) continue;
      blCount[bits]!++;
      const xbits = n >= base ? extra[n - base]! : 0;
      const f = tree.freq[n]!;
      optLen += f * (bits + xbits);
      if (stree) staticLen += f * (stree.len[n]! + xbits);
    }
    if (overflow === 0) return;
    do {
      let bits = maxLength - 1;
      while (blCount[bits] === 0) bits--;
      blCount[bits]!--;
      blCount[bits + 1]! += 2;
      blCount[maxLength]!--;
      overflow -= 2;
    } while (overflow > 0);
    for (let bits = maxLength; bits !== 0; bits--) {
      let n = blCount[bits]!;
      while (n !== 0) {
        const m = heap[--h]!;
        if (m > maxCode) continue;
        if (tree.len[m] !== bits) {
          optLen += (bits - tree.len[m]!) * tree.freq[m]!;
          tree.len[m] = bits;
        }
        n--;
      }
    }
  };

  const buildTree = (desc: Desc): void => {
    const { tree, stree, elems } = desc;
    let maxCode = -1;
    let node = elems;
    heapLen = 0;
    heapMax = HEAP_SIZE;
    for (let n = 0; n < elems; n++) {
      if (tree.freq[n] !== 0) {
        heap[++heapLen] = maxCode = n;
        depth[n] = 0;
      } else tree.len[n] = 0;
    }
    while (heapLen < 2) {
      const nw = (heap[++heapLen] = maxCode < 2 ? ++maxCode : 0);
      tree.freq[nw] = 1;
      depth[nw] = 0;
      optLen--;
      if (stree) staticLen -= stree.len[nw]!;
    }
    desc.maxCode = maxCode;
    for (let n = heapLen >> 1; n >= 1; n--) pqdownheap(tree, n);
    do {
      const n = heap[1]!;
      heap[1] = heap[heapLen--]!;
      pqdownheap(tree, 1);
      const m = heap[1]!;
      heap[--heapMax] = n;
      heap[--heapMax] = m;
      tree.freq[node] = tree.freq[n]! + tree.freq[m]!;
      depth[node] = Math.max(depth[n]!, depth[m]!) + 1;
      tree.dad[n] = tree.dad[m] = node;
      heap[1] = node++;
      pqdownheap(tree, 1);
    } while (heapLen >= 2);
    heap[--heapMax] = heap[1]!;
    genBitlen(desc);
    genCodes(tree, maxCode, blCount);
  };

  const scanTree = (tree: Tree, maxCode: number): void => {
    let prevlen = -1;
    let nextlen = tree.len[0]!;
    let count = 0;
    let maxCount = 7;
    let minCount = 4;
    if (nextlen === 0) (maxCount = 138), (minCount = 3);
    tree.len[maxCode + 1] = 0xffff;
    for (let n = 0; n <= maxCode; n++) {
      const curlen = nextlen;
      nextlen = tree.len[n + 1]!;
      if (++count < maxCount && curlen === nextlen) continue;
      else if (count < minCount) blTree.freq[curlen]! += count;
      else if (curlen !== 0) {
        if (curlen !== prevlen) blTree.freq[curlen]!++;
        blTree.freq[REP_3_6]!++;
      } else if (count <= 10) blTree.freq[REPZ_3_10]!++;
      else blTree.freq[REPZ_11_138]!++;
      count = 0;
      prevlen = curlen;
      if (nextlen === 0) (maxCount = 138), (minCount = 3);
      else if (curlen === nextlen) (maxCount = 6), (minCount = 3);
      else (maxCount = 7), (minCount = 4);
    }
  };

  const sendCode = (c: number, t: Tree): void => sendBits(t.code[c]!, t.len[c]!);

  const sendTree = (tree: Tree, maxCode: number): void => {
    let prevlen = -1;
    let nextlen = tree.len[0]!;
    let count = 0;
    let maxCount = 7;
    let minCount = 4;
    if (nextlen === 0) (maxCount = 138), (minCount = 3);
    for (let n = 0; n <= maxCode; n++) {
      const curlen = nextlen;
      nextlen = tree.len[n + 1]!;
      if (++count < maxCount && curlen === nextlen) continue;
      else if (count < minCount) {
        do sendCode(curlen, blTree);
        while (--count !== 0);
      } else if (curlen !== 0) {
        if (curlen !== prevlen) {
          sendCode(curlen, blTree);
          count--;
        }
        sendCode(REP_3_6, blTree);
        sendBits(count - 3, 2);
      } else if (count <= 10) {
        sendCode(REPZ_3_10, blTree);
        sendBits(count - 3, 3);
      } else {
        sendCode(REPZ_11_138, blTree);
        sendBits(count - 11, 7);
      }
      count = 0;
      prevlen = curlen;
      if (nextlen === 0) (maxCount = 138), (minCount = 3);
      else if (curlen === nextlen) (maxCount = 6), (minCount = 3);
      else (maxCount = 7), (minCount = 4);
    }
  };

  const buildBlTree = (): number => {
    scanTree(dynL, lDesc.maxCode);
    scanTree(dynD, dDesc.maxCode);
    buildTree(blDesc);
    let maxBlindex: number;
    for (maxBlindex = BL_CODES - 1; maxBlindex >= 3; maxBlindex--) if (blTree.len[BL_ORDER[maxBlindex]!] !== 0) break;
    optLen += 3 * (maxBlindex + 1) + 5 + 5 + 4;
    return maxBlindex;
  };

  const compressBlock = (ltree: Tree, dtree: Tree): void => {
    let lx = 0;
    let dx = 0;
    let fx = 0;
    let flag = 0;
    if (lastLit !== 0) {
      do {
        if ((lx & 7) === 0) flag = flagBuf[fx++]!;
        let lc = lBuf[lx++]!;
        if ((flag & 1) === 0) sendCode(lc, ltree);
        else {
          let code = lengthCode[lc]!;
          sendCode(code + LITERALS + 1, ltree);
          let extra = EXTRA_LBITS[code]!;
          if (extra !== 0) {
            lc -= baseLength[code]!;
            sendBits(lc, extra);
          }
          let dist = dBuf[dx++]!;
          code = dCode(dist);
          sendCode(code, dtree);
          extra = EXTRA_DBITS[code]!;
          if (extra !== 0) {
            dist -= baseDist[code]!;
            sendBits(dist, extra);
          }
        }
        flag >>= 1;
      } while (lx < lastLit);
    }
    sendCode(END_BLOCK, ltree);
  };

  const flushBlock = (bufStart: number | undefined, storedLen: number, eof: boolean): void => {
    flagBuf[lastFlags] = flags;
    buildTree(lDesc);
    buildTree(dDesc);
    const maxBlindex = buildBlTree();
    let optLenb = (optLen + 3 + 7) >>> 3;
    const staticLenb = (staticLen + 3 + 7) >>> 3;
    if (staticLenb <= optLenb) optLenb = staticLenb;
    const e = eof ? 1 : 0;
    if (storedLen + 4 <= optLenb && bufStart !== undefined) {
      sendBits((0 << 1) + e, 3);
      compressedLen = (compressedLen + 3 + 7) & ~7;
      compressedLen += (storedLen + 4) << 3;
      biWindup();
      putShort(storedLen & 0xffff);
      putShort(~storedLen & 0xffff);
      for (let k = 0; k < storedLen; k++) putByte(window[bufStart + k]!);
    } else if (staticLenb === optLenb) {
      sendBits((1 << 1) + e, 3);
      compressBlock(staticL, staticD);
      compressedLen += 3 + staticLen;
    } else {
      sendBits((2 << 1) + e, 3);
      const lcodes = lDesc.maxCode + 1;
      const dcodes = dDesc.maxCode + 1;
      const blcodes = maxBlindex + 1;
      sendBits(lcodes - 257, 5);
      sendBits(dcodes - 1, 5);
      sendBits(blcodes - 4, 4);
      for (let rank = 0; rank < blcodes; rank++) sendBits(blTree.len[BL_ORDER[rank]!]!, 3);
      sendTree(dynL, lcodes - 1);
      sendTree(dynD, dcodes - 1);
      compressBlock(dynL, dynD);
      compressedLen += 3 + optLen;
    }
    initBlock();
    if (eof) biWindup();
  };

  // deflate.c state
  let insH = 0;
  let prevLength = 0;
  let strstart = 0;
  let matchStart = 0;
  let eofile = false;
  let lookahead = 0;
  let blockStart = 0;

  const ctTally = (dist: number, lc: number): boolean => {
    lBuf[lastLit++] = lc;
    if (dist === 0) dynL.freq[lc]!++;
    else {
      dist--;
      dynL.freq[lengthCode[lc]! + LITERALS + 1]!++;
      dynD.freq[dCode(dist)]!++;
      dBuf[lastDist++] = dist;
      flags |= flagBit;
    }
    flagBit = (flagBit << 1) & 0xff;
    if ((lastLit & 7) === 0) {
      flagBuf[lastFlags++] = flags;
      flags = 0;
      flagBit = 1;
    }
    if (level > 2 && (lastLit & 0xfff) === 0) {
      let outLength = lastLit * 8;
      const inLength = strstart - blockStart;
      for (let dcode = 0; dcode < D_CODES; dcode++) outLength += dynD.freq[dcode]! * (5 + EXTRA_DBITS[dcode]!);
      outLength >>>= 3;
      if (lastDist < lastLit / 2 && outLength < inLength / 2) return true;
    }
    return lastLit === LIT_BUFSIZE - 1 || lastDist === DIST_BUFSIZE;
  };

  const FLUSH = (eof: boolean): void => flushBlock(blockStart >= 0 ? blockStart : undefined, strstart - blockStart, eof);
  const updateHash = (h: number, c: number): number => ((h << H_SHIFT) ^ c) & HASH_MASK;
  /** INSERT_STRING: returns the previous head of the chain. */
  const insertString = (s: number): number => {
    insH = updateHash(insH, window[s + MIN_MATCH - 1]!);
    const matchHead = head[insH]!;
    prev[s & WMASK] = matchHead;
    head[insH] = s;
    return matchHead;
  };

  const longestMatch = (curMatchIn: number): number => {
    let curMatch = curMatchIn;
    let chainLength = maxChain;
    const scanBase = strstart;
    let bestLen = prevLength;
    const limit = strstart > MAX_DIST ? strstart - MAX_DIST : 0;
    const strend = strstart + MAX_MATCH;
    let scanEnd1 = window[scanBase + bestLen - 1]!;
    let scanEnd = window[scanBase + bestLen]!;
    if (prevLength >= goodMatch) chainLength >>>= 2;
    do {
      let match = curMatch;
      if (window[match + bestLen] !== scanEnd || window[match + bestLen - 1] !== scanEnd1 || window[match] !== window[scanBase] || window[++match] !== window[scanBase + 1]) continue;
      let scan = scanBase + 2;
      match++;
      while (
        window[++scan] === window[++match] && window[++scan] === window[++match] &&
        window[++scan] === window[++match] && window[++scan] === window[++match] &&
        window[++scan] === window[++match] && window[++scan] === window[++match] &&
        window[++scan] === window[++match] && window[++scan] === window[++match] &&
        scan < strend
      );
      const len = MAX_MATCH - (strend - scan);
      if (len > bestLen) {
        matchStart = curMatch;
        bestLen = len;
        if (len >= niceMatch) break;
        scanEnd1 = window[scanBase + bestLen - 1]!;
        scanEnd = window[scanBase + bestLen]!;
      }
    } while ((curMatch = prev[curMatch & WMASK]!) > limit && --chainLength !== 0);
    return bestLen;
  };

  const fillWindow = (): void => {
    let more = WINDOW_SIZE - lookahead - strstart;
    if (strstart >= WSIZE + MAX_DIST) {
      window.copyWithin(0, WSIZE, 2 * WSIZE);
      matchStart -= WSIZE;
      strstart -= WSIZE;
      blockStart -= WSIZE;
      for (let n = 0; n < HASH_SIZE; n++) {
        const m = head[n]!;
        head[n] = m >= WSIZE ? m - WSIZE : 0;
      }
      for (let n = 0; n < WSIZE; n++) {
        const m = prev[n]!;
        prev[n] = m >= WSIZE ? m - WSIZE : 0;
      }
      more += WSIZE;
    }
    if (!eofile) {
      const n = readBuf(strstart + lookahead, more);
      if (n === 0) {
        eofile = true;
        window.fill(0, strstart + lookahead, strstart + lookahead + MIN_MATCH - 1);
      } else lookahead += n;
    }
  };

  // lm_init
  initBlock();
  lookahead = readBuf(0, 2 * WSIZE);
  if (lookahead === 0) {
    eofile = true;
    lookahead = 0;
  } else {
    while (lookahead < MIN_LOOKAHEAD && !eofile) fillWindow();
    insH = 0;
    for (let j = 0; j < MIN_MATCH - 1; j++) insH = updateHash(insH, window[j]!);
  }

  if (level <= 3) {
    // deflate_fast
    let matchLength = 0;
    prevLength = MIN_MATCH - 1;
    while (lookahead !== 0) {
      const hashHead = insertString(strstart);
      if (hashHead !== 0 && strstart - hashHead <= MAX_DIST && strstart <= WINDOW_SIZE - MIN_LOOKAHEAD) {
        matchLength = longestMatch(hashHead);
        if (matchLength > lookahead) matchLength = lookahead;
      }
      let flush: boolean;
      if (matchLength >= MIN_MATCH) {
        flush = ctTally(strstart - matchStart, matchLength - MIN_MATCH);
        lookahead -= matchLength;
        if (matchLength <= maxLazy) {
          matchLength--;
          do {
            strstart++;
            insertString(strstart);
          } while (--matchLength !== 0);
          strstart++;
        } else {
          strstart += matchLength;
          matchLength = 0;
          insH = window[strstart]!;
          insH = updateHash(insH, window[strstart + 1]!);
        }
      } else {
        flush = ctTally(0, window[strstart]!);
        lookahead--;
        strstart++;
      }
      if (flush) {
        FLUSH(false);
        blockStart = strstart;
      }
      while (lookahead < MIN_LOOKAHEAD && !eofile) fillWindow();
    }
    FLUSH(true);
  } else {
    let matchAvailable = false;
    let matchLength = MIN_MATCH - 1;
    while (lookahead !== 0) {
      const hashHead = insertString(strstart);
      prevLength = matchLength;
      const prevMatch = matchStart;
      matchLength = MIN_MATCH - 1;
      if (hashHead !== 0 && prevLength < maxLazy && strstart - hashHead <= MAX_DIST && strstart <= WINDOW_SIZE - MIN_LOOKAHEAD) {
        matchLength = longestMatch(hashHead);
        if (matchLength > lookahead) matchLength = lookahead;
        if (matchLength === MIN_MATCH && strstart - matchStart > TOO_FAR) matchLength--;
      }
      if (prevLength >= MIN_MATCH && matchLength <= prevLength) {
        const flush = ctTally(strstart - 1 - prevMatch, prevLength - MIN_MATCH);
        lookahead -= prevLength - 1;
        prevLength -= 2;
        do {
          strstart++;
          insertString(strstart);
        } while (--prevLength !== 0);
        matchAvailable = false;
        matchLength = MIN_MATCH - 1;
        strstart++;
        if (flush) {
          FLUSH(false);
          blockStart = strstart;
        }
      } else if (matchAvailable) {
        if (ctTally(0, window[strstart - 1]!)) {
          FLUSH(false);
          blockStart = strstart;
        }
        strstart++;
        lookahead--;
      } else {
        matchAvailable = true;
        strstart++;
        lookahead--;
      }
      while (lookahead < MIN_LOOKAHEAD && !eofile) fillWindow();
    }
    if (matchAvailable) ctTally(0, window[strstart - 1]!);
    FLUSH(true);
  }
  void compressedLen;
  return out.subarray(0, outLen);
}
