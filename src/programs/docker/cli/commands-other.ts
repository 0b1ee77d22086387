// Management commands outside the learner's core set (checkpoint, manifest,
// plugin, trust and the swarm commands). Only their place in the tree is
// modelled: names, Use lines, aliases, argument rules and annotations, so that
// `docker --help`, `docker swarm` and argument errors look right. Their options
// are not modelled (`outline: true`): arguments pass through unparsed.

import { type CommandSpec, exact, min, NONE, range } from './commands-spec';

function outline(use: string, short: string, args: CommandSpec['args'], aliases?: readonly string[]): CommandSpec {
  return aliases === undefined ? { use, short, args, outline: true } : { use, short, args, aliases, outline: true };
}

export const checkpointCommand: CommandSpec = {
  use: 'checkpoint',
  short: 'Manage checkpoints',
  args: NONE,
  annotations: { experimental: true, ostype: 'linux', version: '1.25' },
  subcommands: [
    outline('create [OPTIONS] CONTAINER CHECKPOINT', 'Checkpoint a running container', exact(2)),
    outline('ls [OPTIONS] CONTAINER', "List a container's checkpoints", exact(1), ['list']),
    outline('rm [OPTIONS] CONTAINER CHECKPOINT', 'Delete a checkpoint', exact(2), ['remove']),
  ],
};

export const manifestCommand: CommandSpec = {
  use: 'manifest COMMAND',
  short: 'Work with image manifests and manifest lists',
  long: [
    '',
    'The **docker manifest** subcommands work with image manifests and manifest',
    'lists. A manifest list lets one name stand for the same image built for',
    'several architectures.',
    '',
    'For help on a subcommand, run:',
    '',
    '    docker manifest CMD --help',
    '',
    'The registry v2 specification describes manifest lists in full.',
    '',
  ].join('\n'),
  args: NONE,
  annotations: { experimentalCLI: true },
  subcommands: [
    outline('create MANIFEST_LIST MANIFEST [MANIFEST...]', 'Make a local manifest list to annotate and push', min(2)),
    outline('inspect [OPTIONS] [MANIFEST_LIST] MANIFEST', 'Show an image manifest or manifest list', range(1, 2)),
    outline('annotate [OPTIONS] MANIFEST_LIST MANIFEST', 'Add details to a local image manifest', exact(2)),
    outline('push [OPTIONS] MANIFEST_LIST', 'Send a manifest list to a repository', exact(1)),
    outline('rm MANIFEST_LIST [MANIFEST_LIST...]', 'Delete manifest lists from local storage', min(1)),
  ],
};

export const pluginCommand: CommandSpec = {
  use: 'plugin',
  short: 'Manage plugins',
  args: NONE,
  annotations: { version: '1.25' },
  subcommands: [
    outline('disable [OPTIONS] PLUGIN', 'Turn a plugin off', exact(1)),
    outline('enable [OPTIONS] PLUGIN', 'Turn a plugin on', exact(1)),
    outline('inspect [OPTIONS] PLUGIN [PLUGIN...]', 'Show detailed information about plugins', min(1)),
    outline('install [OPTIONS] PLUGIN [KEY=VALUE...]', 'Install a plugin', min(1)),
    outline('ls [OPTIONS]', 'List plugins', NONE, ['list']),
    outline('rm [OPTIONS] PLUGIN [PLUGIN...]', 'Delete one or more plugins', min(1), ['remove']),
    outline('set PLUGIN KEY=VALUE [KEY=VALUE...]', "Change a plugin's settings", min(2)),
    outline('push [OPTIONS] PLUGIN[:TAG]', 'Send a plugin to a registry', exact(1)),
    outline(
      'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
      'Build a plugin from a rootfs and a config; the data directory must hold config.json and a rootfs directory.',
      min(2),
    ),
    outline('upgrade [OPTIONS] PLUGIN [REMOTE]', 'Upgrade an installed plugin', range(1, 2)),
  ],
};

export const trustCommand: CommandSpec = {
  use: 'trust',
  short: 'Manage signatures and trust for images',
  args: NONE,
  subcommands: [
    outline('revoke [OPTIONS] IMAGE[:TAG]', 'Withdraw trust for an image', exact(1)),
    outline('sign IMAGE:TAG', 'Sign an image', exact(1)),
    {
      use: 'key',
      short: 'Manage image signing keys',
      args: NONE,
      subcommands: [
        outline('generate NAME', 'Create and load a signing key pair', exact(1)),
        outline('load [OPTIONS] KEYFILE', 'Load a private signing key from a file', exact(1)),
      ],
    },
    {
      use: 'signer',
      short: 'Manage who may sign images',
      args: NONE,
      subcommands: [
        outline('add OPTIONS NAME REPOSITORY [REPOSITORY...] ', 'Add a signer', min(2)),
        outline('remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]', 'Remove a signer', min(2)),
      ],
    },
    outline('inspect IMAGE[:TAG] [IMAGE[:TAG]...]', 'Show keys and signatures of images', min(1)),
  ],
};

const SWARM_MANAGER = (version: string): CommandSpec['annotations'] => ({ version, swarm: 'manager' });

