declare module 'virtual:@blog/theme/config' {
  import type { RouteConfig } from './user-config.js';
  const config: RouteConfig;
  export default config;
}

declare module 'virtual:@blog/theme/components/*' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

/** The site's `customCss` stylesheets, imported in order. */
declare module 'virtual:@blog/theme/custom-css' {}
