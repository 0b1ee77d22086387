// logger (util-linux 2.38): sends messages to the system log (the journal, through /dev/log)
// as syslog lines: the arguments joined (split at --size), or each line of standard input or
// of -f's file. Options are acted on one at a time as getopt_long hands them over, so a bad
// value stops the run before a later option is looked at. The header is the local form
// unless --rfc3164 or --rfc5424 (the default for -n) say otherwise; -s writes each message
// with its header to standard error too. Strings of messages are binary strings (a char a byte).
import { encodeText } from '../../shared/bytes';
import { isSysError, strerror, type Errno } from '../../shared/errno';
import type { JournalRequest, JournalSubmit } from '../../shared/services/journal';
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { binToBytes, bytesToBin } from '../lib/binary-text';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../lib/getopt';
import { strftime } from '../lib/strftime';
import { localZone } from '../lib/tz';
import { textOf } from '../lib/textio';
import { NumError, sizeOrErr, tryHelp, utilLinuxHelp, utilLinuxVersion, warnx } from '../util-linux-more/common';
import { encodePriority, LOG_FACMASK, LOG_USER_NOTICE, syslogHeader, validSdId, validSdParam, type HeaderForm, type HeaderInput, type StructuredData } from './logger-syslog';

const OPTIONS: OptionDef[] = [
  { key: 'id', long: 'id', arg: 'optional' }, { key: 's', short: 's', long: 'stderr' }, { key: 'f', short: 'f', long: 'file', arg: 'required' },
  { key: 'noact', long: 'no-act' }, { key: 'p', short: 'p', long: 'priority', arg: 'required' }, { key: 't', short: 't', long: 'tag', arg: 'required' },
  { key: 'u', short: 'u', long: 'socket', arg: 'required' }, { key: 'socket-errors', long: 'socket-errors', arg: 'required' },
  { key: 'd', short: 'd', long: 'udp' }, { key: 'T', short: 'T', long: 'tcp' }, { key: 'n', short: 'n', long: 'server', arg: 'required' },
  { key: 'P', short: 'P', long: 'port', arg: 'required' }, { key: 'V', short: 'V', long: 'version' }, { key: 'h', short: 'h', long: 'help' },
  { key: 'octet-count', long: 'octet-count' }, { key: 'prio-prefix', long: 'prio-prefix' }, { key: 'rfc3164', long: 'rfc3164' },
  { key: 'rfc5424', long: 'rfc5424', arg: 'optional' }, { key: 'S', short: 'S', long: 'size', arg: 'required' },
  { key: 'msgid', long: 'msgid', arg: 'required' }, { key: 'e', short: 'e', long: 'skip-empty' },
  { key: 'sd-id', long: 'sd-id', arg: 'required' }, { key: 'sd-param', long: 'sd-param', arg: 'required' },
  { key: 'journald', long: 'journald', arg: 'optional' }, { key: 'i', short: 'i' },
];

const HELP = utilLinuxHelp(
  'logger',
  ['logger [options] [<message>]'],
  'Enter messages into the system log.',
  [
    ' -i                       log the PID of the logger process',
    '     --id[=<id>]          log this <id> (or else the PID)',
    ' -f, --file <file>        log each line of this file',
    ' -e, --skip-empty         leave out empty lines of the input',
    '     --no-act             do all but the writing to the log',
    ' -p, --priority <prio>    give the messages this priority',
    '     --octet-count        count octets as RFC 6587 says',
    '     --prio-prefix        take a <PRI> prefix of each input line',
    ' -s, --stderr             write each message to standard error too',
    ' -S, --size <size>        the longest single message',
    ' -t, --tag <tag>          tag each line with this',
    ' -n, --server <name>      send to this remote syslog server',
    ' -P, --port <port>        the server\'s UDP or TCP port',
    ' -T, --tcp                send with TCP only',
    ' -d, --udp                send with UDP only',
    '     --rfc3164            use the old BSD syslog header',
    '     --rfc5424[=<snip>]   use the syslog protocol header (the default for remote);',
    '                            <snip> can be notime, or notq, and/or nohost',
    '     --sd-id <id>         an RFC 5424 structured data ID',
    '     --sd-param <data>    an RFC 5424 structured data name=value',
    '     --msgid <msgid>      the RFC 5424 message id',
    ' -u, --socket <socket>    write to this Unix socket',
    '     --socket-errors[=<on|off|auto>]',
    '                          report failures to reach a Unix socket',
    '     --journald[=<file>]  write a journald entry',
  ],
  26,
);

