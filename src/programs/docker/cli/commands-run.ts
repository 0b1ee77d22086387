// `docker run`, `docker create` and `docker exec` (docker/cli v27.3.1
// cli/command/container/run.go, create.go, exec.go and the shared container
// options of opts.go). Names, shorthands, types, defaults, hidden state and
// annotations follow the source; descriptions are our own wording.

import {
  type CommandSpec,
  type FlagSpec,
  boolF,
  contentTrustF,
  detachKeysF,
  flag,
  listF,
  min,
  platformF,
  stringF,
} from './commands-spec';

const CGROUPNS_HELP = `Cgroup namespace mode (host|private)
'host':    Share the cgroup namespace of the Docker host
'private': Give the container a cgroup namespace of its own
'':        Follow the daemon's default-cgroupns-mode
           setting (default)`;

/** addFlags in container/opts.go: the options shared by run and create. */
function containerOptionFlags(): FlagSpec[] {
  return [
    // general purpose
    listF('attach', "Connect to the container's STDIN, STDOUT or STDERR", { short: 'a', validator: 'attach' }),
    listF('device-cgroup-rule', "Append a rule to the cgroup's list of allowed devices", {
      validator: 'deviceCgroupRule',
    }),
    listF('device', 'Expose a host device inside the container'),
    flag('gpus', 'gpus', "GPUs to make available in the container ('all' for every GPU)", {
      annotations: { version: '1.40' },
    }),
    listF('env', 'Define environment variables', { short: 'e', validator: 'env' }),
    listF('env-file', 'Load environment variables from a file'),
    stringF('entrypoint', "Replace the image's default ENTRYPOINT"),
    listF('group-add', 'Join these supplementary groups'),
    stringF('hostname', 'Host name of the container', { short: 'h' }),
    stringF('domainname', 'NIS domain name of the container'),
    boolF('interactive', 'Hold STDIN open even when nothing is attached', { short: 'i' }),
    listF('label', 'Attach metadata labels to the container', { short: 'l', validator: 'label' }),
    listF('label-file', 'Load labels from a file, one per line'),
    boolF('read-only', "Make the container's root filesystem read-only"),
    stringF('restart', 'Policy for restarting the container after it exits', { defValue: 'no' }),
    stringF('stop-signal', 'Signal used to stop the container'),
    flag('int', 'stop-timeout', 'Seconds to wait for the container to stop', { annotations: { version: '1.25' } }),
    flag('map', 'sysctl', 'Kernel parameters (sysctl) to set', { validator: 'sysctl' }),
    boolF('tty', 'Give the container a pseudo-terminal', { short: 't' }),
    flag('ulimit', 'ulimit', 'Resource limits (ulimit) to set'),
    stringF('user', 'User name or UID to run as (format: <name|uid>[:<group|gid>])', { short: 'u' }),
    stringF('workdir', 'Directory to start in, inside the container', { short: 'w' }),
    boolF('rm', 'Delete the container and its anonymous volumes once it exits'),
    // security
    listF('cap-add', 'Grant extra Linux capabilities'),
    listF('cap-drop', 'Remove Linux capabilities'),
    boolF('privileged', 'Run the container with extended privileges'),
    listF('security-opt', 'Security settings'),
    stringF('userns', 'User namespace for the container'),
    stringF('cgroupns', CGROUPNS_HELP, { annotations: { version: '1.41' } }),
    // network and ports
    listF('add-host', "Add an entry to the container's hosts file (host:ip)", { validator: 'extraHost' }),
    listF('dns', 'Use these DNS servers', { validator: 'ip' }),
    listF('dns-opt', 'DNS resolver options', { hidden: true, storedIn: 'dns-option' }),
    listF('dns-option', 'DNS resolver options'),
    listF('dns-search', 'DNS search domains to use', { validator: 'dnsSearch' }),
    listF('expose', 'Declare a port or port range as exposed'),
    stringF('ip', 'Fixed IPv4 address (e.g., 172.30.100.104)'),
    stringF('ip6', 'Fixed IPv6 address (e.g., 2001:db8::33)'),
    listF('link', 'Link to another container', { validator: 'link' }),
    listF('link-local-ip', 'Link-local IPv4/IPv6 addresses for the container'),
    stringF('mac-address', 'MAC address for the container (e.g., 92:d0:c6:0a:29:33)'),
    listF('publish', 'Map container port(s) to ports on the host', { short: 'p' }),
    boolF('publish-all', 'Map every exposed port to a random host port', { short: 'P' }),
    flag('network', 'net', 'Attach the container to a network', { hidden: true, storedIn: 'network' }),
    flag('network', 'network', 'Attach the container to a network'),
    listF('net-alias', 'Alias for the container within the network', { hidden: true, storedIn: 'network-alias' }),
    listF('network-alias', 'Alias for the container within the network'),
    // logging and storage
    stringF('log-driver', 'Logging driver to use for the container'),
    stringF('volume-driver', 'Volume driver to use for the container'),
    listF('log-opt', 'Options for the logging driver'),
    listF('storage-opt', 'Storage driver options for this container'),
    listF('tmpfs', 'Mount a tmpfs filesystem at a directory'),
    listF('volumes-from', 'Mount the volumes of the given container(s)'),
    listF('volume', 'Bind-mount a host path or volume', { short: 'v' }),
    flag('mount', 'mount', 'Add a filesystem mount to the container'),
    // health checks
    stringF('health-cmd', "Command that checks the container's health"),
    flag('duration', 'health-interval', 'Interval between health checks (ms|s|m|h) (default 0s)'),
    flag('int', 'health-retries', 'Failures in a row before reporting unhealthy'),
    flag('duration', 'health-timeout', 'Longest time one health check may take (ms|s|m|h) (default 0s)'),
    flag(
      'duration',
      'health-start-period',
      'Grace period for the container to start before failed checks count toward the retries (ms|s|m|h) (default 0s)',
      { annotations: { version: '1.29' } },
    ),
    flag('duration', 'health-start-interval', 'Interval between health checks during the start period (ms|s|m|h) (default 0s)', {
      annotations: { version: '1.44' },
    }),
    boolF('no-healthcheck', 'Turn off any HEALTHCHECK the image defines'),
    // resources
    flag('uint16', 'blkio-weight', 'Relative block IO weight, 10 to 1000, or 0 to disable (default 0)'),
    flag('weightDevice', 'blkio-weight-device', 'Relative block IO weight per device'),
    stringF('cidfile', 'Save the container ID in this file'),
    stringF('cpuset-cpus', 'CPUs the container may run on (0-3, 0,1)'),
    stringF('cpuset-mems', 'Memory nodes the container may use (0-3, 0,1)'),
    flag('int64', 'cpu-count', 'Number of CPUs (Windows only)', { annotations: { ostype: 'windows' } }),
    flag('int64', 'cpu-percent', 'Percentage of CPU (Windows only)', { annotations: { ostype: 'windows' } }),
    flag('int64', 'cpu-period', 'CPU CFS (Completely Fair Scheduler) period limit'),
    flag('int64', 'cpu-quota', 'CPU CFS (Completely Fair Scheduler) quota limit'),
    flag('int64', 'cpu-rt-period', 'CPU real-time period limit, in microseconds', { annotations: { version: '1.25' } }),
    flag('int64', 'cpu-rt-runtime', 'CPU real-time runtime limit, in microseconds', { annotations: { version: '1.25' } }),
    flag('int64', 'cpu-shares', 'Relative CPU weight (shares)', { short: 'c' }),
    flag('decimal', 'cpus', 'How many CPUs the container may use', { annotations: { version: '1.25' } }),
    flag('throttleBps', 'device-read-bps', 'Cap the read rate from a device (bytes per second)'),
    flag('throttleIops', 'device-read-iops', 'Cap the read rate from a device (IO per second)'),
    flag('throttleBps', 'device-write-bps', 'Cap the write rate to a device (bytes per second)'),
    flag('throttleIops', 'device-write-iops', 'Cap the write rate to a device (IO per second)'),
    flag('bytes', 'io-maxbandwidth', 'Cap on IO bandwidth for the system drive (Windows only)', {
      annotations: { ostype: 'windows' },
    }),
    flag('uint64', 'io-maxiops', 'Cap on IO operations per second for the system drive (Windows only)', {
      annotations: { ostype: 'windows' },
    }),
    flag('bytes', 'kernel-memory', 'Limit on kernel memory'),
    flag('bytes', 'memory', 'Limit on memory use', { short: 'm' }),
    flag('bytes', 'memory-reservation', 'Soft limit on memory use'),
    flag('swapBytes', 'memory-swap', "Limit on memory plus swap; '-1' allows unlimited swap"),
    flag('int64', 'memory-swappiness', 'Memory swappiness of the container (0 to 100)', { defValue: '-1' }),
    boolF('oom-kill-disable', 'Turn off the OOM killer'),
    flag('int', 'oom-score-adj', "Adjust the host OOM killer's preference (-1000 to 1000)"),
    flag('int64', 'pids-limit', 'Maximum number of processes (-1 for no limit)'),
    // low-level execution
    stringF('cgroup-parent', 'Parent cgroup for the container'),
    stringF('ipc', 'IPC namespace mode'),
    stringF('isolation', 'Isolation technology for the container'),
    stringF('pid', 'PID namespace for the container'),
    flag('bytes', 'shm-size', 'Size of the /dev/shm mount'),
    stringF('uts', 'UTS namespace for the container'),
    stringF('runtime', 'OCI runtime to run the container with'),
    boolF('init', 'Start an init process in the container to forward signals and reap zombies', {
      annotations: { version: '1.25' },
    }),
    flag('map', 'annotation', 'Annotation for the container, passed to the OCI runtime', {
      annotations: { version: '1.43' },
    }),
  ];
}

