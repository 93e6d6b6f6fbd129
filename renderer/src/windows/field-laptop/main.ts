import { mountWindow } from '../../shell/mountWindow';
import FieldLaptopWindow from './FieldLaptopWindow.vue';

mountWindow(FieldLaptopWindow);