/** What the journal's syslog socket is known as; another socket takes the message nowhere. */
const JOURNAL_SOCKETS = new Set(['/dev/log', '/run/systemd/journal/dev-log', '/run/systemd/journal/syslog']);

class Fail extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

interface Settings {
  pri: number;
  tag?: string;
  pid: number;
  stderr: boolean;
  noact: boolean;
  skipEmpty: boolean;
  prioPrefix: boolean;
  octetCount: boolean;
  maxSize: number;
  form?: HeaderForm;
  msgid?: string;
  rfc5424Time: boolean;
  rfc5424Host: boolean;
  rfc5424Tq: boolean;
  sds: StructuredData[];
  socket?: string;
  server?: string;
  socketErrors: 'on' | 'off' | 'auto';
  input?: number;
  journald?: number | 'stdin';
}

export default defineProgram({
  name: 'logger',
  installPath: '/usr/bin/logger',
  pkg: 'util-linux',
  async main(ctx) {
    let parsed: Parsed;
    let failure: GetoptError | undefined;
    try {
      parsed = getopt(ctx.argv.slice(1), OPTIONS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      failure = e;
      parsed = e.partial ?? { flags: new Map(), values: new Map(), order: [], operands: [] };
    }
    const st: Settings = {
      pri: LOG_USER_NOTICE, pid: 0, stderr: false, noact: false, skipEmpty: false, prioPrefix: false, octetCount: false,
      maxSize: 1024, rfc5424Time: true, rfc5424Host: true, rfc5424Tq: true, sds: [], socketErrors: 'auto',
    };
    try {
      for (const { key, value } of parsed.order) {
        const done = await takeOption(ctx, st, key, value);
        if (done !== undefined) return done;
      }
    } catch (e) {
      if (e instanceof Fail || e instanceof NumError) {
        await warnx(ctx, e instanceof Fail ? e.text : e.message);
        return 1;
      }
      throw e;
    }
    if (failure) {
      await ctx.error(failure.message);
      return tryHelp(ctx);
    }
    try {
      return await send(ctx, st, parsed.operands);
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      await warnx(ctx, e.text);
      return 1;
    }
  },
});

/** One option as logger's switch takes it; a status when it ends the run. */
async function takeOption(ctx: Ctx, st: Settings, key: string, value: string | undefined): Promise<number | undefined> {
  const arg = value ?? '';
  switch (key) {
    case 'f':
      st.input = await openOrFail(ctx, arg, `file ${arg}`);
      break;
    case 'e': st.skipEmpty = true; break;
    case 'i': st.pid = ctx.sys.pid; break;
    case 'id':
      st.pid = value === undefined ? ctx.sys.pid : parseId(value);
      break;
    case 'p': {
      const pri = encodePriority(arg);
      if (typeof pri === 'string') throw new Fail(pri);
      st.pri = pri;
      break;
    }
    case 's': st.stderr = true; break;
    case 't': st.tag = bin(arg); break;
    case 'u': st.socket = arg; break;
    case 'S': st.maxSize = sizeOrErr(arg, 'failed to parse message size'); break;
    case 'd': case 'T': case 'P': break;
    case 'n': st.server = arg; break;
    case 'octet-count': st.octetCount = true; break;
    case 'prio-prefix': st.prioPrefix = true; break;
    case 'rfc3164': st.form = 'rfc3164'; break;
    case 'rfc5424':
      st.form = 'rfc5424';
      for (const tok of arg.split(',')) {
        if (tok === '') continue;
        if (tok === 'notime') st.rfc5424Time = st.rfc5424Tq = false;
        else if (tok === 'notq') st.rfc5424Tq = false;
        else if (tok === 'nohost') st.rfc5424Host = false;
        else await warnx(ctx, `ignoring unknown option argument: ${tok}`);
      }
      break;
    case 'msgid':
      if (arg.includes(' ')) throw new Fail('--msgid cannot contain space');
      st.msgid = bin(arg);
      break;
    case 'journald':
      st.journald = value === undefined ? 'stdin' : await openOrFail(ctx, value, `cannot open ${value}`);
      break;
    case 'socket-errors':
      if (arg === 'on' || arg === 'off' || arg === 'auto') st.socketErrors = arg;
      else {
        await warnx(ctx, `invalid argument: ${arg}: using automatic errors`);
        st.socketErrors = 'auto';
      }
      break;
    case 'noact': st.noact = true; break;
    case 'sd-id':
      if (!validSdId(arg)) throw new Fail(`invalid structured data ID: '${arg}'`);
      if (st.sds.some((d) => d.id === arg)) throw new Fail(`structured data ID '${arg}' is not unique`);
      st.sds.push({ id: bin(arg), params: [] });
      break;
    case 'sd-param':
      if (!validSdParam(arg)) throw new Fail(`invalid structured data parameter: '${arg}'`);
      if (!st.sds.length) throw new Fail(`--sd-id was not specified for --sd-param ${arg}`);
      st.sds.at(-1)!.params.push(bin(arg));
      break;
    case 'V':
      await ctx.print(`${utilLinuxVersion('logger')}\n`);
      return 0;
    case 'h':
      await ctx.print(HELP);
      return 0;
  }
  return undefined;
}

/** strtoul_or_err(optarg, "failed to parse id"), the value then taken as an int. */
function parseId(arg: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(arg);
  if (!m) throw new Fail(`failed to parse id: '${arg}'`);
  let v = BigInt(m[2]!);
  if (v > (1n << 64n) - 1n) throw new Fail(`failed to parse id: '${arg}': ${strerror('ERANGE')}`);
  if (m[1] === '-') v = ((1n << 64n) - v) & ((1n << 64n) - 1n);
  return Number(BigInt.asIntN(32, v));
}

async function openOrFail(ctx: Ctx, path: string, what: string): Promise<number> {
  try {
    return await ctx.sys.open(path, { read: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new Fail(`${what}: ${strerror(e.errno)}`);
  }
}

/** An argument's bytes as a binary string. */
function bin(s: string): string {
  return bytesToBin(encodeText(s));
}

/** A byte reader over a descriptor, as getchar() reads stdin. */
class Input {
  private buf: Uint8Array = new Uint8Array(0);
  private at = 0;
  constructor(
    private readonly ctx: Ctx,
    private readonly fd: number,
  ) {}

  async getc(): Promise<number> {
    if (this.at >= this.buf.length) {
      let chunk: Uint8Array | null = null;
      try {
        chunk = await this.ctx.sys.read(this.fd);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      if (!chunk || chunk.length === 0) return -1;
      this.buf = chunk;
      this.at = 0;
    }
    return this.buf[this.at++]!;
  }
}

/** Where messages go once the socket is open: the journal, nowhere, or not connected. */
type Target = 'journal' | 'void' | { errno: Errno };

async function send(ctx: Ctx, st: Settings, operands: string[]): Promise<number> {
  if (st.input !== undefined && operands.length) await warnx(ctx, '--file <file> and <message> are mutually exclusive, message is ignored');
  if (st.journald !== undefined) return journaldEntry(ctx, st, st.journald === 'stdin' ? 0 : st.journald);
  if (st.sds.some((d) => d.id === 'timeQuality')) st.rfc5424Tq = false;
  const errors = st.socketErrors === 'on' || (st.socketErrors === 'auto'); // auto: sd_booted() is true here
  const target = await openTarget(ctx, st);
  if (typeof target === 'object' && errors) throw new Fail(`socket ${st.socket ?? '/dev/log'}: ${strerror(target.errno)}`);
  const form = st.form ?? (st.server !== undefined ? 'rfc5424' : 'local');
  if (st.tag === undefined) st.tag = bin((await Accounts.load(ctx.sys)).userName(ctx.sys.getuid()) ?? '<someone>');
  const zone = await localZone(ctx.sys);
  const input: Omit<HeaderInput, 'pri' | 'time3164' | 'time5424'> = {
    form, tag: st.tag, pid: st.pid, msgid: st.msgid, host: ctx.sys.uname().nodename,
    rfc5424Time: st.rfc5424Time, rfc5424Host: st.rfc5424Host, timeQuality: st.rfc5424Tq, sds: st.sds,
  };
  const header = (pri: number): string => {
    const ms = ctx.sys.now();
    const micros = Math.floor(ms * 1000) % 1_000_000;
    const offset = strftime('%z', ms, undefined, zone).replace(/(\d\d)$/, ':$1');
    const r = syslogHeader({ ...input, pri, time3164: strftime('%b %e %H:%M:%S', ms, undefined, zone), time5424: `${strftime('%Y-%m-%dT%H:%M:%S', ms, undefined, zone)}.${String(micros).padStart(6, '0')}${offset}` });
    if ('error' in r) throw new Fail(r.error);
    return r.header;
  };
  let hdr = header(st.pri);
  const write = async (msg: string, pri: number): Promise<void> => {
    const octets = st.octetCount ? `${hdr.length + msg.length} ` : '';
    if (!st.noact && target === 'journal') await ctx.sys.call('journal', journalRequest(st, msg, pri));
    if (st.stderr) {
      await ctx.err.flush();
      // a newline ends it unless the message starts with one (logger looks at its first byte)
      await ctx.sys.write(2, binToBytes(`${octets}${hdr}${msg}${msg.startsWith('\n') ? '' : '\n'}`));
    }
  };
  if (operands.length) {
    // the arguments joined by spaces, a message each time the next would pass --size
    const max = st.maxSize;
    let buf = '';
    for (const a of operands.map(bin)) {
      if (buf.length + a.length > max - 1 && buf !== '') {
        await write(buf, st.pri);
        buf = '';
      }
      if (a.length > max) {
        await write(a.slice(0, max), st.pri);
        continue;
      }
      buf = buf === '' ? a : `${buf} ${a}`;
    }
    if (buf !== '') await write(buf, st.pri);
    return 0;
  }
  const inp = new Input(ctx, st.input ?? 0);
  const def = st.pri;
  let pri = def;
  let c = await inp.getc();
  while (c !== -1) {
    let buf = '';
    if (st.prioPrefix && c === 0x3c) {
      // a <PRI> prefix: taken off when it is a valid priority, else kept in the message
      let p = 0;
      buf += '<';
      while (isDigit((c = await inp.getc())) && p <= 191) {
        buf += String.fromCharCode(c);
        p = p * 10 + c - 0x30;
      }
      if (c !== -1 && c !== 0x0a) buf += String.fromCharCode(c);
      let now = def;
      if (c === 0x3e && p <= 191) {
        buf = '';
        now = (p & LOG_FACMASK) === 0 ? p | (def & LOG_FACMASK) : p;
      }
      if (now !== pri) {
        pri = now;
        hdr = header(pri);
      }
      if (c !== -1 && c !== 0x0a) c = await inp.getc();
    }
    while (c !== -1 && c !== 0x0a && buf.length < st.maxSize) {
      buf += String.fromCharCode(c);
      c = await inp.getc();
    }
    if (buf.length > 0 || !st.skipEmpty) await write(buf, pri);
    if (c === 0x0a) c = await inp.getc();
  }
  return 0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Opens the socket logger writes to: the journal's, or -u's (which may be none). */
async function openTarget(ctx: Ctx, st: Settings): Promise<Target> {
  if (st.server !== undefined) return 'void';
  const path = st.socket;
  if (path === undefined || JOURNAL_SOCKETS.has(path)) return 'journal';
  try {
    const s = await ctx.sys.stat(path);
    if (s.kind !== 'socket') return { errno: 'ECONNREFUSED' };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { errno: e.errno };
  }
  const real = await ctx.sys.realpath(path).catch(() => path);
  return JOURNAL_SOCKETS.has(real) ? 'journal' : 'void';
}

function journalRequest(st: Settings, msg: string, pri: number): JournalRequest {
  const entry: JournalSubmit = { identifier: textOf(st.tag!), message: textOf(msg), priority: pri & 7, facility: (pri & LOG_FACMASK) >> 3, transport: 'syslog' };
  return { kind: 'append', entries: [entry] };
}

/** --journald: KEY=value lines up to an empty one make one entry; further MESSAGE= lines join the first. */
async function journaldEntry(ctx: Ctx, st: Settings, fd: number): Promise<number> {
  const inp = new Input(ctx, fd);
  const lines: string[] = [];
  let msgLine = -1;
  for (;;) {
    let line = '';
    let c = await inp.getc();
    if (c === -1) break;
    while (c !== -1 && c !== 0x0a) {
      line += String.fromCharCode(c);
      c = await inp.getc();
    }
    line = line.replace(/[ \t\n\v\f\r]+$/, '');
    if (line === '') break;
    if (line.startsWith('MESSAGE=')) {
      if (msgLine >= 0) {
        lines[msgLine] += `\n${line.slice(8)}`;
        continue;
      }
      msgLine = lines.length;
    }
    lines.push(line);
  }
  if (!st.noact) {
    const fields: Record<string, string> = {};
    for (const l of lines) {
      const eq = l.indexOf('=');
      if (eq > 0) fields[l.slice(0, eq)] = textOf(l.slice(eq + 1));
    }
    const { MESSAGE: message = '', PRIORITY: prio, SYSLOG_IDENTIFIER: ident, ...rest } = fields;
    const priority = /^[0-7]$/.test(prio ?? '') ? Number(prio) : 6;
    await ctx.sys.call('journal', { kind: 'append', entries: [{ identifier: ident ?? 'logger', message, priority, transport: 'journal', fields: rest }] } satisfies JournalRequest);
  }
  if (st.stderr) {
    await ctx.err.flush();
    for (const l of lines) await ctx.sys.write(2, binToBytes(`${l}\n`));
  }
  return 0;
}
