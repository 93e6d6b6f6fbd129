import { mountWindow } from '../../shell/mountWindow';
import VideoWallWindow from './VideoWallWindow.vue';

mountWindow(VideoWallWindow);
