import { decide } from '../decide.ts';
import type { Engine } from '../engine.ts';
import type { Action } from '../types/action.ts';
import type { InboundEvent } from '../types/event.ts';
import type { Platform } from '../types/platform.ts';
import { initialState, type ConversationState } from '../types/state.ts';

type Payload<K extends InboundEvent['kind']> = Omit<Extract<InboundEvent, { kind: K }>, 'id' | 'platform' | 'shopId' | 'buyerId' | 'kind' | 'at'>;

/** Drives one conversation through `decide`, as the runtime will: state carried, ids unique. */
export class Conversation {
  state: ConversationState = initialState();
  #n = 0;

  readonly #engine: Engine;
  readonly #platform: Platform;

  constructor(engine: Engine, platform: Platform = 'taobao') {
    this.#engine = engine;
    this.#platform = platform;
  }

  send<K extends InboundEvent['kind']>(kind: K, at: number, payload: Payload<K>): Action[] {
    this.#n += 1;
    const event = { id: `e${this.#n}`, platform: this.#platform, shopId: 'shop', buyerId: 'buyer', at, kind, ...payload } as InboundEvent;
    const { actions, state } = decide(event, this.state, this.#engine, at);
    this.state = state;
    return actions;
  }

  buyer(text: string, at: number, returning?: boolean): Action[] {
    return this.send('buyer_message', at, { text, ...(returning !== undefined && { returning }) });
  }
}

export const kinds = (actions: Action[]) => actions.map((a) => a.kind);
export const replies = (actions: Action[]) => actions.flatMap((a) => (a.kind === 'reply' ? [a] : []));
