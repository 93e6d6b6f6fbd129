import { mountWindow } from '../../shell/mountWindow';
import DashboardWindow from './DashboardWindow.vue';

mountWindow(DashboardWindow);
