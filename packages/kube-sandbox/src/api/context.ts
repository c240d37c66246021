import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxCluster } from '../cluster/types';
import type { AcceptEntry, Query } from './http';
import type { ResourcePath } from './paths';
import type { ServiceIpAllocator } from './strategy';

/** One HTTP request for a built-in resource of one cluster. */
export interface ResourceRequest {
  cluster: SandboxCluster;
  allocator: ServiceIpAllocator;
  req: IncomingMessage;
  res: ServerResponse;
  path: ResourcePath;
  query: Query;
  accept: AcceptEntry[];
}

/** `dryRun=All` on the query string; any other value is refused as upstream does. */
export function isDryRun(query: Query): boolean {
  const value = query.dryRun;
  return value === 'All';
}
