// Imported lesson packs, kept in this browser so they are there after a reload (the worker
// forgets them with the page). Only the pack's text is stored; it is validated again on every
// import, so a pack edited behind the app's back is refused like any broken pack.
import { database, type SavedPack } from '../../persist/db';

export async function savedPacks(): Promise<SavedPack[]> {
  const db = await database();
  const all = await db.getAll('lesson-packs');
  return all.sort((a, b) => a.importedAt - b.importedAt);
}

export async function savePack(pack: SavedPack): Promise<void> {
  await (await database()).put('lesson-packs', pack);
}

export async function forgetPack(id: string): Promise<void> {
  await (await database()).delete('lesson-packs', id);
}
