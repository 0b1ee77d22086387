// gawk's SYMTAB: an array whose elements are the program's global variables. Reading or
// assigning SYMTAB["x"] reads or assigns x (SYMTAB["a"] of an array is that array); a name
// that is not a global may not be read or assigned, and nothing may be deleted. A variable
// only a command-line assignment made (-v v=1 with no v in the program) is there too.
import { AwkArray } from './array';
import type { Runtime } from './runtime';
import { UNINIT, type Value } from './values';

export class Symtab extends AwkArray {
  constructor(private readonly rt: Runtime) {
    super();
  }

  private slot(key: string): number {
    return this.rt.prog.globals.indexOf(key);
  }

  override get(key: string): Value | undefined {
    const i = this.slot(key);
    if (i < 0) return this.rt.cmdVars.get(key);
    const c = this.rt.globals[i]!;
    return c.a ? (c.a as unknown as Value) : c.v;
  }

  override has(key: string): boolean {
    return this.slot(key) >= 0 || this.rt.cmdVars.has(key);
  }

  override set(key: string, value: Value): this {
    const i = this.slot(key);
    if (i < 0 && this.rt.cmdVars.has(key)) {
      this.rt.cmdVars.set(key, value);
      return this;
    }
    if (i < 0) {
      // an element read before it exists is made untyped: gawk refuses that reference
      if (value === UNINIT) this.rt.fatal(`reference to uninitialized element \`SYMTAB["${key}"] is not allowed'`);
      this.rt.fatal('cannot assign to arbitrary elements of SYMTAB');
    }
    this.rt.set({ name: key, local: false, slot: i }, value);
    return this;
  }

  override delete(): boolean {
    this.rt.fatal("`delete' is not allowed with SYMTAB");
  }

  override clear(): void {
    this.rt.fatal("`delete' is not allowed with SYMTAB");
  }

  override get size(): number {
    return this.order().length;
  }

  override order(): string[] {
    const names = this.rt.prog.globals;
    return [...names, ...[...this.rt.cmdVars.keys()].filter((k) => !names.includes(k))];
  }

  override keys(): MapIterator<string> {
    return this.order()[Symbol.iterator]() as MapIterator<string>;
  }

  override entries(): MapIterator<[string, Value]> {
    return this.order().map((k): [string, Value] => [k, this.get(k)!])[Symbol.iterator]() as MapIterator<[string, Value]>;
  }

  override [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }
}
