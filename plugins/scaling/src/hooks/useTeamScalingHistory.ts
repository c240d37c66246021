import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ScalingHistoryEvent } from '@meschain/backstage-plugin-scaling-common';
import { scalingApiRef } from '../api';
import { useLiveRead } from './useLiveRead';

/** How many of each service's latest events a team's history reads. */
const EVENTS_PER_SERVICE = 10;

/** A team's scaling event, with the service it happened to. */
export type TeamScalingEvent = ScalingHistoryEvent & { entityRef: string };

/**
 * The latest scaling events of a team's services, newest first: each
 * service's own history, read again every 30 s and after a write.
 */
export function useTeamScalingHistory(entityRefs: string[], limit: number) {
  const scalingApi = useApi(scalingApiRef);
  const key = entityRefs.join(',');
  return useLiveRead(
    async (): Promise<TeamScalingEvent[]> => {
      const histories = await Promise.all(
        entityRefs.map(async entityRef => {
          const { events } = await scalingApi.getHistory(
            parseEntityRef(entityRef),
            { limit: EVENTS_PER_SERVICE },
          );
          return events.map(event => ({ ...event, entityRef }));
        }),
      );
      return histories
        .flat()
        .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
        .slice(0, limit);
    },
    [scalingApi, key, limit],
    { writes: 'any' },
  );
}
