import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The renderer is built once and served by the console host (browser mode) or the Electron
// custom protocol. Cesium is not bundled: its prebuilt build is served from /cesium/ beside it.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [vue()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000, // Cesium, loaded lazily with the map
    // one entry per window kind
    rollupOptions: { input: { index: 'renderer/index.html', board: 'renderer/board.html' } },
  },
});
