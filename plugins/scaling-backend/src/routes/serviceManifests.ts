import { ServiceManifestsService } from '../services/ServiceManifests';
import { RouteCallers, ScalingRouter } from './types';

/** Applying a new service's manifests: a user's write, made on their behalf by the scaffolder. */
export function addServiceManifestRoutes(
  router: ScalingRouter,
  options: { serviceManifests: ServiceManifestsService; callers: RouteCallers },
) {
  const { serviceManifests, callers } = options;

  router.post('/services/manifests', async (req, res) => {
    const caller = await callers.writer(req);
    res.json(await serviceManifests.apply(req.body, caller));
  });
}
