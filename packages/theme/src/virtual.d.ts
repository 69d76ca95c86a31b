declare module 'virtual:@blog/theme/config' {
  import type { ResolvedThemeConfig } from './user-config.js';
  const config: ResolvedThemeConfig;
  export default config;
}

declare module 'virtual:@blog/theme/components/*' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
