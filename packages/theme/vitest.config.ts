/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import shared from '../../vitest.shared.ts';

export default getViteConfig({ test: shared.test });
