import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageLayoutBlueprint } from '@backstage/plugin-home-react/alpha';

const homePageLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./HomePageLayout').then(m => m.HomePageLayout),
  },
});

/**
 * The portal's home page layout. Its widgets come from the plugins: the
 * scaling suite's fleet summary and the user's services, search's bar and the
 * catalog's starred entities.
 */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [homePageLayout],
});
