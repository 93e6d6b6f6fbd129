// Where the renderer build and Cesium's static assets live, for the host and the Electron shell.
import { createRequire } from 'node:module';
import path from 'node:path';

export function cesiumAssetsDir(fromDir: string): string {
  const require = createRequire(path.join(fromDir, 'noop.js'));
  return path.join(path.dirname(require.resolve('cesium/package.json')), 'Build', 'Cesium');
}
