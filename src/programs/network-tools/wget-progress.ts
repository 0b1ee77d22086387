// Wget's two progress gauges (GNU Wget 1.21.3 src/progress.c). "bar" is the default when stderr
// is a terminal: one line rewritten with \r, sized to the window. Otherwise (or --progress=dot)
// the "dot" gauge prints a dot per 1K, 50 to a row, each full row ending in its percentage,
// speed and ETA, and the last row in the total time.
import { barRate, dotRate, etaShort, humanReadable, printDecimal } from './wget-format';
import type { WgetLog } from './wget-log';

export interface Gauge {
  update(bytes: number, dltime: number): Promise<void>;
  finish(dltime: number): Promise<void>;
}

export interface DotStyle {
  bytes: number;
  spacing: number;
  perLine: number;
}

/** dot_set_params(): default, binary, mega, giga. */
export const DOT_STYLES: Readonly<Record<string, DotStyle>> = {
  default: { bytes: 1024, spacing: 10, perLine: 50 },
  binary: { bytes: 8192, spacing: 16, perLine: 48 },
  mega: { bytes: 65536, spacing: 8, perLine: 48 },
  giga: { bytes: 1 << 20, spacing: 8, perLine: 32 },
};

class DotGauge implements Gauge {
  private accumulated = 0;
  private dltime = 0;
  private rows = 0;
  private dots = 0;
  private lastTimer = 0;
  private readonly rowBytes: number;

  constructor(private readonly log: WgetLog, private readonly s: DotStyle, private readonly initial: number, private readonly total: number) {
    this.rowBytes = s.bytes * s.perLine;
  }

  async start(): Promise<void> {
    if (!this.initial) return;
    let remainder = this.initial % this.rowBytes;
    const skipped = this.initial - remainder;
    let text = '';
    if (skipped) {
      const k = Math.trunc(skipped / 1024);
      text += `\n${' '.repeat(2 + Math.max(6, String(k).length))}[ skipping ${k}K ]`;
    }
    text += `\n${String(Math.trunc(skipped / 1024)).padStart(6)}K`;
    for (; remainder >= this.s.bytes; remainder -= this.s.bytes) {
      if (this.dots % this.s.spacing === 0) text += ' ';
      text += ',';
      this.dots++;
    }
    this.accumulated = remainder;
    this.rows = Math.trunc(skipped / this.rowBytes);
    await this.log.progress(text);
  }

  private rowStats(dltime: number, last: boolean, addedRows: number): string {
    const { bytes } = this.s;
    let shown = this.rows * this.rowBytes + this.dots * bytes;
    if (last) shown += this.accumulated;
    let text = '';
    if (this.total) text += `${String(Math.trunc((100 * shown) / this.total)).padStart(3)}%`;
    let rowBytes = last ? this.dots * bytes + this.accumulated : this.rowBytes * addedRows;
    if (this.rows === Math.trunc(this.initial / this.rowBytes)) rowBytes -= this.initial % this.rowBytes;
    text += dotRate(rowBytes, dltime - this.lastTimer);
    this.lastTimer = dltime;
    if (!last) {
      if (this.total) {
        const remaining = Math.max(0, this.total - shown);
        const sofar = shown > this.initial ? shown - this.initial : 1;
        const eta = (dltime * remaining) / sofar;
        text += ` ${etaShort(Math.trunc(eta + 0.5), true)}`;
      }
    } else {
      text += dltime >= 10 ? `=${etaShort(Math.trunc(dltime + 0.5), true)}` : `=${printDecimal(dltime)}s`;
    }
    return text;
  }

