// The software bridge's port bookkeeping (net/bridge: br_if.c, br_stp_if.c) without STP:
// ports join disabled and forward as soon as both they and the bridge are up with a link;
// the bridge has carrier while a port forwards. Unless the administrator chose one, the
// bridge takes the lowest MAC among its ports (all zeros with none) and its MTU follows the
// smallest port MTU.
import { type BridgePortChange, type NetError } from '../../shared/services/net';
import { stpOn } from './bridge-opts';
import { err } from './fib';
import { bridgePriority, isUp, operUp, validEtherAddr } from './links';
import { linkByIndex, type Link, type NetState } from './state';

/** How a bridge operation changes a device's carrier (link-ops does the consequences). */
export type SetCarrier = (l: Link, on: boolean) => void;

const PORT_PRIORITY = 32;
/** port_cost: 10 Gb/s devices (veth) cost 2; devices reporting no speed the old default 100. */
const COST_10G = 2;
const COST_UNKNOWN = 100;

export function portsOf(s: NetState, br: Link): Link[] {
  return s.links.filter((l) => l.master === br.ifindex && l.port !== undefined);
}

function compareMac(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 6; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** br_become_designated_port: without STP peers the bridge is the root, and its port takes the
 *  bridge's current id as designated bridge and root. */
function becomeDesignated(p: Link, br: Link): void {
  p.port!.designated = { prio: bridgePriority(br.bridge!), mac: [...br.bridge!.id] };
}

/** br_stp_set_bridge_priority: the ports that are not disabled take the new id; disabled ones
 *  keep the one they had. */
export function bridgePriorityChanged(s: NetState, br: Link): void {
  for (const p of portsOf(s, br)) if (p.port!.state !== 'disabled') becomeDesignated(p, br);
}

/** br_port_state_selection: the bridge has carrier exactly while one of its ports forwards. */
function portStateSelection(s: NetState, br: Link, setCarrier: SetCarrier): void {
  setCarrier(br, portsOf(s, br).some((p) => p.port!.state === 'forwarding'));
}

/** br_stp_change_bridge_id: a new bridge id (and address). */
export function changeBridgeId(s: NetState, br: Link, mac: readonly number[], setCarrier: SetCarrier): void {
  // a port designated by the old address now names the new one (its priority stays)
  const old = br.bridge!.id;
  for (const p of portsOf(s, br)) {
    const d = p.port!.designated;
    if (d && compareMac(d.mac, old) === 0) d.mac = [...mac];
  }
  br.bridge!.id = [...mac];
  br.mac = [...mac];
  portStateSelection(s, br, setCarrier);
}

/** br_stp_recalculate_bridge_id: the lowest port address unless one was set by hand. */
function recalcBridgeId(s: NetState, br: Link, setCarrier: SetCarrier): void {
  const b = br.bridge!;
  if (b.addrSet) return;
  let addr: readonly number[] = [0, 0, 0, 0, 0, 0];
  let first = true;
  for (const p of portsOf(s, br)) {
    if (first || compareMac(p.mac, addr) < 0) addr = p.mac;
    first = false;
  }
  if (compareMac(b.id, addr) !== 0) changeBridgeId(s, br, addr, setCarrier);
}

/** br_mtu_auto_adjust: the smallest port MTU (1500 with none left), unless the administrator set one. */
function mtuAutoAdjust(s: NetState, br: Link): void {
  const ports = portsOf(s, br);
  if (br.bridge!.mtuSet) return;
  br.mtu = ports.length ? Math.min(...ports.map((p) => p.mtu)) : 1500;
}

/** Enables or disables a port as its device and its bridge now allow (br_stp_enable_port / disable_port). */
export function refreshPort(s: NetState, p: Link, setCarrier: SetCarrier): void {
  const br = p.master !== undefined ? linkByIndex(s, p.master) : undefined;
  if (!br?.bridge || !p.port) return;
  const want = isUp(br) && isUp(p) && operUp(p) ? 'forwarding' : 'disabled';
  if (p.port.state === want) return;
  // br_stp_enable_port (br_init_port) and br_stp_disable_port both make the port designated
  becomeDesignated(p, br);
  p.port.state = want;
  portStateSelection(s, br, setCarrier);
}

/** The bridge went up or down: its ports follow (br_stp_enable_bridge / disable_bridge). */
export function refreshBridge(s: NetState, br: Link, setCarrier: SetCarrier): void {
  for (const p of portsOf(s, br)) refreshPort(s, p, setCarrier);
}

/** A port's address or MTU changed (the bridge's netdevice notifier). */
export function portChanged(s: NetState, p: Link, setCarrier: SetCarrier): void {
  const br = p.master !== undefined ? linkByIndex(s, p.master) : undefined;
  if (!br?.bridge) return;
  recalcBridgeId(s, br, setCarrier);
  mtuAutoAdjust(s, br);
}

const STATES = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'] as const;

/** br_setport: the switches, then cost (1-65535), priority (0-63) and a state (not while the
 *  kernel runs STP; only `disabled` without the port's link); it stops at the first refusal. */
export function setPortOptions(s: NetState, p: Link, c: BridgePortChange, setCarrier: SetCarrier): NetError | null {
  const br = p.master !== undefined ? linkByIndex(s, p.master) : undefined;
  if (!br?.bridge || !p.port) return err('EOPNOTSUPP');
  if (c.switches) p.port.switches = { ...p.port.switches, ...c.switches };
  if (c.cost !== undefined) {
    if (c.cost < 1 || c.cost > 65535) return err('ERANGE');
    p.port.cost = c.cost;
  }
  if (c.priority !== undefined) {
    if (c.priority > 63) return err('ERANGE');
    p.port.priority = c.priority;
  }
  if (c.state !== undefined) {
    const st = STATES[c.state];
    if (st === undefined) return err('EINVAL');
    if (stpOn(br.bridge.opts ?? {})) return err('EBUSY');
    if (!isUp(p) || (!operUp(p) && st !== 'disabled')) return err('ENETDOWN');
    p.port.state = st;
    portStateSelection(s, br, setCarrier);
  }
  return null;
}

/** br_add_if. */
export function addPort(s: NetState, br: Link, dev: Link, setCarrier: SetCarrier): NetError | null {
  if (dev.linkType !== 'ether' || !validEtherAddr(dev.mac)) return err('EINVAL');
  if (dev.bridge) return err('ELOOP', 'Can not enslave a bridge to a bridge');
  if (dev.master !== undefined) return err('EBUSY');
  const used = new Set(portsOf(s, br).map((p) => p.port!.no));
  let no = 1;
  while (used.has(no)) no++;
  dev.master = br.ifindex;
  dev.port = { no, state: 'disabled', priority: PORT_PRIORITY, cost: dev.kind === 'veth' ? COST_10G : COST_UNKNOWN };
  becomeDesignated(dev, br);
  recalcBridgeId(s, br, setCarrier);
  refreshPort(s, dev, setCarrier);
  mtuAutoAdjust(s, br);
  return null;
}

/** br_del_if: the port stops forwarding and leaves; the bridge recomputes its id and MTU. */
export function removePort(s: NetState, dev: Link, setCarrier: SetCarrier): void {
  const br = dev.master !== undefined ? linkByIndex(s, dev.master) : undefined;
  if (br?.bridge && dev.port) {
    dev.port.state = 'disabled';
    portStateSelection(s, br, setCarrier);
  }
  delete dev.master;
  delete dev.port;
  if (!br?.bridge) return;
  recalcBridgeId(s, br, setCarrier);
  mtuAutoAdjust(s, br);
}
