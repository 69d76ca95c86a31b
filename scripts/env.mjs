/**
 * The environment every task runs in: no telemetry from Turborepo, Astro
 * or any tool that honours DO_NOT_TRACK. Values already set are kept.
 */
export const quietEnv = {
  TURBO_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  ...process.env,
};
