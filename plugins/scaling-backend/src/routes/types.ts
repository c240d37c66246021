import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createOpenApiRouter } from '../schema/openapi';
import { WriteCaller } from '../services/ScalingWrites';

/** The router typed by the generated OpenAPI endpoint map, which route modules add their routes to. */
export type ScalingRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;

/** A request of any route, whatever its typed parameters and body, as the auth services take it. */
export type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** How a route finds out who calls it. */
export type RouteCallers = {
  /** A user or another backend plugin. */
  reader(
    req: AnyRequest,
  ): Promise<
    BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>
  >;
  /** Writes are made by users only, and audited with their request. */
  writer(req: AnyRequest): Promise<WriteCaller>;
};

/** The one place the routes read a caller's credentials. */
export function createRouteCallers(httpAuth: HttpAuthService): RouteCallers {
  return {
    reader: req => httpAuth.credentials(req, { allow: ['user', 'service'] }),
    writer: async req => ({
      credentials: await httpAuth.credentials(req, { allow: ['user'] }),
      request: req,
    }),
  };
}
