import { statusErrors } from '../status';
import type { ResourceRequest } from './context';
import { getObject, listObjects } from './resourceRead';
import {
  createObject,
  deleteCollection,
  deleteObject,
  patchObject,
  replaceObject,
} from './resourceWrite';
import { handleScale, handleStatus } from './subresources';

/** Dispatches a built-in resource request by method and by collection, object or subresource. */
export async function routeResourceRequest(
  request: ResourceRequest,
): Promise<void> {
  const { path, req } = request;
  const method = req.method ?? 'GET';
  if (request.query.dryRun !== undefined && request.query.dryRun !== 'All') {
    throw statusErrors.badRequest(
      `Invalid dry run value: ${request.query.dryRun}; supported values: All`,
    );
  }
  if (path.subresource) {
    if (
      !path.definition.subresources.includes(
        path.subresource as 'status' | 'scale',
      )
    )
      throw statusErrors.pathNotFound();
    if (path.subresource === 'scale') return handleScale(request);
    return handleStatus(request);
  }
  if (path.name === undefined) {
    switch (method) {
      case 'GET':
        return listObjects(request);
      case 'POST':
        return createObject(request);
      case 'DELETE':
        return deleteCollection(request);
      default:
        throw statusErrors.methodNotAllowed();
    }
  }
  if (path.legacyWatch && method !== 'GET')
    throw statusErrors.methodNotAllowed();
  switch (method) {
    case 'GET':
      return getObject(request);
    case 'PUT':
      return replaceObject(request);
    case 'PATCH':
      return patchObject(request);
    case 'DELETE':
      return deleteObject(request);
    default:
      throw statusErrors.methodNotAllowed();
  }
}
