import { createApp } from '@backstage/frontend-defaults';
import { scalingScaffolderModule } from '@meschain/backstage-plugin-scaling/alpha';
import { catalogPlugin } from './modules/catalog';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { themeModule } from './modules/theme';

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    themeModule,
    scalingScaffolderModule,
  ],
});
