// Placeholder: the initiative table is being built (issue 3).
import type { FeatureProps } from '../feature-props';

export function InitiativeTable(_props: FeatureProps) {
  return null;
}
