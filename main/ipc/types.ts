// The shape of the main-process side of the contract: one function per channel, taking the request the channel's
// schema produced. IpcHandlers is a mapped type over common/ipc-contract.ts, so a missing channel, an extra one or
// a handler with the wrong request or response type fails to typecheck.
import type { Channel, RequestOf, ResponseOf } from '../../common/ipc-contract';

/** Failures are thrown (typed errors, or OperatorFailure for an exact IpcError); register.ts turns them into IpcResult. */
export type ChannelHandler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type IpcHandlers = { readonly [C in Channel]: ChannelHandler<C> };

/** Part of the map, for the per-concern modules in handlers/. */
export type HandlersFor<C extends Channel> = { readonly [K in C]: ChannelHandler<K> };
