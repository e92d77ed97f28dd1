import type { LocalizedText } from '../../layers/index.ts';

/** Open-source software the twin is built on, credited in the About panel. */
export interface SoftwareCredit {
  /** The npm package. */
  name: string;
  licence: string;
  role: LocalizedText;
}

export const softwareCredits: SoftwareCredit[] = [
  { name: 'cesium', licence: 'Apache-2.0', role: { zh: '三维地球与地形、瓦片渲染', en: 'The 3D globe, terrain and tile rendering' } },
  { name: 'resium', licence: 'MIT', role: { zh: 'Cesium 的 React 组件', en: 'React components for Cesium' } },
  { name: 'react', licence: 'MIT', role: { zh: '界面', en: 'The interface' } },
  { name: 'three', licence: 'MIT', role: { zh: '轻量版查看器', en: 'The lite viewer' } },
  { name: '3d-tiles-renderer', licence: 'Apache-2.0', role: { zh: '轻量版的 3D Tiles 与地形', en: 'The lite viewer’s 3D Tiles and terrain' } },
  { name: '@duckdb/duckdb-wasm', licence: 'MIT', role: { zh: '浏览器内 SQL', en: 'SQL in the browser' } },
  { name: 'apache-arrow', licence: 'Apache-2.0', role: { zh: '图层与业务表的 Arrow 格式', en: 'Arrow tables of layers and records' } },
  { name: 'hono', licence: 'MIT', role: { zh: '瓦片与数据服务', en: 'The tile and data server' } },
  { name: 'pinyin-pro', licence: 'MIT', role: { zh: '拼音搜索', en: 'Pinyin search' } },
];

/** The globe's own base imagery, which ships with CesiumJS. */
export const globeImageryCredit = {
  name: 'Natural Earth II',
  licence: { zh: '公有领域（随 CesiumJS 提供）', en: 'Public domain (shipped with CesiumJS)' },
};
