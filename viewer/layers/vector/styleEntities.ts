import { groundMarker } from '../../globe/groundMarker.ts';
import {
  Color,
  ConstantProperty,
  Entity,
  type EntityCollection,
  LabelGraphics,
  LabelStyle,
  Cartesian2,
  ClassificationType,
  PointGraphics,
  PolylineGraphics,
  VerticalOrigin,
  JulianDate,
  type PolygonHierarchy,
} from 'cesium';
import type { VectorStyle } from '../../../layers/index.ts';
import type { Language } from '../../i18n/index.tsx';

const ON_TERRAIN = new ConstantProperty(ClassificationType.TERRAIN);
const labelFontFamily = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/**
 * Applies a catalog style to the entities a GeoJSON load produced: points as dots instead of
 * pins, labels from a property, and ground-clamped outlines for polygons (Cesium cannot draw
 * outlines of polygons clamped to the ground). What is clamped lies on the terrain only, under
 * the buildings standing on it, not draped over their roofs. Sizes come from `setSymbolScale`.
 */
export function styleVectorEntities(entities: EntityCollection, style: VectorStyle): void {
  const outlines: Entity[] = [];
  for (const entity of entities.values) {
    if (entity.billboard) {
      entity.billboard = undefined;
      entity.point = new PointGraphics({
        color: Color.fromCssColorString(style.pointColor ?? '#e53935'),
        outlineColor: Color.WHITE,
        ...groundMarker(style.labelMaxDistance),
      });
    }
    if (style.clampToGround) {
      if (entity.polyline) entity.polyline.classificationType = ON_TERRAIN;
      if (entity.polygon) entity.polygon.classificationType = ON_TERRAIN;
    }
    if (entity.polygon && style.stroke && style.clampToGround) {
      entity.polygon.outline = new ConstantProperty(false);
      outlines.push(outlineOf(entity, style));
    }
    if (style.labelField && entity.position) entity.label = labelGraphics(style.labelMaxDistance);
  }
  for (const outline of outlines) entities.add(outline);
}

/** Sizes dots, lines and labels for screens `scale` times as wide as a desk screen (see symbolScale). */
export function setSymbolScale(entities: EntityCollection, style: VectorStyle, scale: number): void {
  for (const entity of entities.values) {
    if (entity.polyline) entity.polyline.width = new ConstantProperty((style.strokeWidth ?? 2) * scale);
    if (entity.point) {
      entity.point.pixelSize = new ConstantProperty((style.pointSize ?? 8) * scale);
      entity.point.outlineWidth = new ConstantProperty(2 * scale);
    }
    if (entity.label) {
      entity.label.font = new ConstantProperty(`600 ${Math.round(15 * scale)}px ${labelFontFamily}`);
      entity.label.outlineWidth = new ConstantProperty(4 * scale);
      entity.label.pixelOffset = new ConstantProperty(new Cartesian2(0, -10 * scale));
    }
  }
}

/** Sets label texts in `language`: `nameEn` stands for `name` in English when the feature has it. */
export function setLabelLanguage(entities: EntityCollection, style: VectorStyle, language: Language): void {
  const field = style.labelField;
  if (!field) return;
  const now = JulianDate.now();
  for (const entity of entities.values) {
    if (!entity.label || !entity.properties) continue;
    const properties = entity.properties.getValue(now) as Record<string, unknown>;
    const text = (language === 'en' ? properties[`${field}En`] : undefined) ?? properties[field];
    entity.label.text = new ConstantProperty(text === undefined ? '' : String(text));
  }
}

function labelGraphics(maxDistance: number | undefined): LabelGraphics {
  return new LabelGraphics({
    ...groundMarker(maxDistance),
    fillColor: Color.WHITE,
    outlineColor: Color.fromCssColorString('#102030'),
    style: LabelStyle.FILL_AND_OUTLINE,
    verticalOrigin: VerticalOrigin.BOTTOM,
  });
}

function outlineOf(entity: Entity, style: VectorStyle): Entity {
  const hierarchy = entity.polygon!.hierarchy!.getValue(JulianDate.now()) as PolygonHierarchy;
  return new Entity({
    id: `${entity.id}#outline`,
    polyline: new PolylineGraphics({
      positions: [...hierarchy.positions, hierarchy.positions[0]!],
      width: style.strokeWidth ?? 2,
      material: Color.fromCssColorString(style.stroke!),
      clampToGround: true,
      classificationType: ClassificationType.TERRAIN,
    }),
  });
}
