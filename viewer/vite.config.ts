import { defineConfig } from 'vitest/config';

// The build lands in target/classes/io/flexboard/viewer/static: the module's jar carries it and the agent
// serves it from its classpath (serving.ViewerAssets). `npm run dev` proxies the data to a running agent.
const agent = process.env.FLEXBOARD_AGENT_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  // Absolute: a deep link the agent answers with index.html (/some/path) still finds /assets.
  base: '/',
  resolve: {
    // @flexboard/charts is a file: dependency with echarts as a peer: one ECharts in the bundle, not two.
    dedupe: ['echarts', 'preact'],
  },
  build: {
    outDir: 'target/classes/io/flexboard/viewer/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1300,
    rollupOptions: {
      output: {
        // ECharts in a chunk of its own: the app's code changes more often and caches apart.
        manualChunks: (id) => (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'echarts' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/config': agent,
      '/api': agent,
      '/status': agent,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
