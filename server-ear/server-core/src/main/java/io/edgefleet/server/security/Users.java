package io.edgefleet.server.security;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users of the REST API: authentication (HTTP Basic against the database) and management. */
@ApplicationScoped
@Transactional
public class Users {
    /** Letters, digits, '.', '_', '-' and '@', so that e-mail addresses work as user names. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 1024;

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    Tenants tenants;

    private final PasswordHasher hasher = new PasswordHasher();
    private final AuthenticationCache cache = new AuthenticationCache(Duration.ofSeconds(60), Clock.systemUTC());

    /** The caller for these credentials, or empty when they are wrong (for whatever reason). */
    public Optional<Caller> authenticate(String username, String password) {
        if (!USERNAME.matcher(username).matches() || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<Caller> cached = cache.get(username, password);
        if (cached.isPresent()) {
            return cached;
        }
        // One tenant for now: user names are looked up in 'default'.
        TenantRef tenant = tenants.require(Tenants.DEFAULT);
        Optional<UserEntity> user = find(tenant, username);
        if (user.isEmpty() || !hasher.verify(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        Caller caller = new Caller(username, tenant, user.get().role());
        cache.put(username, password, caller);
        return Optional.of(caller);
    }

    public User create(TenantRef tenant, String username, String password, Role role) {
        requireValidUsername(username);
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST,
                    "a password has " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (find(tenant, username).isPresent()) {
            throw new FleetException(ProblemCode.USER_EXISTS, "user '" + username + "' exists");
        }
        UserEntity entity = new UserEntity(tenant.id(), username, role, hasher.hash(password), Instant.now());
        em.persist(entity);
        return view(entity, tenant);
    }

    /**
     * Creates the first administrator without the password-length rule: the operator chose that
     * password in the environment, and refusing to start over it helps nobody (a warning is logged).
     */
    public void createInitialAdmin(TenantRef tenant, String username, String password) {
        em.persist(new UserEntity(tenant.id(), username, Role.FLEET_ADMIN, hasher.hash(password), Instant.now()));
    }

    public List<User> list(TenantRef tenant) {
        return em.createQuery(
                        "SELECT u FROM UserEntity u WHERE u.tenantId = :tenant ORDER BY u.username", UserEntity.class)
                .setParameter("tenant", tenant.id())
                .getResultStream()
                .map(u -> view(u, tenant))
                .toList();
    }

    public void delete(TenantRef tenant, String username) {
        UserEntity user = find(tenant, username).orElseThrow(() -> FleetException.notFound("user '" + username + "'"));
        em.remove(user);
        cache.invalidate(username);
    }

    public boolean exists(TenantRef tenant, String username) {
        return find(tenant, username).isPresent();
    }

    private Optional<UserEntity> find(TenantRef tenant, String username) {
        return em.createQuery(
                        "SELECT u FROM UserEntity u WHERE u.tenantId = :tenant AND u.username = :name",
                        UserEntity.class)
                .setParameter("tenant", tenant.id())
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    private static void requireValidUsername(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw new FleetException(
                    ProblemCode.INVALID_NAME,
                    "a user name has 1-64 letters, digits, '.', '_', '@' or '-' and starts with a letter or digit");
        }
    }

    private static User view(UserEntity entity, TenantRef tenant) {
        return new User(entity.username(), tenant.name(), entity.role().wireName(), entity.createdAt());
    }
}
