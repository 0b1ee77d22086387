// Evaluating a check of any kind, and the combinations all / any / not.
import type { CheckSpec } from '../types';
import { evaluateGroup, evaluateUser } from './accounts';
import { evaluateContainer, evaluateImage } from './docker';
import { evaluateFile } from './files';
import { evaluateFirewall, evaluateListening } from './firewall';
import { evaluateLink, evaluateRoute } from './network';
import { failed, joinReasons, pass, type EvalContext, type Outcome } from './outcome';
import { evaluatePackage } from './packages';
import { evaluateCommand, evaluateHostname } from './system';
import { evaluateUnit } from './units';

export { EvalContext, type Outcome } from './outcome';

const MAX_DEPTH = 16;

export async function evaluate(ctx: EvalContext, c: CheckSpec, depth = 0): Promise<Outcome> {
  if (depth === 0) await ctx.host.ready();
  if (depth > MAX_DEPTH) return failed('the check nests too deeply');
  let o: Outcome;
  try {
    o = await evaluateKind(ctx, c, depth);
  } catch (e) {
    // a check must never take the engine down: say what broke instead
    o = failed(`the check could not be evaluated: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (o.passed) return o;
  const message = c.message ?? o.message;
  return { passed: false, message: c.advice ? `${message}. ${c.advice}` : message };
}

async function evaluateKind(ctx: EvalContext, c: CheckSpec, depth: number): Promise<Outcome> {
  switch (c.kind) {
    case 'file':
      return evaluateFile(ctx, c);
    case 'user':
      return evaluateUser(ctx, c);
    case 'group':
      return evaluateGroup(ctx, c);
    case 'package':
      return evaluatePackage(ctx, c);
    case 'unit':
      return evaluateUnit(ctx, c);
    case 'link':
      return evaluateLink(ctx, c);
    case 'route':
      return evaluateRoute(ctx, c);
    case 'firewall':
      return evaluateFirewall(ctx, c);
    case 'listening':
      return evaluateListening(ctx, c);
    case 'container':
      return evaluateContainer(ctx, c);
    case 'image':
      return evaluateImage(ctx, c);
    case 'hostname':
      return evaluateHostname(ctx, c);
    case 'command':
      return evaluateCommand(ctx, c);
    case 'all': {
      const outs = [];
      for (const x of c.checks) outs.push(await evaluate(ctx, x, depth + 1));
      const bad = outs.filter((o) => !o.passed);
      const unique = (list: Outcome[]): string[] => [...new Set(list.map((o) => o.message))];
      return bad.length ? failed(joinReasons(unique(bad))) : pass(joinReasons(unique(outs)));
    }
    case 'any': {
      const outs = [];
      for (const x of c.checks) {
        const o = await evaluate(ctx, x, depth + 1);
        if (o.passed) return o;
        outs.push(o);
      }
      const unique = [...new Set(outs.map((o) => o.message))];
      return failed(unique.length === 1 ? unique[0]! : `none of these holds: ${unique.join('; or ')}`);
    }
    case 'not': {
      const o = await evaluate(ctx, c.check, depth + 1);
      return o.passed ? failed(`${o.message}; the lesson wants the opposite`) : pass(o.message);
    }
  }
}

/** Does this check (or one nested in it) run a command? Cheap polls skip those. */
export function runsCommand(c: CheckSpec): boolean {
  if (c.kind === 'command') return true;
  if (c.kind === 'all' || c.kind === 'any') return c.checks.some(runsCommand);
  if (c.kind === 'not') return runsCommand(c.check);
  return false;
}
