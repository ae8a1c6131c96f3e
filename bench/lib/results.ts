import type { BuildResults } from '../sections/build.js';
import type { LatencyResults } from '../sections/latency.js';
import type { LoadTestResults } from '../sections/load-test.js';
import type { PeerResults } from '../sections/peer.js';
import type { ScaleResults } from '../sections/scale.js';
import type { ThroughputResults } from '../sections/throughput.js';
import type { MachineInfo } from './machine.js';

/** Shape of `bench/results.json`: every section's measurements, or why the section has none. */

export const SECTION_NAMES = ['build', 'latency', 'peer', 'throughput', 'load', 'scale'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export type SectionOutcome<T> = { ok: true; seconds: number; data: T } | { ok: false; seconds: number; error: string };

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean | null;
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  command: string;
  quick: boolean;
  sections: SectionName[];
  machine: MachineInfo;
  gitCommit: string | null;
  evalQueries: number;
  results: {
    build?: SectionOutcome<BuildResults>;
    latency?: SectionOutcome<LatencyResults>;
    peer?: SectionOutcome<PeerResults>;
    throughput?: SectionOutcome<ThroughputResults>;
    load?: SectionOutcome<LoadTestResults>;
    scale?: SectionOutcome<ScaleResults>;
  };
  targets: TargetCheck[];
}
