import { DatabaseService } from '@backstage/backend-plugin-api';
import { HourlyUsage } from '@meschain/backstage-plugin-scaling-common';
import { Knex } from 'knex';
import { scalingDatabaseClient } from '../../../database';
import { insertChunked, num, sumsOf } from './costDatabase';
import { CostUsageStore, HoursOfCluster, ObservedWorkload } from './types';

const HOURLY = 'scaling_cost_hourly_usage';
const WORKLOADS = 'scaling_cost_workloads';

const USAGE_COLUMNS = [
  'cpu_request_cores',
  'cpu_usage_cores',
  'memory_request_gib',
  'memory_usage_gib',
  'cpu_cost',
  'memory_cost',
  'storage_cost',
];

function toWorkload(row: Record<string, any>): ObservedWorkload {
  return {
    cluster: row.cluster,
    region: row.region,
    namespace: row.namespace,
    kind: row.kind,
    name: row.name,
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    tier: row.tier ?? undefined,
    replicas: Number(row.replicas),
    cpuRequestCoresPerReplica: Number(row.cpu_request_cores_per_replica),
    memoryRequestGiBPerReplica: Number(row.memory_request_gib_per_replica),
    autoscaler:
      row.min_replicas === null
        ? undefined
        : {
            minReplicas: Number(row.min_replicas),
            cpuTargetUtilization: Number(row.cpu_target_utilization),
          },
  };
}

/** Hourly usage over the recommendation window, and the clusters' workloads, in the plugin's database. */
export class DatabaseCostUsageStore implements CostUsageStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCostUsageStore> {
    return new DatabaseCostUsageStore(
      await scalingDatabaseClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async replaceHours({ day, cluster, region, rows }: HoursOfCluster) {
    await this.db.transaction(async tx => {
      await tx(HOURLY).where({ day, cluster }).delete();
      await insertChunked(
        tx,
        HOURLY,
        rows.map(row => ({
          hour: row.hour,
          day,
          cluster,
          region,
          entity_ref: row.entityRef,
          owner_ref: row.ownerRef,
          cpu_request_cores: row.cpuRequestCores,
          cpu_usage_cores: row.cpuUsageCores,
          memory_request_gib: row.memoryRequestGiB,
          memory_usage_gib: row.memoryUsageGiB,
          cpu_cost: row.cpuCost,
          memory_cost: row.memoryCost,
          storage_cost: row.storageCost,
        })),
      );
    });
  }

  async replaceWorkloads(cluster: string, workloads: ObservedWorkload[]) {
    const observedAt = new Date();
    await this.db.transaction(async tx => {
      await tx(WORKLOADS).where({ cluster }).delete();
      await insertChunked(
        tx,
        WORKLOADS,
        workloads.map(workload => ({
          cluster,
          region: workload.region,
          namespace: workload.namespace,
          kind: workload.kind,
          name: workload.name,
          entity_ref: workload.entityRef,
          owner_ref: workload.ownerRef,
          tier: workload.tier ?? null,
          replicas: workload.replicas,
          cpu_request_cores_per_replica: workload.cpuRequestCoresPerReplica,
          memory_request_gib_per_replica: workload.memoryRequestGiBPerReplica,
          min_replicas: workload.autoscaler?.minReplicas ?? null,
          cpu_target_utilization:
            workload.autoscaler?.cpuTargetUtilization ?? null,
          observed_at: observedAt,
        })),
      );
    });
  }

  async pruneHours(before: string) {
    await this.db(HOURLY).where('hour', '<', before).delete();
  }

  async entitiesWithUsage(since: string) {
    const rows = await this.db(HOURLY)
      .where('hour', '>=', since)
      .distinct('entity_ref', 'owner_ref')
      .orderBy('entity_ref');
    return rows.map(row => ({
      entityRef: String(row.entity_ref),
      ownerRef: String(row.owner_ref),
    }));
  }

  async entityHours(
    entityRef: string,
    since: string,
  ): Promise<Array<HourlyUsage & { storageCost: number }>> {
    const rows = await this.db(HOURLY)
      .where('entity_ref', entityRef)
      .andWhere('hour', '>=', since)
      .select('hour', 'region', ...sumsOf(this.db, USAGE_COLUMNS))
      .groupBy('hour', 'region')
      .orderBy(['hour', 'region']);
    return rows.map(row => ({
      hour: row.hour,
      region: row.region,
      cpuRequestCores: num(row.cpu_request_cores),
      cpuUsageCores: num(row.cpu_usage_cores),
      memoryRequestGiB: num(row.memory_request_gib),
      memoryUsageGiB: num(row.memory_usage_gib),
      cpuCost: num(row.cpu_cost),
      memoryCost: num(row.memory_cost),
      storageCost: num(row.storage_cost),
    }));
  }

  async entityWorkloads(entityRef: string) {
    const rows = await this.db(WORKLOADS)
      .where('entity_ref', entityRef)
      .orderBy(['cluster', 'namespace', 'kind', 'name']);
    return rows.map(toWorkload);
  }
}
