import type { LandUseClass } from './landUseClasses.ts';

/**
 * The classes of land and sea use of spatial planning (国土空间调查、规划、用途管制用地用海分类指南,
 * 2023) as planning databases code them in YDYHFLDM: first level (two digits), second (four) and
 * third (six). Colours go by first-level class after the planning maps' conventions (housing
 * yellow, public services magenta, commerce red, industry brown, storage violet, transport grey,
 * utilities teal, green space green, water blue, farmland pale yellow, forest green), each lower
 * class a shade of its family's; they are the twin's, not an official palette.
 */
type Row = readonly [code: string, zh: string, en: string];

const FAMILIES: readonly (readonly [code: string, zh: string, en: string, color: readonly [number, number, number]])[] = [
  ['01', '耕地', 'Cultivated land', [245, 240, 175]],
  ['02', '园地', 'Garden land', [205, 215, 130]],
  ['03', '林地', 'Forest land', [100, 170, 100]],
  ['04', '草地', 'Grassland', [190, 225, 130]],
  ['05', '湿地', 'Wetland', [110, 200, 185]],
  ['06', '农业设施建设用地', 'Agricultural facility land', [215, 210, 155]],
  ['07', '居住用地', 'Residential land', [255, 210, 90]],
  ['08', '公共管理与公共服务用地', 'Public administration and services land', [230, 110, 200]],
  ['09', '商业服务业用地', 'Commercial and business land', [235, 80, 70]],
  ['10', '工矿用地', 'Industrial and mining land', [175, 125, 85]],
  ['11', '仓储用地', 'Storage land', [160, 125, 200]],
  ['12', '交通运输用地', 'Transport land', [165, 165, 165]],
  ['13', '公用设施用地', 'Utilities land', [60, 160, 170]],
  ['14', '绿地与开敞空间用地', 'Green and open space', [80, 190, 90]],
  ['15', '特殊用地', 'Special-use land', [120, 120, 90]],
  ['16', '留白用地', 'Reserved land', [240, 240, 240]],
  ['17', '陆地水域', 'Inland water', [110, 170, 230]],
  ['18', '渔业用海', 'Fishery sea use', [120, 190, 235]],
  ['19', '工矿通信用海', 'Industrial and communication sea use', [140, 160, 215]],
  ['20', '交通运输用海', 'Transport sea use', [150, 175, 200]],
  ['21', '游憩用海', 'Recreational sea use', [130, 210, 220]],
  ['22', '特殊用海', 'Special sea use', [120, 140, 170]],
  ['23', '其他土地', 'Other land', [210, 200, 180]],
  ['24', '其他海域', 'Other sea', [170, 205, 235]],
];

