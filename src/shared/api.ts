// The one contract between the page and the machine's worker (exposed with comlink).
// Methods return a Result instead of throwing, because comlink drops custom error fields.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BootInfo {
  hostname: string;
  /** Real milliseconds the worker took to build and boot the machine. */
  bootMs: number;
}

export interface KernelApi {
  /** Boots a fresh machine and starts the console shell; console output goes to `output`. */
  boot(options: { cols: number; rows: number; seed?: number; start?: number }, output: (chunk: string) => void): Promise<Result<BootInfo>>;
  /** Keys typed in the terminal (as xterm.js delivers them). */
  input(data: string): Promise<void>;
  /** The terminal's new size: the machine's console learns it and sends SIGWINCH. */
  resize(cols: number, rows: number): Promise<void>;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: unknown): Result<T> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
