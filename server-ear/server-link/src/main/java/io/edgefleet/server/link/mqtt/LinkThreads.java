package io.edgefleet.server.link.mqtt;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of one link: daemon, named {@code edgefleet-…}, owned by the link and stopped by its
 * {@code close()}. Inside an application server nothing may outlive the application.
 */
final class LinkThreads {
    private LinkThreads() {}

    static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new NamedThread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * An executor for Paho's own loops (receiver, sender, callback, pings). Paho renames the thread
     * while one of its loops runs on it ("MQTT Rec: …"); the {@code edgefleet-} name comes back when
     * the loop ends.
     */
    static ScheduledThreadPoolExecutor forPaho(String prefix, int threads) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, named(prefix)) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                super.afterExecute(task, failure);
                if (Thread.currentThread() instanceof NamedThread thread) {
                    thread.restoreName();
                }
            }
        };
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static final class NamedThread extends Thread {
        private final String baseName;

        NamedThread(Runnable runnable, String name) {
            super(runnable, name);
            this.baseName = name;
        }

        void restoreName() {
            setName(baseName);
        }
    }
}
