/**
 * Who shares a tap's field: the carrier's own second card (`carriers[].extraCards`) and where the
 * people around hold theirs (the top-level `bystanders` section, read by every band that hears
 * bystanders). Defaults from radio/nfc-field-cards.ts and radio/bystander-geometry.ts.
 */
import { z } from 'zod';
import { CARRY_PLACEMENTS } from '../../physics/path-loss.js';
import { DEFAULT_BYSTANDER_GEOMETRY as G } from '../../radio/bystander-geometry.js';
import { DEFAULT_EXTRA_CARDS as X, EXTRA_CARD_KINDS } from '../../radio/nfc-field-cards.js';
import { asInput, type Fields } from './fields.js';

export function extraCardsSchema(f: Fields) {
  const { plain, si } = f;
  return z
    .strictObject({
      probability: plain(`Probability that a tap presents a second contactless card with the carrier (a wallet, a phone case): ${X.probability} [S-weak] docs/sources.md#f2-3a (TfL: 2 000 card clashes per 10 million Oyster taps).`, { min: 0, max: 1 }).default(X.probability),
      kinds: z
        .array(z.enum(EXTRA_CARD_KINDS))
        .min(1)
        .default([...X.kinds])
        .describe('What the second card may be, drawn uniformly: emv-card and transit-card can pay at a 13.56 MHz reader; other (an access badge) answers anticollision but cannot pay [E] (no published split).'),
      offsetM: si('length', 'How far behind the carrier the second card sits (same lateral position and tilt), m: 1 cm [E] (a wallet or phone case holds cards 1–5 mm apart; 1 cm allows for a folded wallet).', { min: 0 }).prefault(X.offsetM),
    })
    .describe('A second card presented with the carrier; powered by the 13.56 MHz field at its position it joins anticollision (readers[].multiCard decides).');
}

export function bystandersSchema(f: Fields) {
  const { distribution } = f;
  return z
    .strictObject({
      behindHeightM: distribution('length', "Height of the person behind's carrier above the reader surface, m [E] (no value in docs/sources.md).", { nonNegative: true }).prefault(asInput(G.behindHeightM)),
      behindDistanceM: distribution('length', "Horizontal distance of the person behind's carrier from the reader axis, m [E] (no value in docs/sources.md; queue spacing).", { nonNegative: true }).prefault(asInput(G.behindDistanceM)),
      restingPlacement: z.enum(CARRY_PLACEMENTS).default(G.restingPlacement).describe("Where a waiting person's phone is (2.45 GHz body loss, docs/sources.md#f7-5) [E]."),
      neighbourHeightM: distribution('length', 'Height of a tapper\'s carrier at a neighbouring gate above its own reader, m [E].', { nonNegative: true }).prefault(asInput(G.neighbourHeightM)),
      neighbourOffsetM: distribution('length', "Lateral offset of that carrier from its own reader's axis towards this reader, m (its distance here: lanes × pitch − offset) [E].").prefault(asInput(G.neighbourOffsetM)),
    })
    .prefault({})
    .describe('Where the people around a tap hold their carriers (the person behind, the tappers at neighbouring gates), for every band that hears them (2.45 GHz, 13.56 MHz).');
}
