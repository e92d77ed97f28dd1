/**
 * The land-use classes of GB/T 21010-2017 (土地利用现状分类) as the third national land survey
 * (第三次全国国土调查, 三调) codes them in DLBM: the standard's first and second levels, plus the
 * survey's own working classes (05H1, 08H1, 1104A, …) and its "adjustable" marks (a `K` suffix,
 * 可调整地类). Colours follow the survey's map conventions by family: farmland yellow, gardens
 * olive, forest green, grassland light green, commerce red, industry brown, housing orange,
 * public services pink, transport grey, water blue; they are the twin's, not an official palette.
 */
export interface LandUseClass {
  code: string;
  zh: string;
  en: string;
  color: [number, number, number];
  /** The first-level class (一级类) the class belongs to. */
  family: { code: string; zh: string; en: string };
}

type Row = readonly [code: string, zh: string, en: string, color: readonly [number, number, number]];

const FAMILIES: Record<string, { zh: string; en: string }> = {
  '00': { zh: '湿地', en: 'Wetland' },
  '01': { zh: '耕地', en: 'Cultivated land' },
  '02': { zh: '园地', en: 'Garden land' },
  '03': { zh: '林地', en: 'Forest land' },
  '04': { zh: '草地', en: 'Grassland' },
  '05': { zh: '商服用地', en: 'Commercial land' },
  '06': { zh: '工矿仓储用地', en: 'Industrial, mining and storage land' },
  '07': { zh: '住宅用地', en: 'Residential land' },
  '08': { zh: '公共管理与公共服务用地', en: 'Public administration and services land' },
  '09': { zh: '特殊用地', en: 'Special-use land' },
  '10': { zh: '交通运输用地', en: 'Transport land' },
  '11': { zh: '水域及水利设施用地', en: 'Water and water-conservancy land' },
  '12': { zh: '其他土地', en: 'Other land' },
};

