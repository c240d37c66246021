import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ReactNode, useMemo } from 'react';

/**
 * Puts a fleet service in the place of a page's entity, so that the entity
 * page's dialogs and their hooks act on it: they need only its ref.
 */
export function ServiceEntityProvider(props: {
  entityRef: string;
  title?: string;
  children: ReactNode;
}) {
  const { entityRef, title, children } = props;
  const entity = useMemo<Entity>(() => {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace, ...(title && { title }) },
    };
  }, [entityRef, title]);
  return <EntityProvider entity={entity}>{children}</EntityProvider>;
}
