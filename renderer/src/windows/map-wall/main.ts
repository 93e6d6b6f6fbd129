import { mountWindow } from '../../shell/mountWindow';
import MapWallWindow from './MapWallWindow.vue';

mountWindow(MapWallWindow);
