import { hexColor } from './landUseClasses.ts';

/** The colour of a parcel whose class code the table does not know. */
export const UNKNOWN_CLASS_COLOR = '#b4b4b4';

/** A class as a legend shows it; one without a colour is a code the table does not know. */
interface ClassLabel {
  code: string;
  zh: string;
  en: string;
  color?: readonly number[] | undefined;
}

/** How a land-use layer is drawn: each parcel in its class's colour, labelled "code name" in both languages. */
export function landUseClassify(classes: readonly ClassLabel[]) {
  return {
    field: 'code',
    classes: classes.map((c) => ({
      value: c.code,
      color: c.color ? hexColor(c.color) : UNKNOWN_CLASS_COLOR,
      label: { zh: `${c.code} ${c.zh}`, en: `${c.code} ${c.en}` },
    })),
  };
}

export const LAND_USE_STYLE = { opacity: 0.85, outline: '#5d4a3699' };