const ROWS: readonly Row[] = [
  ['0101', '水田', 'Paddy field'],
  ['0102', '水浇地', 'Irrigated land'],
  ['0103', '旱地', 'Dry farmland'],
  ['0201', '果园', 'Orchard'],
  ['0202', '茶园', 'Tea garden'],
  ['0203', '橡胶园地', 'Rubber plantation'],
  ['0204', '油料园地', 'Oil-crop garden'],
  ['0205', '其他园地', 'Other garden land'],
  ['0301', '乔木林地', 'Forest'],
  ['0302', '竹林地', 'Bamboo forest'],
  ['0303', '灌木林地', 'Shrubland'],
  ['0304', '其他林地', 'Other forest land'],
  ['0401', '天然牧草地', 'Natural pasture'],
  ['0402', '人工牧草地', 'Sown pasture'],
  ['0403', '其他草地', 'Other grassland'],
  ['0501', '森林沼泽', 'Forest swamp'],
  ['0502', '灌丛沼泽', 'Shrub swamp'],
  ['0503', '沼泽草地', 'Marsh grassland'],
  ['0504', '其他沼泽地', 'Other marsh'],
  ['0505', '沿海滩涂', 'Coastal tidal flat'],
  ['0506', '内陆滩涂', 'Inland tidal flat'],
  ['0507', '红树林地', 'Mangrove forest'],
  ['0601', '乡村道路用地', 'Rural road land'],
  ['060101', '村道用地', 'Village road land'],
  ['060102', '田间道', 'Farm track'],
  ['0602', '种植设施建设用地', 'Crop facility land'],
  ['0603', '畜禽养殖设施建设用地', 'Livestock facility land'],
  ['0604', '水产养殖设施建设用地', 'Aquaculture facility land'],
  ['0701', '城镇住宅用地', 'Urban residential land'],
  ['070101', '一类城镇住宅用地', 'Urban residential land, class 1'],
  ['070102', '二类城镇住宅用地', 'Urban residential land, class 2'],
  ['070103', '三类城镇住宅用地', 'Urban residential land, class 3'],
  ['0702', '城镇社区服务设施用地', 'Urban community services land'],
  ['0703', '农村宅基地', 'Rural homestead'],
  ['070301', '一类农村宅基地', 'Rural homestead, class 1'],
  ['070302', '二类农村宅基地', 'Rural homestead, class 2'],
  ['0704', '农村社区服务设施用地', 'Rural community services land'],
  ['0801', '机关团体用地', 'Government and institutions land'],
  ['0802', '科研用地', 'Research land'],
  ['0803', '文化用地', 'Cultural land'],
  ['080301', '图书与展览用地', 'Library and exhibition land'],
  ['080302', '文化活动用地', 'Cultural activity land'],
  ['0804', '教育用地', 'Education land'],
  ['080401', '高等教育用地', 'Higher education land'],
  ['080402', '中等职业教育用地', 'Vocational education land'],
  ['080403', '中小学用地', 'School land'],
  ['080404', '幼儿园用地', 'Kindergarten land'],
  ['080405', '其他教育用地', 'Other education land'],
  ['0805', '体育用地', 'Sports land'],
  ['080501', '体育场馆用地', 'Stadium and arena land'],
  ['080502', '体育训练用地', 'Sports training land'],
  ['0806', '医疗卫生用地', 'Health care land'],
  ['080601', '医院用地', 'Hospital land'],
  ['080602', '基层医疗卫生设施用地', 'Community health facility land'],
  ['080603', '公共卫生用地', 'Public health land'],
  ['0807', '社会福利用地', 'Social welfare land'],
  ['080701', '老年人社会福利用地', 'Elderly care land'],
  ['080702', '儿童社会福利用地', 'Child welfare land'],
  ['080703', '残疾人社会福利用地', 'Disability welfare land'],
  ['080704', '其他社会福利用地', 'Other social welfare land'],
  ['0901', '商业用地', 'Commercial land'],
  ['090101', '零售商业用地', 'Retail land'],
  ['090102', '批发市场用地', 'Wholesale market land'],
  ['090103', '餐饮用地', 'Catering land'],
  ['090104', '旅馆用地', 'Hotel land'],
  ['090105', '公用设施营业网点用地', 'Utility service outlet land'],
  ['0902', '商务金融用地', 'Business and finance land'],
  ['0903', '娱乐用地', 'Entertainment land'],
  ['0904', '其他商业服务业用地', 'Other commercial land'],
  ['1001', '工业用地', 'Industrial land'],
  ['100101', '一类工业用地', 'Industrial land, class 1'],
  ['100102', '二类工业用地', 'Industrial land, class 2'],
  ['100103', '三类工业用地', 'Industrial land, class 3'],
  ['1002', '采矿用地', 'Mining land'],
  ['1003', '盐田', 'Salt pan'],
  ['1101', '物流仓储用地', 'Logistics and warehousing land'],
  ['110101', '一类物流仓储用地', 'Logistics land, class 1'],
  ['110102', '二类物流仓储用地', 'Logistics land, class 2'],
  ['110103', '三类物流仓储用地', 'Logistics land, class 3'],
  ['1102', '储备库用地', 'Strategic reserve land'],
  ['1201', '铁路用地', 'Railway land'],
  ['1202', '公路用地', 'Highway land'],
  ['1203', '机场用地', 'Airport land'],
  ['1204', '港口码头用地', 'Port and wharf land'],
  ['1205', '管道运输用地', 'Pipeline land'],
  ['1206', '城市轨道交通用地', 'Urban rail land'],
  ['1207', '城镇村道路用地', 'Town and village road land'],
  ['1208', '交通场站用地', 'Transport station land'],
  ['120801', '对外交通场站用地', 'Intercity station land'],
  ['120802', '公共交通场站用地', 'Public transport station land'],
  ['120803', '社会停车场用地', 'Public parking land'],
  ['1209', '其他交通设施用地', 'Other transport facility land'],
  ['1301', '供水用地', 'Water supply land'],
  ['1302', '排水用地', 'Drainage land'],
  ['1303', '供电用地', 'Power supply land'],
  ['1304', '供燃气用地', 'Gas supply land'],
  ['1305', '供热用地', 'Heat supply land'],
  ['1306', '通信用地', 'Telecommunications land'],
  ['1307', '邮政用地', 'Postal land'],
  ['1308', '广播电视设施用地', 'Broadcasting facility land'],
  ['1309', '环卫用地', 'Sanitation land'],
  ['1310', '消防用地', 'Fire service land'],
  ['1311', '水工设施用地', 'Hydraulic works land'],
  ['1312', '其他公用设施用地', 'Other utilities land'],
  ['1401', '公园绿地', 'Park'],
  ['1402', '防护绿地', 'Protective green belt'],
  ['1403', '广场用地', 'Public square'],
  ['1501', '军事设施用地', 'Military land'],
  ['1502', '使领馆用地', 'Embassy and consulate land'],
  ['1503', '宗教用地', 'Religious land'],
  ['1504', '文物古迹用地', 'Heritage site land'],
  ['1505', '监教场所用地', 'Detention facility land'],
  ['1506', '殡葬用地', 'Funeral land'],
  ['1507', '其他特殊用地', 'Other special-use land'],
  ['1701', '河流水面', 'River'],
  ['1702', '湖泊水面', 'Lake'],
  ['1703', '水库水面', 'Reservoir'],
  ['1704', '坑塘水面', 'Pond'],
  ['1705', '沟渠', 'Ditch and canal'],
  ['1706', '冰川及常年积雪', 'Glacier and permanent snow'],
  ['1801', '渔业基础设施用海', 'Fishery infrastructure sea use'],
  ['1802', '增养殖用海', 'Mariculture sea use'],
  ['1803', '捕捞海域', 'Fishing waters'],
  ['1804', '农林牧业用岛', 'Farming island'],
  ['1901', '工业用海', 'Industrial sea use'],
  ['1902', '盐田用海', 'Salt pan sea use'],
  ['1903', '固体矿产用海', 'Solid mineral sea use'],
  ['1904', '油气用海', 'Oil and gas sea use'],
  ['1905', '可再生能源用海', 'Renewable energy sea use'],
  ['1906', '海底电缆管道用海', 'Submarine cable and pipeline sea use'],
  ['2001', '港口用海', 'Port sea use'],
  ['2002', '航运用海', 'Shipping sea use'],
  ['2003', '路桥隧道用海', 'Road, bridge and tunnel sea use'],
  ['2004', '机场用海', 'Airport sea use'],
  ['2005', '其他交通运输用海', 'Other transport sea use'],
  ['2101', '风景旅游用海', 'Scenic tourism sea use'],
  ['2102', '文体休闲娱乐用海', 'Leisure sea use'],
  ['2201', '军事用海', 'Military sea use'],
  ['2202', '科研教育用海', 'Research and education sea use'],
  ['2203', '海洋保护修复及海岸防护工程用海', 'Marine protection and coastal defence sea use'],
  ['2204', '排污倾倒用海', 'Discharge and dumping sea use'],
  ['2205', '水下文物保护用海', 'Underwater heritage sea use'],
  ['2206', '其他特殊用海', 'Other special sea use'],
  ['2301', '空闲地', 'Vacant land'],
  ['2302', '后备耕地', 'Reserve farmland'],
  ['2303', '田坎', 'Field ridge'],
  ['2304', '盐碱地', 'Saline land'],
  ['2305', '沙地', 'Sandy land'],
  ['2306', '裸土地', 'Bare soil'],
  ['2307', '裸岩石砾地', 'Bare rock and gravel'],
];

