import { defineMessages } from '../i18n/defineMessages.ts';

/** While the layer catalog loads, or why it failed. */
export const catalogMessages = defineMessages({
  zh: {
    loading: '正在加载图层目录…',
    loadFailed: '图层目录加载失败',
    retry: '重试',
  },
  en: {
    loading: 'Loading the layer catalog…',
    loadFailed: 'The layer catalog could not be loaded',
    retry: 'Retry',
  },
});
