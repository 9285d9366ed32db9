/**
 * Vue 3 types for the tags, so `vue-tsc` checks their props and `@event` handlers in
 * templates. Types only: reference them once (`import type {} from 'manage-users/vue'`),
 * register the tags (`import 'manage-users/define'`) and tell the compiler they are custom
 * elements (`isCustomElement`, see the README).
 *
 * @example
 * <manage-users base-url="/api/v1/" group-id="g_123" :getToken="token" @seats-changed="(e) => (seats = e.detail.seats)" />
 *
 * @packageDocumentation
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, EventProps, ManageUsersTag } from './element-props.ts';

export type { EventProps, ManageUsersEvent } from './element-props.ts';

/** A tag as Vue sees it: its properties (written camelCase or kebab-case) and `on…` handlers. */
type Tag<Name extends ManageUsersTag> = DefineComponent<ElementProps[Name] & EventProps>;

declare module 'vue' {
  interface GlobalComponents {
    'manage-users': Tag<'manage-users'>;
    'invite-dialog': Tag<'invite-dialog'>;
    'pending-table': Tag<'pending-table'>;
    'members-panel': Tag<'members-panel'>;
    'subgroups-manager': Tag<'subgroups-manager'>;
  }
}
