package io.edgefleet.server.web.boot;

import io.edgefleet.server.lifecycle.ContainerServices;
import io.edgefleet.server.lifecycle.ServerLifecycle;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The thin entry point: a startup singleton, so Liberty runs it before the application takes requests
 * and a failure (say, a schema mismatch) stops the application. No transaction around it: Flyway
 * manages its own.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerStartup {
    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ContextService contextService;

    @Inject
    ServerLifecycle lifecycle;

    @PostConstruct
    void start() {
        lifecycle.start(new ContainerServices(dataSource, executor, scheduler, contextService));
    }

    @PreDestroy
    void stop() {
        lifecycle.stop();
    }
}
