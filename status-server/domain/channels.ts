/**
 * The ways a subscriber is reached, as stored in `subscriptions.channel`. Each is a plug-in folder in
 * `notices/channels/`, and that registry must name every one (the compiler checks); the names live
 * here because the store and the subscription rules, below the plug-ins, need them too.
 */
export const SUBSCRIPTION_CHANNELS = ['email', 'webhook', 'slack'] as const;
export type SubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];

/** The channels that post to a subscriber's URL, signed with the subscription's secret. */
export const WEBHOOK_CHANNELS = ['webhook', 'slack'] as const satisfies readonly SubscriptionChannel[];
export type WebhookChannel = (typeof WEBHOOK_CHANNELS)[number];
