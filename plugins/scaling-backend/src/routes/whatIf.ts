import { WhatIfService } from '../services/WhatIf';
import { RouteCallers, ScalingRouter } from './types';

/** The what-if replay of a candidate policy: a read, which changes nothing in any cluster. */
export function addWhatIfRoutes(
  router: ScalingRouter,
  options: { callers: RouteCallers; whatIf: WhatIfService },
) {
  const { callers, whatIf } = options;

  router.post(
    '/entities/:kind/:namespace/:name/policy/simulate',
    async (req, res) => {
      const credentials = await callers.reader(req);
      const { kind, namespace, name } = req.params;
      res.json(
        await whatIf.simulate({ kind, namespace, name }, req.body, credentials),
      );
    },
  );
}
