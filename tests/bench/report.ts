// Measurements as the run prints them (one compact line each) and writes them to JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Summary } from './stats';
import type { Environment } from './environment';
import type { AbResult } from './timing';

/** Our code (side a) against a baseline measured beside it in the same run (side b). */
export interface RatioMeasurement {
  kind: 'ratio';
  suite: string;
  name: string;
  /** Labels of side a and side b, e.g. core / raw. */
  labels: [string, string];
  unit: 'ms';
  a: Summary;
  b: Summary;
  /** median(a) / median(b) */
  ratio: number;
  samples: { a: number[]; b: number[] };
  /** Derived figures, e.g. chars per ms; printed after the ratio. */
  detail?: Record<string, number | string>;
  note?: string;
}

/** A one-off measurement with no baseline (the corpus suite). */
export interface FixedMeasurement {
  kind: 'fixed';
  suite: string;
  name: string;
  text: string;
  values: Record<string, number | string>;
}

export type Measurement = RatioMeasurement | FixedMeasurement;

export function ratioMeasurement(
  suite: string,
  name: string,
  labels: [string, string],
  r: AbResult,
  extra: { note?: string; detail?: Record<string, number | string> } = {},
): RatioMeasurement {
  return {
    kind: 'ratio', suite, name, labels, unit: 'ms',
    a: r.a, b: r.b, ratio: r.ratio, samples: { a: r.aSamples, b: r.bSamples }, ...extra,
  };
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  environment: Environment;
  options: Record<string, unknown>;
  measurements: Measurement[];
}

const NAME_WIDTH = 24;

/** Three significant figures or so, without scientific notation. */
export function fmt(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatMeasurement(m: Measurement): string {
  const name = m.name.padEnd(NAME_WIDTH - 1) + ' ';
  if (m.kind === 'fixed') return name + m.text;
  const [la, lb] = m.labels;
  // min–median–max of each side: the spread is the machine's noise, read beside the ratio.
  const spread = (s: Summary) => `${fmt(s.min)}–${fmt(s.median)}–${fmt(s.max)}`;
  const line =
    `${name}${la} ${spread(m.a)} ms  ${lb} ${spread(m.b)} ms  ratio ${m.ratio.toFixed(2)}` +
    `  (p95 ${fmt(m.a.p95)} / ${fmt(m.b.p95)}, n=${m.a.n})`;
  return m.note ? `${line}  ${m.note}` : line;
}

export function writeReport(file: string, report: BenchReport): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
}
