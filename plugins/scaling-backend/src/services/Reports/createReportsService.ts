import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, toError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityRolloutState,
  Report,
  REPORT_KINDS,
  ReportFigures,
  ReportKind,
  ReportPeriod,
  ReportScope,
  ReportSummary,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { DatabaseScalingAuditStore } from '../../database';
import { CostReports, readCostWindow } from '../Cost';
import { RegionsService } from '../Regions';
import { RolloutService } from '../Rollouts';
import { ScalingHistoryService } from '../ScalingHistory';
import { EntityScalingStateService } from '../ScalingState';
import { costFigures } from './costFigures';
import { deploymentFigures, ROLLOUT_ACTION_PREFIX } from './deploymentFigures';
import { ReportStore } from './DatabaseReportStore';
import { endOf, startOf } from './periods';
import { ReportAccess, ReportCredentials } from './reportAccess';
import { readScopeServices, ReportService } from './reportScope';
import { hoursAtMaxFromHistory } from './rescaleHistory';
import { SCALE_ACTION_PREFIXES, scalingFigures } from './scalingFigures';

/** The newest history events read per service: rescale events of the last hour or so. */
const HISTORY_LIMIT = 500;

/** How many services' rollouts are read from the clusters at once. */
const ROLLOUT_READ_CONCURRENCY = 8;

/** A report asked for, before its input is checked. */
export type ReportInput = {
  kind?: string;
  team?: string;
  start?: string;
  end?: string;
};

export interface ReportsService {
  /** Newest first, only those the caller may read. */
  list(
    filter: { scope?: ReportScope; team?: string },
    credentials: ReportCredentials,
  ): Promise<ReportSummary[]>;
  /** Works the figures out, stores the report and returns it. */
  create(
    input: ReportInput,
    caller: { credentials: ReportCredentials; createdBy: string },
  ): Promise<Report>;
  /** @throws NotFoundError, NotAllowedError */
  get(id: string, credentials: ReportCredentials): Promise<Report>;
}

function readKind(kind: string | undefined): ReportKind {
  const found = REPORT_KINDS.find(k => k === kind);
  if (!found) {
    throw new InputError(
      `kind must be one of ${REPORT_KINDS.join(', ')}, got '${kind ?? ''}'`,
    );
  }
  return found;
}

async function inChunks<T, R>(
  items: T[],
  size: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  }
  return results;
}

