package io.edgefleet.server.lifecycle;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the application server provides to the lifecycle: the data source (for Flyway), executors with
 * the application's context, and the context service that lets the link's own threads call into the
 * application. Looked up by the web module's startup bean, which has a component namespace.
 */
public record ContainerServices(
        DataSource dataSource,
        ManagedExecutorService executor,
        ManagedScheduledExecutorService scheduler,
        ContextService contextService) {
    public ContainerServices {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(contextService, "contextService");
    }
}