export const configCommand: CommandSpec = {
  use: 'config',
  short: 'Manage Swarm configs',
  args: NONE,
  annotations: SWARM_MANAGER('1.30'),
  subcommands: [
    outline('ls [OPTIONS]', 'List configs', NONE, ['list']),
    outline('create [OPTIONS] CONFIG file|-', 'Make a config from a file or STDIN', exact(2)),
    outline('inspect [OPTIONS] CONFIG [CONFIG...]', 'Show detailed information about configs', min(1)),
    outline('rm CONFIG [CONFIG...]', 'Delete one or more configs', min(1), ['remove']),
  ],
};

export const nodeCommand: CommandSpec = {
  use: 'node',
  short: 'Manage Swarm nodes',
  args: NONE,
  annotations: SWARM_MANAGER('1.24'),
  subcommands: [
    outline('demote NODE [NODE...]', 'Turn swarm managers back into workers', min(1)),
    outline('inspect [OPTIONS] self|NODE [NODE...]', 'Show detailed information about nodes', min(1)),
    outline('ls [OPTIONS]', 'List the nodes of the swarm', NONE, ['list']),
    outline('promote NODE [NODE...]', 'Make swarm nodes managers', min(1)),
    outline('rm [OPTIONS] NODE [NODE...]', 'Remove nodes from the swarm', min(1), ['remove']),
    outline('ps [OPTIONS] [NODE...]', 'List tasks on nodes (the current node by default)', min(0)),
    outline('update [OPTIONS] NODE', 'Change a node', exact(1)),
  ],
};

export const secretCommand: CommandSpec = {
  use: 'secret',
  short: 'Manage Swarm secrets',
  args: NONE,
  annotations: SWARM_MANAGER('1.25'),
  subcommands: [
    outline('ls [OPTIONS]', 'List secrets', NONE, ['list']),
    outline('create [OPTIONS] SECRET [file|-]', 'Make a secret from a file or STDIN', range(1, 2)),
    outline('inspect [OPTIONS] SECRET [SECRET...]', 'Show detailed information about secrets', min(1)),
    outline('rm SECRET [SECRET...]', 'Delete one or more secrets', min(1), ['remove']),
  ],
};

export const serviceCommand: CommandSpec = {
  use: 'service',
  short: 'Manage Swarm services',
  args: NONE,
  annotations: SWARM_MANAGER('1.24'),
  subcommands: [
    outline('create [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Start a new service', min(1)),
    outline('inspect [OPTIONS] SERVICE [SERVICE...]', 'Show detailed information about services', min(1)),
    outline('ps [OPTIONS] SERVICE [SERVICE...]', 'List the tasks of services', min(1)),
    outline('ls [OPTIONS]', 'List services', NONE, ['list']),
    outline('rm SERVICE [SERVICE...]', 'Delete one or more services', min(1), ['remove']),
    outline('scale SERVICE=REPLICAS [SERVICE=REPLICAS...]', 'Set the replica count of services', min(1)),
    outline('update [OPTIONS] SERVICE', 'Change a service', exact(1)),
    outline('logs [OPTIONS] SERVICE|TASK', 'Show the logs of a service or task', exact(1)),
    outline('rollback [OPTIONS] SERVICE', "Undo the last change to a service's configuration", exact(1)),
  ],
};

export const stackCommand: CommandSpec = {
  use: 'stack [OPTIONS]',
  short: 'Manage Swarm stacks',
  args: NONE,
  annotations: SWARM_MANAGER('1.25'),
  subcommands: [
    outline('deploy [OPTIONS] STACK', 'Deploy a stack, or update one', exact(1), ['up']),
    outline('ls [OPTIONS]', 'List stacks', NONE, ['list']),
    outline('ps [OPTIONS] STACK', 'List the tasks of a stack', exact(1)),
    outline('rm [OPTIONS] STACK [STACK...]', 'Remove one or more stacks', min(1), ['remove', 'down']),
    outline('services [OPTIONS] STACK', 'List the services of a stack', exact(1)),
    outline('config [OPTIONS]', 'Print the merged and interpolated config file', NONE),
  ],
};

export const swarmCommand: CommandSpec = {
  use: 'swarm',
  short: 'Manage Swarm',
  args: NONE,
  // swarm itself does not need an active swarm (init and join must work)
  annotations: { version: '1.24', swarm: '' },
  subcommands: [
    outline('init [OPTIONS]', 'Create a swarm', NONE),
    outline('join [OPTIONS] HOST:PORT', 'Join a swarm as a worker or manager', exact(1)),
    outline('join-token [OPTIONS] (worker|manager)', 'Manage join tokens', exact(1)),
    outline('unlock-key [OPTIONS]', 'Manage the unlock key', NONE),
    outline('update [OPTIONS]', 'Change the swarm settings', NONE),
    outline('leave [OPTIONS]', 'Leave the swarm', NONE),
    outline('unlock', 'Unlock the swarm', NONE),
    outline('ca [OPTIONS]', 'Show or rotate the root CA', NONE),
  ],
};
