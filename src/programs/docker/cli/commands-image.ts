// `docker image ...`, `docker builder ...` and their top-level shortcuts
// (docker/cli v27.3.1 cli/command/image, cli/command/builder).

import {
  type CommandSpec,
  boolF,
  contentTrustF,
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
  platformF,
  stringF,
} from './commands-spec';

export const buildCommand: CommandSpec = {
  use: 'build [OPTIONS] PATH | URL | -',
  short: 'Create an image from a Dockerfile',
  args: exact(1),
  categoryTop: '4',
  aliasesText: 'docker image build, docker build, docker builder build',
  flags: [
    listF('tag', 'Name for the image, optionally with a tag ("name:tag")', { short: 't', validator: 'tag' }),
    listF('build-arg', 'Build-time variables to set', { validator: 'env' }),
    flag('ulimit', 'ulimit', 'Resource limits (ulimit) to set'),
    stringF('file', 'Dockerfile to use (by default "PATH/Dockerfile")', { short: 'f' }),
    flag('bytes', 'memory', 'Limit on memory use', { short: 'm' }),
    flag('swapBytes', 'memory-swap', 'Limit on memory plus swap; -1 allows unlimited swap'),
    flag('bytes', 'shm-size', 'Size of the "/dev/shm" mount'),
    flag('int64', 'cpu-shares', 'Relative CPU weight (shares)', { short: 'c' }),
    flag('int64', 'cpu-period', 'CPU CFS (Completely Fair Scheduler) period limit'),
    flag('int64', 'cpu-quota', 'CPU CFS (Completely Fair Scheduler) quota limit'),
    stringF('cpuset-cpus', 'CPUs the build may run on (0-3, 0,1)'),
    stringF('cpuset-mems', 'Memory nodes the build may use (0-3, 0,1)'),
    stringF('cgroup-parent', 'Parent cgroup for the "RUN" instructions of the build'),
    stringF('isolation', 'Isolation technology for the build containers'),
    listF('label', 'Metadata labels for the image', { validator: 'label' }),
    boolF('no-cache', 'Build without using the cache'),
    boolF('rm', 'Delete intermediate containers after a successful build', { defValue: 'true' }),
    boolF('force-rm', 'Delete intermediate containers even when the build fails'),
    boolF('quiet', 'Hide the build output; print the image ID when done', { short: 'q' }),
    boolF('pull', 'Always try to pull a newer version of the base image'),
    flag('stringSlice', 'cache-from', 'Images to use as cache sources'),
    boolF('compress', 'Send the build context gzip-compressed'),
    flag('stringSlice', 'security-opt', 'Security settings'),
    stringF('network', 'Networking mode for the RUN instructions of the build', {
      defValue: 'default',
      annotations: { version: '1.25' },
    }),
    listF('add-host', 'Add a hosts-file entry ("host:ip")', { validator: 'extraHost' }),
    stringF('target', 'Build stage to stop at.'),
    stringF('iidfile', 'Save the image ID in this file'),
    contentTrustF(false),
    platformF('1.38'),
    boolF('squash', 'Merge the newly built layers into one layer', {
      annotations: { experimental: true, version: '1.25' },
    }),
  ],
};

export const historyCommand: CommandSpec = {
  use: 'history [OPTIONS] IMAGE',
  short: 'Show the layer history of an image',
  args: exact(1),
  aliasesText: 'docker image history, docker history',
  flags: [
    boolF('human', 'Show sizes and dates in a human-friendly form', { short: 'H', defValue: 'true' }),
    boolF('quiet', 'Print only image IDs', { short: 'q' }),
    boolF('no-trunc', 'Print full values without truncating'),
    formatF(),
  ],
};

export const importCommand: CommandSpec = {
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  short: 'Create a filesystem image from the contents of a tarball',
  args: min(1),
  aliasesText: 'docker image import, docker import',
  flags: [
    listF('change', 'Apply a Dockerfile instruction to the new image', { short: 'c' }),
    stringF('message', 'Commit message for the imported image', { short: 'm' }),
    platformF('1.32'),
  ],
};

export const loadCommand: CommandSpec = {
  use: 'load [OPTIONS]',
  short: 'Load images from a tar archive or STDIN',
  args: NONE,
  aliasesText: 'docker image load, docker load',
  flags: [
    stringF('input', 'Read the tar archive from this file instead of STDIN', { short: 'i' }),
    boolF('quiet', 'Hide the load progress output', { short: 'q' }),
  ],
};

