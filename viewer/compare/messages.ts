import { defineMessages } from '../i18n/defineMessages.ts';

/** Comparing two layers with the swipe divider. */
export const compareMessages = defineMessages({
  zh: {
    compare: '卷帘',
    compareTitle: '卷帘对比两个图层',
    compareLeft: '左侧',
    compareRight: '右侧',
    compareEnd: '结束对比',
    compareDivider: '拖动以对比',
  },
  en: {
    compare: 'Swipe',
    compareTitle: 'Compare two layers side by side',
    compareLeft: 'Left',
    compareRight: 'Right',
    compareEnd: 'End comparison',
    compareDivider: 'Drag to compare',
  },
});
