// journalctl (systemd 253): reads journald's entries through the 'journal' service, filters them
// by unit, identifier, priority, boot and time, and prints them in the chosen output mode;
// -f keeps printing new entries until interrupted.
import type { JournalBoot, JournalEntry, JournalQuery, JournalReply, JournalRequest } from '../../../shared/services/journal';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../../lib/getopt';
import { page, wantPager } from '../../lib/pager';
import { localZone } from '../../lib/tz';
import { compileGrep } from './pattern';
import { parseBoolean } from '../../../shared/systemd/unit-file';
import { explain } from './catalog';
import { facilityHelp, parseFacilities } from './facility';
import { entryFields, formatEntry, OUTPUT_MODES, type FormatOptions, type OutputMode } from './format';
import { UTC_ZONE, type Zone } from '../../../shared/systemd/civil';
import { formatTimestamp } from '../../../shared/systemd/time-format';
import { parseTimestamp } from '../../../shared/systemd/timestamp-parse';
import { parseTimespan } from '../../../shared/systemd/time-span';
import { formatBytes, openSource } from './source';
import { simplifyPath } from '../../../shared/systemd/lookup-paths';

/** The output modes that imply -q (no "-- No entries --" and no notice about missing files). */
const QUIET_MODES = ['export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat'];

const OPTIONS: OptionDef[] = [
    { key: 'boot', short: 'b', long: 'boot', arg: 'optional' },
    { key: 'unit', short: 'u', long: 'unit', arg: 'required' },
    { key: 'ident', short: 't', long: 'identifier', arg: 'required' },
    { key: 'priority', short: 'p', long: 'priority', arg: 'required' },
    { key: 'facility', long: 'facility', arg: 'required' },
    { key: 'grep', short: 'g', long: 'grep', arg: 'required' },
    { key: 'caseSensitive', long: 'case-sensitive', arg: 'optional' },
    { key: 'since', short: 'S', long: 'since', arg: 'required' },
    { key: 'until', short: 'U', long: 'until', arg: 'required' },
    { key: 'dmesg', short: 'k', long: 'dmesg' },
    { key: 'lines', short: 'n', long: 'lines', arg: 'optional' },
    { key: 'reverse', short: 'r', long: 'reverse' },
    { key: 'follow', short: 'f', long: 'follow' },
    { key: 'end', short: 'e', long: 'pager-end' },
    { key: 'catalog', short: 'x', long: 'catalog' },
    { key: 'output', short: 'o', long: 'output', arg: 'required' },
    { key: 'outputFields', long: 'output-fields', arg: 'required' },
    { key: 'quiet', short: 'q', long: 'quiet' },
    { key: 'all', short: 'a', long: 'all' },
    { key: 'merge', short: 'm', long: 'merge' },
    { key: 'system', long: 'system' },
    { key: 'user', long: 'user' },
    { key: 'noPager', long: 'no-pager' },
    { key: 'noHostname', long: 'no-hostname' },
    { key: 'noTail', long: 'no-tail' },
    { key: 'utc', long: 'utc' },
    { key: 'diskUsage', long: 'disk-usage' },
    { key: 'listBoots', long: 'list-boots' },
    { key: 'vacuumSize', long: 'vacuum-size', arg: 'required' },
    { key: 'vacuumTime', long: 'vacuum-time', arg: 'required' },
    { key: 'vacuumFiles', long: 'vacuum-files', arg: 'required' },
    { key: 'rotate', long: 'rotate' },
    { key: 'flush', long: 'flush' },
    { key: 'sync', long: 'sync' },
    { key: 'relinquish', long: 'relinquish-var' },
    { key: 'smartRelinquish', long: 'smart-relinquish-var' },
    { key: 'field', short: 'F', long: 'field', arg: 'required' },
    { key: 'fields', short: 'N', long: 'fields' },
    { key: 'directory', short: 'D', long: 'directory', arg: 'required' },
    { key: 'file', long: 'file', arg: 'required' },
    { key: 'root', long: 'root', arg: 'required' },
    { key: 'header', long: 'header' },
    { key: 'verify', long: 'verify' },
    { key: 'newId', long: 'new-id128' },
    { key: 'help', short: 'h', long: 'help' },
    { key: 'version', long: 'version' },
];

