/**
 * Aggregates of the custody record for the web application: counts, mass per mineral and month, and
 * the flow diagram between sites, actors and destination countries. Computed from the stored
 * events, kept up to date by reading only the events recorded since the last question.
 */
package org.oretrace.server.stats;
