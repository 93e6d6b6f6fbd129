// Every window kind starts the same way: Pinia, vue-i18n, the shared styles, the settings (language).
import { createPinia } from 'pinia';
import { createApp, type Component } from 'vue';
import { i18n } from '../i18n/index';
import { useSettingsStore } from '../stores/useSettingsStore';
import './styles.css';

export function mountWindow(root: Component): void {
  const app = createApp(root).use(createPinia()).use(i18n);
  useSettingsStore(); // applies the saved language before the first render
  app.mount('#app');
}
