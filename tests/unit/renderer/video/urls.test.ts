import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../../../renderer/src/video/absoluteUrl';
import { preferenceFromUrl } from '../../../../renderer/src/video/preference';
import { DEFAULT_PREFERENCE } from '../../../../electron/common/video/urls';

describe('player URLs', () => {
  it("relative stream paths go to the page's host; WS-FLV takes ws:// or wss://", () => {
    const base = 'http://10.0.0.5:4510/video.html?layout=16';
    expect(absoluteUrl('/media/live/c/sub.live.flv', 'wsFlv', base)).toBe(
      'ws://10.0.0.5:4510/media/live/c/sub.live.flv',
    );
    expect(absoluteUrl('/media/live/c/sub.live.flv', 'wsFlv', 'https://h/x')).toBe('wss://h/media/live/c/sub.live.flv');
    expect(absoluteUrl('/media/live/c/sub/index.m3u8', 'hls', base)).toBe(
      'http://10.0.0.5:4510/media/live/c/sub/index.m3u8',
    );
    // what a platform handed out whole is left as it is
    expect(absoluteUrl('ws://wvp:6080/rtp/a.live.flv', 'wsFlv', base)).toBe('ws://wvp:6080/rtp/a.live.flv');
  });

  it('?protocols= sets the preference, unknown names are dropped, nothing usable means the default', () => {
    expect(preferenceFromUrl('?protocols=hls,mjpeg')).toEqual(['hls', 'mjpeg']);
    expect(preferenceFromUrl('?protocols=rtmp,hls')).toEqual(['hls']);
    expect(preferenceFromUrl('?protocols=rtmp')).toBe(DEFAULT_PREFERENCE);
    expect(preferenceFromUrl('?layout=4')).toBe(DEFAULT_PREFERENCE);
  });
});
