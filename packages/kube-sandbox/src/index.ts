/**
 * Local Kubernetes API clusters, one per MesChain region, for running and testing the portal
 * without a real cluster.
 *
 * @packageDocumentation
 */
export { SimClock, toKubeTimestamp } from './clock';
export { createRandom } from './random';
export type { SeededRandom } from './random';
export {
  StatusError,
  statusErrors,
  fieldErrors,
  isStatusError,
  successStatus,
} from './status';
export type {
  Status,
  StatusCause,
  StatusReason,
  StatusDetails,
} from './status';
export * from './store';
export type * from './cluster/types';
export { createCluster, clusterRandom } from './cluster/createCluster';
export { startSandbox } from './server';
export type { Sandbox, SandboxOptions } from './server';
export {
  loadFleet,
  parseFleet,
  FleetError,
  DEFAULT_FLEET_PATH,
} from './cluster/fleet';
export type { Fleet } from './cluster/fleet';
export { seedCluster, fleetManifests } from './cluster/seed';
export type { FleetManifest } from './cluster/seed';
export { FaultInjector, FAULT_MODES } from './faults';
export type { Fault, FaultMode } from './faults';
export { renderKubeconfig } from './kubeconfig';
export { startRealClusters } from './realCluster/controlPlane';
export type {
  RealCluster,
  RealClusters,
  RealClustersOptions,
} from './realCluster/controlPlane';
export { KubeClient } from './realCluster/kubeClient';
export type { KubeCredentials, KubeResponse } from './realCluster/kubeClient';
export { issueClientCertificate } from './realCluster/pki';
export {
  TARGETS_REAL_CLUSTER,
  startTestRealClusters,
  REAL_CLUSTER_BIN_DIR,
} from './testing/realClusters';
export { startMetricsAdapter } from './realCluster/metricsAdapter';
export type {
  MetricsAdapter,
  MetricsAdapterOptions,
} from './realCluster/metricsAdapter';
export type { ApiServerAccess } from './realCluster/ApiServerConnection';
export {
  startTestSandbox,
  TEST_FLEET_YAML,
  writeKubeconfig,
} from './testing/sandbox';
export {
  startMonitoring,
  monitoringAvailable,
} from './monitoring/startMonitoring';
export type {
  Monitoring,
  MonitoringOptions,
} from './monitoring/startMonitoring';
export type { WebhookReceiver } from './monitoring/config';
export type { LoadModel, ServiceFault } from './load';
export { clusterLoadModel } from './controllers/clusterTelemetry';
