// Every window kind starts the same way: Pinia, vue-i18n, the shared styles, the settings (language).
import { createPinia } from 'pinia';
import { createApp, type Component } from 'vue';
import { roleOfPath, roleRedirect } from '../../../electron/common/layout/roles';
import { i18n } from '../i18n/index';
import { useSettingsStore } from '../stores/useSettingsStore';
import { useThemeStore } from '../stores/useThemeStore';
import './styles.css';

export function mountWindow(root: Component): void {
  // browser mode: ?window=<role> on any page opens that role (one URL per screen of a wall controller)
  const go = roleRedirect(location.search, roleOfPath(location.pathname));
  if (go && 'to' in go) return location.replace(go.to);
  if (go) console.warn(go.error);
  const app = createApp(root).use(createPinia()).use(i18n);
  useSettingsStore(); // applies the saved language before the first render
  useThemeStore(); // the night theme in the small hours
  app.mount('#app');
}
