package io.edgefleet.server.link.testsupport;

import io.edgefleet.server.link.NodeAuthenticator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Node credentials kept in memory: what server-core does against its database, minus the database. */
public final class TestNodeAuthenticator implements NodeAuthenticator {
    private record Account(String tenant, String node, String password) {}

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Registers a node and returns its username ({@code node@tenant}). */
    public String register(String tenant, String node, String password) {
        String username = node + "@" + tenant;
        accounts.put(username, new Account(tenant, node, password));
        return username;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public NodeAuthentication authenticate(String username, String password) {
        calls.incrementAndGet();
        Account account = accounts.get(username);
        if (account == null) {
            return new NodeAuthentication.Denied("unknown node");
        }
        if (!account.password().equals(password)) {
            return new NodeAuthentication.Denied("wrong password");
        }
        return new NodeAuthentication.Authenticated(account.tenant(), account.node());
    }
}
