import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from './schema/openapi';
import { EntityScalingFactsService } from './services/EntityScalingFacts';
import { EntityScalingStateService } from './services/ScalingState';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
}): Promise<express.Router> {
  const { httpAuth, entityFacts, scalingState } = options;
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

  router.get('/entities/:kind/:namespace/:name/scaling', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(
      await scalingState.getScalingState(
        { kind, namespace, name },
        { credentials },
      ),
    );
  });

  return router;
}
