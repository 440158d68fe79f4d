/**
 * The scenario schema: built in src/scenario/schema/ (one file per section, the cross-checks and
 * an index that builds the whole). This file keeps the import path `scenario/schema.js` working.
 */
export * from './schema/index.js';
