// The 'bus' service: a small stand-in for the D-Bus system bus between processes. A daemon owns
// a well-known name (org.freedesktop.network1), takes method calls addressed to it one at a time
// and replies; a client calls a method on a name and waits for the reply. Names are released when
// their owner exits, and calls pending on a vanished owner fail as on D-Bus.

export interface BusSender {
  pid: number;
  uid: number;
  euid: number;
}

export interface BusMessage {
  serial: number;
  /** The well-known name the call was addressed to. */
  name: string;
  method: string;
  body: unknown;
  sender: BusSender;
}

export interface BusError {
  /** D-Bus error name, e.g. org.freedesktop.DBus.Error.ServiceUnknown. */
  name: string;
  message: string;
}

export type BusRequest =
  /** Take a well-known name (fails with NameTaken if a live process owns it). */
  | { kind: 'own'; name: string }
  | { kind: 'release'; name: string }
  /**
   * The next call addressed to a name this process owns; when none is queued, waits and answers
   * `ok` once one arrives (ask again to take it).
   */
  | { kind: 'recv' }
  | { kind: 'reply'; serial: number; body?: unknown; error?: BusError }
  /** Call `method` on the owner of `name`; waits for its reply. */
  | { kind: 'call'; name: string; method: string; body?: unknown }
  | { kind: 'owner'; name: string };

export type BusReply =
  | { kind: 'ok' }
  | { kind: 'message'; message: BusMessage }
  | { kind: 'return'; body: unknown }
  | { kind: 'owner'; pid?: number }
  | { kind: 'error'; error: BusError };

export const BUS_ERRORS = {
  serviceUnknown: 'org.freedesktop.DBus.Error.ServiceUnknown',
  noReply: 'org.freedesktop.DBus.Error.NoReply',
  nameTaken: 'org.freedesktop.DBus.Error.NameTaken',
  accessDenied: 'org.freedesktop.DBus.Error.AccessDenied',
  interactiveAuth: 'org.freedesktop.DBus.Error.InteractiveAuthorizationRequired',
  unknownMethod: 'org.freedesktop.DBus.Error.UnknownMethod',
  invalidArgs: 'org.freedesktop.DBus.Error.InvalidArgs',
} as const;
