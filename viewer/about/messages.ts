import { defineMessages } from '../i18n/defineMessages.ts';

/** The About panel: the software and data sources. */
export const aboutMessages = defineMessages({
  zh: {
    about: '关于',
    aboutTitle: '关于本孪生：软件与数据来源',
    aboutHeading: '关于武义孪生',
    aboutIntro: '武义孪生完全离线运行：地球、地形、建筑与专题图层都来自本孪生自己的服务。它建立在以下开源软件之上。',
    aboutSoftware: '软件',
    aboutData: '数据来源',
    aboutGlobe: '地球底图',
  },
  en: {
    about: 'About',
    aboutTitle: 'About this twin: its software and data sources',
    aboutHeading: 'About Wuyi Twin',
    aboutIntro: 'Wuyi Twin runs with no internet at all: the globe, terrain, buildings and thematic layers all come from the twin’s own server. It is built on the open-source software below.',
    aboutSoftware: 'Software',
    aboutData: 'Data sources',
    aboutGlobe: 'Globe base imagery',
  },
});
