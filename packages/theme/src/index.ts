export type { Props as BaseLayoutProps } from './layouts/BaseLayout.astro';
