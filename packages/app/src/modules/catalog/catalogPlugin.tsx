import { coreExtensionData } from '@backstage/frontend-plugin-api';
import catalog from '@backstage/plugin-catalog/alpha';
import { Fragment } from 'react';

/**
 * The catalog's index page as the catalog plugin makes it, with each of its
 * filters under a key: the plugin renders them as a list of elements without
 * keys, which React warns about on every visit.
 */
const catalogIndexPage = catalog.getExtension('page:catalog').override({
  factory(originalFactory, { inputs }) {
    return originalFactory({
      inputs: {
        pages: inputs.pages,
        filters: inputs.filters.map(filter => [
          coreExtensionData.reactElement(
            <Fragment key={filter.node.spec.id}>
              {filter.get(coreExtensionData.reactElement)}
            </Fragment>,
          ),
        ]),
        exportConfig: inputs.exportConfig,
      },
    });
  },
});

/** The catalog plugin with the portal's fixes to its pages. */
export const catalogPlugin = catalog.withOverrides({
  extensions: [catalogIndexPage],
});