const ROWS: readonly Row[] = [
  ['0101', '水田', 'Paddy field', [236, 234, 140]],
  ['0102', '水浇地', 'Irrigated land', [242, 238, 165]],
  ['0103', '旱地', 'Dry farmland', [245, 224, 160]],
  ['0201', '果园', 'Orchard', [214, 200, 110]],
  ['0202', '茶园', 'Tea garden', [186, 206, 110]],
  ['0203', '橡胶园', 'Rubber plantation', [198, 190, 120]],
  ['0204', '其他园地', 'Other garden land', [222, 212, 142]],
  ['0301', '乔木林地', 'Forest', [86, 150, 80]],
  ['0302', '竹林地', 'Bamboo forest', [104, 168, 92]],
  ['0303', '红树林地', 'Mangrove forest', [70, 140, 110]],
  ['0304', '森林沼泽', 'Forest swamp', [80, 130, 100]],
  ['0305', '灌木林地', 'Shrubland', [130, 172, 96]],
  ['0306', '灌丛沼泽', 'Shrub swamp', [110, 150, 112]],
  ['0307', '其他林地', 'Other forest land', [150, 190, 120]],
  ['0401', '天然牧草地', 'Natural pasture', [180, 214, 130]],
  ['0402', '沼泽草地', 'Marsh grassland', [160, 200, 150]],
  ['0403', '人工牧草地', 'Sown pasture', [196, 224, 150]],
  ['0404', '其他草地', 'Other grassland', [206, 226, 170]],
  ['0501', '零售商业用地', 'Retail', [236, 128, 128]],
  ['0502', '批发市场用地', 'Wholesale market', [228, 136, 120]],
  ['0503', '餐饮用地', 'Catering', [240, 140, 140]],
  ['0504', '旅馆用地', 'Hotel', [226, 120, 136]],
  ['0505', '商务金融用地', 'Business and finance', [216, 110, 120]],
  ['0506', '娱乐用地', 'Entertainment', [238, 150, 150]],
  ['0507', '其他商服用地', 'Other commercial', [230, 150, 136]],
  ['0508', '物流仓储用地', 'Logistics and storage', [186, 150, 160]],
  ['05H1', '商业服务业设施用地', 'Commercial services', [232, 120, 120]],
  ['0601', '工业用地', 'Industrial land', [196, 150, 130]],
  ['0602', '采矿用地', 'Mining land', [170, 140, 130]],
  ['0603', '盐田', 'Salt pan', [204, 196, 206]],
  ['0604', '仓储用地', 'Storage land', [190, 162, 150]],
  ['0701', '城镇住宅用地', 'Urban residential', [240, 160, 120]],
  ['0702', '农村宅基地', 'Rural homesteads', [236, 184, 150]],
  ['0801', '机关团体用地', 'Government and organisations', [230, 140, 180]],
  ['0802', '新闻出版用地', 'Press and publishing', [226, 150, 190]],
  ['0803', '教育用地', 'Education', [220, 150, 200]],
  ['0804', '科研用地', 'Research', [214, 146, 206]],
  ['0805', '医疗卫生用地', 'Health care', [236, 150, 176]],
  ['0806', '社会福利用地', 'Social welfare', [232, 164, 190]],
  ['0807', '文化设施用地', 'Cultural facilities', [222, 164, 206]],
  ['0808', '体育用地', 'Sports', [210, 160, 210]],
  ['0809', '公用设施用地', 'Public utilities', [200, 150, 170]],
  ['0810', '公园与绿地', 'Parks and green space', [150, 200, 120]],
  ['0810A', '广场用地', 'Squares', [206, 204, 192]],
  ['08H1', '机关团体新闻出版用地', 'Government, organisations and press', [230, 140, 180]],
  ['08H2', '科教文卫用地', 'Science, education, culture and health', [220, 150, 200]],
  ['08H2A', '高教用地', 'Higher education', [210, 140, 200]],
  ['0901', '军事设施用地', 'Military facilities', [160, 146, 186]],
  ['0902', '使领馆用地', 'Embassies and consulates', [176, 160, 196]],
  ['0903', '监教场所用地', 'Correctional facilities', [150, 140, 170]],
  ['0904', '宗教用地', 'Religious land', [186, 160, 200]],
  ['0905', '殡葬用地', 'Funeral and burial', [140, 136, 160]],
  ['0906', '风景名胜设施用地', 'Scenic-area facilities', [170, 176, 200]],
  ['09', '特殊用地', 'Special-use land', [170, 150, 190]],
  ['1001', '铁路用地', 'Railway', [150, 150, 150]],
  ['1002', '轨道交通用地', 'Rail transit', [160, 160, 172]],
  ['1003', '公路用地', 'Highway', [190, 190, 190]],
  ['1004', '城镇村道路用地', 'Urban and village roads', [206, 206, 206]],
  ['1005', '交通服务场站用地', 'Transport stations', [176, 176, 186]],
  ['1006', '农村道路', 'Rural roads', [200, 196, 186]],
  ['1007', '机场用地', 'Airport', [166, 166, 182]],
  ['1008', '港口码头用地', 'Port and wharf', [170, 180, 192]],
  ['1009', '管道运输用地', 'Pipeline transport', [186, 180, 176]],
  ['1101', '河流水面', 'River', [140, 196, 238]],
  ['1102', '湖泊水面', 'Lake', [130, 186, 232]],
  ['1103', '水库水面', 'Reservoir', [120, 176, 226]],
  ['1104', '坑塘水面', 'Pond', [150, 206, 240]],
  ['1104A', '养殖坑塘', 'Aquaculture pond', [160, 210, 236]],
  ['1105', '沿海滩涂', 'Coastal tidal flat', [190, 220, 230]],
  ['1106', '内陆滩涂', 'Inland tidal flat', [200, 224, 226]],
  ['1107', '沟渠', 'Ditch', [120, 180, 220]],
  ['1107A', '干渠', 'Main canal', [110, 170, 216]],
  ['1108', '沼泽地', 'Swamp', [150, 190, 200]],
  ['1109', '水工建筑用地', 'Hydraulic structures', [160, 170, 200]],
  ['1110', '冰川及永久积雪', 'Glacier and permanent snow', [236, 244, 250]],
  ['1201', '空闲地', 'Vacant land', [220, 210, 200]],
  ['1202', '设施农用地', 'Agricultural facilities', [230, 220, 170]],
  ['1203', '田坎', 'Field ridge', [216, 206, 172]],
  ['1204', '盐碱地', 'Saline-alkali land', [230, 230, 220]],
  ['1205', '沙地', 'Sandy land', [240, 230, 200]],
  ['1206', '裸土地', 'Bare soil', [226, 210, 190]],
  ['1207', '裸岩石砾地', 'Bare rock and gravel', [200, 196, 190]],
];

const familyOf = (code: string) => {
  const family = FAMILIES[code.slice(0, 2)]!;
  return { code: code.slice(0, 2), ...family };
};

const byCode = new Map<string, LandUseClass>(ROWS.map(([code, zh, en, color]) => [code, { code, zh, en, color: [...color], family: familyOf(code) }]));

/**
 * The class of a DLBM code, or undefined for a code the table does not know. A `K` suffix marks
 * land the survey found in use as farmland's substitute (可调整): the base class, so marked.
 */
export function landUseClass(code: string): LandUseClass | undefined {
  const known = byCode.get(code);
  if (known) return known;
  const adjustable = /^(.+)K$/.exec(code)?.[1];
  const base = adjustable === undefined ? undefined : byCode.get(adjustable);
  return base && { ...base, code, zh: `可调整${base.zh}`, en: `${base.en} (adjustable)` };
}

/** A class colour as CSS writes it. */
export const hexColor = (rgb: readonly number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
