// Everything about saved machines that the worker loads on demand (one chunk): making and
// reading snapshots, and turning machines into them and back.
export { decodeSnapshot, encodeFrame, encodeSnapshot, SnapshotError } from './codec';
export { captureMachine, restoreSource } from './machine-io';
