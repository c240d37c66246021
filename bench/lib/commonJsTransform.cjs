/*
 * The Backstage TypeScript transform for require() only, without its ESM loader hooks.
 *
 * On Node 20, hooks registered with module.register run on a separate thread, and every dynamic
 * import() then blocks on a round trip to it (about 0.4 ms, against 0.01 ms without hooks). The
 * upstream Kubernetes backend calls import('@kubernetes/client-node') for each cluster on each
 * request, so under the full transform it would pay some 40 ms per request that a built backend
 * never pays. Everything this benchmark loads is CommonJS, which the require() hook covers.
 */
const Module = require('node:module');

const register = Module.register;
Module.register = () => {};
try {
  require('@backstage/cli/config/nodeTransform.cjs');
} finally {
  Module.register = register;
}