  async update(bytes: number, dltime: number): Promise<void> {
    this.accumulated += bytes;
    this.dltime = dltime;
    const { bytes: dot, spacing, perLine } = this.s;
    let text = '';
    while (this.accumulated >= dot) {
      this.accumulated -= dot;
      if (this.dots === 0) text += `\n${String(Math.trunc((this.rows * this.rowBytes) / 1024)).padStart(6)}K`;
      if (this.dots % spacing === 0) text += ' ';
      text += '.';
      this.dots++;
      if (this.dots >= perLine) {
        this.dots = 0;
        let added = 1;
        // ADD_DOT_ROWS_THRS: a burst of four rows or more is printed as one row
        if (this.accumulated >= this.rowBytes << 2) {
          added += Math.trunc(this.accumulated / this.rowBytes);
          this.accumulated %= this.rowBytes;
        }
        this.rows += added;
        text += this.rowStats(this.dltime, false, added);
      }
    }
    if (text) await this.log.progress(text);
  }

  async finish(dltime: number): Promise<void> {
    const { spacing, perLine } = this.s;
    let text = '';
    if (this.dots === 0) text += `\n${String(Math.trunc((this.rows * this.rowBytes) / 1024)).padStart(6)}K`;
    for (let i = this.dots; i < perLine; i++) {
      if (i % spacing === 0) text += ' ';
      text += ' ';
    }
    text += this.rowStats(dltime, true, 1);
    await this.log.progress(`${text}\n\n`);
  }
}

const HISTORY = 20;
const SAMPLE_MIN = 0.15;
const STALL_START = 5;
const REFRESH_INTERVAL = 0.2;

class BarGauge implements Gauge {
  private count = 0;
  private lastUpdate = 0;
  private tick = 0;
  private readonly hist = { pos: 0, times: new Array<number>(HISTORY).fill(0), bytes: new Array<number>(HISTORY).fill(0), totalTime: 0, totalBytes: 0 };
  private recentStart = 0;
  private recentBytes = 0;
  private stalled = false;
  private lastEtaTime = 0;
  private lastEtaValue = 0;
  private dltime = 0;
  private readonly width: number;

  constructor(private readonly log: WgetLog, private readonly name: string, private readonly initial: number, private total: number, screenWidth: number) {
    if (initial > total) this.total = initial;
    // the last column stays unused; MINIMUM_SCREEN_WIDTH is 51
    this.width = Math.max(51, screenWidth || 80) - 1;
  }

  async start(): Promise<void> {
    await this.log.v('\n');
    await this.log.progress(`\r${this.image(0, false)}`);
  }

  private ring(bytes: number, dltime: number): void {
    const h = this.hist;
    let age = dltime - this.recentStart;
    this.recentBytes += bytes;
    if (age < SAMPLE_MIN) return;
    if (bytes === 0) {
      if (age >= STALL_START) {
        this.stalled = true;
        h.times.fill(0);
        h.bytes.fill(0);
        h.pos = 0;
        h.totalTime = 0;
        h.totalBytes = 0;
        this.recentBytes = 0;
      }
      return;
    }
    if (this.stalled) {
      this.stalled = false;
      age = 1;
    }
    h.totalTime -= h.times[h.pos]!;
    h.totalBytes -= h.bytes[h.pos]!;
    h.times[h.pos] = age;
    h.bytes[h.pos] = this.recentBytes;
    h.totalTime += age;
    h.totalBytes += this.recentBytes;
    this.recentStart = dltime;
    this.recentBytes = 0;
    if (++h.pos === HISTORY) h.pos = 0;
  }

