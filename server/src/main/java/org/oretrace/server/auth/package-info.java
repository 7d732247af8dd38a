/**
 * Who is calling and what they may do: bearer tokens ({@link
 * org.oretrace.server.auth.Authenticator}, {@link org.oretrace.server.auth.TokenSecrets}) and the
 * role rules ({@link org.oretrace.server.auth.AccessPolicy}), kept in one place.
 */
package org.oretrace.server.auth;
