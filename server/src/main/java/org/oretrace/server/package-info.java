/**
 * Oretrace's HTTP server: {@link org.oretrace.server.OretraceServer} and its {@link
 * org.oretrace.server.ServerConfig}. The API's routes live in {@code api}, authentication and the
 * role rules in {@code auth}; the landing page and the OpenAPI document are resources.
 */
package org.oretrace.server;
