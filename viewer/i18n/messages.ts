export type Language = 'zh' | 'en';

/** Every string the viewer shows, in both languages; zh-CN is the default. */
export const messages = {
  zh: {
    layers: '图层',
    legend: '图例',
    language: 'English',
    languageTitle: '切换为英文界面',
    loading: '正在加载图层目录…',
    loadFailed: '图层目录加载失败',
    retry: '重试',
    synthetic: '模拟数据',
    syntheticTitle: '该图层为生成的示例数据，并非实测',
    layerFailed: '图层加载失败',
    kindUnsupported: '此类图层暂不支持显示',
    department: '责任部门',
    updated: '更新频率',
    close: '关闭',
    objectInfo: '对象信息',
  },
  en: {
    layers: 'Layers',
    legend: 'Legend',
    language: '中文',
    languageTitle: 'Switch the interface to Chinese',
    loading: 'Loading the layer catalog…',
    loadFailed: 'The layer catalog could not be loaded',
    retry: 'Retry',
    synthetic: 'Synthetic',
    syntheticTitle: 'This layer holds generated sample data, not surveyed data',
    layerFailed: 'Layer failed to load',
    kindUnsupported: 'This kind of layer cannot be shown yet',
    department: 'Department',
    updated: 'Updated',
    close: 'Close',
    objectInfo: 'Object',
  },
} satisfies Record<Language, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['zh'];

export const updateFrequencyNames: Record<Language, Record<string, string>> = {
  zh: { static: '不更新', yearly: '每年', quarterly: '每季度', monthly: '每月', weekly: '每周', daily: '每日', hourly: '每小时', realtime: '实时' },
  en: { static: 'static', yearly: 'yearly', quarterly: 'quarterly', monthly: 'monthly', weekly: 'weekly', daily: 'daily', hourly: 'hourly', realtime: 'real time' },
};

/** Labels of object properties; a property without one shows its own key. */
export const propertyLabels: Record<Language, Record<string, string>> = {
  zh: {
    oid: '对象编号', name: '名称', use: '用途', height: '高度（米）', floors: '层数', address: '地址',
    year: '建成年份', adminCode: '行政区划代码', type: '类型',
  },
  en: {
    oid: 'Object id', name: 'Name', use: 'Use', height: 'Height (m)', floors: 'Floors', address: 'Address',
    year: 'Year built', adminCode: 'Admin code', type: 'Type',
  },
};
