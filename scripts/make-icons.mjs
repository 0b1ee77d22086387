// Draws the app's icons (public/icon-192.png, public/icon-512.png) for the web app manifest: a
// console prompt ">_" on black, in the console's palette. Plain RGBA PNGs written with zlib, no
// artwork or image library. The drawing stays inside the central 80% circle, so the icons also
// serve as "maskable". Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs
// are kept in public/ (Vite copies them into dist/).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const BACKGROUND = [0x00, 0x00, 0x00];
const CHEVRON = [0xaa, 0xaa, 0xaa]; // the console's foreground
const CURSOR = [0x55, 0xff, 0x55]; // the console's bright green
const SAMPLES = 4; // 4x4 samples a pixel, for smooth edges

/** Distance from point p to segment a-b (unit-square coordinates). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at a point of the unit square, or null for the background. */
function shape(x, y) {
  const half = 0.045;
  if (segmentDistance(x, y, 0.27, 0.32, 0.47, 0.5) <= half || segmentDistance(x, y, 0.47, 0.5, 0.27, 0.68) <= half) return CHEVRON;
  if (x >= 0.53 && x <= 0.75 && y >= 0.62 && y <= 0.7) return CURSOR;
  return null;
}

function pixels(size) {
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shape((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size) ?? BACKGROUND;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const at = row + 1 + x * 4;
      for (let i = 0; i < 3; i++) rows[at + i] = Math.round(sum[i] / (SAMPLES * SAMPLES));
      rows[at + 3] = 0xff;
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels(size), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) {
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, png(size));
  console.log(`wrote ${file}`);
}
