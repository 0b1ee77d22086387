// Network namespaces, as far as sockets and connections need them: each one a number (0 is the
// machine's own) with the IPv4 addresses its interfaces hold (a container's eth0 on the docker0
// bridge). Sockets belong to their creator's namespace; the traffic service asks here which
// namespace owns an address a packet is sent to.
import { SysError } from '../shared/errno';

/** What the traffic and socket services read (subsystems do not import the kernel). */
export interface NetNamespaceView {
  /** The namespace (other than the host's) whose interfaces hold `ip`. */
  byAddress(ip: string): number | undefined;
  /** The addresses of namespace `id` (empty for the host's and for unknown ones). */
  addresses(id: number): readonly string[];
  has(id: number): boolean;
}

export class NetNamespaces implements NetNamespaceView {
  private readonly table = new Map<number, string[]>();
  private next = 1;

  /** A new, empty namespace (only its loopback); returns its id. */
  create(): number {
    const id = this.next++;
    this.table.set(id, []);
    return id;
  }

  /** Replaces the IPv4 addresses of namespace `id`; EINVAL for the host's, ENOENT for an unknown one, EADDRINUSE when another namespace holds one. */
  setAddresses(id: number, addresses: readonly string[]): void {
    if (id === 0) throw new SysError('EINVAL', 'netns');
    if (!this.table.has(id)) throw new SysError('ENOENT', 'netns');
    for (const a of addresses) {
      const owner = this.byAddress(a);
      if (owner !== undefined && owner !== id) throw new SysError('EADDRINUSE', 'netns', a);
    }
    this.table.set(id, [...addresses]);
  }

  addresses(id: number): readonly string[] {
    return this.table.get(id) ?? [];
  }

  /** Ends namespace `id` (its processes should have ended: their sockets close with them). */
  remove(id: number): void {
    this.table.delete(id);
  }

  has(id: number): boolean {
    return id === 0 || this.table.has(id);
  }

  byAddress(ip: string): number | undefined {
    for (const [id, addrs] of this.table) if (addrs.includes(ip)) return id;
    return undefined;
  }

  /** The namespaces and their addresses (for the state inspector and tests). */
  view(): { id: number; addresses: string[] }[] {
    return [...this.table].map(([id, addresses]) => ({ id, addresses: [...addresses] }));
  }
}