export const runCommand: CommandSpec = {
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container from an image and run it',
  args: min(1),
  categoryTop: '1',
  aliasesText: 'docker container run, docker run',
  interspersed: false,
  localHelp: true,
  flags: [
    boolF('detach', 'Start the container in the background and print its ID', { short: 'd' }),
    boolF('sig-proxy', 'Forward signals the client receives to the process', { defValue: 'true' }),
    stringF('name', 'Give the container a name'),
    stringF('detach-keys', 'Key sequence that detaches from the container'),
    stringF('pull', 'When to pull the image before running ("always", "missing", "never")', { defValue: 'missing' }),
    boolF('quiet', 'Hide the pull progress output', { short: 'q' }),
    platformF('1.32'),
    contentTrustF(false),
    ...containerOptionFlags(),
  ],
};

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container without starting it',
  args: min(1),
  aliasesText: 'docker container create, docker create',
  interspersed: false,
  localHelp: true,
  flags: [
    stringF('name', 'Give the container a name'),
    stringF('pull', 'When to pull the image before creating ("always", "missing", "never")', { defValue: 'missing' }),
    boolF('quiet', 'Hide the pull progress output', { short: 'q' }),
    platformF('1.32'),
    contentTrustF(false),
    ...containerOptionFlags(),
  ],
};

export const execCommand: CommandSpec = {
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Run a command inside a running container',
  args: min(2),
  categoryTop: '2',
  aliasesText: 'docker container exec, docker exec',
  interspersed: false,
  flags: [
    detachKeysF(),
    boolF('interactive', 'Hold STDIN open even when nothing is attached', { short: 'i' }),
    boolF('tty', 'Give the command a pseudo-terminal', { short: 't' }),
    boolF('detach', 'Run the command in the background', { short: 'd' }),
    stringF('user', 'User name or UID to run as (format: "<name|uid>[:<group|gid>]")', { short: 'u' }),
    boolF('privileged', 'Run the command with extended privileges'),
    listF('env', 'Define environment variables', { short: 'e', validator: 'env', annotations: { version: '1.25' } }),
    listF('env-file', 'Load environment variables from a file', { annotations: { version: '1.25' } }),
    stringF('workdir', 'Directory to run the command in, inside the container', {
      short: 'w',
      annotations: { version: '1.35' },
    }),
  ],
};
