// Which HTTP status a failed verification gets: the sender's (or an attacker's) request 400/401,
// this server's own configuration 500, so the sender retries and the operator gets paged.
import type { WebhookVerificationErrorCode } from "openai-webhook-events";

export const STATUS: Readonly<Record<WebhookVerificationErrorCode, number>> = {
  invalid_options: 500,
  missing_secret: 500,
  malformed_secret: 500,
  payload_not_raw: 500,
  missing_header: 400,
  malformed_header: 400,
  malformed_timestamp: 400,
  body_not_json: 400,
  invalid_payload: 400,
  unknown_event_type: 400,
  timestamp_too_old: 401,
  timestamp_too_new: 401,
  no_matching_signature: 401,
};
