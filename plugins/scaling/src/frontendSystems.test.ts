import { getComponentData } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  AppNode,
  appTreeApiRef,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { act } from '@testing-library/react';
import { ComponentType, createElement } from 'react';
import * as legacyExports from './index';
import { scalingApiRef, scalingPlugin } from './index';
import alphaPlugin from './alpha';

/**
 * Each extension of the new-system plugin, by its extension id, and the
 * legacy export that offers the same thing.
 */
const legacyExportOf: Record<string, string> = {
  'entity-content:scaling/scaling': 'EntityScalingContent',
  'entity-content:scaling/deployments': 'EntityDeploymentsContent',
  'entity-content:scaling/cost': 'EntityCostContent',
  'entity-content:scaling/health': 'EntityHealthContent',
  'entity-card:scaling/overview': 'EntityScalingOverviewCard',
  'entity-card:scaling/regions': 'EntityRegionsCard',
  'entity-card:scaling/group-cost': 'EntityGroupCostCard',
  'entity-content:scaling/group-scaling': 'EntityGroupScalingContent',
  'page:scaling/regions': 'ScalingRegionsPage',
  'page:scaling/cost': 'ScalingCostPage',
  'page:scaling/fleet': 'ScalingFleetPage',
  'page:scaling/reports': 'ScalingReportsPage',
  'home-page-widget:scaling/fleet-summary': 'HomePageScalingFleetSummary',
  'home-page-widget:scaling/owned-services': 'HomePageScalingOwnedServices',
};

/** The extensions of an app that installs the /alpha plugin, split into its API factories and the rest. */
async function alphaExtensions() {
  const { apis } = await act(async () =>
    renderTestApp({ features: [alphaPlugin] }),
  );
  const { tree } = apis.get(appTreeApiRef)!.getTree();
  const nodes = [...tree.nodes.values()].filter(
    node => node.spec.plugin.pluginId === alphaPlugin.pluginId,
  );
  const apiFactoryOf = (node: AppNode) =>
    node.instance?.getData(ApiBlueprint.dataRefs.factory);
  return {
    apiIds: nodes.flatMap(node => {
      const factory = apiFactoryOf(node);
      return factory ? [factory.api.id] : [];
    }),
    extensionIds: nodes
      .filter(node => !apiFactoryOf(node))
      .map(node => node.spec.id),
  };
}

/** The names of the package's exports that are extensions of the legacy plugin. */
function legacyExtensionExports(): string[] {
  return Object.entries(legacyExports)
    .filter(
      ([, value]) =>
        typeof value === 'function' &&
        getComponentData(
          createElement(value as ComponentType),
          'core.plugin',
        ) === scalingPlugin,
    )
    .map(([name]) => name);
}

describe('the legacy plugin and /alpha', () => {
  it('provide the same APIs', async () => {
    const { apiIds } = await alphaExtensions();
    const legacyApiIds = [...scalingPlugin.getApis()].map(
      factory => factory.api.id,
    );

    expect(apiIds).toContain(scalingApiRef.id);
    expect(legacyApiIds.sort()).toEqual(apiIds.sort());
  });

  it('offer the same extensions', async () => {
    const { extensionIds } = await alphaExtensions();
    const alphaAsLegacy = extensionIds.map(
      id => legacyExportOf[id] ?? `${id}, which has no legacy counterpart`,
    );

    expect(alphaAsLegacy).toContain('EntityScalingContent');
    expect(legacyExtensionExports().sort()).toEqual(alphaAsLegacy.sort());
  });
});
