// The offline registry as the engine reaches it: loaded on the first pull (the image data is not
// part of what the machine needs to boot).
import type { RegistrySource } from './engine';

export const offlineRegistry: RegistrySource = {
  async find(repo, tag) {
    return (await import('./registry/index')).lookup(repo, tag);
  },
};
