// uuidgen (util-linux 2.38): a random (version 4) UUID by default, a time-based one (version
// 1) with -t, or a name-based one (MD5 version 3, SHA-1 version 5) in a namespace.
import { defineProgram } from '../define';
import { Md5 } from '../lib/md5';
import { Sha1 } from '../lib/sha1';
import { hex2, shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 uuidgen [options]

Print a new universally unique identifier (UUID).

Options:
 -r, --random        a random UUID (version 4)
 -t, --time          a UUID from the clock and a node id (version 1)
 -n, --namespace ns  the namespace of a name-based UUID
                       or one of the aliases: @dns @url @oid @x500
 -N, --name name     the name a name-based UUID is made from
 -m, --md5           hash the name with MD5 (version 3)
 -s, --sha1          hash the name with SHA-1 (version 5)
 -x, --hex           the name is given as hexadecimal digits

 -h, --help          display this help
 -V, --version       display version

For more details see uuidgen(1).
`;

/** RFC 4122 appendix C namespaces: they differ only in the first byte. */
const TEMPLATES = new Map([['dns', 0x10], ['url', 0x11], ['oid', 0x12], ['x500', 0x14]]);

function template(first: number): Uint8Array {
  const u = Uint8Array.from([0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]);
  u[3] = first;
  return u;
}

export function unparse(u: Uint8Array): string {
  const h = Array.from(u, hex2).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function parse(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text)) return undefined;
  const h = text.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
}

function stamp(u: Uint8Array, version: number): Uint8Array {
  u[6] = (u[6]! & 0x0f) | (version << 4);
  u[8] = (u[8]! & 0x3f) | 0x80;
  return u;
}

/** 100-ns intervals from 1582-10-15 (the Gregorian reform) to the Unix epoch. */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;

export default defineProgram({
  name: 'uuidgen',
  installPath: '/usr/bin/uuidgen',
  pkg: 'util-linux',
  options: [
    { key: 'r', short: 'r', long: 'random' },
    { key: 't', short: 't', long: 'time' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'n', short: 'n', long: 'namespace', arg: 'required' },
    { key: 'N', short: 'N', long: 'name', arg: 'required' },
    { key: 'm', short: 'm', long: 'md5' },
    { key: 's', short: 's', long: 'sha1' },
    { key: 'x', short: 'x', long: 'hex' },
  ],
  async main(ctx, args) {
    let type = '';
    let ns: string | undefined;
    let name: string | undefined;
    let isHex = false;
    for (const { key, value } of args.order) {
      if ('rtms'.includes(key)) type = key;
      else if (key === 'n') ns = value;
      else if (key === 'N') name = value;
      else if (key === 'x') isHex = true;
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
      else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
    }
    const usage = async (msg: string): Promise<number> => {
      await warnx(ctx, msg);
      return tryHelp(ctx);
    };
    const hashed = type === 'm' || type === 's';
    if (ns !== undefined) {
      if (name === undefined) return usage('--namespace requires --name argument');
      if (!hashed) return usage('--namespace requires --md5 or --sha1');
    } else {
      if (name !== undefined) return usage('--name requires --namespace argument');
      if (hashed) return usage('--md5 or --sha1 requires --namespace argument');
    }
    let nameBytes = new TextEncoder().encode(name ?? '');
    if (name !== undefined && isHex) {
      if (name.length % 2 || !/^[0-9a-fA-F]*$/.test(name)) return usage('not a valid hex string');
      nameBytes = Uint8Array.from({ length: name.length / 2 }, (_, i) => parseInt(name!.slice(2 * i, 2 * i + 2), 16));
    }
    let u: Uint8Array;
    if (hashed) {
      let space: Uint8Array | undefined;
      if (ns!.startsWith('@') && ns!.length > 1) {
        const first = TEMPLATES.get(ns!.slice(1));
        if (first === undefined) return usage(`unknown namespace alias: '${ns!}'`);
        space = template(first);
      } else {
        space = parse(ns!);
        if (!space) return usage(`invalid uuid for namespace: '${ns!}'`);
      }
      const h = type === 'm' ? new Md5() : new Sha1();
      h.update(space).update(nameBytes);
      u = stamp(h.digest().slice(0, 16), type === 'm' ? 3 : 5);
    } else if (type === 't') {
      // the node is random with the multicast bit set, as libuuid does without a network card id
      const t = BigInt(Math.floor(ctx.sys.now())) * 10000n + GREGORIAN_OFFSET + BigInt(ctx.sys.random(10000));
      const rnd = ctx.sys.randomBytes(8);
      u = new Uint8Array(16);
      const low = Number(t & 0xffffffffn);
      const mid = Number((t >> 32n) & 0xffffn);
      const hi = Number((t >> 48n) & 0x0fffn);
      u.set([low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff, mid >> 8, mid & 0xff, hi >> 8, hi & 0xff]);
      u.set(rnd, 8);
      u[10] = u[10]! | 0x01;
      u = stamp(u, 1);
    } else {
      u = stamp(ctx.sys.randomBytes(16), 4);
    }
    await ctx.print(`${unparse(u)}\n`);
    return 0;
  },
});
