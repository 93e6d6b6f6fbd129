// Cameras: 66 video-network points (three at each of the 22 managed towns/streets: command room,
// key site, flood watch) plus 1,500 public-safety cameras. Ids follow the GB/T 28181 20-digit shape:
// 10-digit centre code (district 500106 + 0000) + device type 132 (IP camera) + 7-digit serial.
import type { CameraDto } from '../../electron/common/dto';
import { fnv1a, type Rng } from '../../electron/common/prng';
import { TOWNS } from '../reference/towns';
import type { Placer } from './placement';
import { townShort } from './riskPoints';

export const VIDEO_NETWORK_COUNT = 66;
export const PUBLIC_SAFETY_COUNT = 1_500;
const VN_ROLES = ['镇街指挥室', '重点部位', '防汛监测点'];
const PS_SITES = ['路口', '广场', '学校门口', '医院门口', '农贸市场', '公交站', '小区出入口', '桥头', '隧道口', '商圈'];

export function gbId(serial: number): string {
  return `5001060000132${serial.toString().padStart(7, '0')}`;
}

function streams(id: string): Pick<CameraDto, 'mainStreamUrl' | 'subStreamUrl' | 'platform'> {
  // served by the console host's media relay (path-only: the same on every console)
  return {
    mainStreamUrl: `/media/live/${id}/main/index.m3u8`,
    subStreamUrl: `/media/live/${id}/sub/index.m3u8`,
    platform: 'seed',
  };
}

/**
 * A fixed camera looks one way (heading 0–359°, 50–90° wide, 80–200 m far); a PTZ camera has no fixed
 * view. Hashed from the id rather than drawn from the generator's stream, so the rest of the district
 * stays as it was. About one public-safety camera in fifty is an H.265 model (no browser decodes it).
 */
function view(id: string, mount: CameraDto['mount'], kind: CameraDto['kind']) {
  const h = fnv1a(`${id}:view`);
  const fixed = mount === 'fixed';
  return {
    headingDeg: fixed ? h % 360 : null,
    fovDeg: fixed ? 50 + ((h >>> 9) % 5) * 10 : null,
    rangeM: fixed ? 80 + ((h >>> 13) % 5) * 30 : null,
    codec: kind === 'public-safety' && fnv1a(`${id}:codec`) % 50 === 0 ? ('h265' as const) : ('h264' as const),
  };
}

export function generateCameras(rng: Rng, placer: Placer): CameraDto[] {
  const out: CameraDto[] = [];
  const managed = TOWNS.filter((t) => t.managed);
  let serial = 1;
  for (const t of managed) {
    for (const role of VN_ROLES) {
      const id = gbId(serial++);
      // the command room at the town centre; the key site at a landmark, the flood watch by water
      const [lon, lat] = role === VN_ROLES[0] ? [t.lon, t.lat] : lonLat(placer.camera(rng, role, t));
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
        ...view(id, role === VN_ROLES[0] ? 'fixed' : 'ptz', 'video-network'),
      });
    }
  }
  serial = 1_000_001;
  const weights = TOWNS.map((t) => t.weight);
  for (let i = 0; i < PUBLIC_SAFETY_COUNT; i++) {
    const around = rng.weighted(TOWNS, weights);
    const id = gbId(serial++);
    const site = rng.pick(PS_SITES);
    const p = placer.camera(rng, site, around);
    const t = p.town;
    const [lon, lat] = [p.lon, p.lat];
    const name = `${p.landmark ?? townShort(t.name)}${site}${rng.int(1, 99)}号`;
    const mount = rng.next() < 0.3 ? 'ptz' : 'fixed';
    out.push({
      id,
      name,
      kind: 'public-safety',
      mount,
      status: rng.weighted(['online', 'offline', 'fault'] as const, [96, 3, 1]),
      townCode: t.code,
      lon: round(lon),
      lat: round(lat),
      ...streams(id),
      ...view(id, mount, 'public-safety'),
    });
  }
  return out;
}

const lonLat = (p: { lon: number; lat: number }): [number, number] => [p.lon, p.lat];

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
