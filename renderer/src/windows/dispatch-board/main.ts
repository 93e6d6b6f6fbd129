import { mountWindow } from '../../shell/mountWindow';
import DispatchBoardWindow from './DispatchBoardWindow.vue';

mountWindow(DispatchBoardWindow);
