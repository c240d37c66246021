import {
  CostRecommendationKind,
  CostResource,
} from '@meschain/backstage-plugin-scaling-common';

export const costResourceLabels: Record<CostResource, string> = {
  cpu: 'CPU',
  memory: 'Memory',
  storage: 'Storage',
  network: 'Network',
  shared: 'Shared',
  idle: 'Idle',
};

export const costResourceColors: Record<CostResource, string> = {
  cpu: '#1f77b4',
  memory: '#ff7f0e',
  storage: '#2ca02c',
  network: '#9467bd',
  shared: '#8c564b',
  idle: '#7f7f7f',
};

export const recommendationKindLabels: Record<CostRecommendationKind, string> =
  {
    'right-sizing': 'Right-sizing',
    spot: 'Spot capacity',
    reserved: 'Reserved capacity',
    hpa: 'Autoscaler minimum',
  };
