// `docker network ...` (docker/cli v27.3.1 cli/command/network).

import {
  type CommandSpec,
  boolF,
  exact,
  filterF,
  flag,
  forceNoPromptF,
  formatF,
  inspectFormatF,
  listF,
  min,
  NONE,
  stringF,
} from './commands-spec';

const connectCommand: CommandSpec = {
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Attach a container to a network',
  args: exact(2),
  flags: [
    stringF('ip', 'Fixed IPv4 address (e.g., "172.30.100.104")'),
    stringF('ip6', 'Fixed IPv6 address (e.g., "2001:db8::33")'),
    listF('link', 'Link to another container', { validator: 'link' }),
    flag('stringSlice', 'alias', 'Alias for the container within the network'),
    flag('stringSlice', 'link-local-ip', 'Link-local address for the container'),
    flag('stringSlice', 'driver-opt', 'Options for the network driver'),
  ],
};

const networkCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] NETWORK',
  short: 'Make a new network',
  args: exact(1),
  flags: [
    stringF('driver', 'Driver that manages the network', { short: 'd', defValue: 'bridge' }),
    flag('map', 'opt', 'Driver-specific options', { short: 'o' }),
    listF('label', 'Metadata labels for the network', { validator: 'label' }),
    boolF('internal', 'Block external access to the network'),
    boolF('ipv6', 'Turn IPv6 networking on or off'),
    boolF('attachable', 'Allow containers to be attached by hand', { annotations: { version: '1.25' } }),
    boolF('ingress', 'Make a swarm routing-mesh network', { annotations: { version: '1.29' } }),
    stringF('scope', 'Scope of the network', { annotations: { version: '1.30' } }),
    boolF('config-only', 'Make a configuration-only network', { annotations: { version: '1.30' } }),
    stringF('config-from', 'Network to copy the configuration from', { annotations: { version: '1.30' } }),
    stringF('ipam-driver', 'IP address management (IPAM) driver', { defValue: 'default' }),
    flag('stringSlice', 'subnet', 'Subnet in CIDR notation for a network segment'),
    flag('stringSlice', 'ip-range', 'Sub-range to take container IPs from'),
    flag('stringSlice', 'gateway', 'IPv4 or IPv6 gateway of the main subnet'),
    flag('map', 'aux-address', 'Extra IPv4 or IPv6 addresses for the network driver'),
    flag('map', 'ipam-opt', 'IPAM-driver-specific options'),
  ],
};

const disconnectCommand: CommandSpec = {
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Detach a container from a network',
  args: exact(2),
  flags: [boolF('force', 'Disconnect the container forcibly', { short: 'f' })],
};

const networkInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Show detailed information about one or more networks',
  args: min(1),
  flags: [inspectFormatF(), boolF('verbose', 'Print extra diagnostic detail', { short: 'v' })],
};

const networkLsCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List networks',
  args: NONE,
  flags: [
    boolF('quiet', 'Print only network IDs', { short: 'q' }),
    boolF('no-trunc', 'Print full values without truncating'),
    formatF(),
    filterF('Filter values to apply (e.g. "driver=bridge")', 'f'),
  ],
};

const networkPruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Delete every unused network',
  args: NONE,
  annotations: { version: '1.25' },
  flags: [forceNoPromptF(), filterF('Filter values to apply (e.g. "until=<timestamp>")')],
};

const networkRmCommand: CommandSpec = {
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['remove'],
  short: 'Delete one or more networks',
  args: min(1),
  flags: [boolF('force', 'Succeed even if the network does not exist', { short: 'f' })],
};

export const networkCommand: CommandSpec = {
  use: 'network',
  short: 'Manage networks',
  args: NONE,
  annotations: { version: '1.21' },
  subcommands: [
    connectCommand,
    networkCreateCommand,
    disconnectCommand,
    networkInspectCommand,
    networkLsCommand,
    networkRmCommand,
    networkPruneCommand,
  ],
};

