/**
 * Starts a rendering worker (see worker.ts) with Node's compile cache on, as
 * Astro's own command turns it on for its thread: a worker's modules (the
 * pipeline, Shiki) are compiled once per version, not once per worker of
 * every build. The cache lives in the system's temporary folder and holds
 * compiled code only; what a worker renders never depends on it.
 */
import module from 'node:module';

// Node 22.1 and later.
module.enableCompileCache?.();
await import('./worker.js');
