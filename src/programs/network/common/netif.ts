// sd-network for the tools: systemd-networkd's state files in /run/systemd/netif (the manager's
// state, links/IFINDEX and leases/IFINDEX), read as KEY=value lines, and the vendor names of
// the hardware database for the MAC prefixes the simulated machine meets.
import type { Sys } from '../../../shared/sys';

export async function readText(sys: Sys, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await sys.readFile(path));
  } catch {
    return undefined;
  }
}

export function parseEnv(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

export const words = (v: string | undefined): string[] => (v ?? '').split(/\s+/).filter(Boolean);

export async function linkState(sys: Sys, ifindex: number): Promise<Map<string, string> | undefined> {
  const t = await readText(sys, `/run/systemd/netif/links/${ifindex}`);
  return t === undefined ? undefined : parseEnv(t);
}

export async function managerState(sys: Sys): Promise<Map<string, string> | undefined> {
  const t = await readText(sys, '/run/systemd/netif/state');
  return t === undefined ? undefined : parseEnv(t);
}

export async function leaseState(sys: Sys, ifindex: number): Promise<Map<string, string> | undefined> {
  const t = await readText(sys, `/run/systemd/netif/leases/${ifindex}`);
  return t === undefined ? undefined : parseEnv(t);
}

/** IEEE OUI vendors (hwdb's ID_OUI_FROM_DATABASE) for the prefixes of the lab's machines. */
const OUI: Record<string, string> = { '00:50:56': 'VMware, Inc.', '00:0c:29': 'VMware, Inc.', '00:05:69': 'VMware, Inc.', '00:1c:14': 'VMware, Inc.' };

export function ouiVendor(mac: string): string | undefined {
  const prefix = mac.toLowerCase().slice(0, 8);
  // 00:00:00 is Xerox's, but so often a placeholder that networkctl does not look it up
  if (prefix === '00:00:00') return undefined;
  return OUI[prefix];
}
