/**
 * The only place messages are handled. Every message's sender is checked against SENDER_POLICY before
 * anything happens: destructive commands only from this extension's own pages.
 */
import {
  isEnvelope,
  isExtensionPage,
  isOwnContentScript,
  type Protocol,
  SENDER_POLICY,
  type SenderLike,
} from '../messages';

export type Handlers = {
  [K in keyof Protocol]: (data: Protocol[K]['req'], sender: SenderLike) => Promise<Protocol[K]['res']>;
};

export class RefusedError extends Error {}

export function createRouter(handlers: Handlers, self: { id: string; baseUrl: string }) {
  return async function route(message: unknown, sender: SenderLike): Promise<unknown> {
    if (!isEnvelope(message)) throw new RefusedError('unknown message');
    const policy = SENDER_POLICY[message.type];
    const allowed =
      policy === 'extension-page'
        ? isExtensionPage(sender, self.id, self.baseUrl)
        : isOwnContentScript(sender, self.id) || isExtensionPage(sender, self.id, self.baseUrl);
    if (!allowed) throw new RefusedError(`${message.type} refused from this sender`);
    const handler = handlers[message.type] as (d: unknown, s: SenderLike) => Promise<unknown>;
    return handler(message.data, sender);
  };
}
