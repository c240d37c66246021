export { RegionPickerField } from './RegionPickerField';
