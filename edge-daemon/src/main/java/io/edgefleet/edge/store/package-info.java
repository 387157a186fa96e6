/**
 * The daemon's local state in SQLite: identity, meta (key/value) and the outbox table, with
 * forward-only schema migrations, corruption detection at start, and owner-only file permissions.
 *
 * <p>Start at {@link io.edgefleet.edge.store.EdgeStore} (the one writer connection and its
 * transactions, and what happens to a corrupt file); {@link io.edgefleet.edge.store.StoreReader}
 * is the read-only side the {@code status} command uses, and {@link
 * io.edgefleet.edge.store.DataDirLock} keeps two daemons off one data directory.
 */
package io.edgefleet.edge.store;
