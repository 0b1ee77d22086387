// Links, addresses, routes and neighbours in the kernel (placeholder until the ip work lands).
import type { Caller } from '../../shared/sys';

export class Network {
  handle(_caller: Caller, _request: unknown): unknown {
    return { ok: false, errno: 'ENOSYS' };
  }
  view(): unknown {
    return {};
  }
}
