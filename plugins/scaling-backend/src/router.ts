import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from './schema/openapi';
import { EntityScalingFactsService } from './services/EntityScalingFacts';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  entityFacts: EntityScalingFactsService;
}): Promise<express.Router> {
  const { httpAuth, entityFacts } = options;
  const router = createValidatedOpenApiRouter(spec);

  router.get('/entities/:kind/:namespace/:name/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(
      await entityFacts.getFacts({ kind, namespace, name }, { credentials }),
    );
  });

  return router;
}
