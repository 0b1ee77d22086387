// netfilter's tables in the kernel (placeholder until the iptables work lands).
import type { Caller } from '../../shared/sys';

export class Netfilter {
  handle(_caller: Caller, _request: unknown): unknown {
    return { ok: false, errno: 'ENOSYS' };
  }
  view(): unknown {
    return {};
  }
}
