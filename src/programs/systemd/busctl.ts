// busctl (systemd 252): its options and verbs are checked as busctl does (unknown verb, too few
// or too many arguments, a bad --json= value), then it needs the D-Bus system bus, which this
// machine does not offer: "Failed to connect to bus" and status 1, as on a host without it.
import { GetoptError, getopt, type OptionDef } from '../lib/getopt';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from './systemctl/help';

const HELP = `busctl [OPTIONS...] COMMAND ...

Introspect the D-Bus IPC bus.

Commands:
  list                     List the peers on the bus
  status [SERVICE]         Show a peer's credentials
  monitor [SERVICE...]     Show the messages that pass
  capture [SERVICE...]     Write the messages that pass as pcap
  tree [SERVICE...]        Show a peer's object tree
  introspect SERVICE OBJECT [INTERFACE]
                           Show an object's interfaces, methods and properties
  call SERVICE OBJECT INTERFACE METHOD [SIGNATURE [ARGUMENT...]]
                           Call a method
  emit OBJECT INTERFACE SIGNAL [SIGNATURE [ARGUMENT...]]
                           Send a signal
  get-property SERVICE OBJECT INTERFACE PROPERTY...
                           Read properties
  set-property SERVICE OBJECT INTERFACE PROPERTY SIGNATURE ARGUMENT...
                           Write a property
  help                     Show this help

Options:
  -h --help                Show this help
     --version             Show the version
     --no-pager            Do not use a pager
     --no-legend           Leave out the header and footer
  -l --full                Do not shorten the output
     --system              Connect to the system bus
     --user                Connect to the user's bus
  -H --host=[USER@]HOST    Work on a remote host
  -M --machine=CONTAINER   Work on a container
     --address=ADDRESS     Connect to the bus at ADDRESS
     --json=MODE          Write JSON (pretty, short or off)
  -j                       The same as --json=pretty on a terminal, short otherwise

See the busctl(1) man page for details.
`;

const OPTIONS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'no-pager', long: 'no-pager' },
  { key: 'no-legend', long: 'no-legend' }, { key: 'full', short: 'l', long: 'full' }, { key: 'system', long: 'system' },
  { key: 'user', long: 'user' }, { key: 'host', short: 'H', long: 'host', arg: 'required' }, { key: 'machine', short: 'M', long: 'machine', arg: 'required' },
  { key: 'address', long: 'address', arg: 'required' }, { key: 'show-machine', long: 'show-machine' }, { key: 'unique', long: 'unique' },
  { key: 'acquired', long: 'acquired' }, { key: 'activatable', long: 'activatable' }, { key: 'match', long: 'match', arg: 'required' },
  { key: 'size', long: 'size', arg: 'required' }, { key: 'list', long: 'list' }, { key: 'quiet', short: 'q', long: 'quiet' },
  { key: 'verbose', long: 'verbose' }, { key: 'xml-interface', long: 'xml-interface' }, { key: 'json', long: 'json', arg: 'required' },
  { key: 'j', short: 'j' }, { key: 'expect-reply', long: 'expect-reply', arg: 'required' }, { key: 'auto-start', long: 'auto-start', arg: 'required' },
  { key: 'allow-interactive-authorization', long: 'allow-interactive-authorization', arg: 'required' }, { key: 'timeout', long: 'timeout', arg: 'required' },
  { key: 'augment-creds', long: 'augment-creds', arg: 'required' }, { key: 'watch-bind', long: 'watch-bind', arg: 'required' },
  { key: 'destination', long: 'destination', arg: 'required' }, { key: 'user-unit', long: 'user-unit' },
];

/** Each verb's arguments, the verb counted: [min, max]. */
const VERBS: Record<string, [number, number]> = {
  list: [1, 1], status: [1, 2], monitor: [1, Infinity], capture: [1, Infinity], tree: [1, Infinity], introspect: [3, 4],
  call: [5, Infinity], emit: [4, Infinity], 'get-property': [5, Infinity], 'set-property': [6, Infinity], help: [1, Infinity],
};

async function main(ctx: Ctx): Promise<number> {
  let p;
  try {
    p = getopt(ctx.argv.slice(1), OPTIONS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`${ctx.name}: ${e.message}\n`);
    return 1;
  }
  let user = false;
  let machine: string | undefined;
  for (const { key, value } of p.order) {
    if (key === 'help') {
      await ctx.print(HELP);
      return 0;
    }
    if (key === 'version') {
      await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
      return 0;
    }
    if (key === 'user') user = true;
    if (key === 'system') user = false;
    if (key === 'machine' || key === 'host') machine = value;
    if (key === 'json' && !['pretty', 'short', 'off', 'help'].includes(value!)) {
      await ctx.err.write(`Unknown argument to --json= switch: ${value}\n`);
      return 1;
    }
  }
  const verb = p.operands[0] ?? 'list';
  const counts = VERBS[verb];
  if (!counts) {
    await ctx.err.write(`Unknown command verb ${verb}.\n`);
    return 1;
  }
  const n = Math.max(1, p.operands.length);
  if (n < counts[0] || n > counts[1]) {
    await ctx.err.write(n < counts[0] ? 'Too few arguments.\n' : 'Too many arguments.\n');
    return 1;
  }
  if (verb === 'help') {
    await ctx.print(HELP);
    return 0;
  }
  if (user && machine === undefined && !ctx.env.get('DBUS_SESSION_BUS_ADDRESS') && !ctx.env.get('XDG_RUNTIME_DIR')) {
    await ctx.err.write('Failed to set bus address: $DBUS_SESSION_BUS_ADDRESS and $XDG_RUNTIME_DIR not defined (consider using --machine=<user>@.host --user to connect to bus of other user)\n');
    return 1;
  }
  await ctx.err.write(`Failed to connect to bus: ${machine !== undefined ? 'Host is down' : 'No such file or directory'}\n`);
  return 1;
}

export default defineProgram({ name: 'busctl', installPath: '/usr/bin/busctl', pkg: 'systemd', main });
