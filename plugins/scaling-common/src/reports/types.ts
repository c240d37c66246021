import type { CostRecommendation, CostSavingsSummary } from '../cost';

/** @public The reports the suite makes. */
export type ReportKind = 'scaling' | 'deployments' | 'cost';

/** @public Every {@link ReportKind}. */
export const REPORT_KINDS: readonly ReportKind[] = [
  'scaling',
  'deployments',
  'cost',
];

/** @public Whether a report covers one team's services or the whole organisation's. */
export type ReportScope = 'org' | 'team';

/** @public The UTC days a report covers: `start` inclusive, `end` exclusive, both `YYYY-MM-DD`. */
export type ReportPeriod = { start: string; end: string };

/** @public What the reports' lists show of a report. */
export type ReportSummary = {
  id: string;
  kind: ReportKind;
  scope: ReportScope;
  /** The group entity ref of a team's report. */
  team?: string;
  period: ReportPeriod;
  /** ISO 8601. */
  createdAt: string;
  /** A user entity ref, or `task:weekly-reports` for the weekly task. */
  createdBy: string;
};

/** @public One day's count. */
export type DailyCount = { date: string; count: number };

/** @public A service's scaling over the period. */
export type ServiceScaling = {
  entityRef: string;
  /** Replica and autoscaler changes made through the suite that succeeded. */
  scaleEvents: number;
  /** Hours any of its autoscalers ran at their maximum; null when no metrics could tell. */
  hoursAtMax: number | null;
};

/** @public A region's spare capacity when the report was made. */
export type RegionHeadroom = {
  region: string;
  allocatableCpuCores: number;
  freeCpuCores: number;
  /** Free over allocatable, 0 to 1; null without nodes. */
  cpuHeadroom: number | null;
  allocatableMemoryBytes: number;
  freeMemoryBytes: number;
  memoryHeadroom: number | null;
  /** What the report's services request there. */
  requestedCpuCores: number;
  requestedMemoryBytes: number;
  /** Why the region's capacity is partly or wholly unknown. */
  errors: string[];
};

/** @public `kind: scaling` */
export type ScalingReportFigures = {
  kind: 'scaling';
  totals: {
    services: number;
    scaleEvents: number;
    /** Null when no service's autoscalers could be read from metrics. */
    hoursAtMax: number | null;
  };
  scaleEventsByDay: DailyCount[];
  byService: ServiceScaling[];
  headroom: RegionHeadroom[];
  /** Where the time at the maximum comes from, and what could not be read. */
  notes: string[];
};

/** @public A rollout taken back by an abort or an undo. */
export type RolloutRollback = {
  entityRef: string;
  cluster?: string;
  workload?: string;
  action: 'abort' | 'undo';
  /** ISO 8601. */
  at: string;
  /** From the rollout's start to its rollback; null when it started before the period. */
  seconds: number | null;
  actor: string;
};

/** @public A service's rollouts over the period. */
export type ServiceDeployments = {
  entityRef: string;
  rollouts: number;
  succeeded: number;
  rolledBack: number;
  /** Succeeded over rollouts, 0 to 1; null without rollouts. */
  successRate: number | null;
};

/** @public `kind: deployments` */
export type DeploymentsReportFigures = {
  kind: 'deployments';
  totals: {
    services: number;
    rollouts: number;
    succeeded: number;
    rolledBack: number;
    successRate: number | null;
    /** The median of the rollbacks' times; null without any. */
    medianRollbackSeconds: number | null;
    /**
     * Rollouts under way when the report was made, read from the clusters;
     * null in the org's report, which would read every service's clusters.
     */
    inProgress: number | null;
  };
  rolloutsByDay: DailyCount[];
  byService: ServiceDeployments[];
  rollbacks: RolloutRollback[];
  notes: string[];
};

/** @public `kind: cost` */
export type CostReportFigures = {
  kind: 'cost';
  currency: string;
  totals: {
    spend: number;
    monthlySavings: number;
    annualSavings: number;
    recommendations: number;
  };
  /** Keys are entity refs; the org's report lists its top services. */
  byService: Array<{ entityRef: string; total: number }>;
  byRegion: Array<{ region: string; total: number }>;
  daily: Array<{ date: string; total: number }>;
  savings: CostSavingsSummary;
  /** Each recommendation with the inputs its savings were worked out from. */
  recommendations: CostRecommendation[];
  notes: string[];
};

/** @public The figures of any report. */
export type ReportFigures =
  | ScalingReportFigures
  | DeploymentsReportFigures
  | CostReportFigures;

/** @public `GET /reports/{id}` */
export type Report = ReportSummary & { figures: ReportFigures };

/** @public `POST /reports` */
export type ReportRequest = {
  kind: ReportKind;
  /** A group entity ref; the organisation's report without. */
  team?: string;
  start: string;
  end: string;
};

/** @public The scheduler task that makes each team's reports of the week before. */
export const WEEKLY_REPORTS_TASK = 'task:weekly-reports';
