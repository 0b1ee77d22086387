// systemd-analyze inspect-elf FILE... (src/analyze/analyze-inspect-elf.c with libelf): each file,
// made absolute and simplified, is opened and handed to libelf; the first failure ends the run.
// What libelf says depends on how far it gets: a directory is no ELF descriptor, a file without
// the ELF identification has no header to read, and an identified file too short for its header
// is bad data. The simulator's programs are short stubs that carry the identification and a
// marker: they are shown as the x86-64 executables they stand for.
import type { Ctx } from '../../lib/context';
import { isSysError, strerror } from '../../../shared/errno';
import { simplifyPath } from '../../../shared/systemd/lookup-paths';

const MARKER = 'photon-sim:';

const MACHINES = new Map<number, string>([
  [3, 'Intel 80386'], [8, 'MIPS R3000'], [20, 'PowerPC'], [21, 'PowerPC 64-bit'], [22, 'IBM S/390'],
  [40, 'ARM'], [62, 'AMD x86-64'], [183, 'AArch64'], [243, 'RISC-V'],
]);

interface ElfInfo {
  type: string;
  arch: string;
}

type Verdict = ElfInfo | { failed: string };

function u16(b: Uint8Array, at: number, le: boolean): number {
  const x = b[at] ?? 0;
  const y = b[at + 1] ?? 0;
  return le ? x | (y << 8) : (x << 8) | y;
}

function u32(b: Uint8Array, at: number, le: boolean): number {
  return le ? u16(b, at, le) + u16(b, at + 2, le) * 65536 : u16(b, at, le) * 65536 + u16(b, at + 2, le);
}

/** Whether a program header says PT_INTERP (a dynamic executable rather than a library). */
function hasInterp(b: Uint8Array, wide: boolean, le: boolean): boolean {
  const off = wide ? u32(b, 32, le) + u32(b, 36, le) * 2 ** 32 : u32(b, 28, le);
  const size = u16(b, wide ? 54 : 42, le);
  const count = u16(b, wide ? 56 : 44, le);
  for (let i = 0; i < count; i++) {
    const at = off + i * size;
    if (at + 4 > b.length) break;
    if (u32(b, at, le) === 3) return true;
  }
  return false;
}

function classify(b: Uint8Array): Verdict {
  const identified = b.length >= 16 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46 && (b[4] === 1 || b[4] === 2) && (b[5] === 1 || b[5] === 2);
  if (!identified) return { failed: "gelf_getehdr() failed: invalid `Elf' handle" };
  if (new TextDecoder().decode(b.subarray(8, 8 + MARKER.length)) === MARKER) return { type: 'executable', arch: 'AMD x86-64' };
  const wide = b[4] === 2;
  if (b.length < (wide ? 64 : 52)) return { failed: 'elf_begin() failed: invalid ELF file data' };
  const le = b[5] === 1;
  const etype = u16(b, 16, le);
  const machine = u16(b, 18, le);
  const type = etype === 2 ? 'executable' : etype === 3 ? (hasInterp(b, wide, le) ? 'executable' : 'library') : etype === 4 ? 'coredump' : etype === 1 ? 'relocatable' : 'unknown';
  return { type, arch: MACHINES.get(machine) ?? String(machine) };
}

export async function verbInspectElf(ctx: Ctx, files: string[], json: string | undefined): Promise<number> {
  for (const file of files) {
    const abspath = simplifyPath(file.startsWith('/') ? file : `${ctx.sys.getcwd()}/${file}`);
    let bytes: Uint8Array;
    try {
      if ((await ctx.sys.stat(abspath)).kind === 'dir') {
        await ctx.err.write(`Could not parse ELF file, elf_begin() failed: invalid file descriptor\nParsing "${abspath}" as ELF object failed: Invalid argument\n`);
        return 1;
      }
      bytes = await ctx.sys.readFile(abspath);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`Could not open "${abspath}": ${strerror(e.errno)}\n`);
      return 1;
    }
    const v = classify(bytes);
    if ('failed' in v) {
      await ctx.err.write(`Could not parse ELF file, ${v.failed}\nParsing "${abspath}" as ELF object failed: Invalid argument\n`);
      return 1;
    }
    if (json === 'short') await ctx.print(`{"elfType":${JSON.stringify(v.type)},"elfArchitecture":${JSON.stringify(v.arch)}}\n`);
    else if (json === 'pretty') await ctx.print(`{\n\t"elfType" : ${JSON.stringify(v.type)},\n\t"elfArchitecture" : ${JSON.stringify(v.arch)}\n}\n`);
    else {
      // a vertical table: an empty header row, then the keys right-aligned after their colons
      const rows: [string, string][] = [['path', abspath], ['elfType', v.type], ['elfArchitecture', v.arch]];
      const width = Math.max(...rows.map(([k]) => k.length + 1));
      await ctx.print(`${' '.repeat(width + 1)}\n${rows.map(([k, val]) => `${`${k}:`.padStart(width)} ${val}\n`).join('')}`);
    }
  }
  return 0;
}
