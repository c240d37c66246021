import {
  DeploymentStrategy,
  ScalingPolicyKind,
} from '@meschain/backstage-plugin-scaling-common';

export const scalingPolicyLabels: Record<ScalingPolicyKind, string> = {
  cpu: 'CPU utilization',
  memory: 'Memory utilization',
  requests: 'Requests per replica',
  custom: 'Custom metrics',
};

export const deploymentStrategyLabels: Record<DeploymentStrategy, string> = {
  rolling: 'Rolling update',
  'blue-green': 'Blue-green',
  canary: 'Canary',
  ab: 'A/B testing',
};
