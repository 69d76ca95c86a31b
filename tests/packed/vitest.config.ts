import { defineConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

export default defineConfig({ test: { ...shared.test, testTimeout: 600_000, hookTimeout: 600_000 } });
