import { mountWindow } from '../../shell/mountWindow';
import DronePanelWindow from './DronePanelWindow.vue';

mountWindow(DronePanelWindow);
