// Code the machine loads on demand (kernel/services.ts loads it before the first request that
// needs it), loaded up front for tests that use the subsystems directly.
import { loadNetfilterEngine } from '../src/subsystems/netfilter/netfilter';

await loadNetfilterEngine();