/** A family's colour lightened (positive) or darkened (negative) by `amount` (−1–1). */
function shade([r, g, b]: readonly number[], amount: number): [number, number, number] {
  const toward = amount > 0 ? 255 : 0;
  return [r!, g!, b!].map((v) => Math.round(v + (toward - v) * Math.abs(amount))) as [number, number, number];
}

function buildTable(): Map<string, LandUseClass> {
  const table = new Map<string, LandUseClass>();
  for (const [code, zh, en, color] of FAMILIES) table.set(code, { code, zh, en, color: [...color] as [number, number, number], family: { code, zh, en } });
  const siblings = new Map<string, number>();
  for (const [code, zh, en] of ROWS) {
    const familyRow = table.get(code.slice(0, 2))!;
    const parent = table.get(code.slice(0, code.length - 2))!;
    // Second-level classes alternate darker and lighter around the family's colour, third-level ones lighten their parent's.
    const n = siblings.get(parent.code) ?? 0;
    siblings.set(parent.code, n + 1);
    const amount = code.length === 4 ? (n % 2 === 0 ? -1 : 1) * 0.12 * (1 + Math.floor(n / 2) * 0.6) : 0.12 * (n + 1);
    table.set(code, { code, zh, en, color: shade(parent.color, Math.max(-0.5, Math.min(0.6, amount))), family: familyRow.family });
  }
  return table;
}

const byCode = buildTable();

/** Every class of the table, in code order. */
export const SPATIAL_PLAN_CLASSES: readonly LandUseClass[] = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));

/** The class of a YDYHFLDM code (first, second or third level), or undefined for a code the guide does not have. */
export const spatialPlanClass = (code: string): LandUseClass | undefined => byCode.get(code);
