import { type LandUseClass, landUseClass } from './landUseClasses.ts';
import { spatialPlanClass } from './spatialPlanClasses.ts';

type Texts = { zh: string; en: string };

/**
 * What a classified-parcel delivery is: the fields its database standard gives it, the class
 * table its codes come from, and how the twin names the layer and its objects. The land-use
 * survey (三调 DLTB) and the spatial plan's land and sea use (规划用地用海) differ only in these.
 */
export interface ParcelScheme {
  /** The import's command word: `npm run twin -- import <command>`. */
  command: 'landuse' | 'zoning';
  /** What the delivery is, for the usage text. */
  delivery: string;
  /** The fields read by default. */
  fields: { class: string; name: string; id: string; area: string; place?: string; placeName?: string };
  /** The class of a code, or undefined for one the table does not have. */
  classOf(code: string): LandUseClass | undefined;
  /** The table the codes come from, for warnings ("a class code … does not have"). */
  table: string;
  /** The object id's kind: `parcel:<id>`, `plan:<id>`. */
  oidKind: string;
  title(file: string): Texts;
  description: Texts;
}

/** The land-use survey's 地类图斑 (DLTB), classed by GB/T 21010-2017 as the third national land survey codes it. */
export const LAND_USE_SURVEY: ParcelScheme = {
  command: 'landuse',
  delivery: 'a land-use delivery (三调 地类图斑 DLTB)',
  fields: { class: 'DLBM', name: 'DLMC', id: 'BSM', area: 'TBMJ', place: 'ZLDWDM', placeName: 'ZLDWMC' },
  classOf: landUseClass,
  table: 'GB/T 21010 and the survey',
  oidKind: 'parcel',
  title: (file) => ({ zh: `土地利用现状（${file}）`, en: `Land use (${file})` }),
  description: { zh: '地类图斑及其地类（GB/T 21010）、面积与坐落', en: 'Land-use parcels with their GB/T 21010 class, area and location' },
};

/** The spatial plan's land and sea use (规划用地用海, fields of the planning database standard), classed by the 2023 guide. */
export const SPATIAL_PLAN: ParcelScheme = {
  command: 'zoning',
  delivery: "a spatial plan's land and sea use (规划用地用海, YDYHFLDM)",
  fields: { class: 'YDYHFLDM', name: 'YDYHFLMC', id: 'BSM', area: 'TBMJ' },
  classOf: spatialPlanClass,
  table: 'the 2023 land and sea use classification (用地用海分类)',
  oidKind: 'plan',
  title: (file) => ({ zh: `规划用地用海（${file}）`, en: `Planned land and sea use (${file})` }),
  description: { zh: '国土空间规划的用地用海图斑及其分类、面积', en: 'Planned land and sea use parcels with their class and area' },
};
