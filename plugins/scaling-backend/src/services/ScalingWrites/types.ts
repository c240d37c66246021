import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AutoscalerBoundsRequest,
  AutoscalerBoundsResult,
  PolicyApplyRequest,
  PolicyApplyResult,
  PolicyDeleteResult,
  ScaleRequest,
  ScaleResult,
} from '@meschain/backstage-plugin-scaling-common';
import { Request } from 'express';

/** The user who asks for a write, and the HTTP request the auditor service reports it with. */
export type WriteCaller = {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  request: Request;
};

/** Who asks for a write of the suite's own data: a user, or another backend. */
export type SuiteWriteCaller = {
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
  request: Request;
};

/** A policy apply as it arrives: the policy is checked field by field by the service. */
export type UncheckedPolicyApplyRequest = Omit<PolicyApplyRequest, 'policy'> & {
  policy: unknown;
};

/** Changes how an entity's workloads scale, in the clusters of its regions. */
export interface ScalingWriteService {
  /**
   * Sets a workload's replicas through its `/scale` subresource.
   *
   * @throws InputError for a count over the guard-rail or an unknown cluster or workload
   * @throws ConflictError when the workload changed since `resourceVersion`, or an HPA owns its replicas
   * @throws NotAllowedError when the caller may not scale the entity
   */
  scale(
    entityRef: CompoundEntityRef,
    request: ScaleRequest,
    caller: WriteCaller,
  ): Promise<ScaleResult>;

  /** Changes the minimum and maximum of the HPA that targets a workload. */
  setAutoscalerBounds(
    entityRef: CompoundEntityRef,
    request: AutoscalerBoundsRequest,
    caller: WriteCaller,
  ): Promise<AutoscalerBoundsResult>;

  /**
   * Renders a policy to an HPA named after the workload in each region.
   * Regions are written concurrently and one region's failure is reported in
   * its result, not thrown.
   *
   * @throws PolicyInputError listing every problem of the policy
   */
  applyPolicy(
    entityRef: CompoundEntityRef,
    request: UncheckedPolicyApplyRequest,
    caller: WriteCaller,
  ): Promise<PolicyApplyResult>;

  /** Deletes the HPA named after the workload in each region. */
  deletePolicy(
    entityRef: CompoundEntityRef,
    regions: string[],
    caller: WriteCaller,
  ): Promise<PolicyDeleteResult>;
}