/** The output modes as systemd's string table has them (what -o help prints). */
const OUTPUT_MODE_TABLE = ['short', 'short-full', 'short-iso', 'short-iso-precise', 'short-precise', 'short-monotonic', 'short-delta', 'short-unix', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat', 'with-unit'];

const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** The --vacuum-size=/--vacuum-time=/--vacuum-files= values journalctl cannot read, as it says so. */
function vacuumArgError(key: string, v: string): string | undefined {
  // parse_size(.., 1024): numbers with an optional fraction and a binary suffix, summed
  if (key === 'vacuumSize' && !/^(\s*\d+(\.\d*)?\s*[BKMGTPE]?)+\s*$/.test(v)) return `Failed to parse vacuum size: ${v}`;
  if (key === 'vacuumTime' && typeof parseTimespan(v) === 'string') return `Failed to parse vacuum time: ${v}`;
  // safe_atou64(): C's 0x and 0 prefixes, no sign but "+"
  const n = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(v)?.[1];
  if (key === 'vacuumFiles' && !(n !== undefined && BigInt(/^0[0-7]/.test(n) ? `0o${n.slice(1)}` : n) < 2n ** 64n)) return `Failed to parse vacuum files: ${v}`;
  return undefined;
}

function parsePriority(text: string): number | undefined {
  if (/^[0-7]$/.test(text)) return Number(text);
  const i = PRIORITIES.indexOf(text);
  return i < 0 ? undefined : i;
}

function unitName(name: string): string {
  return /\.(service|socket|target|timer|mount|automount|swap|path|slice|scope|device)$/.test(name) ? name : `${name}.service`;
}

async function ask(ctx: Ctx, req: JournalRequest): Promise<JournalReply> {
  return (await ctx.sys.call('journal', req)) as JournalReply;
}

/** -b and -n take an optional argument that may also be the next word (journalctl.c). */
function joinOptionalArgs(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if ((a === '-b' || a === '--boot') && next !== undefined && /^([+-]?\d+|[0-9a-f]{32}([+-]\d+)?|all)$/.test(next)) {
      out.push(`--boot=${next}`);
      i++;
    } else if ((a === '-n' || a === '--lines') && next !== undefined && /^\+?\d+$|^all$/.test(next)) {
      out.push(`--lines=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

const HELP = `Query the journal.

Options:
  -b --boot[=ID]             Show entries from the current boot, or another boot
  -u --unit=UNIT             Show entries of the given unit
  -t --identifier=STRING     Show entries with the given syslog identifier
  -p --priority=RANGE        Show entries at or above the given priority
  -g --grep=PATTERN          Show entries whose message matches the pattern
  -S --since=DATE            Show entries not older than the date
  -U --until=DATE            Show entries not newer than the date
  -k --dmesg                 Show kernel messages of the current boot
  -n --lines[=INTEGER]       Number of entries to show
  -r --reverse               Show the newest entries first
  -f --follow                Keep printing new entries
  -e --pager-end             Jump to the end in the pager
  -x --catalog               Add explanations where available
  -o --output=STRING         Output mode (short, short-iso, short-precise, cat,
                             json, json-pretty, verbose, export, ...)
  -q --quiet                 Do not show informational messages
     --no-pager              Do not pipe output into a pager
     --no-hostname           Leave out the hostname
     --utc                   Show times in UTC
     --disk-usage            Show the disk space the journal takes
     --list-boots            Show the boots the journal knows
     --vacuum-size=BYTES     Shrink the journal below this size
  -h --help                  Show this help text
     --version               Show the package version
`;

export default defineProgram({
  name: 'journalctl',
  installPath: '/usr/bin/journalctl',
  pkg: 'systemd',
  tryHelp: false,
  usage: 'journalctl [OPTIONS...] [MATCHES...]',
  async main(ctx, { operands }) {
    let parsed: Parsed;
    try {
      parsed = getopt(joinOptionalArgs(operands), OPTIONS);
    } catch (e) {
      if (!(e instanceof GetoptError) || !e.partial) throw e;
      // the options before a bad one are acted on first (getopt_long hands them over in turn)
      return journalctl(ctx, e.partial, e);
    }
    return journalctl(ctx, parsed);
  },
});

async function journalctl(ctx: Ctx, p: Parsed, bad?: GetoptError): Promise<number> {
  const has = (k: string): boolean => p.flags.has(k) || p.values.has(k);
  const last = (k: string): string | undefined => p.values.get(k)?.at(-1);
  if (has('help')) {
    await ctx.print(`journalctl [OPTIONS...] [MATCHES...]\n\n${HELP}`);
    return 0;
  }
  if (has('version')) {
    await ctx.print('systemd 253 (v253.19-10.ph5)\n+PAM -AUDIT -SELINUX -APPARMOR -IMA -SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL -ELFUTILS -FIDO2 -IDN2 -IDN -IPTC +KMOD -LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE -TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n');
    return 0;
  }
  // each -o and --facility= is read as it comes: "help" lists the choices (the modes in systemd's
  // table order) and ends the run
  let quiet = false;
  // -e and -f look at the current boot unless a later -b says otherwise; "-b all" looks at all
  let bootSpec: string | undefined;
  const facilities: number[] = [];
  for (const { key, value: o = '' } of p.order) {
    if (key === 'quiet') quiet = true;
    if (key === 'boot') bootSpec = o === '' ? '0' : o;
    if ((key === 'end' || key === 'follow') && (bootSpec === undefined || bootSpec === 'all')) bootSpec = '0';
    const vacuum = vacuumArgError(key, o);
    if (vacuum) {
      await ctx.err.write(`${vacuum}\n`);
      return 1;
    }
    if (key === 'facility') {
      const f = parseFacilities(o);
      if (f === 'help') {
        await ctx.print(facilityHelp(quiet));
        return 0;
      }
      if ('error' in f) {
        await ctx.err.write(`${f.error}\n`);
        return 1;
      }
      facilities.push(...f);
    }
    if (key !== 'output') continue;
    if (o === 'help') {
      await ctx.print(`${OUTPUT_MODE_TABLE.join('\n')}\n`);
      return 0;
    }
    if (!(OUTPUT_MODES as readonly string[]).includes(o)) {
      await ctx.err.write(`Unknown output format '${o}'.\n`);
      return 1;
    }
    if (QUIET_MODES.includes(o)) quiet = true;
  }
  if (bad) {
    await ctx.error(bad.message);
    return 1;
  }
  const mode = (last('output') ?? 'short') as OutputMode;
  const zone: Zone = has('utc') ? UTC_ZONE : await localZone(ctx.sys);
  const query: JournalQuery = {};
  const prio = last('priority');
  if (prio !== undefined) {
    const range = prio.split('..');
    const a = parsePriority(range[0]!);
    const b = range.length > 1 ? parsePriority(range[1]!) : undefined;
    if (a === undefined || (range.length > 1 && b === undefined) || range.length > 2) {
      await ctx.err.write(range.length > 1 ? `Failed to parse log level range ${prio}\n` : `Unknown log level ${prio}\n`);
      return 1;
    }
    if (b === undefined) query.priorityMax = a;
    else {
      query.priorityMin = Math.min(a, b!);
      query.priorityMax = Math.max(a, b!);
    }
  }
  const now = ctx.sys.now();
  for (const [key, field] of [['since', 'since'], ['until', 'until']] as const) {
    const v = last(key);
    if (v === undefined) continue;
    const t = parseTimestamp(v, now * 1000, zone);
    if (t === undefined) {
      await ctx.err.write(`Failed to parse timestamp: ${v}\n`);
      return 1;
    }
    query[field] = t;
  }
  const follow = has('follow');
  const linesArg = p.values.get('lines');
  let tail: number | undefined;
  if (linesArg !== undefined) {
    const v = linesArg.at(-1);
    if (v === undefined) tail = 10;
    else if (v !== 'all') {
      const n = Number(v.replace(/^\+/, ''));
      if (!/^\+?\d+$/.test(v)) {
        await ctx.err.write(`Failed to parse lines '${v}'\n`);
        return 1;
      }
      tail = n;
    }
  } else if (follow) tail = 10;
  else if (has('end')) tail = 1000;
  const problem = argumentProblem(ctx, p, bootSpec, query);
  let pattern: RegExp | undefined;
  const g = last('grep');
  // --case-sensitive[=BOOL]; without it, smart case: a pattern without capitals ignores case
  let caseSensitive: boolean | undefined;
  if (p.values.has('caseSensitive') || p.flags.has('caseSensitive')) {
    const v = last('caseSensitive');
    caseSensitive = v === undefined ? true : parseBoolean(v);
    if (caseSensitive === undefined) {
      await ctx.err.write(`Bad --case-sensitive= argument "${v}": Invalid argument\n`);
      return 1;
    }
  }
  if (problem !== undefined) {
    await ctx.err.write(`${problem}\n`);
    return 1;
  }
  if (g !== undefined) {
    const compiled = compileGrep(g, caseSensitive === undefined ? !/[A-Z]/.test(g) : !caseSensitive);
    if (typeof compiled === 'string') {
      await ctx.err.write(`${compiled}\n`);
      return 1;
    }
    pattern = compiled;
  }
  if (has('newId')) {
    await ctx.print((await import('../id128')).newIdPretty(ctx));
    return 0;
  }
  const source = await openSource(ctx, p.values);
  if (typeof source !== 'string') {
    await ctx.err.write(`${source.error}\n`);
    return 1;
  }
  const live = source === 'live';
  // journal_access_check_and_warn(): an empty set of files is worth a notice
  if (!live && !quiet && !has('rotate') && !has('flush') && !has('sync') && !has('relinquish') && !has('smartRelinquish')) {
    await ctx.err.write('No journal files were found.\n');
  }
  if (has('verify')) {
    if (live) await ctx.err.write(`PASS: /var/log/journal/${await machineIdOf(ctx)}/system.journal\n`);
    return 0;
  }
  if (has('header')) return 0;
  if (has('diskUsage')) {
    const r = live ? await ask(ctx, { kind: 'usage' }) : undefined;
    await ctx.print(`Archived and active journals take up ${formatBytes(r?.kind === 'usage' ? r.bytes : 0)} in the file system.\n`);
    return 0;
  }
  if (has('relinquish') || has('smartRelinquish')) return 0;
  if (has('vacuumSize') || has('vacuumTime') || has('vacuumFiles') || has('rotate') || has('flush') || has('sync')) {
    if (ctx.sys.geteuid() !== 0) {
      await ctx.err.write('Failed to rotate journal: Access denied\n');
      return 1;
    }
    if (live) await ask(ctx, { kind: 'vacuum' });
    const from = live ? '/var/log/journal' : p.values.get('directory')?.at(-1);
    if (from !== undefined && !quiet && (has('vacuumSize') || has('vacuumTime') || has('vacuumFiles'))) await ctx.err.write(`Vacuuming done, freed 0B of archived journals from ${from}.\n`);
    return 0;
  }
  const bootsReply = live ? await ask(ctx, { kind: 'boots' }) : undefined;
  const boots: JournalBoot[] = bootsReply?.kind === 'boots' ? bootsReply.boots : [];
  if (has('listBoots')) return listBoots(ctx, boots, zone);

  if (bootSpec !== undefined || has('dmesg')) {
    const spec = bootSpec ?? '0';
    if (spec !== 'all') {
      const id = pickBoot(boots, spec);
      if (id === undefined) {
        // the boot ID when one was given, else the offset with its sign ("%+i")
        const id = /^[0-9a-f]{32}/.exec(spec)?.[0];
        const n = Number(spec);
        const what = id ?? (Number.isInteger(n) ? `${n >= 0 ? '+' : ''}${n}` : spec);
        await ctx.err.write(`Data from the specified boot (${what}) is not available: No such boot ID in journal\n`);
        return 1;
      }
      query.boots = [id];
    }
  }
  if (has('dmesg')) query.kernelOnly = true;
  const units = p.values.get('unit');
  if (units) query.units = units.map(unitName);
  const idents = p.values.get('ident');
  if (idents) query.identifiers = idents;
  // the facilities are alternatives for one field (add_facilities())
  const matches: [string, string][] = [...new Set(facilities)].map((f) => ['SYSLOG_FACILITY', String(f)]);
  // add_matches(): "+" (a disjunction between the matches before and after it) must stand
  // between two terms; the words after a misplaced one are not looked at
  let haveTerm = false;
  for (const m of p.operands) {
    if (m === '+') {
      if (!haveTerm) break;
      matches.push(['+', '']);
      haveTerm = false;
      continue;
    }
    const eq = m.indexOf('=');
    if (eq > 0 && /^[A-Z0-9_]+$/.test(m.slice(0, eq))) matches.push([m.slice(0, eq), m.slice(eq + 1)]);
    else if (m.startsWith('/')) matches.push(['_EXE', m]);
    else {
      await ctx.err.write(`Failed to add match '${m}': Invalid argument\n`);
      return 1;
    }
    haveTerm = true;
  }
  if (p.operands.length > 0 && !haveTerm) {
    await ctx.err.write('"+" can only be used between terms\n');
    return 1;
  }
  if (matches.length) query.matches = matches;

  if (has('field') || has('fields')) return live ? listFieldValues(ctx, last('field'), tail) : 0;
  const reply: JournalReply = live ? await ask(ctx, { kind: 'query', query }) : { kind: 'entries', entries: [], limited: false, lastSeq: 0 };
  if (reply.kind !== 'entries') return 1;
  let entries = reply.entries;
  if (pattern) entries = entries.filter((e) => pattern!.test(e.message));
  if (tail !== undefined) entries = tail === 0 ? [] : entries.slice(-tail);
  if (has('reverse')) entries = [...entries].reverse();
  if (reply.limited && !has('quiet')) {
    await ctx.err.write("Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal', 'wheel' can see all messages.\n      Pass -q to turn off this notice.\n");
  }
  const machineId = new TextDecoder().decode(await ctx.sys.readFile('/etc/machine-id').catch(() => new Uint8Array())).trim();
  const fmt: FormatOptions = { mode, zone, machineId, color: ctx.sys.isatty(1), noHostname: has('noHostname'), all: has('all') };
  const catalog = has('catalog');
  const out: string[] = [];
  let prevBoot: string | undefined;
  const render = (e: JournalEntry): void => {
    if (prevBoot !== undefined && e.bootId !== prevBoot && mode.startsWith('short')) out.push(`-- Boot ${e.bootId} --`);
    prevBoot = e.bootId;
    out.push(formatEntry(e, fmt));
    if (catalog && e.messageId) out.push(...explain(e));
  };
  for (const e of entries) render(e);
  if (entries.length === 0 && !quiet) out.push('-- No entries --');
  const text = out.length ? `${out.join('\n')}\n` : '';
  if (!follow) {
    if (wantPager(ctx, has('noPager'))) await page(ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK', lessArgs: has('end') ? ['+G'] : [] });
    else await ctx.out.write(text);
    // like grep, a pattern that matched nothing fails the run
    return pattern && entries.length === 0 ? 1 : 0;
  }
  await ctx.out.write(text);
  await ctx.out.flush();
  let seen = reply.lastSeq;
  for (;;) {
    await ask(ctx, { kind: 'wait', afterSeq: seen });
    const more = await ask(ctx, { kind: 'query', query: { ...query, afterSeq: seen } });
    if (more.kind !== 'entries') return 1;
    seen = more.lastSeq;
    out.length = 0;
    for (const e of more.entries) if (!pattern || pattern.test(e.message)) render(e);
    if (out.length) {
      await ctx.out.write(`${out.join('\n')}\n`);
      await ctx.out.flush();
    }
  }
}

/**
 * -F FIELD: every value the field takes in the journal files, once each (sd_journal_query_unique
 * looks at the files' data objects, so the other filters do not apply); -N: every field name.
 */
async function listFieldValues(ctx: Ctx, field: string | undefined, limit: number | undefined): Promise<number> {
  const reply = await ask(ctx, { kind: 'query', query: {} });
  if (reply.kind !== 'entries') return 1;
  const machineId = new TextDecoder().decode(await ctx.sys.readFile('/etc/machine-id').catch(() => new Uint8Array())).trim();
  const seen = new Set<string>();
  for (const e of reply.entries) {
    for (const [k, v] of entryFields(e, machineId)) {
      if (k.startsWith('__')) continue;
      if (field === undefined) seen.add(k);
      else if (k === field) seen.add(v);
    }
  }
  const values = [...seen].slice(0, limit);
  await ctx.out.write(values.map((v) => `${v}\n`).join(''));
  return 0;
}

async function machineIdOf(ctx: Ctx): Promise<string> {
  return new TextDecoder().decode(await ctx.sys.readFile('/etc/machine-id').catch(() => new Uint8Array())).trim();
}

/** parse_argv()'s checks of the options against each other, in its order. */
function argumentProblem(ctx: Ctx, p: Parsed, bootSpec: string | undefined, query: JournalQuery): string | undefined {
  const has = (k: string): boolean => p.flags.has(k) || p.values.has(k);
  // --root= and --root=/ are no root
  const root = p.values.get('root')?.at(-1);
  const sources = ['directory', 'file'].filter(has).length + (root !== undefined && root !== '' && simplifyPath(root.startsWith('/') ? root : `${ctx.sys.getcwd()}/${root}`) !== '/' ? 1 : 0);
  if (sources > 1) return 'Please specify at most one of -D/--directory=, --file=, -M/--machine=, --root=, --image=.';
  if (query.since !== undefined && query.until !== undefined && query.since > query.until) return '--since= must be before --until=.';
  if (has('follow') && has('reverse')) return 'Please specify either --reverse= or --follow=, not both.';
  const show = !['newId', 'header', 'verify', 'diskUsage', 'listBoots', 'field', 'fields', 'vacuumSize', 'vacuumTime', 'vacuumFiles', 'rotate', 'flush', 'sync', 'relinquish', 'smartRelinquish'].some(has);
  if (!show && p.operands.length > 0) return `Extraneous arguments starting with '${p.operands[0]}'`;
  if (((bootSpec !== undefined && bootSpec !== 'all') || has('listBoots')) && has('merge')) return 'Using --boot or --list-boots with --merge is not supported.';
  return undefined;
}

function pickBoot(boots: JournalBoot[], spec: string): string | undefined {
  const hex = /^([0-9a-f]{32})([+-]\d+)?$/.exec(spec);
  if (hex) {
    const i = boots.findIndex((b) => b.id === hex[1]);
    const j = i + Number(hex[2] ?? 0);
    return i >= 0 ? boots[j]?.id : undefined;
  }
  const n = Number(spec);
  if (!Number.isInteger(n)) return undefined;
  // 0 and negative count back from the current boot; positive count from the first
  const idx = n <= 0 ? boots.length - 1 + n : n - 1;
  return boots[idx]?.id;
}

async function listBoots(ctx: Ctx, boots: JournalBoot[], zone: Zone): Promise<number> {
  if (boots.length === 0) return 0;
  const stampOf = (us: number): string => formatTimestamp(us, zone) ?? '';
  const rows = boots.map((b, i) => [String(i - boots.length + 1), b.id, stampOf(b.first), stampOf(b.last)]);
  const head = ['IDX', 'BOOT ID', 'FIRST ENTRY', 'LAST ENTRY'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padStart(widths[c]!) : c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join(' ');
  await ctx.print(`${[head, ...rows].map(line).join('\n')}\n`);
  return 0;
}
