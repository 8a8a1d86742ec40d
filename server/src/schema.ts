// The broker's tables. Everything about an athlete hangs off `athletes` with ON DELETE CASCADE,
// so a disconnect or a deauthorization is one DELETE and leaves no row behind.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const athletes = pgTable('athletes', {
  // Strava's athlete id.
  id: bigint('id', { mode: 'number' }).primaryKey(),
  connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
});

const athleteRef = () =>
  bigint('athlete_id', { mode: 'number' })
    .notNull()
    .references(() => athletes.id, { onDelete: 'cascade' });

export const stravaTokens = pgTable('strava_tokens', {
  athleteId: athleteRef().primaryKey(),
  // Both tokens are AES-GCM ciphertexts (secret-box.ts); the plaintexts never reach the database.
  accessTokenSealed: text('access_token_sealed').notNull(),
  refreshTokenSealed: text('refresh_token_sealed').notNull(),
  // Strava's expires_at, in seconds since the epoch.
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  scope: text('scope').notNull(),
  // Bumped by every stored rotation; a refresh is taken by compare-and-swap on the lease below.
  version: integer('version').notNull().default(0),
  refreshLeaseOwner: text('refresh_lease_owner'),
  refreshLeaseUntil: timestamp('refresh_lease_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    athleteId: athleteRef(),
    extensionId: text('extension_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_athlete_idx').on(table.athleteId)],
);

export const oauthStates = pgTable('oauth_states', {
  stateHash: text('state_hash').primaryKey(),
  extensionId: text('extension_id').notNull(),
  redirectUrl: text('redirect_url').notNull(),
  extensionState: text('extension_state').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const webhookEvents = pgTable(
  'webhook_events',
  {
    // The extension's cursor: GET /events?after=<id>.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    athleteId: athleteRef(),
    objectType: text('object_type').notNull(),
    aspectType: text('aspect_type').notNull(),
    objectId: bigint('object_id', { mode: 'number' }).notNull(),
    eventTime: bigint('event_time', { mode: 'number' }).notNull(),
    // Only the names of the changed fields ("title", "type"): their values are activity data.
    updatedFields: jsonb('updated_fields').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Strava retries a delivery up to 3 times with the same fields: one row per event. The
    // index also serves GET /events (athlete first); an athlete has few rows within retention.
    uniqueIndex('webhook_events_once_idx').on(
      table.athleteId,
      table.objectType,
      table.objectId,
      table.aspectType,
      table.eventTime,
    ),
  ],
);

export const schema = { athletes, stravaTokens, sessions, oauthStates, webhookEvents };
