import { compatWrapper } from '@backstage/core-compat-api';

// The home page cards, described once for both frontend systems: the legacy
// plugin passes them to createCardExtension and the new system to
// HomePageWidgetBlueprint. The names are the keys a home page layout uses.
// compatWrapper lets the fleet summary resolve its new-system route refs in a
// legacy app as well.

export const fleetSummaryCard = {
  name: 'ScalingFleetSummary',
  title: 'MesChain-Sync at a glance',
  description:
    'Services, replicas, regions, DR readiness and spend across the fleet',
  components: () =>
    import('./components/FleetSummaryCard').then(m => ({
      Content: () => compatWrapper(<m.FleetSummaryCard />),
    })),
};

export const ownedServicesCard = {
  name: 'ScalingOwnedServices',
  title: 'My services',
  description:
    'The services your groups own, with their health, regions, replicas ready and spend',
  components: () =>
    import('./components/OwnedServicesCard').then(m => ({
      Content: () => compatWrapper(<m.OwnedServicesCard />),
    })),
};
