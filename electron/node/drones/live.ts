// Aircraft video as the video network sees it: a dock asked for `live_start_push` pushes to the ingest
// URL handed out here; while it pushes, the stream `uav-<aircraft sn>` plays like a camera. With the
// embedded video simulator the push is simulated (the simulated dock reports start/stop and the
// simulator serves the stream); a real media server (ZLMediaKit behind WVP) would take the RTMP push.
import type { AircraftLive } from '../../common/drones/types';
import { Emitter } from '../events';
import type { LiveIngest } from './service';

export const aircraftStreamId = (aircraftSn: string): string => `uav-${aircraftSn}`;

export class AircraftStreams implements LiveIngest {
  private readonly pushing = new Set<string>();
  private readonly changes = new Emitter<string>();
  /** fires with the aircraft sn whose stream started or stopped */
  readonly onDidChange = this.changes.event;

  constructor(private readonly pushBase = 'rtmp://127.0.0.1:1935/live') {}

  ingestFor(aircraftSn: string): { urlType: number; url: string } {
    return { urlType: 1, url: `${this.pushBase}/${aircraftStreamId(aircraftSn)}` };
  }

  /** the media side: a push arrived / ended */
  started(aircraftSn: string): void {
    if (this.pushing.has(aircraftSn)) return;
    this.pushing.add(aircraftSn);
    this.changes.fire(aircraftSn);
  }

  stopped(aircraftSn: string): void {
    if (this.pushing.delete(aircraftSn)) this.changes.fire(aircraftSn);
  }

  /** whether a stream id (as the video simulator is asked for it) is being pushed */
  isLive(streamId: string): boolean {
    return streamId.startsWith('uav-') && this.pushing.has(streamId.slice(4));
  }

  /** play URLs on the console host, shaped like the video simulator's camera streams */
  liveOf(aircraftSn: string): AircraftLive | null {
    if (!this.pushing.has(aircraftSn)) return null;
    const base = `/media/live/${aircraftStreamId(aircraftSn)}`;
    return {
      streamId: aircraftStreamId(aircraftSn),
      wsFlv: `${base}/sub.live.flv`,
      flv: `${base}/sub.live.flv`,
      hls: `${base}/sub/index.m3u8`,
    };
  }
}
