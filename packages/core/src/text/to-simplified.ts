/// <reference path="./opencc.d.ts" />
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

// OpenCC maps 么 → 幺 (幺 is the traditional form of the rare 么 "youngest"), which corrupts the
// already-simplified question particle in "在么" / "好么". Buyers mean the particle; keep it.
// (Within a group OpenCC gives the first dictionary priority.)
const KEEP_SIMPLIFIED = '么 么';

/**
 * Traditional → simplified (繁→简) with OpenCC's dictionaries. Only the dictionaries for
 * Taiwan/Hong Kong variants and traditional → simplified are imported (~110 KB), not the
 * simplified → traditional phrase table (~1 MB) the package's presets pull in.
 */
export const toSimplified: (text: string) => string = ConverterFactory(
  [
    [KEEP_SIMPLIFIED, TWVariantsRevPhrases, TWVariantsRev],
    [KEEP_SIMPLIFIED, HKVariantsRevPhrases, HKVariantsRev],
  ],
  [[KEEP_SIMPLIFIED, TSPhrases, TSCharacters]],
);
