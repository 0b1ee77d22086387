// The bytes of the binaries packages install. A simulated program is the kernel's stub (an ELF
// header and the registry name, see kernel/exec.ts stubFor; a test keeps the two identical); a
// program the simulator does not implement is an inert ELF file: it exists, `rpm -ql` lists it,
// and running it fails with ENOEXEC ("cannot execute binary file"), as a binary for another
// machine would.

const ELF_MAGIC = '\x7fELF\x02\x01\x01\x00';

/** The stub the kernel runs as registry program `name`. */
export function programStub(name: string): string {
  return `${ELF_MAGIC}photon-sim:${name}\n`;
}

/** An executable the simulator cannot run (no registry program behind it). */
export function inertBinary(pkg: string, path: string): string {
  return `${ELF_MAGIC}photon-sim inert binary of ${pkg}: ${path}\n`;
}
