// Reading a parsed command's flags without caring whether the table declares every one of them
// (a flag the table lacks reads as unset).
import type { ParsedCommand } from './cli/parse';

export function has(p: ParsedCommand, name: string): boolean {
  return p.changed.has(name);
}

export function bool(p: ParsedCommand, name: string): boolean {
  return p.flags[name] === true;
}

export function str(p: ParsedCommand, name: string): string {
  const v = p.flags[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function num(p: ParsedCommand, name: string): number | undefined {
  const v = p.flags[name];
  return typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function list(p: ParsedCommand, name: string): string[] {
  const v = p.flags[name];
  return Array.isArray(v) ? [...(v as readonly string[])] : typeof v === 'string' && v !== '' ? [v] : [];
}
