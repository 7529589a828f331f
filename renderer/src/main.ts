// Window start: Pinia, the i18n instance (the language is settled by App once the settings are read), Element
// Plus's stylesheet (a file, not injected <style>, so the strict CSP holds), and the app.
import 'element-plus/dist/index.css';
import './styles/app.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { pickLocale } from '../../common/locale';
import App from './App.vue';
import { createAppI18n } from './i18n';

createApp(App)
  .use(createPinia())
  // The browser's language until the saved choice is read: a Chinese system shows Chinese from the first frame.
  .use(createAppI18n(pickLocale(navigator.language)))
  .mount('#app');
