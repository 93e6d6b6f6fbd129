// What the map shows, as plain data: layer ids and the desired state each layer is synced to.
import type { RiskLevel } from '../../../electron/common/levels';
import type { BasemapDesired } from './layers/basemap';
import type { DroneDesired } from './layers/drones';
import type { AlarmDesired } from './layers/alarms';
import type { LevelDesired } from './layers/levels';

export type LayerId = 'risk' | 'cameras' | 'nests' | 'outline' | 'river' | 'labels';
export const LAYER_IDS: readonly LayerId[] = ['risk', 'cameras', 'nests', 'outline', 'river', 'labels'];

export interface MapDesired {
  risk: { visible: boolean; levels: Record<RiskLevel, boolean> };
  outline: { visible: boolean };
  river: { visible: boolean };
  /** town/street labels in the UI language */
  labels: { visible: boolean; locale: string };
  cameras: { visible: boolean };
  nests: { visible: boolean; locale: string };
  /** docks' readiness rings, aircraft with heading and altitude stalk, 10-minute trails */
  drones: DroneDesired;
  /** the place every window was asked to look at (an incident or a point) */
  focus: { seq: number; lon: number; lat: number } | null;
  /** the basemap and overlays (absent: Cesium's own Natural Earth only) */
  basemap?: BasemapDesired;
  /** points a grading model moved, and open alarms (the night watch) */
  levels?: LevelDesired;
  alarms?: AlarmDesired;
}
