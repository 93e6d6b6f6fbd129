// WebRTC by WHEP (RFC 9725): a receive-only offer POSTed as application/sdp, the answer applied, the
// session deleted on close. Where a platform offers it, latency is well under a second.
import { VideoPlayerBase } from './videoBase';

export class WhepPlayer extends VideoPlayerBase {
  private pc: RTCPeerConnection | null = null;
  private resource: string | null = null;
  private abort = new AbortController();

  constructor() {
    super('webrtc');
  }

  open(url: string): void {
    this.emit('connecting');
    void this.negotiate(url).catch((e: Error) => this.emit('offline', e.message));
  }

  private async negotiate(url: string): Promise<void> {
    const pc = new RTCPeerConnection();
    this.pc = pc;
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.ontrack = (e) => {
      if (!this.element.srcObject) this.element.srcObject = e.streams[0] ?? new MediaStream([e.track]);
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'disconnected')
        this.emit('offline', `WebRTC ${pc.connectionState}`);
    };
    await pc.setLocalDescription(await pc.createOffer());
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/sdp' },
      body: pc.localDescription?.sdp ?? '',
      signal: this.abort.signal,
    });
    if (r.status !== 201 && r.status !== 200) throw new Error(`WHEP answered HTTP ${r.status}`);
    const loc = r.headers.get('location');
    this.resource = loc ? new URL(loc, url).toString() : null;
    await pc.setRemoteDescription({ type: 'answer', sdp: await r.text() });
    this.watch();
    this.play();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.pc?.close();
    this.pc = null;
    if (this.resource) void fetch(this.resource, { method: 'DELETE' }).catch(() => {});
    this.release();
    this.emit('closed');
  }
}