  /** create_image(): `name  NN%[====>   ]  size  rate  eta` padded to the width. */
  private image(dlTotal: number, done: boolean): string {
    const maxName = Math.trunc(this.width / 4);
    const size = this.initial + this.count;
    const progressSize0 = this.width - (maxName + 1 + 4 + 2 + 8 + 10 + 15);
    const progressSize = progressSize0 < 5 ? 0 : progressSize0;
    let p = '';
    const cols = [...this.name].length;
    if (cols < maxName) p += this.name + ' '.repeat(maxName - cols + 1);
    else {
      let pad = 0;
      let offset = 0;
      if (cols > maxName + 5 && !done) {
        offset = (this.tick + cols + Math.trunc(maxName / 2)) % (cols + maxName);
        if (offset > cols) {
          pad = maxName - (offset - cols);
          p += ' '.repeat(pad);
          offset = 0;
        }
      }
      const shown = [...this.name].slice(offset, offset + maxName - pad).join('');
      p += shown + ' '.repeat(maxName - (pad + [...shown].length) + 1);
    }
    p += this.total > 0 ? `${String(Math.trunc((100 * size) / this.total)).padStart(3)}%` : '    ';
    if (progressSize && this.total > 0) {
      const insz = Math.trunc((this.initial / this.total) * progressSize);
      let dlsz = Math.trunc((size / this.total) * progressSize);
      let bar = '+'.repeat(insz);
      dlsz -= insz;
      if (dlsz > 0) bar += `${'='.repeat(dlsz - 1)}>`;
      p += `[${bar.padEnd(progressSize)}]`;
    } else if (progressSize) {
      const ind = this.tick % (progressSize * 2 - 6);
      const pos = ind < progressSize - 2 ? ind + 1 : progressSize - (ind - progressSize + 5);
      let bar = '';
      for (let i = 0; i < progressSize; i++) bar += i === pos - 1 ? '<' : i === pos ? '=' : i === pos + 1 ? '>' : ' ';
      p += `[${bar}]`;
    }
    this.tick++;
    p += humanReadable(size, 1000, 2).padStart(8);
    const h = this.hist;
    if (h.totalTime > 0 && h.totalBytes) p += barRate(h.totalBytes + this.recentBytes, h.totalTime + (dlTotal - this.recentStart));
    else p += '  --.-KB/s';
    if (!done) {
      let eta: number | undefined;
      if (this.total > 0 && this.count > 0 && dlTotal > 3) {
        if (this.total !== size && this.lastEtaValue !== 0 && dlTotal - this.lastEtaTime < 0.99) eta = this.lastEtaValue;
        else {
          const e = (dlTotal * (this.total - size)) / this.count;
          if (e < 2 ** 31 - 2) {
            eta = Math.trunc(e + 0.5);
            this.lastEtaValue = eta;
            this.lastEtaTime = dlTotal;
          }
        }
      }
      if (eta !== undefined) p += `    eta ${etaShort(eta, false)}`;
      else if (this.total > 0) p += ' '.repeat(15);
    } else {
      const took = dlTotal >= 10 ? etaShort(Math.trunc(dlTotal + 0.5), false) : `${printDecimal(dlTotal)}s`;
      p += `    in ${took}`.padEnd(15);
    }
    return p.padEnd(this.width);
  }

  async update(bytes: number, dltime: number): Promise<void> {
    this.dltime = dltime;
    this.count += bytes;
    if (this.total > 0 && this.count + this.initial > this.total) this.total = this.initial + this.count;
    this.ring(bytes, dltime);
    if (this.dltime - this.lastUpdate < REFRESH_INTERVAL) return;
    await this.log.progress(`\r${this.image(this.dltime, false)}`);
    this.lastUpdate = this.dltime;
  }

  async finish(dltime: number): Promise<void> {
    if (this.total > 0 && this.count + this.initial > this.total) this.total = this.initial + this.count;
    await this.log.progress(`\r${this.image(dltime, true)}`);
    await this.log.v('\n');
    await this.log.progress('\n');
  }
}

export interface GaugeChoice {
  kind: 'bar' | 'dot';
  dot: DotStyle;
}

/** progress_create(): the gauge for one download of `total` bytes (0: unknown) from `initial`. */
export async function createGauge(log: WgetLog, choice: GaugeChoice, name: string, initial: number, total: number, screenWidth: number): Promise<Gauge> {
  if (choice.kind === 'bar') {
    const g = new BarGauge(log, name, initial, total, screenWidth);
    await g.start();
    return g;
  }
  const g = new DotGauge(log, choice.dot, initial, total);
  await g.start();
  return g;
}
