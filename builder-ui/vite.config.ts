import { defineConfig } from 'vitest/config';
import { widgetConfigValidator } from './widget-config-validator';

// The build lands in target/classes/builder-ui: the module's jar carries it and the local stack's
// router serves it at / (infra's BuilderUi). `npm run dev` proxies the API to a running stack.
const stack = process.env.FLEXBOARD_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [widgetConfigValidator()],
  // @flexboard/charts is linked from ../charts and imports echarts from its own node_modules: one copy in the bundle.
  resolve: {
    dedupe: ['echarts'],
  },
  build: {
    outDir: 'target/classes/builder-ui',
    emptyOutDir: true,
    // The JSON editor is loaded on demand (JsonView); ECharts gets a chunk of its own so the app's code caches apart.
    chunkSizeWarningLimit: 1300,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'echarts' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': stack,
      '/health': stack,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
