/**
 * The HTTP API, version 1: routes registered by {@link org.oretrace.server.api.ApiRoutes}, every
 * error answered as an RFC 9457 problem. JSON of domain types comes from {@code store/json}.
 */
package org.oretrace.server.api;
