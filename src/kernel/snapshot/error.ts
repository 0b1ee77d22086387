// What a damaged, foreign or too-new saved machine is refused with.
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}
