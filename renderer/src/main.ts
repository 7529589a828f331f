// Window start: Pinia, the i18n instance (the language is settled by App once the settings are read), the app's
// stylesheet, and the app. Element Plus's styles come per component, with the components that use them
// (unplugin-element-plus in electron.vite.config.ts): files, not injected <style>, so the strict CSP holds.
import './styles/app.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { pickLocale } from '../../common/locale';
import App from './App.vue';
import { listenForStagedDials } from './calls/staged-dial';
import { loadAppI18n } from './i18n';

// Before anything is awaited: a link that started the app is sent as soon as the page has loaded.
listenForStagedDials();
// The browser's language until the saved choice is read: a Chinese system shows Chinese from the first frame.
const i18n = await loadAppI18n(pickLocale(navigator.language));
createApp(App).use(createPinia()).use(i18n).mount('#app');
