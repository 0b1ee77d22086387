// The completion specs written in TypeScript: importing this registers them all.
import './systemd';
import './net';
import './packages';
