import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { ConfiguredAlerts } from '../services/Alerts';
import { RouteCallers, ScalingRouter } from './types';

const entityOf = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => ({
  kind: params.kind,
  namespace: params.namespace,
  name: params.name,
});

/** Alert rules, active alerts, maintenance windows, and the webhook Alertmanager notifies. */
export function addAlertRoutes(
  router: ScalingRouter,
  options: {
    callers: RouteCallers;
    httpAuth: HttpAuthService;
    alerts?: ConfiguredAlerts;
  },
) {
  const { callers, httpAuth } = options;
  function configured(): ConfiguredAlerts {
    if (!options.alerts) {
      throw new ServiceUnavailableError(
        'Alerting is not configured: set scaling.alerts',
      );
    }
    return options.alerts;
  }

  router.get(
    '/entities/:kind/:namespace/:name/alerts/rules',
    async (req, res) => {
      const credentials = await callers.reader(req);
      const rules = await configured().service.listRules(
        entityOf(req.params),
        credentials,
      );
      res.json({ rules });
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/alerts/rules',
    async (req, res) => {
      const caller = await callers.writer(req);
      res
        .status(201)
        .json(
          await configured().service.createRule(
            entityOf(req.params),
            req.body,
            caller,
          ),
        );
    },
  );

  router.put(
    '/entities/:kind/:namespace/:name/alerts/rules/:ruleId',
    async (req, res) => {
      const caller = await callers.writer(req);
      res.json(
        await configured().service.updateRule(
          entityOf(req.params),
          req.params.ruleId,
          req.body,
          caller,
        ),
      );
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/alerts/rules/:ruleId',
    async (req, res) => {
      const caller = await callers.writer(req);
      await configured().service.deleteRule(
        entityOf(req.params),
        req.params.ruleId,
        caller,
      );
      res.status(204).end();
    },
  );

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const credentials = await callers.reader(req);
    const alerts = await configured().service.listActiveAlerts(
      entityOf(req.params),
      credentials,
    );
    res.json({ alerts });
  });

  router.get(
    '/entities/:kind/:namespace/:name/maintenance-windows',
    async (req, res) => {
      const credentials = await callers.reader(req);
      const windows = await configured().service.listMaintenanceWindows(
        entityOf(req.params),
        credentials,
      );
      res.json({ windows });
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/maintenance-windows',
    async (req, res) => {
      const caller = await callers.writer(req);
      res
        .status(201)
        .json(
          await configured().service.createMaintenanceWindow(
            entityOf(req.params),
            req.body,
            caller,
          ),
        );
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/maintenance-windows/:silenceId',
    async (req, res) => {
      const caller = await callers.writer(req);
      await configured().service.expireMaintenanceWindow(
        entityOf(req.params),
        req.params.silenceId,
        caller,
      );
      res.status(204).end();
    },
  );

  router.post('/alerts/webhook', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const { notifier, webhookSubject } = configured();
    if (credentials.principal.subject !== webhookSubject) {
      throw new NotAllowedError(
        `Only ${webhookSubject} may post alerts to the webhook`,
      );
    }
    res.json(await notifier.notify(req.body));
  });
}
