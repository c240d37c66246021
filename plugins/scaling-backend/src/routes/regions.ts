import { RegionsService } from '../services/Regions';
import { RouteCallers, ScalingRouter } from './types';

/** The region reads: open to users and to other plugins. */
export function addRegionRoutes(
  router: ScalingRouter,
  options: { regions: RegionsService; callers: RouteCallers },
) {
  const { regions, callers } = options;

  router.get('/regions', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await regions.getOverview({ credentials }));
  });

  router.get('/regions/:regionId', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await regions.getRegion(req.params.regionId, { credentials }));
  });

  router.get('/entities/:kind/:namespace/:name/regions', async (req, res) => {
    const credentials = await callers.reader(req);
    res.json(await regions.getEntityRegions(req.params, { credentials }));
  });
}
