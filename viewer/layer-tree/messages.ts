import { defineMessages } from '../i18n/defineMessages.ts';

/** The layer tree and its legends. */
export const layerTreeMessages = defineMessages({
  zh: {
    layers: '图层',
    legend: '图例',
    synthetic: '模拟数据',
    syntheticTitle: '该图层为生成的示例数据，并非实测',
    layerFailed: '图层加载失败',
    layerLoading: '正在加载',
    kindUnsupported: '此类图层暂不支持显示',
    department: '责任部门',
    updated: '更新频率',
  },
  en: {
    layers: 'Layers',
    legend: 'Legend',
    synthetic: 'Synthetic',
    syntheticTitle: 'This layer holds generated sample data, not surveyed data',
    layerFailed: 'Layer failed to load',
    layerLoading: 'Loading',
    kindUnsupported: 'This kind of layer cannot be shown yet',
    department: 'Department',
    updated: 'Updated',
  },
});
