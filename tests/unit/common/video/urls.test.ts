import { describe, expect, it } from 'vitest';
import {
  isLoopbackHost,
  pickProtocol,
  protocolOfUrl,
  protocolOrder,
  withHost,
  type PlayerCaps,
} from '../../../../electron/common/video/urls';
import type { PlayUrls } from '../../../../electron/common/video/types';

const CHROMIUM: PlayerCaps = { mse: true, h264: true, h265: false, webrtc: true };
const ALL: PlayUrls = {
  wsFlv: 'ws://media:80/rtp/a.live.flv',
  flv: 'http://media:80/rtp/a.live.flv',
  hls: 'http://media:80/rtp/a/hls.m3u8',
  webrtc: 'http://media:80/index/api/whep?app=rtp&stream=a',
  mjpeg: 'http://media:80/a.mjpeg',
};

describe('protocol order', () => {
  it('prefers WS-FLV, then HTTP-FLV, HLS, WebRTC, MJPEG for H.264', () => {
    expect(protocolOrder(ALL, 'h264', CHROMIUM)).toEqual({
      ok: true,
      order: ['wsFlv', 'flv', 'hls', 'webrtc', 'mjpeg'],
    });
  });

  it('skips protocols the platform did not offer (null, empty or missing)', () => {
    const r = protocolOrder({ hls: ALL.hls, flv: '' }, 'h264', CHROMIUM);
    expect(r).toEqual({ ok: true, order: ['hls'] });
  });

  it('H.265 without an MSE decoder: only MJPEG is left, and with no MJPEG it says the codec cannot play', () => {
    expect(protocolOrder(ALL, 'h265', CHROMIUM)).toEqual({ ok: true, order: ['mjpeg'] });
    const r = protocolOrder({ wsFlv: ALL.wsFlv, hls: ALL.hls }, 'h265', CHROMIUM);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('codec-unsupported');
      expect(r.detail).toContain('H265');
    }
  });

  it('H.265 plays by MSE where the browser says it can', () => {
    const r = protocolOrder({ wsFlv: ALL.wsFlv }, 'h265', { ...CHROMIUM, h265: true });
    expect(r).toEqual({ ok: true, order: ['wsFlv'] });
  });

  it('no URL at all is a different failure from an undecodable codec', () => {
    expect(protocolOrder({}, 'h264', CHROMIUM)).toMatchObject({ ok: false, reason: 'no-url' });
  });

  it('a custom preference is honoured', () => {
    expect(protocolOrder(ALL, 'h264', CHROMIUM, ['hls', 'wsFlv'])).toEqual({ ok: true, order: ['hls', 'wsFlv'] });
  });
});

describe('six HTTP/1.1 connections per origin', () => {
  it('HTTP-FLV is skipped once its origin holds four streams (two stay free for HLS and the API); WS-FLV is not', () => {
    const order = ['flv', 'hls'] as const;
    const open = new Map([['http://media', 4]]);
    expect(pickProtocol(order, ALL, new Map([['http://media', 3]]))).toBe('flv');
    expect(pickProtocol(order, ALL, open)).toBe('hls');
    expect(pickProtocol(['wsFlv'], ALL, new Map([['ws://media', 60]]))).toBe('wsFlv');
    expect(pickProtocol(['flv', 'mjpeg'], ALL, open)).toBeNull();
  });

  it('relative URLs count against the page origin', () => {
    const urls = { flv: '/media/live/x/sub.live.flv' };
    expect(pickProtocol(['flv'], urls, new Map([['http://h:1', 4]]), 'http://h:1/video.html')).toBeNull();
    expect(pickProtocol(['flv'], urls, new Map([['http://other:1', 4]]), 'http://h:1/video.html')).toBe('flv');
  });
});

describe('URLs', () => {
  it('tells the protocol of seeded direct URLs', () => {
    expect(protocolOfUrl('/media/live/1/main/index.m3u8')).toBe('hls');
    expect(protocolOfUrl('ws://h/live/a.live.flv')).toBe('wsFlv');
    expect(protocolOfUrl('https://h/live/a.live.flv?token=1')).toBe('flv');
    expect(protocolOfUrl('http://cam/video.mjpg')).toBe('mjpeg');
    expect(protocolOfUrl('http://h/index/api/whep?app=a&stream=b')).toBe('webrtc');
    expect(protocolOfUrl('rtsp://cam/stream1')).toBeNull();
  });

  it('rewrites only the host of loopback URLs', () => {
    for (const h of ['127.0.0.1', 'localhost', '0.0.0.0', '127.1.2.3']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['10.0.0.5', 'wvp.example', '192.168.1.127']) expect(isLoopbackHost(h)).toBe(false);
    expect(withHost('ws://127.0.0.1:6080/rtp/x.live.flv?a=1', '10.1.2.3')).toBe(
      'ws://10.1.2.3:6080/rtp/x.live.flv?a=1',
    );
    expect(withHost('not a url', 'h')).toBe('not a url');
  });
});
