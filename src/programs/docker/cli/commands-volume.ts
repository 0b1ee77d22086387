// `docker volume ...` (docker/cli v27.3.1 cli/command/volume).

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
  max,
  min,
  NONE,
  stringF,
} from './commands-spec';

const CLUSTER = { version: '1.42', swarm: 'manager' } as const;

const volumeCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Make a new volume',
  args: max(1),
  flags: [
    stringF('driver', 'Name of the volume driver', { short: 'd', defValue: 'local' }),
    stringF('name', 'Name of the volume', { hidden: true }),
    flag('map', 'opt', 'Driver-specific options', { short: 'o' }),
    listF('label', 'Metadata labels for the volume', { validator: 'label' }),
    stringF('group', 'Group of a cluster volume', { annotations: CLUSTER }),
    stringF('scope', 'Access scope of a cluster volume ("single", "multi")', { defValue: 'single', annotations: CLUSTER }),
    stringF('sharing', 'Access sharing of a cluster volume ("none", "readonly", "onewriter", "all")', {
      defValue: 'none',
      annotations: CLUSTER,
    }),
    stringF('availability', 'Availability of a cluster volume ("active", "pause", "drain")', {
      defValue: 'active',
      annotations: CLUSTER,
    }),
    stringF('type', 'Access type of a cluster volume ("mount", "block")', { defValue: 'block', annotations: CLUSTER }),
    flag('map', 'secret', 'Secrets of a cluster volume', { annotations: CLUSTER }),
    flag('bytes', 'limit-bytes', 'Smallest size of a cluster volume, in bytes', { annotations: CLUSTER }),
    flag('bytes', 'required-bytes', 'Largest size of a cluster volume, in bytes', { annotations: CLUSTER }),
    listF('topology-required', 'Topology a cluster volume must be reachable from', { annotations: CLUSTER }),
    listF('topology-preferred', 'Topology a cluster volume should preferably be in', { annotations: CLUSTER }),
  ],
};

const volumeInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Show detailed information about one or more volumes',
  args: min(1),
  flags: [inspectFormatF()],
};

const volumeLsCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List volumes',
  args: NONE,
  flags: [
    boolF('quiet', 'Print only volume names', { short: 'q' }),
    formatF(),
    filterF('Filter values to apply (e.g. "dangling=true")', 'f'),
    boolF('cluster', 'Show only cluster volumes, in the cluster volume list layout', { annotations: CLUSTER }),
  ],
};

const volumePruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Delete unused local volumes',
  args: NONE,
  annotations: { version: '1.25' },
  flags: [
    boolF('all', 'Delete every unused volume, not only anonymous ones', {
      short: 'a',
      annotations: { version: '1.42' },
    }),
    forceNoPromptF(),
    filterF('Filter values to apply (e.g. "label=<label>")'),
  ],
};

const volumeRmCommand: CommandSpec = {
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  aliases: ['remove'],
  short: 'Delete one or more volumes',
  long: '\nDelete one or more volumes. A volume that a container is using cannot be removed.\n',
  example: '\n$ docker volume rm mydata\nmydata\n',
  args: min(1),
  flags: [boolF('force', 'Remove the volumes forcibly', { short: 'f', annotations: { version: '1.25' } })],
};

const volumeUpdateCommand: CommandSpec = {
  use: 'update [OPTIONS] [VOLUME]',
  short: 'Change a volume (cluster volumes only)',
  args: exact(1),
  annotations: CLUSTER,
  flags: [
    stringF('availability', 'Availability of a cluster volume ("active", "pause", "drain")', {
      defValue: 'active',
      annotations: CLUSTER,
    }),
  ],
};

export const volumeCommand: CommandSpec = {
  use: 'volume COMMAND',
  short: 'Manage volumes',
  args: NONE,
  annotations: { version: '1.21' },
  subcommands: [
    volumeCreateCommand,
    volumeInspectCommand,
    volumeLsCommand,
    volumeRmCommand,
    volumePruneCommand,
    volumeUpdateCommand,
  ],
};
