// iproute2 and net-tools: ip, ifconfig, route, netstat, ss; each loads when first run.
import type { ProgramEntry } from '../entry';

export const iproutePrograms: ProgramEntry[] = [];
