// ipcs (util-linux 2.38): System V IPC facilities. The simulated kernel has no message
// queues, shared memory segments or semaphore arrays, so every table is empty; the limits
// come from /proc/sys/kernel as on Linux.
import { defineProgram } from '../define';
import { errx, humanSize, NumError, s32, shortName, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 ipcs [resource-option...] [output-option]
 ipcs -m|-q|-s -i <id>

Show the System V IPC facilities.

Options:
 -i, --id <id>  details of the one resource with this id
 -h, --help     display this help
 -V, --version  display version

Resource options:
 -m, --shmems      shared memory segments
 -q, --queues      message queues
 -s, --semaphores  semaphore arrays
 -a, --all         all three (the default)

Output options:
 -t, --time        times of last use
 -p, --pid         ids of the processes that used them
 -c, --creator     creators and owners
 -l, --limits      system limits
 -u, --summary     usage summary
     --human       sizes like 2K or 1M
 -b, --bytes       sizes in bytes

For more details see ipcs(1).
`;

type Unit = 'default' | 'bytes' | 'kb' | 'human';
const UINT64_MAX = (1n << 64n) - 1n;
const PAGE = 4096n;

const pad = (s: string, w: number): string => s.padEnd(w);

function size(unit: Unit, msg: string, v: bigint): string {
  const label = unit === 'bytes' ? `${msg} (bytes) = ` : unit === 'kb' ? `${msg} (kbytes) = ` : `${msg} = `;
  const value = unit === 'kb' ? String(v / 1024n) : unit === 'human' ? humanSize(Number(v), false) : String(v);
  return `${label}${value}\n`;
}

export default defineProgram({
  name: 'ipcs',
  installPath: '/usr/bin/ipcs',
  pkg: 'util-linux',
  options: [
    { key: 'i', short: 'i', long: 'id', arg: 'required' },
    { key: 'q', short: 'q', long: 'queues' },
    { key: 'm', short: 'm', long: 'shmems' },
    { key: 's', short: 's', long: 'semaphores' },
    { key: 'a', short: 'a', long: 'all' },
    { key: 't', short: 't', long: 'time' },
    { key: 'p', short: 'p', long: 'pid' },
    { key: 'c', short: 'c', long: 'creator' },
    { key: 'l', short: 'l', long: 'limits' },
    { key: 'u', short: 'u', long: 'summary' },
    { key: 'human', long: 'human' },
    { key: 'b', short: 'b', long: 'bytes' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    let msg = false;
    let shm = false;
    let sem = false;
    let id: number | undefined;
    let format = '';
    let unit: Unit = 'default';
    try {
      for (const { key, value } of args.order) {
        switch (key) {
          case 'i': id = s32(value!, 'failed to parse id argument'); break;
          case 'a': msg = shm = sem = true; break;
          case 'q': msg = true; break;
          case 'm': shm = true; break;
          case 's': sem = true; break;
          case 't': case 'c': case 'p': case 'l': case 'u': format = key; break;
          case 'human': unit = 'human'; break;
          case 'b': unit = 'bytes'; break;
          case 'h': return await ctx.print(HELP).then(() => 0);
          case 'V': return await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        }
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      throw e;
    }
    if (id !== undefined) {
      if (Number(msg) + Number(shm) + Number(sem) !== 1) return errx(ctx, 'when using an ID, a single resource must be specified');
      await warnx(ctx, `id ${id} not found`);
      return 0;
    }
    const read = async (name: string, fallback: string): Promise<string> => {
      try {
        return new TextDecoder().decode(await ctx.sys.readFile(`/proc/sys/kernel/${name}`)).trim();
      } catch {
        return fallback;
      }
    };
    if (!msg && !shm && !sem) msg = shm = sem = true;
    let out = '\n';
    if (msg) {
      if (format === 'l') {
        out += '------ Messages Limits --------\n';
        out += `max queues system wide = ${await read('msgmni', '32000')}\n`;
        const u = unit === 'default' ? 'bytes' : unit;
        out += size(u, 'max size of message', BigInt(await read('msgmax', '8192')));
        out += size(u, 'default max size of queue', BigInt(await read('msgmnb', '16384')));
      } else if (format === 'u') {
        out += '------ Messages Status --------\nallocated queues = 0\nused headers = 0\n';
        out += unit === 'default' ? 'used space = 0 bytes\n' : size(unit, 'used space', 0n);
      } else if (format === 'c') out += `------ Message Queues Creators/Owners --------\n${['msqid', 'perms', 'cuid', 'cgid', 'uid', 'gid'].map((h) => pad(h, 10)).join(' ')}\n`;
      else if (format === 't') out += `------ Message Queues Send/Recv/Change Times --------\n${pad('msqid', 8)} ${pad('owner', 10)} ${pad('send', 20)} ${pad('recv', 20)} ${pad('change', 20)}\n`;
      else if (format === 'p') out += `------ Message Queues PIDs --------\n${['msqid', 'owner', 'lspid', 'lrpid'].map((h) => pad(h, 10)).join(' ')}\n`;
      else out += `------ Message Queues --------\n${['key', 'msqid', 'owner', 'perms'].map((h) => pad(h, 10)).join(' ')} ${pad(unit === 'human' ? 'size' : 'used-bytes', 12)} ${pad('messages', 12)}\n`;
      out += '\n';
    }
    if (shm) {
      if (format === 'l') {
        const shmall = BigInt(await read('shmall', '18446744073692774399'));
        const shmmax = BigInt(await read('shmmax', '18446744073692774399'));
        out += '------ Shared Memory Limits --------\n';
        out += `max number of segments = ${await read('shmmni', '4096')}\n`;
        out += size(unit === 'default' ? 'kb' : unit, 'max seg size', shmmax);
        if (unit === 'default') {
          let tmp = (shmall * (PAGE / 1024n)) & UINT64_MAX;
          if (shmall !== 0n && tmp / shmall !== PAGE / 1024n) tmp = UINT64_MAX - (UINT64_MAX % (PAGE / 1024n));
          out += size('default', 'max total shared memory (kbytes)', tmp);
        } else {
          let tmp = (shmall * PAGE) & UINT64_MAX;
          if (shmall !== 0n && tmp / shmall !== PAGE) tmp = UINT64_MAX - (UINT64_MAX % PAGE);
          out += size(unit, 'max total shared memory', tmp);
        }
        out += size(unit === 'default' ? 'bytes' : unit, 'min seg size', 1n);
      } else if (format === 'u') {
        out += '------ Shared Memory Status --------\nsegments allocated 0\npages allocated 0\npages resident  0\npages swapped   0\nSwap performance: 0 attempts\t 0 successes\n';
      } else if (format === 'c') out += `------ Shared Memory Segment Creators/Owners --------\n${['shmid', 'perms', 'cuid', 'cgid', 'uid', 'gid'].map((h) => pad(h, 10)).join(' ')}\n`;
      else if (format === 't') out += `------ Shared Memory Attach/Detach/Change Times --------\n${pad('shmid', 10)} ${pad('owner', 10)} ${pad('attached', 20)} ${pad('detached', 20)} ${pad('changed', 20)}\n`;
      else if (format === 'p') out += `------ Shared Memory Creator/Last-op PIDs --------\n${['shmid', 'owner', 'cpid', 'lpid'].map((h) => pad(h, 10)).join(' ')}\n`;
      else out += `------ Shared Memory Segments --------\n${['key', 'shmid', 'owner', 'perms', unit === 'human' ? 'size' : 'bytes', 'nattch'].map((h) => pad(h, 10)).join(' ')} ${pad('status', 12)}\n`;
      out += '\n';
    }
    if (sem) {
      if (format === 'l') {
        const f = (await read('sem', '32000\t1024000000\t500\t32000')).split(/\s+/);
        out += '------ Semaphore Limits --------\n';
        out += `max number of arrays = ${f[3]}\nmax semaphores per array = ${f[0]}\nmax semaphores system wide = ${f[1]}\nmax ops per semop call = ${f[2]}\nsemaphore max value = 32767\n`;
      } else if (format === 'u') out += '------ Semaphore Status --------\nused arrays = 0\nallocated semaphores = 0\n';
      else if (format === 'c') out += `------ Semaphore Arrays Creators/Owners --------\n${['semid', 'perms', 'cuid', 'cgid', 'uid', 'gid'].map((h) => pad(h, 10)).join(' ')}\n`;
      else if (format === 't') out += `------ Semaphore Operation/Change Times --------\n${pad('semid', 8)} ${pad('owner', 10)} ${pad('last-op', 26)} ${pad('last-changed', 26)}\n`;
      else if (format === 'p') out += '';
      else out += `------ Semaphore Arrays --------\n${['key', 'semid', 'owner', 'perms', 'nsems'].map((h) => pad(h, 10)).join(' ')}\n`;
      out += '\n';
    }
    await ctx.print(out);
    return 0;
  },
});
