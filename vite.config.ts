import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The renderer is built once and served by the console host (browser mode) or the Electron
// custom protocol. Cesium's engine is bundled from its ES modules; its workers and shipped imagery
// are served from /cesium/ beside the build.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [vue()],
  // vue-i18n's compile-time flags: Composition API only, JIT message compilation (no eval under our CSP)
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_JIT_COMPILATION__: true,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000, // Cesium, loaded lazily with the map
    // one entry per window kind
    rollupOptions: {
      input: {
        index: 'renderer/index.html',
        board: 'renderer/board.html',
        video: 'renderer/video.html',
        drones: 'renderer/drones.html',
        dashboard: 'renderer/dashboard.html',
        field: 'renderer/field.html',
      },
    },
  },
});
