package io.edgefleet.edge.workload;

import io.edgefleet.edge.artifact.ArtifactFetch;
import io.edgefleet.edge.artifact.ArtifactProvider;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.protocol.workload.DesiredWorkload;
import io.edgefleet.protocol.workload.InstancePhase;
import io.edgefleet.protocol.workload.Probe;
import io.edgefleet.protocol.workload.WorkloadTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desired versus actual, on one decision thread. Woken after every sync commit, by process exits,
 * probe results and fetched artifacts, and every {@code period} anyway; online and offline alike.
 * Each pass reads the desired workloads from the store and applies {@link Decision#decide} to every
 * workload. Every state change is persisted ({@code workload_instance}) and reported ({@link
 * StatusPublisher}); the token is persisted before a spawn and the pid right after it, so a crash
 * at any point leaves enough to find the process again ({@link #boot}).
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int COLLECT_EVERY_TICKS = 30;

    private final EdgeStore store;
    private final WorkloadSettings settings;
    private final ArtifactProvider artifacts;
    private final Cgroups cgroups;
    private final StatusPublisher status;
    private final ScheduledExecutorService thread;
    private final String tokenPrefix;
    private final Clock clock;
    private final Map<String, LiveInstance> live = new HashMap<>();
    private final ProbeSchedule probes;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private int ticks;

    Reconciler(
            EdgeStore store,
            WorkloadSettings settings,
            ArtifactProvider artifacts,
            Cgroups cgroups,
            StatusPublisher status,
            ScheduledExecutorService thread,
            String tokenPrefix) {
        this.store = store;
        this.settings = settings;
        this.artifacts = artifacts;
        this.cgroups = cgroups;
        this.status = status;
        this.thread = thread;
        this.tokenPrefix = tokenPrefix;
        this.clock = settings.clock();
        this.probes = new ProbeSchedule(thread, settings.dataDir(), this::onProbe);
    }

    /** Asks for a pass soon; calls while one is pending are merged. Any thread. */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            submit(() -> {
                wakePending.set(false);
                reconcile();
            });
        }
    }

    /** Restarts one workload whatever its policy (a rule action): stop, then start on exit. Any thread. */
    void restart(String name, String why) {
        submit(() -> Optional.ofNullable(live.get(name)).ifPresent(instance -> {
            LOG.info("EF3513 restarting workload {}: {}", name, why);
            instance.restartRequested = instance.alive();
            instance.startAt = instance.alive() ? instance.startAt : Optional.of(clock.instant());
            requestStop(instance, why);
            reconcile();
        }));
    }

    /**
     * Finds the processes of the stored instances (by token; by pid and start instant where there is
     * no /proc), adopts them, stops orphans of this store, then makes one pass that starts whatever
     * desired is not running. Decision thread.
     */
    void boot() {
        Instant now = clock.instant();
        List<InstanceRecord> records = store.inTransaction(tx -> WorkloadTable.instances(tx.connection()));
        Adoption.Found found = Adoption.find(records, tokenPrefix);
        for (InstanceRecord record : records) {
            LiveInstance instance = new LiveInstance(record);
            live.put(record.name(), instance);
            ProcessHandle process = found.byName().get(record.name());
            if (process != null) {
                adopt(instance, process);
                continue;
            }
            // Died while no daemon watched (a reboot, or killed with the daemon): start it again.
            instance.startAt = Adoption.startAt(record, now);
            if (instance.startAt.isPresent() && Adoption.hadProcess(record.phase())) {
                LOG.info(
                        "EF3511 workload {} (pid {}) is gone; starting it again",
                        record.name(),
                        record.pid().map(String::valueOf).orElse("never recorded"));
            }
        }
        found.orphans().forEach((token, process) -> {
            LOG.warn(
                    "EF3512 stopping orphan workload process {} ({}): no instance of this node owns it",
                    process.pid(),
                    token);
            Set<ProcessHandle> tree = ProcessLauncher.terminate(process);
            schedule(() -> ProcessLauncher.kill(process, tree), Duration.ofSeconds(10));
        });
        reconcile();
        live.values().forEach(instance -> status.changed(instance.record.toStatus()));
    }

    private void adopt(LiveInstance instance, ProcessHandle process) {
        InstanceRecord r = instance.record;
        instance.handle = Optional.of(process);
        LOG.info("EF3510 adopted workload {} (pid {})", r.name(), process.pid());
        if (r.pid().isEmpty() || r.pid().get() != process.pid()) {
            Optional<Instant> start = process.info().startInstant();
            InstancePhase phase = Adoption.hadProcess(r.phase())
                    ? r.phase()
                    : r.template().readinessProbe().isPresent() ? InstancePhase.STARTING : InstancePhase.RUNNING;
            save(
                    instance,
                    with(r, phase, "")
                            .pid(Optional.of(process.pid()))
                            .processStart(start)
                            .startedAt(Optional.of(r.startedAt().orElse(clock.instant())))
                            .build());
        }
        watch(instance, r.token(), process, Optional.empty());
        probes.start(instance);
    }

    /** One pass over desired and known workloads. Decision thread. */
    void reconcile() {
        Map<String, DesiredWorkload> desired = store.inTransaction(tx -> WorkloadTable.desired(tx.connection()));
        Set<String> names = new LinkedHashSet<>(desired.keySet());
        names.addAll(live.keySet());
        Instant now = clock.instant();
        for (String name : names) {
            Optional<DesiredWorkload> want = Optional.ofNullable(desired.get(name));
            LiveInstance instance = live.get(name);
            if (instance != null && want.isPresent()) {
                recordGeneration(instance, want.get());
            }
            Decision.Observed observed = instance == null ? Decision.Observed.NONE : instance.observed();
            try {
                act(name, want, instance, Decision.decide(want, observed, now));
            } catch (RuntimeException e) {
                LOG.error("EF3500 reconciling workload {} failed: {}", name, e.toString(), e);
            }
        }
    }

    /** The periodic pass: reconcile, rotate logs, now and then let the artifact cache collect. */
    void tick() {
        reconcile();
        for (LiveInstance instance : live.values()) {
            try {
                LogFiles.of(settings.dataDir(), instance.record.name())
                        .rotate(settings.logMaxBytes(), settings.logKeep());
            } catch (RuntimeException e) {
                LOG.debug("log rotation of {} failed: {}", instance.record.name(), e.toString());
            }
        }
        if (++ticks % COLLECT_EVERY_TICKS == 0) {
            Set<String> inUse = new HashSet<>();
            store.inTransaction(tx -> WorkloadTable.desired(tx.connection()))
                    .values()
                    .forEach(d -> d.template().artifact().ifPresent(a -> inUse.add(a.sha256())));
            live.values().forEach(i -> i.record.template().artifact().ifPresent(a -> inUse.add(a.sha256())));
            Thread.ofVirtual().name("edge-artifact-collect").start(() -> artifacts.collect(inUse));
        }
    }

    private void act(String name, Optional<DesiredWorkload> want, LiveInstance instance, Decision decision) {
        switch (decision) {
            case Decision.Start start -> start(name, want.orElseThrow(), instance, start.fresh());
            case Decision.Replace replace -> requestStop(instance, "its template changed");
            case Decision.Stop stop -> requestStop(instance, "it is no longer desired on this node");
            case Decision.Forget forget -> {
                store.inTransaction(tx -> {
                    WorkloadTable.deleteInstance(tx.connection(), name);
                    return null;
                });
                instance.cancelTimers();
                live.remove(name);
                Cgroups.remove(instance.record.cgroup());
                LOG.info("EF3506 workload {} removed from this node", name);
            }
            case Decision.Keep keep -> {
                // running as wanted, or waiting for a backoff, a download or a stop
            }
        }
    }

    private void recordGeneration(LiveInstance instance, DesiredWorkload want) {
        InstanceRecord r = instance.record;
        if (r.generation() != want.generation()
                && r.fingerprint().equals(want.template().fingerprint())) {
            save(
                    instance,
                    with(r, r.phase(), r.message())
                            .generation(want.generation())
                            .restarts(0)
                            .build());
        }
    }

    private void start(String name, DesiredWorkload want, LiveInstance existing, boolean fresh) {
        LiveInstance instance = existing;
        WorkloadTemplate template = want.template();
        if (instance == null || fresh) {
            int restarts = 0;
            InstanceRecord r = new InstanceRecord(
                    name,
                    newToken(name),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    template.fingerprint(),
                    want.generation(),
                    template,
                    InstancePhase.PENDING,
                    restarts,
                    Optional.empty(),
                    "",
                    clock.instant(),
                    "");
            if (instance == null) {
                instance = new LiveInstance(r);
                live.put(name, instance);
                persist(r);
                status.changed(r.toStatus());
            } else {
                instance.cancelTimers();
                instance.failures = 0;
                instance.countRestart = false;
                instance.artifact = Optional.empty();
                save(instance, r);
            }
        }
        instance.startAt = Optional.empty();
        if (template.artifact().isPresent()
                && !resolveArtifact(instance, template.artifact().get())) {
            return;
        }
        spawn(instance);
    }

    /** True when the artifact's path is known now; else a fetch runs and calls back. */
    private boolean resolveArtifact(LiveInstance instance, ArtifactRef ref) {
        if (instance.artifact.isPresent() && instance.artifact.get().toFile().isFile()) {
            return true;
        }
        if (artifacts.cached(ref)) {
            return applyFetch(instance, artifacts.fetch(ref));
        }
        String fingerprint = instance.record.fingerprint();
        String name = instance.record.name();
        instance.fetching = Optional.of(fingerprint);
        save(
                instance,
                with(instance.record, InstancePhase.DOWNLOADING, "fetching artifact " + ref.name())
                        .build());
        Thread.ofVirtual().name("edge-artifact-fetch").start(() -> {
            ArtifactFetch result;
            try {
                result = artifacts.fetch(ref);
            } catch (RuntimeException e) {
                result = new ArtifactFetch.Unavailable("fetch-failed", e.toString(), true);
            }
            ArtifactFetch fetched = result;
            submit(() -> onFetched(name, fingerprint, fetched));
        });
        return false;
    }

    private void onFetched(String name, String fingerprint, ArtifactFetch result) {
        LiveInstance instance = live.get(name);
        if (instance == null || !instance.fetching.equals(Optional.of(fingerprint))) {
            return; // the template changed (or the workload went) while fetching
        }
        instance.fetching = Optional.empty();
        if (applyFetch(instance, result)) {
            spawn(instance);
        }
    }

    private boolean applyFetch(LiveInstance instance, ArtifactFetch result) {
        switch (result) {
            case ArtifactFetch.Ready ready -> {
                instance.artifact = Optional.of(ready.file());
                return true;
            }
            case ArtifactFetch.Unavailable unavailable -> {
                String reason = "artifact unavailable (" + unavailable.code() + "): " + unavailable.reason();
                if (unavailable.retryable()) {
                    instance.failures++;
                    Duration delay = settings.backoff().delay(instance.failures);
                    retryIn(instance, delay);
                    save(
                            instance,
                            with(instance.record, InstancePhase.PENDING, reason + "; retrying in " + seconds(delay))
                                    .build());
                } else {
                    save(
                            instance,
                            with(instance.record, InstancePhase.FAILED, reason).build());
                }
                LOG.warn("EF3505 workload {}: {}", instance.record.name(), reason);
                return false;
            }
        }
    }

    private void spawn(LiveInstance instance) {
        InstanceRecord before = instance.record;
        WorkloadTemplate template = before.template();
        String token = newToken(before.name());
        int restarts = before.restarts() + (instance.countRestart ? 1 : 0);
        instance.countRestart = false;
        LogFiles files = LogFiles.of(settings.dataDir(), before.name());
        List<Path> groups = cgroups.prepare(before.name(), template.limits());
        String cgroup = groups.stream().map(Path::toString).collect(Collectors.joining(";"));
        // The token reaches the store before the process exists: a crash right after the spawn
        // leaves a process whose token the next daemon knows, so it adopts instead of starting twice.
        save(
                instance,
                with(before, InstancePhase.PENDING, before.message())
                        .token(token)
                        .pid(Optional.empty())
                        .processStart(Optional.empty())
                        .restarts(restarts)
                        .cgroup(cgroup)
                        .build());
        Process process;
        try {
            process = ProcessLauncher.spawn(before.name(), template, instance.artifact, token, files, groups);
        } catch (IOException | RuntimeException e) {
            onSpawnFailed(instance, e);
            return;
        }
        ProcessHandle handle = process.toHandle();
        instance.handle = Optional.of(handle);
        InstancePhase phase = template.readinessProbe().isPresent() ? InstancePhase.STARTING : InstancePhase.RUNNING;
        Instant now = clock.instant();
        save(
                instance,
                with(instance.record, phase, "")
                        .pid(Optional.of(handle.pid()))
                        .processStart(Optional.of(handle.info().startInstant().orElse(now)))
                        .startedAt(Optional.of(now))
                        .build());
        LOG.info(
                "EF3501 started workload {} generation {} (pid {}): {}",
                before.name(),
                before.generation(),
                handle.pid(),
                template.describe());
        watch(instance, token, handle, Optional.of(process));
        probes.start(instance);
    }

    private void onSpawnFailed(LiveInstance instance, Exception e) {
        String message = "cannot start: " + e.getMessage();
        LOG.warn("EF3502 workload {} {}", instance.record.name(), message);
        Optional<Instant> retry = Optional.empty();
        if (instance.record.template().restartPolicy().restartsAfter(1)) {
            instance.failures++;
            Duration delay = settings.backoff().delay(instance.failures);
            retryIn(instance, delay);
            retry = Optional.of(clock.instant().plus(delay));
            message += "; retrying in " + seconds(delay);
        }
        instance.startAt = retry;
        save(instance, with(instance.record, InstancePhase.FAILED, message).build());
    }

    private void watch(LiveInstance instance, String token, ProcessHandle handle, Optional<Process> child) {
        String name = instance.record.name();
        if (child.isPresent()) {
            child.get().onExit().thenAccept(p -> submit(() -> onExit(name, token, Optional.of(p.exitValue()))));
        } else {
            handle.onExit().thenAccept(h -> submit(() -> onExit(name, token, Optional.empty())));
        }
    }

    private void onExit(String name, String token, Optional<Integer> code) {
        LiveInstance instance = live.get(name);
        if (instance == null || !instance.record.token().equals(token) || instance.handle.isEmpty()) {
            return;
        }
        instance.handle = Optional.empty();
        instance.cancelTimers();
        InstanceRecord r = instance.record;
        Cgroups.remove(r.cgroup());
        String exit = code.map(c -> "exited with code " + c).orElse("exited (code unknown: adopted process)");
        Instant now = clock.instant();
        if (instance.stopping.isPresent()) {
            String why = instance.stopping.get();
            instance.stopping = Optional.empty();
            instance.startAt = instance.restartRequested ? Optional.of(now) : Optional.empty();
            instance.restartRequested = false;
            save(instance, ended(r, InstancePhase.STOPPED, code, "stopped because " + why));
            LOG.info("EF3503 workload {} stopped ({}): {}", name, why, exit);
            reconcile();
            return;
        }
        String cause = instance.killedBecause.map(k -> k + "; ").orElse("");
        instance.killedBecause = Optional.empty();
        boolean failed = code.map(c -> c != 0).orElse(true) || !cause.isEmpty();
        boolean restart = code.isPresent() && cause.isEmpty()
                ? r.template().restartPolicy().restartsAfter(code.get())
                : r.template().restartPolicy().restartsAfter(1);
        if (restart) {
            Duration ran = Duration.between(r.startedAt().orElse(now), now);
            instance.failures = settings.backoff().failuresAfter(instance.failures, ran);
            Duration delay = settings.backoff().delay(instance.failures);
            instance.countRestart = true;
            retryIn(instance, delay);
            save(instance, ended(r, InstancePhase.PENDING, code, cause + exit + "; restarting in " + seconds(delay)));
            LOG.info("EF3504 workload {} {}{}; restarting in {}", name, cause, exit, seconds(delay));
        } else {
            instance.startAt = Optional.empty();
            save(instance, ended(r, failed ? InstancePhase.FAILED : InstancePhase.COMPLETED, code, cause + exit));
            LOG.info(
                    "EF3504 workload {} {}{}; not restarted ({})",
                    name,
                    cause,
                    exit,
                    r.template().restartPolicy());
        }
    }

    private InstanceRecord ended(InstanceRecord r, InstancePhase phase, Optional<Integer> code, String message) {
        return with(r, phase, message)
                .pid(Optional.empty())
                .processStart(Optional.empty())
                .lastExit(code.isPresent() ? code : r.lastExit())
                .build();
    }

    private void requestStop(LiveInstance instance, String why) {
        if (instance.handle.isEmpty() || instance.stopping.isPresent()) {
            return;
        }
        instance.stopping = Optional.of(why);
        terminate(instance);
    }

    private void terminate(LiveInstance instance) {
        ProcessHandle handle = instance.handle.orElseThrow();
        instance.signalled = ProcessLauncher.terminate(handle);
        Set<ProcessHandle> signalled = instance.signalled;
        instance.timers.add(schedule(
                () -> ProcessLauncher.kill(handle, signalled),
                Duration.ofSeconds(instance.record.template().stopGraceSeconds())));
    }

    /** Stops every process (the stop-workloads-on-exit setting), waiting up to {@code timeout}. */
    void stopAll(Duration timeout) {
        live.values().forEach(instance -> requestStop(instance, "the daemon stopped"));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (LiveInstance instance : live.values()) {
            instance.handle.ifPresent(handle -> {
                try {
                    handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    ProcessLauncher.kill(handle, instance.signalled);
                }
            });
            if (instance.handle.isPresent()) {
                instance.handle = Optional.empty();
                instance.stopping = Optional.empty();
                instance.cancelTimers();
                save(
                        instance,
                        ended(
                                instance.record,
                                InstancePhase.STOPPED,
                                Optional.empty(),
                                "stopped because the daemon stopped"));
            }
        }
    }

    private void onProbe(LiveInstance instance, Probe probe, boolean readiness, boolean passed) {
        if (instance.stopping.isPresent()) {
            return;
        }
        String name = instance.record.name();
        InstanceRecord r = instance.record;
        if (readiness) {
            instance.readinessFailures = passed ? 0 : instance.readinessFailures + 1;
            if (passed && r.phase() == InstancePhase.STARTING) {
                save(instance, with(r, InstancePhase.RUNNING, "").build());
            } else if (!passed
                    && instance.readinessFailures >= probe.failureThreshold()
                    && r.phase() == InstancePhase.RUNNING) {
                save(
                        instance,
                        with(r, InstancePhase.STARTING, "readiness probe failing")
                                .build());
            }
            return;
        }
        instance.livenessFailures = passed ? 0 : instance.livenessFailures + 1;
        if (instance.livenessFailures >= probe.failureThreshold() && instance.killedBecause.isEmpty()) {
            String why = "liveness probe failed " + instance.livenessFailures + " times";
            LOG.warn("EF3507 workload {}: {}; stopping it", name, why);
            instance.killedBecause = Optional.of(why);
            terminate(instance);
        }
    }

    private void retryIn(LiveInstance instance, Duration delay) {
        instance.startAt = Optional.of(clock.instant().plus(delay));
        schedule(this::reconcile, delay);
    }

    /** Persists the record and reports it upstream when the reported state changed. */
    private void save(LiveInstance instance, InstanceRecord next) {
        InstanceRecord previous = instance.record;
        persist(next);
        instance.record = next;
        if (!previous.sameStatus(next)) {
            status.changed(next.toStatus());
        }
    }

    private void persist(InstanceRecord record) {
        store.inTransaction(tx -> {
            WorkloadTable.saveInstance(tx.connection(), record);
            return null;
        });
    }

    private RecordBuilder with(InstanceRecord r, InstancePhase phase, String message) {
        Instant since = r.phase() == phase ? r.since() : clock.instant();
        return new RecordBuilder(r).phase(phase).message(message).since(since);
    }

    private String newToken(String name) {
        return tokenPrefix + name + "/" + UUID.randomUUID();
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }

    private void submit(Runnable work) {
        try {
            thread.execute(guarded(work));
        } catch (RejectedExecutionException e) {
            LOG.debug("workload event after the daemon stopped: ignored");
        }
    }

    private ScheduledFuture<?> schedule(Runnable work, Duration delay) {
        return thread.schedule(guarded(work), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("EF3500 workload task failed: {}", e.toString(), e);
            }
        };
    }
}
