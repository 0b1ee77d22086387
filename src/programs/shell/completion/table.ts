// The `complete` table a shell keeps (its own small module: every shell's state holds one, while
// the rest of completion loads with the first Tab or `complete`).
import type { CompSpec } from './spec';

export function copySpec(s: CompSpec): CompSpec {
  return { ...s, actions: new Set(s.actions), options: new Set(s.options) };
}

/** bash's hash_string (FNV-1, 32 bits): `complete -p` lists specs by bucket of 512. */
function bucket(name: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(name)) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h & 511;
}

/** The `complete` table of one shell: specs by command name. */
export class CompTable {
  private specs = new Map<string, { spec: CompSpec; seq: number }>();
  private seq = 0;

  get(name: string): CompSpec | undefined {
    return this.specs.get(name)?.spec;
  }

  set(name: string, spec: CompSpec): void {
    const old = this.specs.get(name);
    this.specs.set(name, { spec, seq: old ? old.seq : ++this.seq });
  }

  delete(name: string): boolean {
    return this.specs.delete(name);
  }

  clear(): void {
    this.specs.clear();
  }

  /** Names in bash's listing order: by hash bucket, the newest first within one. */
  names(): string[] {
    return [...this.specs.entries()].sort((a, b) => bucket(a[0]) - bucket(b[0]) || b[1].seq - a[1].seq).map(([n]) => n);
  }

  clone(): CompTable {
    const t = new CompTable();
    for (const [n, e] of this.specs) t.specs.set(n, { spec: copySpec(e.spec), seq: e.seq });
    t.seq = this.seq;
    return t;
  }
}
