import type { Intent } from '@kefu/core';

/** Anything that turns a buyer message into (intent, escalate): the engine or a baseline. */
export type Classifier = {
  name: string;
  classify: (text: string) => { intent: Intent; escalate: boolean };
};
