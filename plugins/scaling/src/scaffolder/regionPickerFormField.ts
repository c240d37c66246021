import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { RegionPickerField } from './RegionPickerField';

/** The name a template's `ui:field` gives the regions field. */
export const REGION_PICKER_FIELD = 'MeschainRegionPicker';

/** The regions field of the "New MesChain service" template. */
export const regionPickerFormField = createFormField({
  name: REGION_PICKER_FIELD,
  component: RegionPickerField,
  validation: (value, validation) => {
    if (!Array.isArray(value) || value.length === 0) {
      validation.addError('choose at least one region');
    }
  },
});
