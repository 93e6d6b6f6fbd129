// Cameras: the list, one camera, and the nearest ones to a point (R*Tree).
import type { ICameraService } from '../../common/contract';
import type { CameraDto, NearbyCameraDto } from '../../common/dto';
import type { CameraRepo } from './repo';

export class CameraService implements ICameraService {
  constructor(private readonly repo: CameraRepo) {}

  async list(): Promise<CameraDto[]> {
    return this.repo.list();
  }
  async get(id: string): Promise<CameraDto | null> {
    return this.repo.get(id);
  }
  async search(text: string, limit?: number): Promise<CameraDto[]> {
    return this.repo.search(text, limit);
  }
  async nearby(lon: number, lat: number, radiusM: number, limit?: number): Promise<NearbyCameraDto[]> {
    return this.repo.nearby(lon, lat, radiusM, limit);
  }
}
