// Previous / next initiative in reading order (theme order, then initiative order). The
// shortcuts that use it (Alt+↑ / Alt+↓, chosen over [ ] because Chinese input methods turn
// [ into 【) are defined with every other command in shared/api/commands.ts.
import type { PlanOutline } from '../../../shared/api/contract';
import type { Route } from './hash-route';

export function neighbourId(outline: PlanOutline, route: Route, step: 1 | -1): string | null {
  const order = outline.themes.flatMap((t) => t.initiatives.map((i) => i.id));
  if (route.kind === 'overview') return step === 1 ? (order[0] ?? null) : null;
  if (route.kind !== 'initiative') return null;
  const at = order.indexOf(route.id);
  if (at < 0) return null;
  return order[at + step] ?? null;
}
