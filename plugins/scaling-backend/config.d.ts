export interface Config {
  /** Configuration of the MesChain scaling suite. */
  scaling?: {
    /** Cost views: where allocations come from, prices and ingestion. */
    cost?: {
      /** The currency of every amount, as the cost source reports it. Defaults to USD. */
      currency?: string;
      opencost?: {
        /** One OpenCost per cluster; its `/allocation` API is read with `window`, `aggregate` and `accumulate`. */
        clusters?: Array<{
          /** The cluster's name, as the Kubernetes config names it. */
          name: string;
          /** The platform region the cluster serves. */
          region: string;
          /** OpenCost's base URL, without `/allocation`. */
          url: string;
        }>;
      };
      pricing?: {
        /** Discounts off on-demand prices, per region, as fractions (0.65 for 65% off). */
        regions?: {
          [region: string]: {
            /** Spot capacity's discount; spot recommendations need it. */
            spotDiscount?: number;
            /** Reserved capacity's discount; reserved recommendations need it. */
            reservedDiscount?: number;
          };
        };
        /** Capacity already committed (reservations, savings plans), as a share of each region's steady baseline. */
        commitments?: Array<{ region: string; share: number }>;
      };
      recommendations?: {
        /** Tiers never proposed for spot capacity. Defaults to `critical`. */
        criticalTiers?: string[];
        /**
         * Days before today whose usage, read from the cost source by the hour,
         * recommendations are worked out from: hours older than this are not
         * kept. From 1 to 90; defaults to 14.
         */
        days?: number;
      };
      ingestion?: {
        /** Days each scheduled run ingests again, ending today. Defaults to 2. */
        days?: number;
        /**
         * Days before today that a scheduled run loads once for a cluster with
         * no complete day among them (a new store or a newly added cluster).
         * 0 turns this off. Defaults to 30.
         */
        initialDays?: number;
        /** How often ingestion runs; hourly by default. */
        schedule?: {
          frequency: { [unit: string]: number } | string;
          timeout: { [unit: string]: number } | string;
          initialDelay?: { [unit: string]: number } | string;
        };
      };
    };

    metrics?: {
      /** The default metrics source: Prometheus' HTTP API. */
      prometheus?: {
        /** Prometheus' base URL for every region without its own; its series carry a `region` label. */
        url?: string;
        /** A region's own Prometheus, queried for that region instead. */
        regions?: Array<{
          /** The platform region id, e.g. `eu-west`. */
          region: string;
          /** Prometheus' base URL, without `/api/v1`. */
          url: string;
        }>;
        /** The longest, in milliseconds, one query may take. Defaults to 10000. */
        timeoutMs?: number;
      };
      /** The window the current golden signals' rates are read over, a Prometheus duration. Defaults to 5m. */
      rateWindow?: string;
    };

    /** The scaling, deployments and cost reports. */
    /** Forecasts of each service's load, and the predictive schedules of HPA minimums fitted to them. */
    predictive?: {
      /**
       * From a pod's creation until it serves, in seconds: each raised minimum is set this long,
       * plus the HPA's reaction, before the forecast load. Defaults to 60.
       */
      podStartupSeconds?: number;
    };
    reports?: {
      /** When the weekly task makes each team's reports of the week before; by default Mondays at 06:00 UTC (`0 6 * * 1`). */
      weekly?: { cron?: string };
    };
    /**
     * Alert rules managed from the portal, rendered to Prometheus rule files,
     * and the Alertmanager that routes their alerts. Alerting is off without it.
     */
    alerts?: {
      /** The directory Prometheus loads `*.yml` rule files from (its `rule_files` glob); one file per entity. */
      ruleDirectory: string;
      /** The Prometheus that evaluates the rules and is reloaded after each change. Defaults to scaling.metrics.prometheus.url. */
      prometheus?: {
        url?: string;
      };
      alertmanager: {
        /** Alertmanager's base URL, without `/api/v2`. */
        url: string;
      };
      /** The promtool executable each rule file is checked with before it is loaded. Defaults to `promtool`. */
      promtool?: string;
      /**
       * The subject of the static external-access token (backend.auth.externalAccess)
       * that Alertmanager calls the webhook with; no other caller may post alerts.
       * Defaults to `alertmanager`.
       */
      webhookSubject?: string;
      /** The longest, in milliseconds, one call to Prometheus, Alertmanager or promtool may take. Defaults to 10000. */
      timeoutMs?: number;
    };

    /** Service level objectives of services that declare none by annotation. */
    slo?: {
      /** Percent of requests that succeed. Defaults to 99.9. */
      availability?: number;
      /** The p95 latency objective, in milliseconds. Defaults to 500. */
      latencyP95Ms?: number;
      /** Days the error budget spans. Defaults to 30. */
      windowDays?: number;
    };

    catalog?: {
      /**
       * The `spec.type` of the catalog Resources that describe Kubernetes
       * clusters. Defaults to `kubernetes-cluster`, the type the upstream
       * Kubernetes plugin's catalog cluster locator reads.
       */
      clusterResourceType?: string;
    };

    /**
     * The longest, in milliseconds, that one request to a cluster may take,
     * and that reading one cluster's state may take as a whole. A cluster that
     * takes longer is reported with a timeout error; the others' answers are
     * still returned. Defaults to 5000.
     */
    clusterTimeoutMs?: number;

    /**
     * The fleet grid's snapshot, kept current by watches on every region's
     * clusters. All durations in milliseconds except `watchSeconds`.
     */
    fleet?: {
      /** How often each cluster is asked whether it still answers. Defaults to 5000. */
      probeIntervalMs?: number;
      /** How long one watch runs before it is resumed from its resourceVersion. Defaults to 300. */
      watchSeconds?: number;
      /** How long changes are gathered into one `scaling:fleet` signal. Defaults to 250. */
      signalBatchMs?: number;
      /** How often the catalog's services and the regions' clusters are read again. Defaults to 30000. */
      catalogRefreshMs?: number;
      /** How often the DR verdicts are computed again. Defaults to 60000. */
      drRefreshMs?: number;
      /** How often the cost per hour is read again from the stored rollups. Defaults to 600000. */
      costRefreshMs?: number;
      /** How often every cell's golden signals are read again from the metrics source. Defaults to 30000. */
      signalsRefreshMs?: number;
    };

    /**
     * How long, in milliseconds, a cluster's answer for one entity is reused
     * by the scaling state endpoint. Defaults to 3000; 0 turns the cache off.
     * The cache is the backend's cache service: per replica when in memory,
     * shared when backed by Redis, Valkey or memcache.
     */
    stateCacheTtlMs?: number;

    /**
     * How long, in milliseconds, the reads reuse what the catalog answered a
     * caller about an entity and the clusters, per caller and replica, since
     * the catalog filters its answers by the caller's permissions. Writes
     * always ask the catalog. Defaults to 5000; 0 turns the cache off.
     */
    catalogCacheTtlMs?: number;

    /**
     * How long a write may stay pending in the audit table before it is taken
     * for interrupted (its replica stopped) and marked so. Defaults to 120000.
     */
    interruptedWriteAfterMs?: number;

    /**
     * How long, in milliseconds, the list of clusters of each cluster locator
     * is reused before it is read again (the catalog locator queries the
     * catalog). Defaults to 30000.
     */
    clusterListCacheTtlMs?: number;

    /**
     * Autoscaling presets offered by the policy editor, keyed by name. An
     * entry named like a built-in preset (`cpu`, `memory`, `requests`)
     * replaces the fields it gives; `targets` is replaced as a whole. An
     * entry with a new name adds a preset and must give a description and a
     * whole policy. Every preset is validated at start-up.
     */
    presets?: {
      [presetName: string]: {
        description?: string;
        /** A scaling policy: `minReplicas`, `maxReplicas`, `targets` and optionally `behavior`. */
        policy?: {
          minReplicas?: number;
          maxReplicas?: number;
          targets?: Array<{ [field: string]: unknown }>;
          behavior?: { [direction: string]: unknown };
        };
      };
    };

    /**
     * The platform's regions, shown on the Regions page. Validated at
     * start-up: ids are unique, every `drPartner` names another region, and
     * coordinates are present and in range; each problem names its key.
     * Ignored when a backend module sets a region catalog through
     * `scalingRegionsExtensionPoint` (it is still validated).
     */
    regions?: Array<{
      /** Unique id, e.g. `tr-central`; the value of the clusters' `meschain.io/region`. */
      id: string;
      /** A display name, e.g. `Turkey Central`. Defaults to the id. */
      displayName?: string;
      /** The cloud provider, e.g. `aws`. */
      provider?: string;
      /** The provider's region code, e.g. `eu-central-1`. */
      providerRegion?: string;
      /** A human place name, e.g. `Frankfurt, DE`. */
      location?: string;
      /** Latitude in degrees, -90 to 90. */
      latitude: number;
      /** Longitude in degrees, -180 to 180. */
      longitude: number;
      /** `primary` serves live traffic; `dr` stands by for a primary. Defaults to `primary`. */
      role?: 'primary' | 'dr';
      /** The id of the region that takes over this one's traffic in a disaster. */
      drPartner?: string;
      /** The configured network latency to the region, in milliseconds. */
      latencyMs?: number;
      /** On-demand prices the region's hourly cost is computed from. */
      pricing?: {
        /** ISO 4217 code. Defaults to `USD`. */
        currency?: string;
        /** Price of one requested CPU core for an hour. */
        cpuCoreHour: number;
        /** Price of one requested GiB of memory for an hour. */
        memoryGiBHour: number;
      };
      /** Names of the Kubernetes clusters (as `kubernetes.clusterLocatorMethods` names them) that serve the region. */
      clusters: string[];
    }>;

    /** CDN points of presence and edge-compute nodes, drawn on the Regions map. */
    edgeLocations?: Array<{
      /** Unique id, e.g. `cdn-ist`. */
      id: string;
      kind: 'cdn-pop' | 'edge-compute';
      city: string;
      /** ISO 3166-1 alpha-2 code, e.g. `TR`. */
      country: string;
      latitude: number;
      longitude: number;
      /** The id of the region whose origin it fronts. */
      region?: string;
    }>;

    /** Disaster-recovery readiness checks. */
    dr?: {
      /**
       * The longest, in minutes, a DR partner's autoscaler may take to grow a
       * service to the primary's load and still pass. Defaults to 10.
       */
      maxScaleUpMinutes?: number;
    };

    /** Limits every write respects, whoever asks. */
    guardRails?: {
      /**
       * The most replicas a workload or autoscaler may ask for, by the
       * entity's tier (the `tier` label or annotation), e.g. `critical: 25`.
       */
      maxReplicasByTier?: { [tier: string]: number };
      /** The limit for entities without a tier, or whose tier is not listed. Defaults to 30. */
      defaultMaxReplicas?: number;
      /**
       * The regions writes may target; writes to others are refused with 400,
       * and `*` means the entity's regions among these. Empty or unset allows
       * every region. Scaling to zero is governed by the
       * `scaling.replicas.zero` permission, not here.
       */
      allowedRegions?: string[];
    };

    /**
     * Per-cluster settings, by cluster name. Only clusters found by the
     * `catalog` cluster locator need one: the catalog gives their URL, CA and
     * `kubernetes.io/auth-provider`, never their credentials.
     */
    clusters?: {
      [clusterName: string]: {
        /**
         * The service-account token the scaling backend sends to the cluster
         * located in the catalog under this name.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /**
         * Further secrets of the cluster's auth provider, added to its
         * `authMetadata`, e.g. `clientCertificateData` and `clientKeyData`
         * for `x509ClientCertificate`.
         * @visibility secret
         */
        authMetadata?: { [key: string]: string };
      };
    };
  };

  /**
   * The keys of the upstream Kubernetes backend's configuration that the
   * scaling backend reads too, so that both plugins reach the same clusters.
   */
  kubernetes?: {
    /**
     * Where clusters come from. The scaling backend supports the `config`
     * and `catalog` methods and skips the others with a warning.
     */
    clusterLocatorMethods?: Array<{
      /** `config`, `catalog`, or a method the scaling backend skips, e.g. `gke`. */
      type: string;

      /** For `type: config`: the clusters. */
      clusters?: Array<{
        /** Unique name; it matches the `kubernetes-cluster` catalog Resource that gives the cluster's region. */
        name: string;
        /** The API server's base URL. */
        url: string;
        /** A display name. */
        title?: string;
        /**
         * How to authenticate, with the upstream Kubernetes backend's
         * strategies: `serviceAccount` (the default), `aws`, `azure`,
         * `googleServiceAccount`, `localKubectlProxy` (no credential), or
         * `x509ClientCertificate`, or a strategy a backend module adds.
         * `google`, `oidc` and `aks` need the signed-in user's token, which
         * the scaling backend does not have: each request to such a cluster
         * fails with that strategy's error. An unknown provider stops
         * start-up.
         */
        authProvider?: string;
        /**
         * The bearer token of the service account the backend acts as.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /** For `aws`: the IAM role to assume. */
        assumeRole?: string;
        /**
         * For `aws`: the external ID of the role's trust policy.
         * @visibility secret
         */
        externalId?: string;
        /** For `oidc`: the sign-in provider whose token is used. */
        oidcTokenProvider?: string;
        /**
         * Settings of the auth provider's strategy, as upstream reads them;
         * they win over the keys above. For `x509ClientCertificate`:
         * `clientCertificateData` and `clientKeyData`, the base64 PEM
         * certificate and key, as a kubeconfig user's
         * `client-certificate-data` and `client-key-data`.
         * @visibility secret
         */
        authMetadata?: { [key: string]: string };
        /**
         * The base64-encoded PEM certificate authority of the API server.
         * @visibility secret
         */
        caData?: string;
        /** Skips verification of the API server's TLS certificate. */
        skipTLSVerify?: boolean;
      }>;

      /**
       * For `type: catalog`: host patterns (e.g. `127.0.0.1` or
       * `*.internal.example.com`) whose API server URLs may use plain HTTP or
       * non-public addresses. Other catalog URLs must be HTTPS to public
       * addresses.
       */
      dangerouslyAllowClusterUrls?: string[];

      /**
       * For `type: catalog`: honour the `kubernetes.io/skip-tls-verify`
       * annotation of cluster Resources. Defaults to false.
       */
      dangerouslyAllowSkipTLSVerify?: boolean;
    }>;
  };
}
