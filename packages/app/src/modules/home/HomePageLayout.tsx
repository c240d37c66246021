import { Content } from '@backstage/core-components';
import { PageLayout } from '@backstage/frontend-plugin-api';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { Grid, GridSize } from '@material-ui/core';
import HomeIcon from '@material-ui/icons/Home';

/**
 * Where each widget goes, by name, in order: the search bar across the top,
 * then the fleet at a glance beside the user's own services on wide screens
 * (one above the other below 1280 px, where the services' table would not
 * fit beside it). Below 1280 px the unread notifications take a whole row:
 * their two-line descriptions, alert summaries, are cut off at half width.
 * Widgets not named here follow, half a row each.
 */
const placement: Record<string, { order: number; md: GridSize; lg: GridSize }> =
  {
    HomePageSearchBar: { order: 0, md: 12, lg: 12 },
    ScalingFleetSummary: { order: 1, md: 12, lg: 7 },
    ScalingOwnedServices: { order: 2, md: 12, lg: 5 },
    UnreadNotifications: { order: 3, md: 12, lg: 6 },
    HomePageStarredEntities: { order: 4, md: 12, lg: 6 },
  };
const unplaced = { order: 99, md: 6 as GridSize, lg: 6 as GridSize };

/** The portal's home page: a fixed grid of the installed widgets. */
export function HomePageLayout({ widgets }: HomePageLayoutProps) {
  const placed = widgets
    .map(widget => ({
      widget,
      ...(placement[widget.name ?? ''] ?? unplaced),
    }))
    .sort((a, b) => a.order - b.order);
  return (
    <PageLayout title="MesChain-Sync" icon={<HomeIcon fontSize="inherit" />}>
      <Content>
        <Grid container spacing={3} alignItems="stretch">
          {placed.map(({ widget, md, lg }, index) => (
            <Grid item xs={12} md={md} lg={lg} key={widget.name ?? index}>
              {widget.component}
            </Grid>
          ))}
        </Grid>
      </Content>
    </PageLayout>
  );
}
