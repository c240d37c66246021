import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';
import { WriteCaller } from '../services/ScalingWrites';

/** The router typed by the OpenAPI spec, which route modules add their routes to. */
export type ScalingRouter = ReturnType<
  typeof createValidatedOpenApiRouter<typeof spec>
>;

/** A request of any route, whatever its typed parameters and body, as the auth services take it. */
export type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** How a route finds out who calls it. */
export type RouteCallers = {
  /** A user or another backend plugin. */
  reader(req: AnyRequest): Promise<BackstageCredentials>;
  /** Writes are made by users only, and audited with their request. */
  writer(req: AnyRequest): Promise<WriteCaller>;
};
