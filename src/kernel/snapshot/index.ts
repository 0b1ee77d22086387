// Everything about saved machines that the worker loads on demand (one chunk): making and
// reading snapshots, and turning machines into them and back.
export { decodeFile, decodeSnapshot, encodeFrame, encodeSet, encodeSnapshot, SnapshotError } from './codec';
export { captureMachine, restoreSource } from './machine-io';
