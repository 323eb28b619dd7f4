/// <reference path="./opencc.d.ts" />
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/**
 * Traditional → simplified (繁→简) with OpenCC's dictionaries. Only the dictionaries for
 * Taiwan/Hong Kong variants and traditional → simplified are imported (~110 KB), not the
 * simplified → traditional phrase table (~1 MB) the package's presets pull in.
 */
export const toSimplified: (text: string) => string = ConverterFactory(
  [
    [TWVariantsRevPhrases, TWVariantsRev],
    [HKVariantsRevPhrases, HKVariantsRev],
  ],
  [[TSPhrases, TSCharacters]],
);
