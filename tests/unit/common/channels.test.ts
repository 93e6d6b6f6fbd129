import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, METHOD_CHANNELS } from '../../../electron/common/channels';
import { eventChannels, methodChannels } from '../../../electron/common/contract';

describe('preload allow-list', () => {
  it('names exactly the contract’s channels', () => {
    expect([...METHOD_CHANNELS].sort()).toEqual(methodChannels().sort());
    expect([...EVENT_CHANNELS].sort()).toEqual(eventChannels().sort());
  });
});
