import { ROLLOUT_STRATEGY_TEMPLATES } from './strategyTemplates';
import { renderDeployment } from './renderDeployment';
import { renderRollout } from './renderRollout';

const service = {
  name: 'invoices',
  namespace: 'meschain-sync',
  image: 'example/invoices:1.0.0',
  replicas: 3,
  port: 9090,
  resources: { requests: { cpu: '250m', memory: '256Mi' } },
};

describe('renderDeployment', () => {
  it('runs the same pod template as a Rollout of the service, with a rolling update that keeps every replica', () => {
    const deployment = renderDeployment(service);
    const rollout = renderRollout(ROLLOUT_STRATEGY_TEMPLATES[0], service);

    expect(deployment).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'invoices', namespace: 'meschain-sync' },
      spec: {
        replicas: 3,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
        },
      },
    });
    expect(deployment.metadata.labels).toEqual(rollout.metadata.labels);
    expect(deployment.spec.selector).toEqual(rollout.spec.selector);
    expect(deployment.spec.template).toEqual(rollout.spec.template);
    expect(deployment.spec.template.spec.containers[0]).toEqual({
      name: 'invoices',
      image: 'example/invoices:1.0.0',
      ports: [{ name: 'http', containerPort: 9090 }],
      resources: { requests: { cpu: '250m', memory: '256Mi' } },
    });
  });

  it('refuses a name that is not a DNS-1123 label, naming the field', () => {
    expect(() => renderDeployment({ ...service, name: 'Invoices' })).toThrow(
      /^name: "Invoices" must be a DNS-1123 label/,
    );
  });
});