export const pullCommand: CommandSpec = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Fetch an image from a registry',
  args: exact(1),
  categoryTop: '5',
  aliasesText: 'docker image pull, docker pull',
  flags: [
    boolF('all-tags', 'Download every tagged image of the repository', { short: 'a' }),
    boolF('quiet', 'Print less output', { short: 'q' }),
    platformF('1.32'),
    contentTrustF(false),
  ],
};

const PUSH_PLATFORM_HELP = `Push only the manifest for this platform, as a single-platform image.
The image index is not pushed, so other manifests (attestations included) are dropped.
'os[/arch[/variant]]': the platform to push (e.g. linux/amd64)`;

export const pushCommand: CommandSpec = {
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Send an image to a registry',
  args: exact(1),
  categoryTop: '6',
  aliasesText: 'docker image push, docker push',
  flags: [
    boolF('all-tags', 'Push every tag of the image', { short: 'a' }),
    boolF('quiet', 'Print less output', { short: 'q' }),
    contentTrustF(true),
    stringF('platform', PUSH_PLATFORM_HELP, { annotations: { version: '1.46' } }),
  ],
};

export const saveCommand: CommandSpec = {
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  short: 'Write one or more images to a tar archive (to STDOUT by default)',
  args: min(1),
  aliasesText: 'docker image save, docker save',
  flags: [stringF('output', 'Write to this file instead of STDOUT', { short: 'o' })],
};

export const tagCommand: CommandSpec = {
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Add a tag TARGET_IMAGE that points to SOURCE_IMAGE',
  args: exact(2),
  aliasesText: 'docker image tag, docker tag',
  interspersed: false,
};

export const imagesCommand: CommandSpec = {
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: max(1),
  categoryTop: '7',
  aliasesText: 'docker image ls, docker image list, docker images',
  flags: [
    boolF('quiet', 'Print only image IDs', { short: 'q' }),
    boolF('all', 'List every image (intermediate images are hidden by default)', { short: 'a' }),
    boolF('no-trunc', 'Print full values without truncating'),
    boolF('digests', 'Include image digests'),
    formatF(),
    filterF('Only show items matching these conditions', 'f'),
    // annotated "experimentalCLI", which docker does not use to hide flags
    boolF('tree', 'Show multi-platform images as a tree (EXPERIMENTAL)', { annotations: { version: '1.47' } }),
  ],
};

const imageLsCommand: CommandSpec = { ...imagesCommand, use: 'ls [OPTIONS] [REPOSITORY[:TAG]]', aliases: ['list'] };

export const rmiCommand: CommandSpec = {
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Delete one or more images',
  args: min(1),
  aliasesText: 'docker image rm, docker image remove, docker rmi',
  flags: [
    boolF('force', 'Remove the image forcibly', { short: 'f' }),
    boolF('no-prune', 'Keep untagged parent images'),
  ],
};

const imageRmCommand: CommandSpec = { ...rmiCommand, use: 'rm [OPTIONS] IMAGE [IMAGE...]', aliases: ['rmi', 'remove'] };

const imageInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Show detailed information about one or more images',
  args: min(1),
  flags: [inspectFormatF()],
};

const imagePruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Delete unused images',
  args: NONE,
  annotations: { version: '1.25' },
  flags: [
    forceNoPromptF(),
    boolF('all', 'Delete every unused image, not only dangling ones', { short: 'a' }),
    filterF('Filter values to apply (e.g. "until=<timestamp>")'),
  ],
};

export const imageCommand: CommandSpec = {
  use: 'image',
  short: 'Manage images',
  args: NONE,
  subcommands: [
    buildCommand,
    historyCommand,
    importCommand,
    loadCommand,
    pullCommand,
    pushCommand,
    saveCommand,
    tagCommand,
    imageLsCommand,
    imageRmCommand,
    imageInspectCommand,
    imagePruneCommand,
  ],
};

const builderPruneCommand: CommandSpec = {
  use: 'prune',
  short: 'Delete the build cache',
  args: NONE,
  annotations: { version: '1.39' },
  flags: [
    forceNoPromptF(),
    boolF('all', 'Delete all unused build cache, not only dangling entries', { short: 'a' }),
    filterF('Filter values to apply (e.g. "until=24h")'),
    flag('bytes', 'keep-storage', 'Disk space to leave for the cache'),
  ],
};

export const builderCommand: CommandSpec = {
  use: 'builder',
  short: 'Manage builds',
  args: NONE,
  annotations: { version: '1.31' },
  subcommands: [builderPruneCommand, buildCommand],
};
