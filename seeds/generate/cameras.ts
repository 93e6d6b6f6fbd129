// Cameras: 66 video-network points (three at each of the 22 managed towns/streets: command room,
// key site, flood watch) plus 1,500 public-safety cameras. Ids follow the GB/T 28181 20-digit shape:
// 10-digit centre code (district 500106 + 0000) + device type 132 (IP camera) + 7-digit serial.
import type { CameraDto } from '../../electron/common/dto';
import type { Rng } from '../../electron/common/prng';
import { TOWNS } from '../reference/towns';
import { jitterAround, townShort } from './riskPoints';

export const VIDEO_NETWORK_COUNT = 66;
export const PUBLIC_SAFETY_COUNT = 1_500;
const VN_ROLES = ['镇街指挥室', '重点部位', '防汛监测点'];
const PS_SITES = ['路口', '广场', '学校门口', '医院门口', '农贸市场', '公交站', '小区出入口', '桥头', '隧道口', '商圈'];

export function gbId(serial: number): string {
  return `5001060000132${serial.toString().padStart(7, '0')}`;
}

function streams(id: string): Pick<CameraDto, 'mainStreamUrl' | 'subStreamUrl'> {
  // served by the console host's media relay (path-only: the same on every console)
  return { mainStreamUrl: `/media/live/${id}/main/index.m3u8`, subStreamUrl: `/media/live/${id}/sub/index.m3u8` };
}

export function generateCameras(rng: Rng, outline: readonly (readonly [number, number])[]): CameraDto[] {
  const out: CameraDto[] = [];
  const managed = TOWNS.filter((t) => t.managed);
  let serial = 1;
  for (const t of managed) {
    for (const role of VN_ROLES) {
      const id = gbId(serial++);
      const [lon, lat] = role === VN_ROLES[0] ? [t.lon, t.lat] : jitterAround(rng, t, outline);
      out.push({
        id,
        name: `${t.name}视联网·${role}`,
        kind: 'video-network',
        mount: role === VN_ROLES[0] ? 'fixed' : 'ptz',
        status: 'online',
        townCode: t.code,
        lon: round(lon),
        lat: round(lat),
        ...streams(id),
      });
    }
  }
  serial = 1_000_001;
  const weights = TOWNS.map((t) => t.weight);
  for (let i = 0; i < PUBLIC_SAFETY_COUNT; i++) {
    const t = rng.weighted(TOWNS, weights);
    const id = gbId(serial++);
    const [lon, lat] = jitterAround(rng, t, outline);
    out.push({
      id,
      name: `${townShort(t.name)}${rng.pick(PS_SITES)}${rng.int(1, 99)}号`,
      kind: 'public-safety',
      mount: rng.next() < 0.3 ? 'ptz' : 'fixed',
      status: rng.weighted(['online', 'offline', 'fault'] as const, [96, 3, 1]),
      townCode: t.code,
      lon: round(lon),
      lat: round(lat),
      ...streams(id),
    });
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
