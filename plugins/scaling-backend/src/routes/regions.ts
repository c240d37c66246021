import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';
import { RegionsService } from '../services/Regions';

type ScalingRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** The region reads: open to users and to other plugins. */
export function addRegionRoutes(
  router: ScalingRouter,
  options: { httpAuth: HttpAuthService; regions: RegionsService },
) {
  const { httpAuth, regions } = options;
  const readerCredentials = (
    req: Parameters<HttpAuthService['credentials']>[0],
  ) => httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/regions', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await regions.getOverview({ credentials }));
  });

  router.get('/regions/:regionId', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await regions.getRegion(req.params.regionId, { credentials }));
  });

  router.get('/entities/:kind/:namespace/:name/regions', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await regions.getEntityRegions(req.params, { credentials }));
  });
}
