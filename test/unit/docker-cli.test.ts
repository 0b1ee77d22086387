// The docker CLI layer (docker/cli v27.3.1 with cobra 1.8.1 / pflag 1.0.5):
// command table, parsing, error wording and exit statuses, and help layout.
import { describe, expect, it } from 'vitest';
import { commandTree, lookupCommand } from '../../src/programs/docker/cli/commands';
import {
  argsErrorText,
  cannotConnect,
  reportError,
  startContainerStatus,
} from '../../src/programs/docker/cli/errors';
import { helpText, usageString } from '../../src/programs/docker/cli/help';
import {
  type CliEnv,
  flagBool,
  flagList,
  flagMap,
  flagNumber,
  flagString,
  type ParsedCommand,
  type ParseOutcome,
  parse,
} from '../../src/programs/docker/cli/parse';

const ENV: CliEnv = { environ: { HOME: '/root', FOO: 'bar' } };

function run(line: string, env: CliEnv = ENV): ParseOutcome {
  return parse(line === '' ? [] : line.split(' '), env);
}

function cmd(line: string, env: CliEnv = ENV): ParsedCommand {
  const r = run(line, env);
  if (r.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(r)}`);
  return r;
}

function failure(line: string, env: CliEnv = ENV): { stderr: string; status: number } {
  const r = run(line, env);
  if (r.kind !== 'error') throw new Error(`expected an error, got ${r.kind}`);
  return { stderr: r.stderr, status: r.status };
}

const BUILDX_NOTICE =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            Install the buildx component to build images with BuildKit:\n' +
  '            https://docs.docker.com/go/buildx/\n\n';

const ROOT_HELP = `
Usage:  docker [OPTIONS] COMMAND

A standalone runtime for containers

Common Commands:
  run         Create a new container from an image and run it
  exec        Run a command inside a running container
  ps          List containers
  build       Create an image from a Dockerfile
  pull        Fetch an image from a registry
  push        Send an image to a registry
  images      List images
  login       Log in to a registry
  logout      Log out of a registry
  search      Look for images on Docker Hub
  version     Print Docker version details
  info        Show system-wide information

Management Commands:
  builder     Manage builds
  container   Manage containers
  context     Manage contexts
  image       Manage images
  manifest    Work with image manifests and manifest lists
  network     Manage networks
  plugin      Manage plugins
  system      Manage Docker
  trust       Manage signatures and trust for images
  volume      Manage volumes

Swarm Commands:
  swarm       Manage Swarm

Commands:
  attach      Connect the terminal's standard input, output and error to a running container
  commit      Make a new image from a container's changes
  cp          Copy files or folders between a container and the local filesystem
  create      Create a new container without starting it
  diff        Show the files and directories changed in a container's filesystem
  events      Stream real-time events from the server
  export      Write a container's filesystem out as a tar archive
  history     Show the layer history of an image
  import      Create a filesystem image from the contents of a tarball
  inspect     Show low-level information about Docker objects
  kill        Kill one or more running containers
  load        Load images from a tar archive or STDIN
  logs        Show the logs of a container
  pause       Suspend all processes in one or more containers
  port        Show the port mappings of a container, or one of them
  rename      Give a container a new name
  restart     Restart one or more containers
  rm          Delete one or more containers
  rmi         Delete one or more images
  save        Write one or more images to a tar archive (to STDOUT by default)
  start       Start one or more stopped containers
  stats       Stream live resource usage statistics of containers
  stop        Stop one or more running containers
  tag         Add a tag TARGET_IMAGE that points to SOURCE_IMAGE
  top         Show the processes running in a container
  unpause     Resume all processes in one or more paused containers
  update      Change the configuration of one or more containers
  wait        Wait for one or more containers to stop, then print their exit codes

Global Options:
      --config string      Directory holding the client configuration
                           (default "/root/.docker")
  -c, --context string     Context to use for the daemon connection
                           (overrides the DOCKER_HOST variable and the
                           default set with "docker context use")
  -D, --debug              Turn on debug output
  -H, --host list          Daemon socket(s) to connect to
  -l, --log-level string   Logging level ("debug", "info", "warn",
                           "error", "fatal") (default "info")
      --tls                Connect over TLS; implied by --tlsverify
      --tlscacert string   Only trust certificates signed by this CA
                           (default "/root/.docker/ca.pem")
      --tlscert string     TLS certificate file (default
                           "/root/.docker/cert.pem")
      --tlskey string      TLS key file (default "/root/.docker/key.pem")
      --tlsverify          Connect over TLS and verify the remote end
  -v, --version            Print the version and exit

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
`;

describe('command resolution', () => {
  it.each([
    ['run -it ubuntu bash', ['run'], ['run']],
    ['container run ubuntu', ['container', 'run'], ['container', 'run']],
    ['container ps', ['container', 'ls'], ['container', 'ps']],
    ['container list', ['container', 'ls'], ['container', 'list']],
    ['ps', ['ps'], ['ps']],
    ['image rmi x', ['image', 'rm'], ['image', 'rmi']],
    ['network remove n', ['network', 'rm'], ['network', 'remove']],
    ['builder build .', ['builder', 'build'], ['builder', 'build']],
    ['system info', ['system', 'info'], ['system', 'info']],
    ['volume list', ['volume', 'ls'], ['volume', 'list']],
  ])('%s', (line, path, invoked) => {
    const p = cmd(line);
    expect(p.path).toEqual(path);
    expect(p.invokedAs).toEqual(invoked);
  });

  it('every command listed by the brief exists', () => {
    for (const name of [
      'run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info',
      'attach', 'commit', 'cp', 'create', 'diff', 'events', 'export', 'history', 'import', 'inspect', 'kill',
      'load', 'logs', 'pause', 'port', 'rename', 'restart', 'rm', 'rmi', 'save', 'start', 'stats', 'stop', 'tag',
      'top', 'unpause', 'update', 'wait', 'container', 'image', 'network', 'volume', 'system', 'builder', 'context',
    ]) {
      expect(lookupCommand([name]), name).toBeDefined();
    }
    expect(lookupCommand(['buildx'])).toBeUndefined();
    expect(commandTree.children.length).toBeGreaterThan(50);
  });
});

describe('flag parsing', () => {
  it('combined shorthands, attached values, --flag=false', () => {
    const p = cmd('run -it --rm=false -p8080:80 -p=443:443 --name web -d=false ubuntu bash -c ls');
    expect(flagBool(p, 'interactive')).toBe(true);
    expect(flagBool(p, 'tty')).toBe(true);
    expect(flagBool(p, 'rm')).toBe(false);
    expect(flagBool(p, 'detach')).toBe(false);
    expect(flagList(p, 'publish')).toEqual(['8080:80', '443:443']);
    expect(flagString(p, 'name')).toBe('web');
    expect(p.args).toEqual(['ubuntu', 'bash', '-c', 'ls']);
    expect([...p.changed].sort()).toEqual(['detach', 'interactive', 'name', 'publish', 'rm', 'tty']);
  });

  it('run stops at the first argument; ps does not', () => {
    expect(cmd('run ubuntu --help -d').args).toEqual(['ubuntu', '--help', '-d']);
    expect(flagBool(cmd('run ubuntu -d'), 'detach')).toBe(false);
    const ps = cmd('ps --format x -a');
    expect(flagBool(ps, 'all')).toBe(true);
    expect(flagString(ps, 'format')).toBe('x');
  });

  it('-- ends the options', () => {
    const p = cmd('run -- -image');
    expect(p.args).toEqual(['-image']);
    expect(p.argsLenAtDash).toBe(0);
    const k = cmd('kill -s HUP a -- -b');
    expect(k.args).toEqual(['a', '-b']);
    expect(k.argsLenAtDash).toBe(1);
    expect(flagString(k, 'signal')).toBe('HUP');
  });

  it('lists accumulate and validators rewrite values', () => {
    const p = cmd('run -e A=1 -e FOO -e MISSING --env B= -v /a:/b -v v:/c --add-host db=10.0.0.2 --dns 0:0:0:0:0:0:0:1 ubuntu');
    expect(flagList(p, 'env')).toEqual(['A=1', 'FOO=bar', 'MISSING', 'B=']);
    expect(flagList(p, 'volume')).toEqual(['/a:/b', 'v:/c']);
    expect(flagList(p, 'add-host')).toEqual(['db:10.0.0.2']);
    expect(flagList(p, 'dns')).toEqual(['::1']);
  });

  it('hidden aliases share one value (--net/--network)', () => {
    const p = cmd('run --net host --network bridge --dns-opt a --dns-option b ubuntu');
    expect(flagList(p, 'network')).toEqual(['host', 'bridge']);
    expect(flagList(p, 'dns-option')).toEqual(['a', 'b']);
    expect(p.changed.has('net')).toBe(true);
    expect(p.changed.has('network')).toBe(true);
  });

  it('typed values: sizes, CPUs, durations, maps, filters, slices', () => {
    const p = cmd('run -m 1g --memory-swap -1 --cpus 1.5 --health-interval 1m30s --sysctl net.ipv4.ip_forward=1 --ulimit nofile=10:20 ubuntu');
    expect(flagNumber(p, 'memory')).toBe(1024 ** 3);
    expect(flagNumber(p, 'memory-swap')).toBe(-1);
    expect(flagNumber(p, 'cpus')).toBe(1_500_000_000);
    expect(flagNumber(p, 'health-interval')).toBe(90_000);
    expect(flagMap(p, 'sysctl')).toEqual({ 'net.ipv4.ip_forward': '1' });
    expect(flagList(p, 'ulimit')).toEqual(['nofile=10:20']);
    expect(flagNumber(p, 'memory-swappiness')).toBe(-1);
    expect(flagString(p, 'restart')).toBe('no');
    expect(flagString(p, 'pull')).toBe('missing');
    expect(flagBool(p, 'disable-content-trust')).toBe(true);
    expect(flagBool(p, 'sig-proxy')).toBe(true);
    const ps = parse(['ps', '-f', 'Name=web', '-f', ' status = exited'], ENV);
    expect(ps.kind === 'command' && flagList(ps, 'filter')).toEqual(['name=web', 'status=exited']);
    const n = cmd('network create --subnet 10.0.0.0/24,10.1.0.0/24 --subnet 10.2.0.0/24 -o com.x=1 n1');
    expect(flagList(n, 'subnet')).toEqual(['10.0.0.0/24', '10.1.0.0/24', '10.2.0.0/24']);
    expect(flagMap(n, 'opt')).toEqual({ 'com.x': '1' });
    expect(flagString(n, 'driver')).toBe('bridge');
    const logs = cmd('logs -n 0x10 c');
    expect(flagString(logs, 'tail')).toBe('0x10');
    expect(flagNumber(cmd('stop -t 0x10 c'), 'time')).toBe(16);
    expect(flagNumber(cmd('ps -n 1_0'), 'last')).toBe(10);
  });

  it('global options stop at the first command word', () => {
    const p = cmd('-D -H unix:///x.sock --log-level debug --tlscacert "/c/ca.pem" ps');
    expect(p.globals.debug).toBe(true);
    expect(p.globals.host).toEqual(['unix:///x.sock']);
    expect(p.globals.logLevel).toBe('debug');
    expect(p.globals.tlscacert).toBe('/c/ca.pem');
    expect(p.globals.config).toBe('/root/.docker');
    expect(failure('ps -D')).toEqual({
      stderr: "unknown shorthand flag: 'D' in -D\nSee 'docker ps --help'.\n",
      status: 125,
    });
  });

  it('environment defaults', () => {
    const env: CliEnv = { environ: { HOME: '/home/u', DOCKER_DEFAULT_PLATFORM: 'linux/arm64', DOCKER_CONTENT_TRUST: '1' } };
    const p = cmd('pull alpine', env);
    expect(flagString(p, 'platform')).toBe('linux/arm64');
    expect(flagBool(p, 'disable-content-trust')).toBe(false);
    expect(cmd('ps', env).globals.config).toBe('/home/u/.docker');
    expect(cmd('ps', { environ: { DOCKER_CONFIG: '/etc/docker-cli' } }).globals.tlskey).toBe('/etc/docker-cli/key.pem');
  });
});

describe('error wording and exit status', () => {
  const tail = (c: string): string => `\nSee 'docker ${c} --help'.\n`;
  it.each([
    ['run --foo', 'unknown flag: --foo' + tail('run'), 125],
    ['run -z', "unknown shorthand flag: 'z' in -z" + tail('run'), 125],
    ['run -itz', "unknown shorthand flag: 'z' in -z" + tail('run'), 125],
    ['ps -ax', "unknown shorthand flag: 'x' in -x" + tail('ps'), 125],
    ['run -p', "flag needs an argument: 'p' in -p" + tail('run'), 125],
    ['run -h', "flag needs an argument: 'h' in -h" + tail('run'), 125],
    ['run --name', 'flag needs an argument: --name' + tail('run'), 125],
    ['ps ---all', 'bad flag syntax: ---all' + tail('ps'), 125],
    ['run -m x ubuntu', `invalid argument "x" for "-m, --memory" flag: invalid size: 'x'` + tail('run'), 125],
    ['run -m 1q ubuntu', `invalid argument "1q" for "-m, --memory" flag: invalid suffix: 'q'` + tail('run'), 125],
    ['ps -n x', 'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax' + tail('ps'), 125],
    ['ps --all=maybe', 'invalid argument "maybe" for "-a, --all" flag: strconv.ParseBool: parsing "maybe": invalid syntax' + tail('ps'), 125],
    ['run --blkio-weight 70000 u', 'invalid argument "70000" for "--blkio-weight" flag: strconv.ParseUint: parsing "70000": value out of range' + tail('run'), 125],
    ['run --health-interval 5 u', 'invalid argument "5" for "--health-interval" flag: time: missing unit in duration "5"' + tail('run'), 125],
    ['run --health-timeout 5x u', 'invalid argument "5x" for "--health-timeout" flag: time: unknown unit "x" in duration "5x"' + tail('run'), 125],
    ['run --cpus abc u', 'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number' + tail('run'), 125],
    ['run --cpus 0.0000000001 u', 'invalid argument "0.0000000001" for "--cpus" flag: value is too precise' + tail('run'), 125],
    ['run --add-host foo u', 'invalid argument "foo" for "--add-host" flag: bad format for add-host: "foo"' + tail('run'), 125],
    ['run -a foo u', 'invalid argument "foo" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR' + tail('run'), 125],
    ['run -e =x u', 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x' + tail('run'), 125],
    ['run --dns 1.2.3 u', 'invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3' + tail('run'), 125],
    ['run --sysctl kernel.foo=1 u', `invalid argument "kernel.foo=1" for "--sysctl" flag: sysctl 'kernel.foo=1' is not allowed` + tail('run'), 125],
    ['run --ulimit nofile=2:1 u', 'invalid argument "nofile=2:1" for "--ulimit" flag: ulimit soft limit must be less than or equal to hard limit: 2 > 1' + tail('run'), 125],
    ['ps -f status', 'invalid argument "status" for "-f, --filter" flag: bad format of filter (expected name=value)' + tail('ps'), 125],
    ['build -t Foo .', BUILDX_NOTICE + 'invalid argument "Foo" for "-t, --tag" flag: invalid reference format: repository name (library/Foo) must be lowercase' + tail('build'), 125],
    ['build -t a:b:c .', BUILDX_NOTICE + 'invalid argument "a:b:c" for "-t, --tag" flag: invalid reference format' + tail('build'), 125],
    ['foo', "docker: 'foo' is not a docker command.\nSee 'docker --help'\n", 1],
    ['buildx build .', "docker: 'buildx' is not a docker command.\nSee 'docker --help'\n", 1],
    // options met while walking to a subcommand are parsed by the parent: a plain error
    ['container --foo=1 ls', 'unknown flag: --foo\n', 1],
    ['help foo', 'unknown help topic: foo\n', 1],
    ['help run now', 'unknown help topic: now\n', 1],
    ['context use', 'accepts 1 arg(s), received 0\n', 1],
    ['start --checkpoint c1 web', '"--checkpoint" is only supported on a Docker daemon with experimental features enabled\n', 1],
    ['checkpoint ls web', 'docker checkpoint ls is only supported on a Docker daemon with experimental features enabled\n', 1],
  ])('docker %s', (line, stderr, status) => {
    expect(failure(line)).toEqual({ stderr, status });
  });

  it.each([
    ['run', '"docker run" requires at least 1 argument.', 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new container from an image and run it'],
    ['exec web', '"docker exec" requires at least 2 arguments.', 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]', 'Run a command inside a running container'],
    ['ps x', '"docker ps" accepts no arguments.', 'docker ps [OPTIONS]', 'List containers'],
    ['images a b', '"docker images" requires at most 1 argument.', 'docker images [OPTIONS] [REPOSITORY[:TAG]]', 'List images'],
    ['rename a', '"docker rename" requires exactly 2 arguments.', 'docker rename CONTAINER NEW_NAME', 'Give a container a new name'],
    ['container commit', '"docker container commit" requires at least 1 and at most 2 arguments.', 'docker container commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]', "Make a new image from a container's changes"],
    ['container ps x', '"docker container ls" accepts no arguments.', 'docker container ls [OPTIONS]', 'List containers'],
  ])('docker %s: argument count', (line, first, use, short) => {
    const c = line.split(' ').slice(0, line.startsWith('container') ? 2 : 1);
    const path = c[0] === 'container' && c[1] === 'ps' ? 'container ls' : c.join(' ');
    expect(failure(line)).toEqual({
      stderr: `${first}\nSee 'docker ${path} --help'.\n\nUsage:  ${use}\n\n${short}\n`,
      status: 1,
    });
  });

  it('an unknown global flag prints the root usage, status 125', () => {
    const { stderr, status } = failure('--foo');
    expect(status).toBe(125);
    expect(stderr).toBe(`unknown flag: --foo\nSee 'docker --help'.\n\n${ROOT_HELP.slice(1)}\n`);
  });

  it('a flag error on a management command adds its usage', () => {
    const { stderr, status } = failure('network --foo');
    expect(status).toBe(125);
    expect(stderr).toBe(
      "unknown flag: --foo\nSee 'docker network --help'.\n\n" +
        usageString(lookupCommand(['network'])!, { environ: { HOME: '/root' } }) +
        '\n',
    );
  });

  it('an unknown option before a subcommand name swallows it as its value', () => {
    // cobra's Traverse takes "ls" for the value of --foo, so the container command fails
    const { stderr, status } = failure('container --foo ls');
    expect(status).toBe(125);
    expect(stderr.startsWith("unknown flag: --foo\nSee 'docker container --help'.\n\nUsage:  docker container COMMAND\n")).toBe(true);
  });

  it('an unknown subcommand prints the group usage (no feature hiding), status 1', () => {
    const { stderr, status } = failure('volume foo');
    expect(status).toBe(1);
    expect(stderr).toContain('\n  update      ');
    expect(stderr).toBe('\n' + usageString(lookupCommand(['volume'])!, { hideUnsupported: false }).replace(/\n+$/, '') + '\n');
  });

  it('--help before run belongs to the root, so run still wants an image', () => {
    expect(failure('--help run').stderr.startsWith('"docker run" requires at least 1 argument.')).toBe(true);
  });
});

describe('help, version and notices', () => {
  it('docker --help', () => {
    const r = run('--help');
    expect(r).toMatchObject({ kind: 'help', stream: 'stdout', status: 0, stderr: '' });
    expect(r.kind === 'help' && r.stdout).toBe(ROOT_HELP);
  });

  it('docker alone prints the same help on stderr, status 0', () => {
    const r = run('');
    expect(r).toMatchObject({ kind: 'help', stream: 'stderr', stdout: '', stderr: ROOT_HELP, status: 0 });
  });

  it('-h works but pflag warns about the deprecated shorthand', () => {
    expect(run('-h')).toMatchObject({ kind: 'help', stdout: ROOT_HELP, stderr: 'Flag shorthand -h has been deprecated, use --help\n' });
    expect(run('ps -h')).toMatchObject({ kind: 'help', stderr: '' });
  });

  it('the footer is bold on a terminal', () => {
    const r = run('--help', { ...ENV, stdoutIsTerminal: true });
    expect(r.kind === 'help' && r.stdout.endsWith('\x1b[1mFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\x1b[0m\n')).toBe(true);
  });

  it('without a daemon, swarm commands are listed and windows options shown', () => {
    const r = run('--help', { ...ENV, daemon: null });
    expect(r.kind === 'help' && r.stdout).toContain(
      'Swarm Commands:\n  config      Manage Swarm configs\n  node        Manage Swarm nodes\n  secret      Manage Swarm secrets\n' +
        '  service     Manage Swarm services\n  stack       Manage Swarm stacks\n  swarm       Manage Swarm\n\nCommands:',
    );
    const runHelp = run('run --help', { ...ENV, daemon: null });
    expect(runHelp.kind === 'help' && runHelp.stdout).toContain('      --cpu-count int ');
    const linux = run('run --help');
    expect(linux.kind === 'help' && linux.stdout).not.toContain('--cpu-count');
  });

  it('docker ps --help', () => {
    const r = run('ps --help');
    expect(r.kind === 'help' && r.stdout).toBe(`
Usage:  docker ps [OPTIONS]

List containers

Aliases:
  docker container ls, docker container list, docker container ps, docker ps

Options:
  -a, --all             List every container (by default only running ones)
  -f, --filter filter   Only show items matching these conditions
      --format string   Format the output with a template:
                        'table':            Print a table with column
                        headers (default)
                        'table TEMPLATE':   Print a table using the given
                        Go template
                        'json':             Print as JSON
                        'TEMPLATE':         Print using the given Go
                        template.
                        See https://docs.docker.com/go/formatting/ to
                        learn about output templates
  -n, --last int        Show the n most recently created containers (any
                        state) (default -1)
  -l, --latest          Show the most recently created container (any state)
      --no-trunc        Print full values without truncating
  -q, --quiet           Print only container IDs
  -s, --size            Show total file sizes
`);
  });

  it('docker network (no subcommand) prints help on stderr', () => {
    expect(run('network')).toMatchObject({
      kind: 'help',
      stdout: '',
      status: 0,
      stderr: `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Attach a container to a network
  create      Make a new network
  disconnect  Detach a container from a network
  inspect     Show detailed information about one or more networks
  ls          List networks
  prune       Delete every unused network
  rm          Delete one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`,
    });
  });

  it('docker volume create --help hides cluster options when not a swarm manager', () => {
    const r = run('volume create --help');
    expect(r.kind === 'help' && r.stdout).toBe(`
Usage:  docker volume create [OPTIONS] [VOLUME]

Make a new volume

Options:
  -d, --driver string   Name of the volume driver (default "local")
      --label list      Metadata labels for the volume
  -o, --opt map         Driver-specific options (default map[])
`);
    const manager = run('volume create --help', {
      ...ENV,
      daemon: { osType: 'linux', experimental: false, apiVersion: '1.47', swarm: { nodeState: 'active', controlAvailable: true } },
    });
    expect(manager.kind === 'help' && manager.stdout).toContain('      --availability string ');
  });

  it('run --help lists --help and -h, --hostname', () => {
    const r = run('run --help');
    const text = r.kind === 'help' ? r.stdout : '';
    expect(text.startsWith('\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate a new container from an image and run it\n\nAliases:\n  docker container run, docker run\n\nOptions:\n')).toBe(true);
    expect(text).toContain('\n      --help                             Show usage\n  -h, --hostname string                  Host name of the container\n');
    expect(text).toContain('      --ulimit ulimit                    Resource limits (ulimit) to set\n                                         (default [])\n');
  });

  it('help reaches subcommands several ways', () => {
    const want = helpText(lookupCommand(['container', 'ls'])!, ENV);
    for (const line of ['container ls --help', 'container ps -h', 'help container ls', 'container --help ls', '--help container ls']) {
      expect(run(line), line).toMatchObject({ kind: 'help', stdout: want });
    }
  });

  it('version', () => {
    expect(run('--version')).toEqual({ kind: 'version', stdout: 'Docker version 27.3.1, build 3ab4256\n', stderr: '', status: 0 });
    expect(run('-v')).toMatchObject({ kind: 'version' });
    expect(cmd('-v ps').path).toEqual(['ps']); // --version only applies to the root
  });

  it('build without buildx: the legacy-builder notice', () => {
    const notice = BUILDX_NOTICE;
    expect(cmd('build -t app .').stderr).toBe(notice);
    expect(cmd('image build .').stderr).toBe(notice);
    expect(cmd('builder prune -f').stderr).toBe(notice);
    expect(run('build --help')).toMatchObject({ kind: 'help', stderr: notice });
    expect(cmd('ps').stderr).toBe('');
    expect(cmd('build .', { environ: { DOCKER_BUILDKIT: '0' } }).stderr).toBe(
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
        '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
        '            environment-variable.\n\n',
    );
    expect(failure('build .', { environ: { DOCKER_BUILDKIT: '1' } })).toEqual({
      stderr:
        'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n' +
        '       Install the buildx component to build images with BuildKit:\n' +
        '       https://docs.docker.com/go/buildx/\n',
      status: 1,
    });
    expect(failure('ps', { environ: { DOCKER_BUILDKIT: 'yes' } })).toEqual({
      stderr: 'DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "yes": invalid syntax\n',
      status: 1,
    });
  });

  it('installed plugins take over', () => {
    const env: CliEnv = { ...ENV, plugins: [{ name: 'buildx', short: 'Docker Buildx' }] };
    expect(run('build -t x .', env)).toMatchObject({ kind: 'plugin', name: 'buildx', args: ['build', '-t', 'x', '.'] });
    expect(run('buildx ls', env)).toMatchObject({ kind: 'plugin', name: 'buildx', args: ['ls'] });
    const h = run('--help', env);
    expect(h.kind === 'help' && h.stdout).toContain('  builder     Manage builds\n  buildx*     Docker Buildx\n');
  });
});

describe('errors module', () => {
  it('argsErrorText covers each validator', () => {
    const info = { commandPath: 'docker x', useLine: 'docker x A', short: 'Do x', usageOfGroup: null };
    expect(argsErrorText({ kind: 'range', min: 1, max: 1 }, 0, info)).toBe(
      `"docker x" requires at least 1 and at most 1 argument.\nSee 'docker x --help'.\n\nUsage:  docker x A\n\nDo x`,
    );
    expect(argsErrorText({ kind: 'max', n: 2 }, 3, info)?.split('\n')[0]).toBe('"docker x" requires at most 2 arguments.');
    expect(argsErrorText({ kind: 'exact', n: 1 }, 1, info)).toBeNull();
    expect(argsErrorText({ kind: 'any' }, 9, info)).toBeNull();
  });

  it('run/create error helpers', () => {
    expect(reportError('run', 'Error response from daemon: No such image: x', true)).toBe(
      "docker: Error response from daemon: No such image: x.\nSee 'docker run --help'.\n",
    );
    expect(reportError('run', 'failed.', false)).toBe('docker: failed.\n');
    expect(startContainerStatus('Error response from daemon: exec: "foo": executable file not found in $PATH')).toBe(127);
    expect(startContainerStatus('permission denied')).toBe(126);
    expect(startContainerStatus('driver failed')).toBe(125);
    expect(cannotConnect()).toBe('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
  });
});
