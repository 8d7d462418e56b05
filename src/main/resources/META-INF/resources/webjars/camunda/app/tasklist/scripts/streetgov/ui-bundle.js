/*
 * Tasklist's own libraries, as Tasklist itself loaded them. Tasklist 7.24 is built with webpack:
 * its bundles (lib/deps.js, camunda-tasklist-bootstrap.js) register their modules with one runtime
 * through the global array `webpackChunkcamunda_bpm_webapp`. A chunk pushed there with no modules
 * is handed the runtime's `require`, which answers the module instances Tasklist uses (the same
 * moment, the same form-js) — nothing is loaded twice and nothing comes from elsewhere.
 *
 * Each module is looked up by its id in the 7.24.0 bundle and checked by its shape; when the id
 * does not fit (another Tasklist version) the module is left alone and the caller falls back.
 */

const CHUNKS = 'webpackChunkcamunda_bpm_webapp';

/** Module ids in Tasklist 7.24.0's lib/deps.js. */
export const MODULES = {
  moment: 98024
};

let runtimeRequire;

/** The webpack runtime's require of Tasklist's bundle, or null when there is none. */
function bundleRequire() {
  if (runtimeRequire !== undefined) {
    return runtimeRequire;
  }
  runtimeRequire = null;
  const chunks = window[CHUNKS];
  if (chunks && typeof chunks.push === 'function') {
    try {
      // [chunk ids, modules, runtime callback]: the callback receives the runtime's require
      chunks.push([['streetgov-ui'], {}, function(require) {
        runtimeRequire = require;
      }]);
    } catch (e) {
      runtimeRequire = null;
    }
  }
  return runtimeRequire;
}

/**
 * The exports of Tasklist's module `id` when `fits(exports)` says it is the one meant, else null.
 * Only a module the bundle defines is asked for (a module of Tasklist's that was not loaded yet is
 * loaded as Tasklist would load it).
 */
export function bundledModule(id, fits) {
  const require = bundleRequire();
  if (!require || !require.m || !Object.prototype.hasOwnProperty.call(require.m, id)) {
    return null;
  }
  try {
    const exports = require(id);
    return exports && fits(exports) ? exports : null;
  } catch (e) {
    return null;
  }
}
