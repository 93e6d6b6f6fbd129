// Whether a dock can launch now, and if not, every reason (Chinese and English, with the numbers the
// renderer needs to word it itself). Pure: a function of the dock's state, its aircraft and `now`.
import type { AircraftState, DockOsd, Readiness, ReadinessCode, ReadinessReason } from './types';

export interface ReadinessLimits {
  /** battery % at or above which the aircraft may launch (DJI docks ask for 50 %) */
  launchBatteryPct: number;
  /** the dock's wind limit, m/s (DJI Dock 2: 12 m/s) */
  maxWindMps: number;
  /** 0–5; below this the link is not usable */
  minNetworkQuality: number;
  /** operating temperature range of the dock, °C */
  minTemperatureC: number;
  maxTemperatureC: number;
  /** a dock with no OSD for longer than this is offline (DJI sends every 2 s) */
  staleAfterMs: number;
}

export const DEFAULT_LIMITS: ReadinessLimits = {
  launchBatteryPct: 50,
  maxWindMps: 12,
  minNetworkQuality: 2,
  minTemperatureC: -20,
  maxTemperatureC: 45,
  staleAfterMs: 30_000,
};

const RAIN_ZH = ['无雨', '小雨', '中雨', '大雨'];
const RAIN_EN = ['no rain', 'light rain', 'moderate rain', 'heavy rain'];
const MODE_ZH: Record<string, string> = {
  'onsite-debug': '现场调试',
  'remote-debug': '远程调试',
  upgrading: '固件升级',
  working: '执行任务',
  unknown: '状态未知',
};

function reason(
  code: ReadinessCode,
  zh: string,
  en: string,
  value: number | null = null,
  limit: number | null = null,
): ReadinessReason {
  return { code, value, limit, zh, en };
}

export function assessReadiness(
  dock: DockOsd | null,
  aircraft: AircraftState | null,
  now: number,
  limits: ReadinessLimits = DEFAULT_LIMITS,
): Readiness {
  if (!dock || now - dock.updatedAt > limits.staleAfterMs) {
    const ageS = dock ? Math.round((now - dock.updatedAt) / 1000) : null;
    return {
      ready: false,
      reasons: [
        reason(
          'offline',
          ageS === null ? '机场离线（未收到状态）' : `机场离线（${ageS} 秒无状态）`,
          ageS === null ? 'Dock offline (no status received)' : `Dock offline (no status for ${ageS} s)`,
          ageS,
        ),
      ],
    };
  }
  const out: ReadinessReason[] = [];
  if (dock.mode !== 'idle')
    out.push(
      reason(
        'not-idle',
        `机场不空闲（${MODE_ZH[dock.mode] ?? dock.mode}）`,
        `Dock not idle (${dock.mode})`,
        dock.modeCode,
      ),
    );
  if (dock.emergencyStop) out.push(reason('emergency-stop', '机场急停已按下', 'Dock emergency stop pressed'));
  if (dock.droneInDock === false) out.push(reason('aircraft-out', '飞行器不在舱内', 'Aircraft not in the dock'));
  if (dock.droneInDock === null)
    out.push(reason('unknown', '未知飞行器是否在舱内', 'Unknown whether the aircraft is in the dock'));
  const battery = dock.droneInDock
    ? (dock.droneCharge?.capacityPct ?? aircraft?.batteryPct ?? null)
    : (aircraft?.batteryPct ?? null);
  if (battery === null) out.push(reason('unknown', '飞行器电量未知', 'Aircraft battery unknown'));
  else if (battery < limits.launchBatteryPct)
    out.push(
      reason(
        'battery-low',
        `电量 ${Math.round(battery)}%，低于起飞要求 ${limits.launchBatteryPct}%`,
        `Battery ${Math.round(battery)}%, below the ${limits.launchBatteryPct}% needed to launch`,
        battery,
        limits.launchBatteryPct,
      ),
    );
  if (dock.rainfall !== null && dock.rainfall !== 'none' && dock.rainfall !== 'light') {
    const i = ['none', 'light', 'moderate', 'heavy'].indexOf(dock.rainfall);
    out.push(reason('rain', `降雨：${RAIN_ZH[i]}`, `Rain: ${RAIN_EN[i]}`, i, 2));
  }
  if (dock.windSpeedMps !== null && dock.windSpeedMps >= limits.maxWindMps)
    out.push(
      reason(
        'wind',
        `风速 ${dock.windSpeedMps.toFixed(1)} m/s，超过机场限值 ${limits.maxWindMps} m/s`,
        `Wind ${dock.windSpeedMps.toFixed(1)} m/s, at or above the dock limit of ${limits.maxWindMps} m/s`,
        dock.windSpeedMps,
        limits.maxWindMps,
      ),
    );
  if (!dock.network || dock.network.quality < limits.minNetworkQuality)
    out.push(
      reason(
        'network',
        dock.network ? `网络质量差（${dock.network.quality}/5）` : '网络状态未知',
        dock.network ? `Poor network (${dock.network.quality}/5)` : 'Network state unknown',
        dock.network?.quality ?? null,
        limits.minNetworkQuality,
      ),
    );
  if (dock.coverState === 'abnormal') out.push(reason('cover-fault', '舱盖异常', 'Dock cover fault'));
  const temp = dock.environmentTemperatureC;
  if (temp !== null && (temp < limits.minTemperatureC || temp > limits.maxTemperatureC))
    out.push(
      reason(
        'temperature',
        `环境温度 ${temp.toFixed(0)}°C，超出工作范围`,
        `Outside temperature ${temp.toFixed(0)}°C is out of the operating range`,
        temp,
        temp < limits.minTemperatureC ? limits.minTemperatureC : limits.maxTemperatureC,
      ),
    );
  return { ready: out.length === 0, reasons: out };
}
