package dev.shop.local.identity;

import java.time.Instant;

/**
 * One sign-in as Cognito's claims describe it: {@code origin_jti} and
 * {@code auth_time} stay the same for every token refreshed from it, while
 * {@code event_id} names the event that issued a particular pair.
 */
record Session(String originJti, String eventId, Instant authTime) {
}
