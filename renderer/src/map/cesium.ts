// Cesium's engine, bundled from ES modules. Not the full 'cesium' UMD build: its widgets carry
// Knockout, which evaluates strings and would need 'unsafe-eval' in the CSP. Static assets (workers,
// shipped imagery) are served from /cesium/ by the host or the Electron protocol.
import * as Engine from '@cesium/engine';
import '@cesium/engine/Source/Widget/CesiumWidget.css';

(window as unknown as { CESIUM_BASE_URL: string }).CESIUM_BASE_URL = '/cesium/';

export type CesiumLib = typeof Engine;

export function cesium(): CesiumLib {
  return Engine;
}

export const LABEL_FONT =
  "15px 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif";

/** Pick ids we attach to primitives, so a click can be resolved without a lookup table. */
export type PickId =
  | { kind: 'risk'; id: number }
  | { kind: 'cluster'; lon: number; lat: number; count: number }
  | { kind: 'camera'; id: string }
  | { kind: 'nest'; id: string }
  | { kind: 'alarm'; id: string; riskPointId: number | null };
