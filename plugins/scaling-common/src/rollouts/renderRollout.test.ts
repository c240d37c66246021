import { parse } from 'yaml';
import { DEPLOYMENT_STRATEGIES } from '../types';
import { renderRollout, renderRolloutYaml } from './renderRollout';
import { ROLLOUT_STRATEGY_TEMPLATES } from './strategyTemplates';

const ORDER_SERVICE = {
  name: 'order-service',
  namespace: 'meschain-sync',
  image: 'meschain/order-service:1.9.3',
  replicas: 3,
};

function template(id: string) {
  return ROLLOUT_STRATEGY_TEMPLATES.find(t => t.id === id)!;
}

describe('rollout strategy templates', () => {
  it('offers blue-green, a 10/25/50/100 canary and A/B by header, each a strategy the catalog knows', () => {
    expect(ROLLOUT_STRATEGY_TEMPLATES.map(t => [t.id, t.strategy])).toEqual([
      ['blue-green', 'blue-green'],
      ['canary-10-25-50-100', 'canary'],
      ['ab-header', 'ab'],
    ]);
    for (const { strategy } of ROLLOUT_STRATEGY_TEMPLATES) {
      expect(DEPLOYMENT_STRATEGIES).toContain(strategy);
    }
  });

  it('renders the canary as YAML with its weights, each followed by a pause until 100 %', () => {
    const rendered = parse(
      renderRolloutYaml(template('canary-10-25-50-100'), ORDER_SERVICE),
    );
    expect(rendered).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'order-service', namespace: 'meschain-sync' },
      spec: {
        replicas: 3,
        selector: {
          matchLabels: { 'app.kubernetes.io/name': 'order-service' },
        },
        template: {
          metadata: {
            labels: {
              'app.kubernetes.io/name': 'order-service',
              'backstage.io/kubernetes-id': 'order-service',
            },
          },
          spec: {
            containers: [
              {
                name: 'order-service',
                image: 'meschain/order-service:1.9.3',
                ports: [{ name: 'http', containerPort: 8080 }],
              },
            ],
          },
        },
      },
    });
    expect(rendered.spec.strategy.canary).toMatchObject({
      canaryService: 'order-service-canary',
      stableService: 'order-service',
    });
    expect(rendered.spec.rollbackWindow).toEqual({ revisions: 3 });
    expect(rendered.spec.strategy.canary.steps).toEqual([
      { setWeight: 10 },
      { pause: {} },
      { setWeight: 25 },
      { pause: { duration: '5m' } },
      { setWeight: 50 },
      { pause: { duration: '5m' } },
      { setWeight: 100 },
    ]);
  });

  it('renders blue-green with the service as active and its preview, promoted by hand', () => {
    const { spec } = renderRollout(template('blue-green'), ORDER_SERVICE);
    expect(spec.rollbackWindow).toBeUndefined();
    expect(spec.strategy).toEqual({
      blueGreen: {
        activeService: 'order-service',
        previewService: 'order-service-preview',
        autoPromotionEnabled: false,
        scaleDownDelaySeconds: 30,
      },
    });
  });

  it('renders A/B with a managed header route that is set, held, then removed', () => {
    const { spec } = renderRollout(template('ab-header'), {
      ...ORDER_SERVICE,
      port: 9090,
    });
    const canary = 'canary' in spec.strategy ? spec.strategy.canary : undefined;
    expect(canary!.trafficRouting).toEqual({
      managedRoutes: [{ name: 'variant-b' }],
      istio: { virtualService: { name: 'order-service', routes: ['primary'] } },
    });
    expect(canary!.steps.slice(1, 4)).toEqual([
      {
        setHeaderRoute: {
          name: 'variant-b',
          match: [
            { headerName: 'X-MesChain-Variant', headerValue: { exact: 'b' } },
          ],
        },
      },
      { pause: {} },
      { setHeaderRoute: { name: 'variant-b' } },
    ]);
    expect(spec.template.spec.containers[0].ports[0].containerPort).toBe(9090);
  });

  it('leaves the templates untouched, so that they render again for another service', () => {
    renderRollout(template('canary-10-25-50-100'), ORDER_SERVICE);
    expect(
      renderRollout(template('canary-10-25-50-100'), {
        ...ORDER_SERVICE,
        name: 'user-service',
      }).spec.strategy,
    ).toMatchObject({ canary: { stableService: 'user-service' } });
  });

  it.each([
    [
      { name: 'Order_Service' },
      /^name: "Order_Service" must be a DNS-1123 label/,
    ],
    [
      { replicas: -1 },
      /^replicas: must be a whole number of at least 0, got -1/,
    ],
    [{ port: 70000 }, /^port: must be between 1 and 65535, got 70000/],
  ])('refuses %p, naming the field', (change, message) => {
    expect(() =>
      renderRollout(template('blue-green'), { ...ORDER_SERVICE, ...change }),
    ).toThrow(message);
  });
});
