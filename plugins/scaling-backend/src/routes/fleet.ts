import { FleetService } from '../services/Fleet';
import { RouteCallers, ScalingRouter } from './types';

/** The fleet grid: open to users and to other plugins; each sees the services the catalog lets it see. */
/** A repeated query parameter, which arrives as a string when it is given once. */
function listOf<T extends string>(value: T | T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export function addFleetRoutes(
  router: ScalingRouter,
  options: { fleet: FleetService; callers: RouteCallers },
) {
  const { fleet, callers } = options;

  router.get('/fleet', async (req, res) => {
    const credentials = await callers.reader(req);
    const { owner, system, tier, health } = req.query;
    res.json(
      await fleet.getFleet(
        {
          owner: listOf(owner),
          system: listOf(system),
          tier: listOf(tier),
          health: listOf(health),
        },
        { credentials },
      ),
    );
  });
}
