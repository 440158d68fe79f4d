/**
 * Fruin level of service for queueing areas (Fruin, "Pedestrian Planning and Design", 1971):
 * space per waiting person, m²/person. A ≥ 1.2, B 0.9–1.2, C 0.65–0.9, D 0.28–0.65,
 * E 0.19–0.28, F < 0.19 (13/10/7/3/2 ft² converted).
 */
export const FRUIN_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type FruinClass = (typeof FRUIN_CLASSES)[number];
const LOWER_BOUNDS_M2 = [1.2, 0.9, 0.65, 0.28, 0.19, 0] as const;

/** Class index 0 (A) … 5 (F) for `persons` waiting in `areaM2`. */
export function fruinQueueingClass(persons: number, areaM2: number): number {
  if (persons <= 0) return 0;
  const spaceM2 = areaM2 / persons;
  for (let i = 0; i < LOWER_BOUNDS_M2.length; i++) if (spaceM2 >= (LOWER_BOUNDS_M2[i] as number)) return i;
  return LOWER_BOUNDS_M2.length - 1;
}
