/**
 * Mechanics every REST resource shares: list metadata, keyset pagination ({@link
 * io.edgefleet.server.resource.ContinueToken}), page limits and If-Match preconditions ({@link
 * io.edgefleet.server.resource.IfMatch}).
 */
package io.edgefleet.server.resource;
