// systemd-id128 (src/id128/id128.c, as systemd 252 behaves): makes new random 128-bit IDs,
// prints the machine's and this boot's, and names the GPT partition types. -a derives an
// app-specific ID (HMAC-SHA256 keyed with the machine or boot ID, made a v4 UUID).
import type { OptionDef } from '../lib/getopt';
import { parseArgsInOrder, reportBad } from './ctl/common';
import type { Ctx } from '../lib/context';
import { defineProgram } from '../define';
import { Sha256 } from '../lib/sha256';
import { GPT_TYPES } from '../../shared/systemd/gpt-types';
import type { JournalReply } from '../../shared/services/journal';

const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' },
  { key: 'version', long: 'version' },
  { key: 'pretty', short: 'p', long: 'pretty' },
  { key: 'app', short: 'a', long: 'app-specific', arg: 'required' },
  { key: 'uuid', short: 'u', long: 'uuid' },
];

type Mode = 'id' | 'uuid' | 'pretty';

function help(name: string): string {
  return `${name} [OPTIONS...] COMMAND

Generate and print 128bit identifiers.

Commands:
  new                     Generate a new ID
  machine-id              Print the ID of current machine
  boot-id                 Print the ID of current boot
  invocation-id           Print the ID of current invocation
  show [NAME]             Print one or more well-known GPT partition type IDs
  help                    Show this help

Options:
  -h --help               Show this help
  -p --pretty             Generate samples of program code
  -a --app-specific=ID    Generate app-specific IDs
  -u --uuid               Output in UUID format

See the systemd-id128(1) man page for details.
`;
}

/** sd_id128_from_string(): 32 hex digits, or the UUID form with its four dashes. */
function parseId(s: string): string | undefined {
  const t = s.length === 36 && /^.{8}-.{4}-.{4}-.{4}-.{12}$/.test(s) ? s.replace(/-/g, '') : s;
  return /^[0-9a-fA-F]{32}$/.test(t) ? t.toLowerCase() : undefined;
}

const uuid = (id: string): string => `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;

function pretty(name: string, id: string): string {
  const bytes = id.match(/../g)!.join(',');
  return `As string:\n${id}\n\nAs UUID:\n${uuid(id)}\n\nAs systemd-id128(1) macro:\n#define ${name} SD_ID128_MAKE(${bytes})\n\n` +
    `As Python constant:\n>>> import uuid\n>>> ${name} = uuid.UUID('${id}')\n`;
}

function format(id: string, mode: Mode): string {
  return mode === 'pretty' ? pretty('XYZ', id) : `${mode === 'uuid' ? uuid(id) : id}\n`;
}

const hexToBytes = (h: string): Uint8Array => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const bytesToHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** id128_make_v4_uuid(): stamp version 4 and the RFC 4122 variant. */
function makeV4(b: Uint8Array): string {
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return bytesToHex(b);
}

function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  const k = new Uint8Array(64);
  k.set(key);
  const inner = new Sha256().update(k.map((x) => x ^ 0x36)).update(data).digest();
  return new Sha256().update(k.map((x) => x ^ 0x5c)).update(inner).digest();
}

/** A new random ID, from the machine's random source (seeded: tests can repeat it). */
function randomId(ctx: Ctx): string {
  return makeV4(ctx.sys.randomBytes(16));
}

/** What `journalctl --new-id128` prints: a new ID in every form. */
export function newIdPretty(ctx: Ctx): string {
  return pretty('XYZ', randomId(ctx));
}

async function machineId(ctx: Ctx): Promise<string | undefined> {
  try {
    return parseId(new TextDecoder().decode(await ctx.sys.readFile('/etc/machine-id')).trim());
  } catch {
    return undefined;
  }
}

async function bootId(ctx: Ctx): Promise<string | undefined> {
  const boots = (await ctx.sys.call('journal', { kind: 'boots' })) as JournalReply;
  const id = boots.kind === 'boots' ? boots.boots.at(-1)?.id : undefined;
  return id === undefined ? undefined : parseId(id);
}

async function show(ctx: Ctx, names: string[], mode: Mode): Promise<number> {
  const rows: [string, string][] = [];
  if (names.length === 0) rows.push(...GPT_TYPES.map(([n, id]) => [n, id] as [string, string]));
  for (const arg of names) {
    const byName = GPT_TYPES.find(([n]) => n === arg);
    const id = byName?.[1] ?? parseId(arg);
    if (id === undefined) {
      await ctx.err.write(`Unknown identifier "${arg}".\n`);
      return 1;
    }
    rows.push([byName?.[0] ?? GPT_TYPES.find(([, i]) => i === id)?.[0] ?? 'XYZ', id]);
  }
  let out = '';
  if (mode === 'pretty') {
    rows.forEach(([n, id], i) => {
      out += pretty(n.replace(/-/g, '_').toUpperCase(), id) + (i > 0 ? '\n' : '');
    });
  } else {
    const w = Math.max(4, ...rows.map(([n]) => n.length));
    out = `${'NAME'.padEnd(w)} ID\n`;
    for (const [n, id] of rows) out += `${n.padEnd(w)} ${mode === 'uuid' ? uuid(id) : id}\n`;
  }
  await ctx.print(out);
  return 0;
}

export default defineProgram({
  name: 'systemd-id128',
  installPath: '/usr/bin/systemd-id128',
  pkg: 'systemd',
  async main(ctx) {
    const fail = async (msg: string): Promise<number> => {
      await ctx.err.write(`${msg}\n`);
      return 1;
    };
    const parsed = parseArgsInOrder(ctx, DEFS);
    let mode: Mode = 'id';
    let app: string | undefined;
    for (const { key, value } of parsed.order) {
      switch (key) {
        case 'help':
          await ctx.print(help(ctx.name));
          return 0;
        case 'version': {
          const { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } = await ctx.sys.loadCode(() => import('./systemctl/help'));
          await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
          return 0;
        }
        case 'pretty': mode = 'pretty'; break;
        case 'uuid': mode = 'uuid'; break;
        case 'app': {
          const id = parseId(value ?? '');
          if (id === undefined) return fail(`Failed to parse "${value}" as application-ID: Invalid argument`);
          app = /^0+$/.test(id) ? undefined : id;
          break;
        }
      }
    }
    if (await reportBad(ctx, parsed)) return 1;
    const [verb, ...args] = parsed.operands;
    if (verb === undefined) return fail('Command verb required.');
    const verbs = ['new', 'machine-id', 'boot-id', 'invocation-id', 'show', 'help'];
    if (!verbs.includes(verb)) return fail(`Unknown command verb ${verb}.`);
    if (verb === 'show') return show(ctx, args, mode);
    if (args.length > 0) return fail('Too many arguments.');
    let id: string | undefined;
    switch (verb) {
      case 'help':
        await ctx.print(help(ctx.name));
        return 0;
      case 'new':
        id = randomId(ctx);
        break;
      case 'machine-id':
      case 'boot-id': {
        const base = verb === 'machine-id' ? await machineId(ctx) : await bootId(ctx);
        const what = verb === 'machine-id' ? 'machine-ID' : 'boot-ID';
        if (base === undefined) return fail(`Failed to get ${what}${app ? ' (app-specific)' : ''}: No such file or directory`);
        id = app ? makeV4(hmacSha256(hexToBytes(base), hexToBytes(app)).slice(0, 16)) : base;
        break;
      }
      default: {
        id = parseId(ctx.env.get('INVOCATION_ID') ?? '');
        if (id === undefined) return fail('Failed to get invocation-ID: No such device or address');
      }
    }
    await ctx.print(format(id, mode));
    return 0;
  },
});
