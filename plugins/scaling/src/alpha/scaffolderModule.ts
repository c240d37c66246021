import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** The regions field, where the scaffolder collects its form fields. */
const regionPickerField = FormFieldBlueprint.make({
  name: 'meschain-region-picker',
  params: {
    field: () =>
      import('../scaffolder/regionPickerFormField').then(
        m => m.regionPickerFormField,
      ),
  },
});

/**
 * The scaling suite's fields for the scaffolder's forms, such as the regions
 * of the "New MesChain service" template.
 *
 * @alpha
 */
export const scalingScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [regionPickerField],
});
