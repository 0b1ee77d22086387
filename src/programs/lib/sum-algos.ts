// The checksums of sum(1) and cksum(1): the POSIX CRC (cksum.c), the BSD 16-bit rotating
// sum (sum -r) and the System V sum (sum -s), each with the line it prints.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

export interface SumState {
  update(b: Uint8Array): void;
  /** The line without the file name: "CRC LENGTH", "%05d %5d" or "%d %d". */
  result(): string;
}

export function crcSum(): SumState {
  let crc = 0;
  let length = 0;
  return {
    update(b) {
      for (let i = 0; i < b.length; i++) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b[i]!) & 0xff]!) >>> 0;
      length += b.length;
    },
    result() {
      let c = crc;
      for (let n = length; n > 0; n = Math.floor(n / 256)) c = ((c << 8) ^ CRC_TABLE[((c >>> 24) ^ (n & 0xff)) & 0xff]!) >>> 0;
      return `${~c >>> 0} ${length}`;
    },
  };
}

export function bsdSum(): SumState {
  let sum = 0;
  let length = 0;
  return {
    update(b) {
      for (let i = 0; i < b.length; i++) {
        sum = (sum >> 1) + ((sum & 1) << 15);
        sum = (sum + b[i]!) & 0xffff;
      }
      length += b.length;
    },
    result() {
      return `${String(sum).padStart(5, '0')} ${String(Math.ceil(length / 1024)).padStart(5)}`;
    },
  };
}

export function sysvSum(): SumState {
  let s = 0;
  let length = 0;
  return {
    update(b) {
      for (let i = 0; i < b.length; i++) s = (s + b[i]!) >>> 0;
      length += b.length;
    },
    result() {
      const r = (s & 0xffff) + (s >>> 16);
      return `${(r & 0xffff) + (r >>> 16)} ${Math.ceil(length / 512)}`;
    },
  };
}
