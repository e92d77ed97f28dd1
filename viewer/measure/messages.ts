import { defineMessages } from '../i18n/defineMessages.ts';

/** The measuring tools. */
export const measureMessages = defineMessages({
  zh: {
    measure: '量测',
    measureDistance: '测距',
    measureArea: '测面',
    measureHint: '在地面上单击添加点，右键结束',
  },
  en: {
    measure: 'Measure',
    measureDistance: 'Distance',
    measureArea: 'Area',
    measureHint: 'Click the ground to add points, right-click to finish',
  },
});
