import { createPinia } from 'pinia';
import { createApp } from 'vue';
import BoardApp from './BoardApp.vue';
import '../styles.css';

createApp(BoardApp).use(createPinia()).mount('#app');
