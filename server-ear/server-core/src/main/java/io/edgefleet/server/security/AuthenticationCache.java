package io.edgefleet.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful password checks for a short time, so HTTP Basic (credentials on every request)
 * costs one PBKDF2 run per user and minute, not per request. Keys are the user name and a SHA-256 of
 * the password: the password itself is never kept, and a wrong password never hits the cache, so
 * guessing stays as slow as PBKDF2 makes it.
 */
public final class AuthenticationCache {
    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Caller caller, Instant expiresAt) {}

    public AuthenticationCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Optional<Caller> get(String username, String password) {
        String key = key(username, password);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    public void put(String username, String password, Caller caller) {
        if (entries.size() >= MAX_ENTRIES) {
            // A flood of distinct valid credentials is not a real load; dropping all is simple and safe.
            entries.clear();
        }
        entries.put(key(username, password), new Entry(caller, clock.instant().plus(ttl)));
    }

    /** Forgets every entry of a user (password or role changed, user deleted). */
    public void invalidate(String username) {
        entries.values().removeIf(e -> e.caller().username().equals(username));
    }

    private static String key(String username, String password) {
        return username + '\u0000' + HexFormat.of().formatHex(Secrets.sha256(password));
    }
}