export function createReportsService(options: {
  store: ReportStore;
  access: ReportAccess;
  auditStore: Pick<DatabaseScalingAuditStore, 'listInPeriod'>;
  catalog: CatalogService;
  auth: AuthService;
  regions: Pick<RegionsService, 'getOverview'>;
  rollouts: Pick<RolloutService, 'getRolloutState'>;
  cost: CostReports;
  metrics: MetricsSource;
  /** A team's autoscalers' rescale events, where no metrics source answers. */
  scalingState?: Pick<EntityScalingStateService, 'getScalingState'>;
  scalingHistory?: Pick<ScalingHistoryService, 'getHistory'>;
  logger: LoggerService;
  now?: () => Date;
}): ReportsService {
  const { store, access, auditStore, catalog, auth, logger } = options;
  const now = options.now ?? (() => new Date());

  /** The team's canonical ref, checked to be a Group of the catalog. */
  async function readTeam(
    team: string | undefined,
  ): Promise<string | undefined> {
    if (team === undefined || team === '') return undefined;
    let ref;
    try {
      ref = parseEntityRef(team, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
    } catch (error) {
      throw new InputError(`team: ${toError(error).message}`);
    }
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(`team: ${team} is a ${ref.kind}, not a Group`);
    }
    const teamRef = stringifyEntityRef(ref);
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new InputError(`team: the catalog has no Group ${teamRef}`);
    }
    return teamRef;
  }

  async function rolloutStates(
    services: ReportService[],
    credentials: BackstageCredentials,
    notes: string[],
  ): Promise<EntityRolloutState[]> {
    const states = await inChunks(
      services,
      ROLLOUT_READ_CONCURRENCY,
      async s => {
        try {
          return await options.rollouts.getRolloutState(
            parseEntityRef(s.entityRef),
            {
              credentials,
            },
          );
        } catch (error) {
          notes.push(
            `The rollouts of ${s.entityRef} could not be read: ${
              toError(error).message
            }`,
          );
          return undefined;
        }
      },
    );
    return states.filter((s): s is EntityRolloutState => s !== undefined);
  }

  async function figuresOf(
    kind: ReportKind,
    team: string | undefined,
    period: ReportPeriod,
  ): Promise<ReportFigures> {
    const credentials = await auth.getOwnServiceCredentials();
    if (kind === 'cost') {
      return costFigures({ cost: options.cost, team, period, credentials });
    }
    const { services } = await readScopeServices(catalog, team, credentials);
    const events = await auditStore.listInPeriod({
      from: startOf(period),
      to: endOf(period),
      // The org's report counts every entity's, including those no longer in the catalog.
      entityRefs: team ? services.map(s => s.entityRef) : undefined,
      actionPrefixes:
        kind === 'scaling' ? SCALE_ACTION_PREFIXES : [ROLLOUT_ACTION_PREFIX],
    });
    if (kind === 'scaling') {
      const overview = await options.regions
        .getOverview({ credentials })
        .catch((error: unknown) => toError(error));
      const { scalingState, scalingHistory } = options;
      return scalingFigures({
        services,
        period,
        events,
        overview,
        metrics: options.metrics,
        // A team's services' clusters only, as for rollouts under way.
        hoursAtMaxFromHistory:
          team && scalingState && scalingHistory
            ? async service => {
                const ref = parseEntityRef(service.entityRef);
                try {
                  const [state, history] = await Promise.all([
                    scalingState.getScalingState(ref, { credentials }),
                    scalingHistory.getHistory(ref, {
                      credentials,
                      limit: HISTORY_LIMIT,
                    }),
                  ]);
                  return hoursAtMaxFromHistory({
                    state,
                    history,
                    period,
                    now: now(),
                  });
                } catch (error) {
                  logger.warn(
                    `Could not read the scaling history of ${service.entityRef}`,
                    { error: toError(error).message },
                  );
                  return undefined;
                }
              }
            : undefined,
        now: now(),
      });
    }
    const notes: string[] = [];
    // A team's services' clusters are read; the org's would be every cluster of every service.
    const states = team
      ? await rolloutStates(services, credentials, notes)
      : undefined;
    return deploymentFigures({
      services,
      period,
      events,
      states,
      notes: notes.sort(),
    });
  }

  return {
    async list(filter, credentials) {
      const team = filter.team ? await readTeam(filter.team) : undefined;
      if (team) {
        await access.assertMay('read', team, credentials);
      }
      const reports = await store.list({
        scope: team ? 'team' : filter.scope,
        team,
      });
      const readable = new Map<string, boolean>();
      const result: ReportSummary[] = [];
      for (const report of reports) {
        const key = report.team ?? '';
        if (!readable.has(key)) {
          readable.set(key, await access.mayRead(report.team, credentials));
        }
        if (readable.get(key)) result.push(report);
      }
      return result;
    },

    async create(input, caller) {
      const kind = readKind(input.kind);
      if (!input.start) throw new InputError('start is required');
      if (!input.end) throw new InputError('end is required');
      if (input.end <= input.start) {
        throw new InputError(
          `end (${input.end}) must be after start (${input.start})`,
        );
      }
      const period = readCostWindow({ start: input.start, end: input.end });
      const team = await readTeam(input.team);
      await access.assertMay('create', team, caller.credentials);
      const started = Date.now();
      const figures = await figuresOf(kind, team, period);
      const report = await store.add(
        {
          kind,
          scope: team ? 'team' : 'org',
          ...(team && { team }),
          period,
          createdBy: caller.createdBy,
          figures,
        },
        now(),
      );
      logger.info(`Made the ${kind} report ${report.id}`, {
        team: team ?? 'org',
        period: `${period.start}/${period.end}`,
        createdBy: caller.createdBy,
        ms: Date.now() - started,
      });
      return report;
    },

    async get(id, credentials) {
      const report = await store.get(id);
      await access.assertMay('read', report.team, credentials);
      return report;
    },
  };
}
