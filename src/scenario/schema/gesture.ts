/** The carrier's tap gesture section; defaults from src/motion/tap-gesture.ts. */
import { z } from 'zod';
import { DEFAULT_TAP_GESTURE } from '../../motion/tap-gesture.js';
import { asInput, type Fields } from './fields.js';

export function gestureSchema(f: Fields) {
  const { si, distribution } = f;
  return z
    .strictObject({
      startHeightM: si('length', 'Height above the reader where the approach starts, m.', { min: 0 }).prefault(DEFAULT_TAP_GESTURE.startHeightM),
      approachSpeedMPerS: distribution('speed', 'Approach speed, m/s. [E] docs/sources.md#f10-2/#f4-1.').prefault(asInput(DEFAULT_TAP_GESTURE.approachSpeedMPerS)),
      dwellHeightM: distribution('length', 'Closest height reached and held, m. [E] docs/sources.md#f4-1 (EMVCo volume 0–4 cm).').prefault(asInput(DEFAULT_TAP_GESTURE.dwellHeightM)),
      lateralOffsetM: distribution('length', 'Lateral offset of the carrier antenna from the reader axis, m. [E] docs/sources.md#f4-1.').prefault(asInput(DEFAULT_TAP_GESTURE.lateralOffsetM)),
      tiltDeg: distribution('angle', 'Tilt against the reader plane, degrees. [E].').prefault(asInput(DEFAULT_TAP_GESTURE.tiltDeg)),
      impatienceS: distribution('time', 'Impatience: the longest the passenger holds at the dwell height without any indication from the reader, s (they withdraw then and re-present). Replaces holdS. [E] docs/sources.md#f8-4.').prefault(asInput(DEFAULT_TAP_GESTURE.impatienceS)),
      reactionTimeS: distribution('time', "Reaction from the reader's indication (beep, light) to the passenger's next move, s; added after an indicated failure. docs/sources.md#f8-4 (simple reaction ≈ 0.16–0.23 s).").prefault(asInput(DEFAULT_TAP_GESTURE.reactionTimeS)),
      retreatSpeedMPerS: distribution('speed', 'Retreat speed, m/s. [E].').prefault(asInput(DEFAULT_TAP_GESTURE.retreatSpeedMPerS)),
      presentationHeightM: si('length', 'Presentation height, m: the latency clock of every band starts the first instant the approach is within this height of the reader (at the dwell height when that is higher). Default 0.10 m [E] docs/architecture.md#tap-timeline.', { min: 0 }).prefault(DEFAULT_TAP_GESTURE.presentationHeightM),
    })
    .describe("Tap gesture (approach, dwell, retreat), closed-loop: the passenger holds until the reader's indication plus a reaction time, else until impatience; defaults from src/motion/tap-gesture.ts.");
}
