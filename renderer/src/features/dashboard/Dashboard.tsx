// Placeholder: the plan dashboard is being built (issue 3).
import type { FeatureProps } from '../feature-props';

export function Dashboard(_props: FeatureProps) {
  return null;
}
