import type { Catalogue } from './types.js';
import { en } from './en.js';

/** French messages (falls back to English where a text is missing). */
export const fr: Catalogue = { ...en };
